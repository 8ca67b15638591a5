/**
 * LinkedIn "Get a copy of your data" export, Dec 2024 layout: Connections.csv with its `Notes:`
 * preamble, messages.csv, Invitations.csv and the owner's Profile.csv, Email Addresses.csv and
 * PhoneNumbers.csv. UTF-8 without BOM, LF line ends, minimal quoting.
 */
import { line } from "./Csv.ts"

/** The exact three-line preamble (plus blank line) of a current Connections.csv. */
export const CONNECTIONS_PREAMBLE =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n\n'

/** Connections.csv header (2024+). */
export const CONNECTIONS_HEADER = [
  "First Name",
  "Last Name",
  "URL",
  "Email Address",
  "Company",
  "Position",
  "Connected On",
] as const

/** messages.csv header (Dec 2024). */
export const MESSAGES_HEADER = [
  "CONVERSATION ID",
  "CONVERSATION TITLE",
  "FROM",
  "SENDER PROFILE URL",
  "TO",
  "RECIPIENT PROFILE URLS",
  "DATE",
  "SUBJECT",
  "CONTENT",
  "FOLDER",
  "IS MESSAGE DRAFT",
  "IS CONVERSATION DRAFT",
] as const

/** Invitations.csv header (2024+). */
export const INVITATIONS_HEADER = [
  "From",
  "To",
  "Sent At",
  "Message",
  "Direction",
  "inviterProfileUrl",
  "inviteeProfileUrl",
] as const

/** Profile.csv header (2024). */
export const PROFILE_HEADER = [
  "First Name",
  "Last Name",
  "Maiden Name",
  "Address",
  "Birth Date",
  "Headline",
  "Summary",
  "Industry",
  "Zip Code",
  "Geo Location",
  "Twitter Handles",
  "Websites",
  "Instant Messengers",
] as const

/** One Connections.csv row. */
export interface Connection {
  readonly first: string
  readonly last: string
  readonly url: string
  readonly email: string
  readonly company: string
  readonly position: string
  readonly connectedOn: string
}

/** One messages.csv row. */
export interface Message {
  readonly conversationId: string
  readonly conversationTitle: string
  readonly from: string
  readonly senderUrl: string
  readonly to: string
  readonly recipientUrls: string
  readonly date: string
  readonly subject: string
  readonly content: string
  readonly folder: string
}

/** One Invitations.csv row. */
export interface Invitation {
  readonly from: string
  readonly to: string
  readonly sentAt: string
  readonly message: string
  readonly direction: "INCOMING" | "OUTGOING"
  readonly inviterUrl: string
  readonly inviteeUrl: string
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const
const pad = (n: number): string => String(n).padStart(2, "0")

/** `Connected On` as LinkedIn writes it since 2021: `09 Dec 2024` (UTC day). */
export const connectedOn = (d: Date): string =>
  `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`

/** messages.csv DATE: `2024-12-16 18:24:37 UTC`. */
export const messageDate = (d: Date): string =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())} UTC`

/** Invitations `Sent At` / Email Addresses `Updated On`: `12/15/24, 7:47 AM`. */
export const shortDateTime = (d: Date): string => {
  const h = d.getUTCHours()
  const h12 = h % 12 === 0 ? 12 : h % 12
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${pad(d.getUTCFullYear() % 100)}, ${h12}:${pad(
    d.getUTCMinutes(),
  )} ${h < 12 ? "AM" : "PM"}`
}

/** A profile URL from a slug; non-ASCII slugs are percent-encoded as LinkedIn does. */
export const profileUrl = (slug: string): string => `https://www.linkedin.com/in/${encodeURIComponent(slug)}`

/** A conversation id shaped like LinkedIn's (`2-` + base64 of `<hex>_100`). */
export const conversationId = (hex: string): string => `2-${btoa(`${hex}_100`)}`

/** Connections.csv: preamble, header, rows; the last line has no trailing newline. */
export const connectionsCsv = (rows: ReadonlyArray<Connection>): string =>
  CONNECTIONS_PREAMBLE +
  [
    line(CONNECTIONS_HEADER),
    ...rows.map((r) => line([r.first, r.last, r.url, r.email, r.company, r.position, r.connectedOn])),
  ].join("\n")

/** messages.csv with the Dec 2024 header. */
export const messagesCsv = (rows: ReadonlyArray<Message>): string =>
  `${[
    line(MESSAGES_HEADER),
    ...rows.map((m) =>
      line([
        m.conversationId,
        m.conversationTitle,
        m.from,
        m.senderUrl,
        m.to,
        m.recipientUrls,
        m.date,
        m.subject,
        m.content,
        m.folder,
        "No",
        "No",
      ]),
    ),
  ].join("\n")}\n`

/** Invitations.csv with the 2024 header. */
export const invitationsCsv = (rows: ReadonlyArray<Invitation>): string =>
  `${[
    line(INVITATIONS_HEADER),
    ...rows.map((r) => line([r.from, r.to, r.sentAt, r.message, r.direction, r.inviterUrl, r.inviteeUrl])),
  ].join("\n")}\n`

/** Any other LinkedIn CSV: a header and rows, LF, trailing newline. */
export const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  `${[line(header), ...rows.map(line)].join("\n")}\n`
