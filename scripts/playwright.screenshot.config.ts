import { defineConfig } from '@playwright/test';

/** Not a test suite: runs scripts/readme-screenshot.ts to refresh docs/screenshot.png. */
export default defineConfig({
  testDir: '.',
  testMatch: 'readme-screenshot.ts',
  reporter: 'line',
});
