import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@blackbook/source"] },
  test: { include: ["test/**/*.test.ts"] },
})
