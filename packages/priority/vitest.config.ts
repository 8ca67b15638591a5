import { defineConfig } from "vitest/config"

// Tests run in Vite's SSR environment, which takes its own resolve conditions.
export default defineConfig({
  resolve: { conditions: ["@blackbook/source"] },
  ssr: { resolve: { conditions: ["@blackbook/source"] } },
  // tests check outcomes, never speed (benchmarks measure that): a busy machine must not fail them
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 },
})
