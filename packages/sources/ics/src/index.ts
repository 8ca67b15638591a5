/**
 * @blackbook/source-ics: calendar meetings from iCalendar (.ics) files.
 *
 * @since 0.1.0
 */
export { IcsSource, isCalendar, maxOccurrences } from "./IcsSource.ts"
