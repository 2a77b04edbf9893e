import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the `gloss` command line into one Node ES module, out/cli/gloss.js. */
export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: resolve('src/cli/gloss.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'iconv-lite'],
      output: { entryFileNames: 'gloss.js', format: 'es' },
    },
  },
});
