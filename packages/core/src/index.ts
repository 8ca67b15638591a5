/**
 * @blackbook/core: the unified contact model, normalisers, identity resolution and book export.
 *
 * @since 0.1.0
 */
export * as Contact from "./Contact.ts"
export * as Csv from "./Csv.ts"
export * as Interaction from "./Interaction.ts"
export * as Source from "./Source.ts"
export * as SourceRecord from "./SourceRecord.ts"
export * as Text from "./Text.ts"
export * as Input from "./Input.ts"
