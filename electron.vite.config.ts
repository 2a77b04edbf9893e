import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    // The import worker is a script of its own beside index.js (see src/main/import/import-worker-script.ts).
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts'), 'import-worker': resolve('src/main/import/import-worker.ts') } } },
  },
  preload: {
    // A sandboxed preload cannot be an ES module: bundle it into one CommonJS file.
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
      // Fonts are always files: a small one inlined as a data: URL would be refused by the CSP (font-src 'self').
      assetsInlineLimit: (file: string) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    },
  },
});
