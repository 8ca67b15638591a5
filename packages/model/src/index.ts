/**
 * @blackbook/model: the contact model (SourceRecord, Contact, Interaction, CalendarDate), the
 * source-adapter contract and its errors (Source), and reading inputs (Input, Text, Csv).
 *
 * @since 0.3.0
 */

export * as CalendarDate from "./CalendarDate.ts"
export * as Contact from "./Contact.ts"
export * as Csv from "./Csv.ts"
export * as Follow from "./Follow.ts"
export * as Input from "./Input.ts"
export * as Interaction from "./Interaction.ts"
export * as RecordIdentity from "./RecordIdentity.ts"
export * as Source from "./Source.ts"
export * as SourceRecord from "./SourceRecord.ts"
export * as Text from "./Text.ts"
