import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@blackbook/source"] },
  // tests run in Vite's SSR environment, which takes its own resolve conditions
  ssr: { resolve: { conditions: ["@blackbook/source"] } },
  test: { include: ["test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
})
