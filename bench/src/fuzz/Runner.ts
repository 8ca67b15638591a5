/**
 * Runs a range of inputs of one adapter in worker processes and tallies what the oracles saw. The
 * parent enforces the time limit (a worker silent past it is killed and its input is a hang) and
 * notices a worker that dies (out of memory: a blow-up; otherwise a crash), then goes on with the
 * next input in a fresh worker.
 */
import { type ChildProcess, fork } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import type { Sizes } from "./Mutate.ts"
import type { WorkerMessage } from "./worker.ts"

export type FindingKind = "crash" | "hang" | "blow-up" | "silent-loss"

export interface Finding {
  readonly kind: FindingKind
  readonly adapter: string
  readonly seed: number
  readonly index: number
  readonly detail: string
  readonly input?: string
  readonly ops?: ReadonlyArray<string>
}

export interface Tally {
  readonly adapter: string
  inputs: number
  crashes: number
  hangs: number
  blowUps: number
  silentLosses: number
  /** Cuts whose earlier records went missing with an issue or error reported (not findings). */
  reportedLosses: number
  sourceErrors: number
  unclaimed: number
  seconds: number
  /** The slowest inputs that finished. */
  slowest: Array<{ index: number; ms: number; size: number; input: string; ops: ReadonlyArray<string> }>
  findings: Finding[]
}

export interface RunOptions {
  readonly adapter: string
  readonly seed: number
  readonly from: number
  readonly count: number
  readonly timeoutMs: number
  readonly jobs: number
  /** Heap limit of a worker, in MiB: past it the worker dies and the input is a blow-up. */
  readonly heapMiB: number
  /** No mutated input grows past this many bytes. */
  readonly maxBytes: number
  /** Which repeat counts and long-line lengths are drawn (see Mutate.ts). */
  readonly sizes?: Sizes
  readonly onMessage?: (tally: Tally) => void
}

const workerPath = path.join(import.meta.dirname, "worker.ts")
const chunk = 2000

const spawnWorker = (o: RunOptions, from: number, to: number): ChildProcess =>
  fork(
    workerPath,
    [o.adapter, String(o.seed), String(from), String(to), String(o.maxBytes), o.sizes ?? "mixed"],
    {
      execArgv: ["--import", "tsx", "--conditions=@blackbook/source", `--max-old-space-size=${o.heapMiB}`],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    },
  )

const live = new Set<ChildProcess>()

/** Kills every worker still running (a stopped run). */
export const stopWorkers = (): void => {
  for (const child of live) child.kill("SIGKILL")
}

/**
 * CPU seconds a process has used, from /proc (Linux); undefined elsewhere. The time limit counts
 * CPU, not wall time, so a machine busy with other work does not turn slow inputs into hangs.
 */
const cpuSeconds = (pid: number | undefined): number | undefined => {
  if (pid === undefined) return undefined
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

/** Runs inputs from .. from + count - 1 of one adapter. */
export const runAdapter = (o: RunOptions): Promise<Tally> => {
  const tally: Tally = {
    adapter: o.adapter,
    inputs: 0,
    crashes: 0,
    hangs: 0,
    blowUps: 0,
    silentLosses: 0,
    reportedLosses: 0,
    sourceErrors: 0,
    unclaimed: 0,
    seconds: 0,
    slowest: [],
    findings: [],
  }
  const started = performance.now()
  const end = o.from + o.count
  let nextChunk = o.from
  const finding = (kind: FindingKind, index: number, detail: string, m?: WorkerMessage) => {
    tally.findings.push({
      kind,
      adapter: o.adapter,
      seed: o.seed,
      index,
      detail,
      ...(m ? { input: m.seedFile, ops: m.ops } : {}),
    })
  }
  const record = (m: WorkerMessage) => {
    tally.inputs++
    if (m.kind === "crash") tally.crashes++
    if (m.kind === "silent-loss") tally.silentLosses++
    if (m.kind === "blow-up") tally.blowUps++
    if (m.kind !== "ok") finding(m.kind, m.index, m.detail ?? "", m)
    if (m.reportedLoss) tally.reportedLosses++
    if (m.outcome === "source-error") tally.sourceErrors++
    if (m.outcome === "unclaimed") tally.unclaimed++
    tally.slowest.push({ index: m.index, ms: Math.round(m.ms), size: m.size, input: m.seedFile, ops: m.ops })
    tally.slowest.sort((a, b) => b.ms - a.ms)
    if (tally.slowest.length > 5) tally.slowest.length = 5
    tally.seconds = (performance.now() - started) / 1000
    o.onMessage?.(tally)
  }

  /** One slot: takes chunks until none is left, one worker per stretch of a chunk. */
  const slot = async (): Promise<void> => {
    while (nextChunk < end) {
      const from = nextChunk
      const to = Math.min(end, from + chunk)
      nextChunk = to
      let at = from
      while (at < to) at = await stretch(at, to)
    }
  }

  /** Runs a worker over [from, to) until it ends; returns where the next worker starts. */
  const stretch = (from: number, to: number): Promise<number> =>
    new Promise((resolve) => {
      const child = spawnWorker(o, from, to)
      live.add(child)
      let last = from - 1
      let heard = performance.now()
      let cpuAtHeard = cpuSeconds(child.pid) ?? 0
      let killed: string | undefined
      let stderr = ""
      child.stderr?.on("data", (d: Buffer) => {
        stderr = (stderr + d.toString()).slice(-4000)
      })
      child.on("message", (m: WorkerMessage) => {
        last = m.index
        heard = performance.now()
        cpuAtHeard = cpuSeconds(child.pid) ?? cpuAtHeard
        record(m)
      })
      // the first input waits for the worker to start too; wall time is a backstop at 6x
      const timer = setInterval(() => {
        const limit = last < from ? o.timeoutMs + 30_000 : o.timeoutMs
        const cpu = cpuSeconds(child.pid)
        const cpuUsed = cpu === undefined ? undefined : (cpu - cpuAtHeard) * 1000
        const wall = performance.now() - heard
        if ((cpuUsed ?? wall) > limit || wall > 6 * limit) {
          // say which limit: on a busy machine the wall-clock backstop can stop a slow, not a hung, input
          killed =
            (cpuUsed ?? wall) > limit
              ? `no result within ${o.timeoutMs / 1000} s of CPU`
              : `no result within ${(6 * limit) / 1000} s of wall time (${((cpuUsed ?? 0) / 1000).toFixed(1)} s of CPU)`
          child.kill("SIGKILL")
        }
      }, 250)
      child.on("exit", (code, signal) => {
        clearInterval(timer)
        live.delete(child)
        const culprit = last + 1
        if (culprit >= to) return resolve(to)
        const lastWasBlowUp =
          tally.findings.at(-1)?.kind === "blow-up" && tally.findings.at(-1)?.index === last
        if (code === 0 && lastWasBlowUp) return resolve(culprit)
        tally.inputs++
        if (killed !== undefined) {
          tally.hangs++
          finding("hang", culprit, killed)
        } else if (
          /heap out of memory|Allocation failed|Invalid array length|Cannot create a string/.test(stderr)
        ) {
          tally.blowUps++
          finding("blow-up", culprit, `the worker ran out of memory (${o.heapMiB} MiB heap)`)
        } else {
          tally.crashes++
          finding("crash", culprit, `the worker died (code ${code}, signal ${signal}): ${stderr.slice(-300)}`)
        }
        tally.seconds = (performance.now() - started) / 1000
        o.onMessage?.(tally)
        resolve(culprit + 1)
      })
    })

  return Promise.all(Array.from({ length: Math.max(1, o.jobs) }, slot)).then(() => {
    tally.seconds = (performance.now() - started) / 1000
    tally.findings.sort((a, b) => a.index - b.index)
    return tally
  })
}
