/**
 * Column mappings for CSVs from any other tool: which column holds which Blackbook field, read
 * from a small JSON file (`blackbook merge crm.csv --mapping mapping.json`) or passed as
 * `ReadOptions.mapping`.
 *
 * ```json
 * { "given": "First", "family": "Surname", "email": ["Work Email", "Home Email"], "delimiter": ";" }
 * ```
 *
 * @since 0.1.0
 */
import { Source } from "@blackbook/model"
import { Effect, Result, Schema, SchemaIssue } from "effect"
import { fieldRoles } from "./internal/mappingRoles.ts"

const Columns = Schema.Union([
  Schema.NonEmptyString,
  Schema.Array(Schema.NonEmptyString).pipe(Schema.check(Schema.isMinLength(1))),
])

/** A mappable model field. */
export type MappingField = keyof typeof fieldRoles

/** Every mappable field, in documentation order. */
export const mappingFields = Object.keys(fieldRoles) as ReadonlyArray<MappingField>

const columnKeys = Object.fromEntries(mappingFields.map((f) => [f, Schema.optionalKey(Columns)])) as {
  readonly [K in MappingField]: Schema.optionalKey<typeof Columns>
}

/**
 * The mapping file: each field names one header or several (several e-mail columns are several
 * e-mails; several columns for a name or address part are joined with a space, e.g. Febrl's
 * `street_number` and `address_1`). `id` is kept in each record's extra as `id`. Options:
 * `delimiter` (`,` `;` or a tab, default sniffed), `encoding` (a charset name, default detected),
 * `dateOrder` (`mdy` or `dmy`, for dates like `3/4/1970`; default `mdy`).
 *
 * @category models
 * @since 0.1.0
 */
export const MappingFile = Schema.Struct({
  ...columnKeys,
  delimiter: Schema.optionalKey(Schema.Literals([",", ";", "\t", "tab"])),
  encoding: Schema.optionalKey(Schema.NonEmptyString),
  dateOrder: Schema.optionalKey(Schema.Literals(["mdy", "dmy"])),
})
export type MappingFile = typeof MappingFile.Type

/** A checked mapping, ready to plan a header. */
export interface ValidMapping {
  readonly fields: ReadonlyArray<readonly [MappingField, ReadonlyArray<string>]>
  readonly delimiter?: "," | ";" | "\t"
  readonly encoding?: string
  readonly dateOrder: "mdy" | "dmy"
}

const formatter = SchemaIssue.makeFormatterDefault()
const decode = Schema.decodeUnknownResult(MappingFile)

const supportedEncoding = (label: string): boolean => {
  try {
    new TextDecoder(label)
    return true
  } catch {
    return false
  }
}

/** Why a mapping is refused: the reason as text, and the error behind it where there is one. */
export interface MappingProblem {
  readonly detail: string
  readonly cause?: unknown
}

const invalid = (path: string, problem: MappingProblem) =>
  new Source.SourceError({ source: "contacts-csv", reason: new Source.InvalidOptions({ path, ...problem }) })

/**
 * Checks a mapping (from a file or `ReadOptions.mapping`): known fields only, header names
 * non-empty, options valid. Fails with the reason as text (and the schema issue behind it).
 *
 * @category validation
 * @since 0.1.0
 */
export const validateMapping = (input: unknown): Result.Result<ValidMapping, MappingProblem> => {
  const decoded = decode(input, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(decoded))
    return Result.fail({ detail: formatter(decoded.failure.issue), cause: decoded.failure })
  const m = decoded.success
  if (m.encoding !== undefined && !supportedEncoding(m.encoding)) {
    return Result.fail({ detail: `unknown encoding "${m.encoding}"` })
  }
  const fields = mappingFields.flatMap((f) => {
    const v = m[f]
    return v === undefined ? [] : [[f, typeof v === "string" ? [v] : v] as const]
  })
  if (fields.length === 0) return Result.fail({ detail: "the mapping names no field" })
  const delimiter = m.delimiter === "tab" ? "\t" : m.delimiter
  return Result.succeed({
    fields,
    dateOrder: m.dateOrder ?? "mdy",
    ...(delimiter ? { delimiter } : {}),
    ...(m.encoding ? { encoding: m.encoding } : {}),
  })
}

/**
 * Reads a JSON mapping file's text. Fails with a SourceError whose reason is InvalidOptions
 * (bad JSON, an unknown field, an empty header name, a bad option). Whether the headers exist is
 * checked per file when reading (InvalidOptions naming the missing headers).
 *
 * @example
 * const mapping = yield* loadMapping(`{"given": "given_name", "family": "surname"}`)
 *
 * @category constructors
 * @since 0.1.0
 */
export const loadMapping = (
  text: string,
  path = "mapping.json",
): Effect.Effect<Source.ColumnMapping, Source.SourceError> =>
  Effect.suspend(() => {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (e) {
      return Effect.fail(
        invalid(path, { detail: `not JSON: ${e instanceof Error ? e.message : String(e)}`, cause: e }),
      )
    }
    const checked = validateMapping(json)
    return Result.isSuccess(checked)
      ? Effect.succeed(json as Source.ColumnMapping)
      : Effect.fail(invalid(path, checked.failure))
  })
