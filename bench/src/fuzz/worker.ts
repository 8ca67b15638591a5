/**
 * The fuzzer's worker process: makes and judges inputs `from` .. `to` - 1 of one adapter, one at a
 * time, and sends one message per input to its parent, which kills it when an input runs past the
 * time limit or memory is exhausted. Memory: the process's peak RSS over the RSS before the input;
 * past `256 MiB + 50 x input size` the input is a blow-up and the worker ends (the peak only grows,
 * so a fresh process measures the next input).
 *
 * Usage (by Runner.ts): worker.ts <adapter> <seed> <from> <to> <max input bytes> <sizes>
 */
import { Adapters } from "blackbook"
import { makeCase } from "./Case.ts"
import { wholeRecords } from "./Cut.ts"
import { defaultMaxInputBytes, type Sizes } from "./Mutate.ts"
import { judge } from "./Oracle.ts"
import { type AdapterName, seedsOf } from "./Seeds.ts"

export interface WorkerMessage {
  readonly index: number
  readonly kind: "ok" | "crash" | "silent-loss" | "blow-up"
  readonly reportedLoss: boolean
  readonly outcome: string
  readonly ms: number
  readonly size: number
  readonly seedFile: string
  readonly ops: ReadonlyArray<string>
  readonly detail?: string
}

export const memoryBound = (inputBytes: number): number => 256 * 1024 * 1024 + 50 * inputBytes

const [adapterName, seedArg, fromArg, toArg, maxBytesArg, sizesArg] = process.argv.slice(2)
const adapter = Adapters.defaultAdapters.find((a) => a.name === adapterName)
if (adapter === undefined || process.send === undefined) {
  console.error(`worker: unknown adapter ${adapterName} or no parent`)
  process.exit(2)
}
// a parent that is gone (stopped, killed) takes its worker with it
process.on("disconnect", () => process.exit(0))
const send = (m: WorkerMessage) =>
  new Promise<void>((resolve) => process.send!(m, undefined, {}, () => resolve()))
const seeds = seedsOf(adapterName as AdapterName)
const seed = Number(seedArg)
const maxBytes = maxBytesArg === undefined ? defaultMaxInputBytes : Number(maxBytesArg)
const sizes = (sizesArg ?? "mixed") as Sizes

for (let index = Number(fromArg); index < Number(toArg); index++) {
  const c = makeCase(seed, adapterName as AdapterName, index, seeds, wholeRecords, maxBytes, sizes)
  const rssBefore = process.memoryUsage().rss
  const peakBefore = process.resourceUsage().maxRSS * 1024
  const start = performance.now()
  const verdict = await judge(adapter, c)
  const ms = performance.now() - start
  const peak = process.resourceUsage().maxRSS * 1024
  const grew = peak - rssBefore
  // the peak is the process's: only a peak this input raised is this input's
  const blownUp = peak > peakBefore && grew > memoryBound(c.size)
  const base = {
    index,
    reportedLoss: verdict.reportedLoss,
    outcome: verdict.outcome,
    ms,
    size: c.size,
    seedFile: `${c.seed} ${c.file}${c.input._tag === "Zip" ? ` (zipped${c.input.damaged ? ", zip damaged" : ""})` : ""}`,
    ops: c.mutation.ops,
  }
  if (blownUp) {
    await send({
      ...base,
      kind: "blow-up",
      detail: `peak RSS grew ${Math.round(grew / 2 ** 20)} MiB for ${c.size} bytes`,
    })
    process.exit(0)
  }
  await send(
    verdict.detail === undefined
      ? { ...base, kind: verdict.kind }
      : { ...base, kind: verdict.kind, detail: verdict.detail },
  )
}
process.exit(0)
