/**
 * @blackbook/source-contacts-csv: Outlook, Google, Thunderbird and generic contacts CSV, read
 * into SourceRecords; Outlook CSV written from contacts.
 *
 * @since 0.1.0
 */
export * as ContactsCsv from "./ContactsCsv.ts"
export { ContactsCsvSource, GenericCsvSource, readWithMapping } from "./ContactsCsv.ts"
export * as Mapping from "./Mapping.ts"
export { loadMapping } from "./Mapping.ts"
export * as OutlookCsv from "./OutlookCsv.ts"
export { toOutlookCsv, toOutlookCsvBytes } from "./OutlookCsv.ts"
