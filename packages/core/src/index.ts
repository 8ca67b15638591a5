/**
 * @blackbook/core: the unified contact model, normalisers, identity resolution and book export.
 *
 * @since 0.1.0
 */

export * as Blocking from "./Blocking.ts"
export * as Book from "./Book.ts"
export * as BookJson from "./BookJson.ts"
export * as CalendarDate from "./CalendarDate.ts"
export * as Clustering from "./Clustering.ts"
export * as Comparison from "./Comparison.ts"
export * as ComparisonLibrary from "./ComparisonLibrary.ts"
export * as Contact from "./Contact.ts"
export * as Csv from "./Csv.ts"
export * as Email from "./Email.ts"
export * as Handle from "./Handle.ts"
export * as Input from "./Input.ts"
export * as Interaction from "./Interaction.ts"
export * as Name from "./Name.ts"
export * as Nickname from "./Nickname.ts"
export * as Phone from "./Phone.ts"
export * as Resolve from "./Resolve.ts"
export * as Scoring from "./Scoring.ts"
export * as Settings from "./Settings.ts"
export * as Source from "./Source.ts"
export * as SourceRecord from "./SourceRecord.ts"
export * as Text from "./Text.ts"
export * as Url from "./Url.ts"
