/**
 * The `blackbook` command as a library: `run(argv)` resolves to the exit code.
 *
 * @since 0.1.0
 */

export * as Heap from "./Heap.ts"
export { blackbook, run } from "./Main.ts"
