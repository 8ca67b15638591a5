/**
 * contact.js: the address book the owner uploaded to Twitter. Only e-mails and phone numbers
 * (plus an optional id); an entry with neither is skipped, since it says nothing about anyone.
 */
import { SourceRecord } from "@blackbook/model"
import { SOURCE } from "./accounts.ts"
import type { Context, Loaded } from "./context.ts"
import { asArray, asText, unwrap } from "./json.ts"

const KNOWN = new Set(["emails", "phoneNumbers"])

const values = (value: unknown): ReadonlyArray<SourceRecord.LabeledValue> =>
  asArray(value).flatMap((v) => {
    const text = asText(v)
    return text ? [{ value: text, types: [] }] : []
  })

/** One record `contact:<n>` (1-based position in its file) per entry with an e-mail or phone. */
export const readContacts = (
  loaded: ReadonlyArray<Loaded>,
  ctx: Context,
): ReadonlyArray<SourceRecord.SourceRecord> => {
  const out: Array<SourceRecord.SourceRecord> = []
  for (const { file, entries } of loaded) {
    entries.forEach((entry, index) => {
      const record = `contact:${index + 1}`
      const contact = unwrap(entry, "contact")
      if (!contact) {
        ctx.issues.push({ file, record, reason: "entry is not a contact object" })
        return
      }
      const emails = values(contact.emails)
      const phones = values(contact.phoneNumbers)
      if (emails.length === 0 && phones.length === 0) return
      const extra = Object.entries(contact)
        .filter(([key, value]) => !KNOWN.has(key) && value !== null && value !== undefined)
        .map(([key, value]) => ({
          name: `contact.${key}`,
          value: typeof value === "string" ? value : JSON.stringify(value),
        }))
      out.push(
        SourceRecord.make(
          { source: SOURCE, file, record },
          { emails, phones, categories: ["twitter:uploaded-contact"], extra },
        ),
      )
    })
  }
  return out
}
