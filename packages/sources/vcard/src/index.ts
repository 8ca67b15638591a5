/**
 * @blackbook/source-vcard: reads vCard 2.1, 3.0 and 4.0 files as SourceRecords and writes
 * contacts or records as vCard 4.0.
 *
 * @since 0.1.0
 */
export {
  cardToRecord,
  decode,
  type ParsedCard,
  parseCards,
  sourceName,
  type VCardParameter,
  type VCardProperty,
  VCardSource,
} from "./Reader.ts"
export { toVCard4, toVCard4Card, type Writable } from "./Writer.ts"
