import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@blackbook/source"] },
  // tests run in Vite's SSR environment, which takes its own resolve conditions
  ssr: { resolve: { conditions: ["@blackbook/source"] } },
  // tests check outcomes, never speed (benchmarks measure that): a busy machine must not fail them
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 },
})
