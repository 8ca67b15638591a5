// Hand-made contacts and histories for the tests. Every person here is invented.
import type { Contact, Interaction } from "@blackbook/model"
import { SourceRecord } from "@blackbook/model"
import { Result } from "effect"
import {
  Cadence as CadenceModule,
  Find as FindModule,
  type InvalidOption,
  Ranking as RankingModule,
  Score as ScoreModule,
  Weights as WeightsModule,
} from "../src/index.ts"

export const NOW = "2026-03-15T12:00:00.000Z"
const DAY = 86_400_000

/** ISO instant `days` before NOW (negative: after). */
export const daysAgo = (days: number): string => new Date(Date.parse(NOW) - days * DAY).toISOString()

export interface ContactSpec {
  readonly given?: string
  readonly family?: string
  readonly nickname?: string
  readonly emails?: ReadonlyArray<string>
  readonly company?: string
  readonly handles?: ReadonlyArray<string>
  readonly categories?: ReadonlyArray<string>
  readonly connectedOn?: string
  readonly source?: string
}

export const contact = (id: string, displayName: string, spec: ContactSpec = {}): Contact.Contact => {
  const source = spec.source ?? "vcard"
  const name = {
    ...(spec.given !== undefined ? { given: spec.given } : {}),
    ...(spec.family !== undefined ? { family: spec.family } : {}),
    ...(spec.nickname !== undefined ? { nickname: spec.nickname } : {}),
  }
  const record = SourceRecord.make(
    { source, file: `${source}.export`, record: `row:${id}` },
    {
      name,
      ...(spec.connectedOn !== undefined ? { connectedOn: spec.connectedOn } : {}),
      categories: [...(spec.categories ?? [])],
    },
  )
  const key = SourceRecord.key(record.provenance)
  return {
    id,
    displayName,
    name,
    emails: (spec.emails ?? []).map((value) => ({ value, types: [], from: [key] })),
    phones: [],
    organizations: spec.company !== undefined ? [{ company: spec.company, from: [key] }] : [],
    addresses: [],
    urls: [],
    handles: (spec.handles ?? []).map((handle) => ({ service: "twitter", handle, from: [key] })),
    notes: [],
    categories: [...(spec.categories ?? [])],
    ...(spec.connectedOn !== undefined ? { connectedOn: spec.connectedOn } : {}),
    records: [record],
    match: [],
  }
}

let serial = 0
export const interaction = (
  kind: Interaction.InteractionKind,
  at: string,
  direction: Interaction.Direction = kind === "meeting" ? "mutual" : "outgoing",
): Interaction.Interaction => {
  serial++
  return {
    kind,
    at,
    direction,
    counterpart: { source: "test", file: "test.json", record: `account:${serial}` },
    provenance: { source: "test", file: "test.json", record: `message:${serial}` },
  }
}

/** Interactions of one kind every `everyDays`, from `fromDaysAgo` down to `toDaysAgo` (inclusive). */
export const series = (
  kind: Interaction.InteractionKind,
  fromDaysAgo: number,
  toDaysAgo: number,
  everyDays: number,
  direction?: Interaction.Direction,
): Array<Interaction.Interaction> => {
  const out: Array<Interaction.Interaction> = []
  for (let d = fromDaysAgo; d >= toDaysAgo; d -= everyDays) out.push(interaction(kind, daysAgo(d), direction))
  return out
}

/** A Result's success; a test fails loudly on an unexpected InvalidOption. */
export const ok = <A, E>(result: Result.Result<A, E>): A => Result.getOrThrow(result)

/** The InvalidOption of a Result that should have failed. */
export const invalid = <A>(
  result: Result.Result<A, InvalidOption.InvalidOption>,
): InvalidOption.InvalidOption => {
  if (Result.isSuccess(result)) throw new Error("expected an InvalidOption")
  return result.failure
}

// The priority modules with their checked functions unwrapped, so tests read the values directly.
export const Ranking = {
  ...RankingModule,
  rank: (...args: Parameters<typeof RankingModule.rank>) => ok(RankingModule.rank(...args)),
  digest: (...args: Parameters<typeof RankingModule.digest>) => ok(RankingModule.digest(...args)),
}
export const Find = {
  ...FindModule,
  makeIndex: (...args: Parameters<typeof FindModule.makeIndex>) => ok(FindModule.makeIndex(...args)),
  find: (...args: Parameters<typeof FindModule.find>) => ok(FindModule.find(...args)),
}
export const Score = {
  ...ScoreModule,
  score: (...args: Parameters<typeof ScoreModule.score>) => ok(ScoreModule.score(...args)),
  decaysToOneOn: (...args: Parameters<typeof ScoreModule.decaysToOneOn>) =>
    ok(ScoreModule.decaysToOneOn(...args)),
}
export const Cadence = {
  ...CadenceModule,
  cadence: (...args: Parameters<typeof CadenceModule.cadence>) => ok(CadenceModule.cadence(...args)),
  due: (...args: Parameters<typeof CadenceModule.due>) => ok(CadenceModule.due(...args)),
}
export const Weights = {
  ...WeightsModule,
  make: (...args: Parameters<typeof WeightsModule.make>) => ok(WeightsModule.make(...args)),
}
