import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Builds the `gloss` command line into Node ES modules: out/cli/gloss.js, and
 * beside it the import worker, import-worker.js (see
 * src/main/import/import-worker-script.ts), with the code they share in a chunk.
 */
export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'iconv-lite'],
      input: { gloss: resolve('src/cli/gloss.ts'), 'import-worker': resolve('src/main/import/import-worker.ts') },
      output: { entryFileNames: '[name].js', format: 'es' },
    },
  },
});
