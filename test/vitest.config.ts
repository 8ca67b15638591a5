import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@blackbook/source"] },
  test: { include: ["**/*.test.ts"], exclude: ["node_modules/**"], testTimeout: 120_000 },
})
