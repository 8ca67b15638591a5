/**
 * The LinkedIn "Get a copy of your data" export (2016 to 2026 vintages) as a Blackbook source:
 * connections and imported contacts become Records, messages and invitations Interactions with
 * a Record per person on the other side, and the profile files one Self item.
 *
 * @since 0.1.0
 */
import { Source } from "@blackbook/model"
import { Result, Stream } from "effect"
import { type Loaded, load, sourceName, unknownFormat } from "./internal/common.ts"
import { readConnections } from "./internal/connections.ts"
import {
  basename,
  dirname,
  headerMatches,
  isConnectionsFile,
  type Kind,
  specByName,
} from "./internal/files.ts"
import { readImported } from "./internal/imported.ts"
import { readInvitations, readMessages } from "./internal/interactions.ts"
import { detectMe } from "./internal/me.ts"
import { type Located, readSelf } from "./internal/self.ts"

/**
 * Claims every LinkedIn CSV of each export in the bundle. An export is recognised by a
 * Connections.csv whose content is LinkedIn's (preamble, header or the header-less 2021 form);
 * its sibling files are claimed when their name and header match a file the adapter reads.
 */
const claim = (bundle: Source.InputBundle): ReadonlyArray<Source.InputFile> => {
  const connections = new Set<Source.InputFile>()
  for (const f of bundle.files) {
    if (isConnectionsFile(f.path, f.bytes)) connections.add(f)
  }
  if (connections.size === 0) return []
  const roots = new Set([...connections].map((f) => dirname(f.path)))
  return bundle.files.filter((f) => {
    if (connections.has(f)) return true
    if (!roots.has(dirname(f.path))) return false
    const spec = specByName(f.path)
    return spec !== undefined && spec.kind !== "connections" && headerMatches(spec, f.bytes)
  })
}

/** Reads the files of one export folder: Self first, then contacts, then interactions. */
const readExport = (
  files: ReadonlyArray<Source.InputFile>,
  options?: Source.ReadOptions,
): Source.UnitRead => {
  const limit = Source.recordLimit(options)
  const byKind = new Map<Kind, Array<Located>>()
  const connections: Array<Source.InputFile> = []
  for (const file of files) {
    const spec = specByName(file.path)
    if (spec === undefined || spec.kind === "connections") {
      if (spec === undefined && !isConnectionsFile(file.path, file.bytes)) continue
      connections.push(file)
      continue
    }
    const loaded: Loaded = load(file.bytes, spec.required, limit)
    if (loaded._tag === "NoHeader") {
      return Result.fail(unknownFormat(file.path, `not a LinkedIn ${basename(file.path)}: ${loaded.detail}`))
    }
    if (loaded._tag === "Empty") continue
    const list = byKind.get(spec.kind) ?? []
    list.push({ path: file.path, table: loaded.table })
    byKind.set(spec.kind, list)
  }
  const of = (kind: Kind): ReadonlyArray<Located> => byKind.get(kind) ?? []
  const profile = of("profile")[0]
  const messages = of("messages")
  const invitations = of("invitations")
  const me = detectMe({
    profile: profile?.table,
    messages: messages[0]?.table,
    invitations: invitations[0]?.table,
  })

  const items: Array<Source.SourceItem> = []
  const self = readSelf(
    {
      profile,
      emails: of("emails"),
      phones: of("phones"),
      whatsapp: of("whatsapp"),
      positions: of("positions"),
    },
    me,
    messages[0]?.path ?? invitations[0]?.path,
  )
  if (self) items.push(self)
  for (const file of connections) {
    const read = readConnections(file.path, file.bytes, limit)
    if (Result.isFailure(read)) return read
    pushAll(items, read.success)
  }
  for (const { path, table } of of("imported")) pushAll(items, readImported(path, table))
  for (const { path, table } of messages) pushAll(items, readMessages(path, table, me))
  for (const { path, table } of invitations) pushAll(items, readInvitations(path, table, me))
  return Result.succeed(items)
}

/**
 * Appends one by one: `push(...xs)` passes every item as an argument on the stack, and a big
 * export overflowed it (docs/architecture.md).
 */
const pushAll = <A>(to: Array<A>, xs: Iterable<A>): void => {
  for (const x of xs) to.push(x)
}

/** Files grouped by folder, in first-seen order: each folder is one export. */
const exportsOf = (
  files: ReadonlyArray<Source.InputFile>,
): ReadonlyArray<ReadonlyArray<Source.InputFile>> => {
  const groups = new Map<string, Array<Source.InputFile>>()
  for (const f of files) {
    const dir = dirname(f.path)
    const group = groups.get(dir) ?? []
    group.push(f)
    groups.set(dir, group)
  }
  return [...groups.values()]
}

/**
 * The LinkedIn export adapter. Claims the export by content; reads Connections.csv,
 * messages.csv, Invitations.csv, ImportedContacts.csv and the profile files; every other file of
 * the export is ignored. A bad row is an Issue; a claimed file that is not the LinkedIn file its
 * name says fails the stream with `UnknownFormat`.
 *
 * @category adapters
 * @since 0.1.0
 */
export const LinkedInSource: Source.SourceAdapter = {
  name: sourceName,
  kind: "archive",
  claim,
  read: (files, options) =>
    Stream.suspend(() => Source.readEach(exportsOf(files), (unit) => readExport(unit, options))),
}
