// End-to-end tests in a real VS Code (code-server + headless Chromium). Run by `npm run test:e2e`, which installs
// what they need (scripts/e2e-setup.sh) and packages the .vsix first. One file at a time: it is a whole editor.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    retry: 0,
  },
});
