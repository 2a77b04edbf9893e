import { defineConfig } from '@playwright/test';
import type { GlossTarget } from './e2e/support/fixtures';

/**
 * The same specs run twice: "chromium" drives the built renderer in Chromium
 * with the real main-process handlers; "electron" drives the real app and is
 * skipped, with the reason printed, where no Electron binary is installed.
 */
export default defineConfig<{ glossTarget: GlossTarget }>({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 2,
  // One retry: on a shared two-core machine a spec can lose a race with the machine, not with the app; Playwright
  // reports a test that passes only on its retry as flaky, in the summary, so it is seen, not hidden.
  retries: 1,
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'chromium', use: { glossTarget: 'chromium' } },
    { name: 'electron', use: { glossTarget: 'electron' } },
  ],
});
