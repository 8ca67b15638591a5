#!/usr/bin/env node
/**
 * Entry point of the `blackbook` command. It first starts itself again with the heap settings
 * of `Heap.ts` when it was started without them (the child's exit code is the command's).
 *
 * @since 0.1.0
 */
import { spawnSync } from "node:child_process"
import { noRestartVariable, restartArguments } from "./Heap.ts"

const again = restartArguments(process.execArgv, process.argv, process.env)
if (again !== undefined) {
  const child = spawnSync(process.execPath, again, {
    stdio: "inherit",
    env: { ...process.env, [noRestartVariable]: "1" },
  })
  if (child.error !== undefined) {
    process.stderr.write(`blackbook: cannot start node again with a larger heap: ${child.error.message}\n`)
    process.exitCode = 1
  } else {
    if (child.signal !== null) process.kill(process.pid, child.signal)
    process.exitCode = child.status ?? 1
  }
} else {
  // A reader that stops early (`| head`) closes the pipe: what it did not want is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error
  })
  // Loaded only here: the process that starts the command again has no use for them.
  const { removePending } = await import("./Write.ts")
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      // a half-written temporary file is removed; the output it was to replace is untouched
      removePending()
      process.kill(process.pid, signal)
    })
  }
  const { run } = await import("./Main.ts")
  process.exitCode = await run(process.argv.slice(2))
}
