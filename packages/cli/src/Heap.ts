/**
 * The V8 settings the command runs with. Resolution keeps most of what it allocates (a profile
 * per record, then a merged contact per person), and with V8's default young generation every
 * survivor is copied through many small scavenges; a larger one spends much less time copying
 * (docs/cli.md has the measurements). V8 reads the size only at start-up, so the command starts
 * itself again with it.
 *
 * It starts with `--expose-gc` as well, and hands the collection to Book.build, which runs it once
 * for a big import, when resolution's working memory has become garbage, which lowers the peak
 * (`BookOptions.collectGarbage`; docs/cli.md).
 *
 * @since 0.2.0
 */

/** The young generation's semi-space size, in MB. */
export const semiSpaceMb = 64

/** The flag that sets it. */
export const semiSpaceFlag = `--max-semi-space-size=${semiSpaceMb}`

/** The flag that gives the process a `gc` function. */
export const exposeGcFlag = "--expose-gc"

/** Set in the started-again process (and by anyone who wants the command to run as it is). */
export const noRestartVariable = "BLACKBOOK_NO_RESTART"

/**
 * The arguments to start the command again with (after `process.execPath`), or undefined when
 * this process should run it: it already has a semi-space size (on its command line or in
 * NODE_OPTIONS), or restarting is turned off.
 */
export const restartArguments = (
  execArgv: ReadonlyArray<string>,
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>,
): ReadonlyArray<string> | undefined => {
  if (env[noRestartVariable] !== undefined && env[noRestartVariable] !== "") return undefined
  const script = argv[1]
  if (script === undefined) return undefined
  const hasSize = (s: string) => /--max-semi-space-size\b/.test(s)
  if (execArgv.some(hasSize) || hasSize(env.NODE_OPTIONS ?? "")) return undefined
  const gc = execArgv.includes(exposeGcFlag) ? [] : [exposeGcFlag]
  return [...execArgv, semiSpaceFlag, ...gc, script, ...argv.slice(2)]
}

/** The process's full garbage collection (`globalThis.gc`), when it was started with one. */
export const collectGarbage = (): (() => void) | undefined => {
  const gc: unknown = (globalThis as { gc?: unknown }).gc
  return typeof gc === "function" ? () => gc() : undefined
}
