// Lint rules, including the layering rules of the architecture: each runtime
// folder may import only from the layers below it (see README, Architecture).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'url'];
const restrict = (message, ...groups) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups.flat(), message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    // Tests and their support files may read fixtures from disk.
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: restrict(
      'src/core and src/shared are pure TypeScript: no Electron, React, Lexical, DOM, Node or storage imports, and nothing from the layers above.',
      ['electron', 'react', 'react-dom', 'react/*', 'lexical', '@lexical/*', 'lowdb', 'lowdb/*', 'zod'],
      nodeBuiltins,
      ['**/main/**', '**/renderer/**', '**/preload/**'],
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict(
      'The renderer reaches main only through window.gloss: no Electron, Node or main-process imports.',
      ['electron', 'lowdb', 'lowdb/*', 'zod'],
      nodeBuiltins,
      ['**/main/**', '**/preload/**'],
    ),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict('Preload builds window.gloss from the shared contract and nothing else.', nodeBuiltins, [
      '**/main/**',
      '**/renderer/**',
      '**/core/**',
      'lowdb',
      'react',
      'lexical',
    ]),
  },
  {
    files: ['src/main/**/*.ts'],
    rules: restrict('Main never imports the renderer, preload, React or Lexical.', ['**/renderer/**', '**/preload/**', 'react', 'react-dom', 'lexical', '@lexical/*']),
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
