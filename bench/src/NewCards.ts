/**
 * The vCards the store benchmarks add to a built store: invented people no export holds, and
 * stored people seen again with a phone they did not have.
 */

/** A stored contact, as much of it as a card needs. */
export interface Known {
  readonly displayName: string
  readonly name: { readonly given?: string | undefined; readonly family?: string | undefined }
  readonly emails: ReadonlyArray<{ readonly value: string }>
}

const card = (lines: ReadonlyArray<string>): string =>
  ["BEGIN:VCARD", "VERSION:3.0", ...lines, "END:VCARD"].join("\r\n")

/** `count` invented people of one surname and one domain, a mailbox each. */
export const invented = (count: number): Array<string> =>
  Array.from({ length: count }, (_, i) =>
    card([
      `FN:Invented Person${i} Benchmark`,
      `N:Benchmark;Invented Person${i};;;`,
      `EMAIL:invented.${i}@bench.invalid`,
    ]),
  )

/** Each stored person again, with their first e-mail and a new mobile number. */
export const withNewPhone = (known: ReadonlyArray<Known>): Array<string> =>
  known.map((c, i) =>
    card([
      `FN:${c.displayName}`,
      `N:${c.name.family ?? ""};${c.name.given ?? ""};;;`,
      `EMAIL:${c.emails[0]!.value}`,
      `TEL;TYPE=CELL:+44 7700 9${String(10000 + i).slice(-5)}`,
    ]),
  )

/** Cards as one file's text. */
export const file = (cards: ReadonlyArray<string>): string => `${cards.join("\r\n")}\r\n`
