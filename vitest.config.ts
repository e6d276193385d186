import { defineConfig } from "vitest/config";

// Two layers: fast unit tests (pure TypeScript, no browser) and slower end-to-end tests that drive
// the real Chromium, Ghostscript, printers and servers. Each e2e file shares one browser.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 20_000 } },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
