import { defineConfig } from '@playwright/test';

/**
 * Not a test suite: `npm run bench` runs the *.bench.ts files one after
 * another in one worker (the machine is shared; parallel runs would skew
 * every figure), then prints the table and writes bench-results.json.
 */
export default defineConfig({
  testDir: '.',
  // The renderer's benchmarks (the reader, the notebook, the find bar) first: the Node-side benchmarks (a 50 MB import among them) leave this worker with hundreds of
  // megabytes to collect, and on two cores that collection would run beside the renderer being measured.
  projects: [
    { name: 'reader', testMatch: 'reader.bench.ts' },
    { name: 'notebook', testMatch: 'notebook.bench.ts', dependencies: ['reader'] },
    { name: 'find', testMatch: 'find.bench.ts', dependencies: ['notebook'] },
    { name: 'node', testMatch: '*.bench.ts', testIgnore: ['reader.bench.ts', 'notebook.bench.ts', 'find.bench.ts'], dependencies: ['find'] },
  ],
  timeout: 300_000,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  // Apart from the end-to-end tests' folder, so the two can run at once.
  outputDir: '../test-results-bench',
  globalSetup: './setup.ts',
  globalTeardown: './teardown.ts',
});
