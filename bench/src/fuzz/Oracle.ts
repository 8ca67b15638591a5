/**
 * Runs one input the way `blackbook merge` does (expand a zip, let the adapter claim, read with
 * `now` given) and judges the outcome. Crash: an exception, a defect, or a failure that is not a
 * SourceError, or an item of no known kind. Silent loss: for a pure cut, a record that lay wholly
 * before the cut is missing and nothing (no issue, no error) says so. Hangs and memory are judged
 * by the process that runs the worker (see Runner.ts and worker.ts).
 */
import { Input, Source } from "@blackbook/model"
import { Cause, Effect, Exit, Stream } from "effect"
import type { FuzzCase } from "./Case.ts"

export const now = new Date("2026-12-07T00:00:00Z")

export type Outcome =
  | { readonly _tag: "Items"; readonly items: ReadonlyArray<Source.SourceItem>; readonly claimed: number }
  | { readonly _tag: "Failed"; readonly error: Source.SourceError }
  | { readonly _tag: "Crash"; readonly detail: string }

const itemTags = new Set(["Record", "Self", "Interaction", "Issue"])

const describe = (u: unknown): string =>
  u instanceof Error ? `${u.name}: ${u.message}`.slice(0, 300) : String(u).slice(0, 300)

/** Reads a bundle with one adapter: claim, then read. */
export const readBundle = async (
  adapter: Source.SourceAdapter,
  bundle: Source.InputBundle,
): Promise<Outcome> => {
  let claimed: ReadonlyArray<Source.InputFile>
  try {
    claimed = adapter.claim(bundle)
  } catch (e) {
    return { _tag: "Crash", detail: `claim threw ${describe(e)}` }
  }
  if (claimed.length === 0) return { _tag: "Items", items: [], claimed: 0 }
  let exit: Exit.Exit<ReadonlyArray<Source.SourceItem>, Source.SourceError>
  try {
    exit = await Effect.runPromiseExit(Stream.runCollect(adapter.read(claimed, { now })))
  } catch (e) {
    return { _tag: "Crash", detail: `read threw ${describe(e)}` }
  }
  if (Exit.isSuccess(exit)) {
    const odd = exit.value.find((item) => !itemTags.has(item._tag))
    return odd
      ? { _tag: "Crash", detail: `an item of unknown kind ${String(odd._tag)}` }
      : { _tag: "Items", items: exit.value, claimed: claimed.length }
  }
  const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
  if (failure?._tag === "Fail" && failure.error instanceof Source.SourceError)
    return { _tag: "Failed", error: failure.error }
  return { _tag: "Crash", detail: `the stream died: ${Cause.pretty(exit.cause).slice(0, 400)}` }
}

/** Reads a case's input: a zip is expanded first (an entry that cannot be read is reported). */
export const readCase = async (adapter: Source.SourceAdapter, c: FuzzCase): Promise<Outcome> => {
  if (c.input._tag === "Bundle") return readBundle(adapter, c.input.bundle)
  const expanded = await Effect.runPromiseExit(Input.fromBytesAll(c.input.name, c.input.bytes))
  if (Exit.isFailure(expanded)) {
    const failure = expanded.cause.reasons.find((r) => r._tag === "Fail")
    return failure?._tag === "Fail"
      ? { _tag: "Failed", error: failure.error }
      : { _tag: "Crash", detail: `unzip died: ${Cause.pretty(expanded.cause).slice(0, 400)}` }
  }
  const items: Source.SourceItem[] = []
  let claimed = 0
  for (const bundle of expanded.value.bundles) {
    const outcome = await readBundle(adapter, bundle)
    if (outcome._tag !== "Items") return outcome
    items.push(...outcome.items)
    claimed += outcome.claimed
  }
  return { _tag: "Items", items, claimed }
}

/** What identifies a record across two reads: its file and e-mails, else its name, else its locator. */
export const recordKey = (r: Source.SourceItem & { _tag: "Record" }): string => {
  const { provenance, emails, name } = r.record
  const mails = emails
    .map((e) => e.value.toLowerCase())
    .sort()
    .join(",")
  const who = mails || name.formatted || [name.given, name.family].filter(Boolean).join(" ")
  return `${provenance.file}|${who || provenance.record}`
}

const keysOf = (items: ReadonlyArray<Source.SourceItem>): Set<string> =>
  new Set(items.flatMap((i) => (i._tag === "Record" ? [recordKey(i)] : [])))

export interface Verdict {
  readonly kind: "ok" | "crash" | "silent-loss"
  /** Records missing after a cut while an issue or error was reported (not a finding). */
  readonly reportedLoss: boolean
  readonly outcome: "items" | "source-error" | "unclaimed" | "crash"
  readonly detail?: string
}

/** Judges one case: crash, silent loss, or fine. */
export const judge = async (adapter: Source.SourceAdapter, c: FuzzCase): Promise<Verdict> => {
  const outcome = await readCase(adapter, c)
  if (outcome._tag === "Crash")
    return { kind: "crash", reportedLoss: false, outcome: "crash", detail: outcome.detail }
  const shape = outcome._tag === "Failed" ? "source-error" : outcome.claimed === 0 ? "unclaimed" : "items"
  if (c.wholeBefore === undefined) return { kind: "ok", reportedLoss: false, outcome: shape }
  const before = await readBundle(adapter, c.wholeBefore)
  if (before._tag !== "Items") return { kind: "ok", reportedLoss: false, outcome: shape }
  const actual = outcome._tag === "Items" ? keysOf(outcome.items) : new Set<string>()
  const missing = [...keysOf(before.items)].filter((k) => !actual.has(k))
  if (missing.length === 0) return { kind: "ok", reportedLoss: false, outcome: shape }
  // a file no adapter claims is named by merge as unrecognised: reported, not silent
  const reported =
    outcome._tag === "Failed" || outcome.claimed === 0 || outcome.items.some((i) => i._tag === "Issue")
  if (reported) return { kind: "ok", reportedLoss: true, outcome: shape }
  return {
    kind: "silent-loss",
    reportedLoss: false,
    outcome: shape,
    detail: `${missing.length} record(s) before the cut missing, nothing reported: ${missing.slice(0, 3).join("; ")}`,
  }
}
