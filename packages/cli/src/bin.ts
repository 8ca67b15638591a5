#!/usr/bin/env node
/**
 * Entry point of the `blackbook` command.
 *
 * @since 0.1.0
 */
import { run } from "./Main.ts"

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
