import { defineConfig } from "vitest/config"

// Tests run in Vite's SSR environment, which takes its own resolve conditions.
export default defineConfig({
  resolve: { conditions: ["@blackbook/source"] },
  ssr: { resolve: { conditions: ["@blackbook/source"] } },
  test: { include: ["test/**/*.test.ts"] },
})
