/**
 * Calendar (.ics) files as a Blackbook source: every meeting I took part in becomes a "meeting"
 * interaction with each other participant, and each participant a record `attendee:<email>`.
 *
 * Reads several VCALENDARs per file and bare VEVENT fragments, expands recurrences up to `now`
 * (RRULE/RDATE/EXDATE, RECURRENCE-ID overrides), resolves TZIDs through the file's VTIMEZONEs,
 * IANA names or Windows zone names, and skips cancelled events, declined attendees, rooms and
 * `invalid:nomail` addresses.
 *
 * @since 0.1.0
 */
import { Source, Text } from "@blackbook/model"
import { Result, Stream } from "effect"
import { type ReadConfig, readCalendar } from "./internal/calendar.ts"
import { normaliseAddress } from "./internal/people.ts"

const NAME = "ics"

/**
 * Most past occurrences expanded per recurrence rule.
 *
 * @category constants
 * @since 0.1.0
 */
export const maxOccurrences = 5000

/**
 * Most occurrences expanded in one file, over all its series, and most meeting interactions one
 * file gives: a small hostile calendar (daily series with many attendees) cannot grow without bound.
 */
const maxFileOccurrences = 200_000
const maxFileInteractions = 1_000_000

/** Future occurrences looked at per rule to find each attendee's next meeting. */
const futurePeek = 8

const calendarLine = /^\uFEFF?[ \t]*BEGIN:(VCALENDAR|VEVENT)[ \t]*$/im

/**
 * Whether a file's first bytes hold a `BEGIN:VCALENDAR` or `BEGIN:VEVENT` line, in any encoding
 * `Text.decodeText` reads.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isCalendar = (file: Source.InputFile): boolean => calendarLine.test(Text.head(file.bytes))

const failure = (reason: Source.SourceError["reason"]): Source.SourceError =>
  new Source.SourceError({ source: NAME, reason })

const configOf = (
  files: ReadonlyArray<Source.InputFile>,
  options: Source.ReadOptions,
): Result.Result<ReadConfig, Source.SourceError> => {
  const path = files[0]?.path ?? "<options>"
  const { now } = options
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    return Result.fail(failure(new Source.InvalidOptions({ path, detail: "`now` is not a valid date" })))
  }
  const me = new Set<string>()
  for (const address of options.me ?? []) {
    const email = normaliseAddress(address)
    if (!email)
      return Result.fail(
        failure(new Source.InvalidOptions({ path, detail: `\`me\`: "${address}" is not an e-mail` })),
      )
    me.add(email)
  }
  return Result.succeed({
    me,
    nowMs: now.getTime(),
    maxOccurrences,
    futurePeek,
    maxFileOccurrences,
    maxFileInteractions,
    ...(options.maxRecordBytes !== undefined ? { maxRecordBytes: options.maxRecordBytes } : {}),
  })
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

const readFile = (file: Source.InputFile, config: ReadConfig): Source.UnitRead => {
  let result: ReturnType<typeof readCalendar>
  try {
    result = readCalendar(Text.decodeText(file.bytes).text, file.path, config)
  } catch (e) {
    return Result.fail(failure(new Source.UnreadableFile({ path: file.path, detail: message(e), cause: e })))
  }
  if (result._tag === "NotCalendar") {
    return Result.fail(
      failure(
        new Source.UnknownFormat({ path: file.path, detail: "no BEGIN:VCALENDAR or BEGIN:VEVENT line" }),
      ),
    )
  }
  return Result.succeed(result.items)
}

/**
 * The iCalendar adapter. `ReadOptions.me` names my addresses; without it (or when the file never
 * mentions them) the calendar owner is inferred per file and emitted as a Self item.
 *
 * @category adapters
 * @since 0.1.0
 */
export const IcsSource: Source.SourceAdapter = {
  name: NAME,
  kind: "file",
  claim: (bundle) => bundle.files.filter(isCalendar),
  read: (files, options) =>
    Stream.suspend(() => {
      const config = configOf(files, options)
      if (Result.isFailure(config)) return Stream.fail(config.failure)
      return Source.readEach(files, (file) => readFile(file, config.success))
    }),
}
