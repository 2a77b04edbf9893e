import { defineConfig } from '@playwright/test';

/**
 * Not a test suite: `npm run bench` runs the *.bench.ts files one after
 * another in one worker (the machine is shared; parallel runs would skew
 * every figure), then prints the table and writes bench-results.json.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
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
