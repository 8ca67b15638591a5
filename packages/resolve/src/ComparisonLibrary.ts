/**
 * Ready-made comparisons for person data, each an ordered list of levels (see `Comparison`),
 * and `defaults`, the set resolution uses. Priors are deliberately plain numbers: the share of
 * true matches (m) and of unrelated pairs (u) expected in each level before the data is seen.
 *
 * @since 0.2.0
 */
import type { Comparison, ComparisonOf, Condition, ConditionKind, Level } from "./Comparison.ts"

/** A condition of one kind; a threshold only for the kinds that take one. */
function when<K extends Exclude<ConditionKind, ThresholdKind>>(kind: K): { readonly kind: K }
function when<K extends ThresholdKind>(
  kind: K,
  threshold: number,
): { readonly kind: K; readonly threshold: number }
function when(kind: ConditionKind, threshold?: number): Condition {
  return (threshold === undefined ? { kind } : { kind, threshold }) as Condition
}
type ThresholdKind = "jaroWinkler" | "apart" | "similarUsername"

/** A level whose condition is `C`: it fits the comparisons of the fields that take `C`. */
type LevelWith<C extends Condition> = Omit<Level, "when"> & { readonly when: C }

const level = <C extends Condition>(
  label: string,
  condition: C,
  m: number,
  u: number,
  text: string,
  flags: { tf?: boolean; fixed?: boolean; veto?: boolean } = {},
): LevelWith<C> => ({ label, when: condition, m, u, text, ...flags })

const nullLevel = level("null", when("null"), 1, 1, "", { fixed: true })

/**
 * Given names: exact (term-frequency adjusted), nickname group, same sound, Jaro-Winkler bands,
 * initial, different.
 *
 * @category comparisons
 * @since 0.2.0
 */
export const givenName = (): ComparisonOf<"given"> => ({
  name: "given name",
  field: "given",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.8, 0.02, "given name exact", { tf: true }),
    level("nickname", when("nickname"), 0.08, 0.002, "{a}~{b} nickname"),
    level("phonetic", when("phonetic"), 0.03, 0.004, "{a}~{b} sound alike"),
    // After sound-alike (Aleksandr ~ Alexander), before the similarity bands: Darla ~ Darlene look
    // alike but are two people (twins share a birthday), so only identifiers can outweigh it.
    level("distinct", when("distinct"), 0.0000001, 0.01, "different names ({a} vs {b})", { fixed: true }),
    level("jaro-winkler 0.92", when("jaroWinkler", 0.92), 0.04, 0.002, "{a}~{b} similar"),
    level("jaro-winkler 0.8", when("jaroWinkler", 0.8), 0.02, 0.02, "{a}~{b} loosely similar"),
    level("initial", when("initial"), 0.03, 0.03, "{a}~{b} initial"),
    level("different", when("else"), 0.02, 0.925, "different given names ({a} vs {b})"),
  ],
})

/**
 * Family names: exact (term-frequency adjusted), same sound, Jaro-Winkler bands, one name within
 * the other (double-barrelled), different.
 *
 * @category comparisons
 * @since 0.2.0
 */
export const familyName = (): ComparisonOf<"family"> => ({
  name: "family name",
  field: "family",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.85, 0.002, "family name exact", { tf: true }),
    level("phonetic", when("phonetic"), 0.04, 0.001, "family names sound alike ({a}~{b})"),
    level("jaro-winkler 0.92", when("jaroWinkler", 0.92), 0.04, 0.0005, "family names similar ({a}~{b})"),
    level("overlap", when("overlap"), 0.02, 0.0003, "family names overlap ({a}~{b})"),
    level("jaro-winkler 0.8", when("jaroWinkler", 0.8), 0.02, 0.01, "family names loosely similar ({a}~{b})"),
    level("different", when("else"), 0.03, 0.9862, "different family names ({a} vs {b})"),
  ],
})

/**
 * Birthdays: exact, agreeing where both are known, day and month swapped, one part different,
 * different.
 *
 * @category comparisons
 * @since 0.2.0
 */
export const birthday = (): ComparisonOf<"birthday"> => ({
  name: "birthday",
  field: "birthday",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.85, 0.00004, "same birthday"),
    level("partial", when("partial"), 0.05, 0.003, "same birthday (day and month)"),
    level("swapped", when("swapped"), 0.02, 0.00004, "birthday with day and month swapped"),
    level("one part", when("onePart"), 0.05, 0.004, "birthdays differ in one part ({a} vs {b})"),
    // A generation apart and different in day and month: a parent and child who share a name and
    // an address. Not a veto: some sources replace whole dates.
    level("generation apart", when("apart", 15), 0.005, 0.5, "birthdays a generation apart ({a} vs {b})", {
      fixed: true,
    }),
    level("different", when("else"), 0.03, 0.99292, "different birthdays ({a} vs {b})"),
  ],
})

/**
 * E-mail addresses: the same address after the provider's alias rules (term-frequency adjusted),
 * the same but shared by several people (a family mailbox), the same user name at another
 * domain, similar user names at one domain (the domain's frequency adjusts it: a personal domain
 * counts more than gmail.com), similar addresses, different addresses at one domain (negative
 * evidence: two accounts at one provider, two colleagues), different.
 *
 * @category comparisons
 * @since 0.2.0
 */
export const email = (): ComparisonOf<"email"> => ({
  name: "e-mail",
  field: "email",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.6, 0.000001, "same e-mail {value}", { tf: true }),
    level("shared", when("shared"), 0.02, 0.001, "same e-mail {value}, shared by several people", {
      fixed: true,
    }),
    level("user name", when("username"), 0.06, 0.000005, "same e-mail user name ({a}, {b})"),
    level("similar user name", when("similarUsername", 0.88), 0.1, 0.0001, "similar e-mails at {value}", {
      tf: true,
    }),
    level("similar", when("jaroWinkler", 0.88), 0.04, 0.001, "similar e-mails ({a}, {b})"),
    level("same domain", when("sameDomain"), 0.005, 0.1, "different e-mails at {value}", { fixed: true }),
    level("different", when("else"), 0.14, 0.898892, "different e-mails"),
  ],
})

/**
 * Phones: the same E.164 number (term-frequency adjusted), the same but shared by several people
 * (a family landline, a switchboard), the same last digits, different.
 *
 * @category comparisons
 * @since 0.2.0
 */
export const phone = (): ComparisonOf<"phone"> => ({
  name: "phone",
  field: "phone",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.5, 0.00001, "same phone {value}", { tf: true }),
    level("shared", when("shared"), 0.03, 0.002, "same phone {value}, shared by several people", {
      fixed: true,
    }),
    level("tail", when("tail"), 0.05, 0.00002, "same phone number, written with and without country code"),
    level("different", when("else"), 0.42, 0.99995, "different phones"),
  ],
})

/**
 * Social handles on a service both records have: the same account, or different accounts.
 *
 * @category comparisons
 * @since 0.2.0
 */
export const handle = (): ComparisonOf<"handle"> => ({
  name: "handle",
  field: "handle",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.8, 0.000001, "same handle {value}"),
    level("different", when("else"), 0.2, 0.999999, "different handles ({a} vs {b})"),
  ],
})

/**
 * Twitter/X account ids: the same account, or two accounts (never one person's: a veto).
 *
 * @category comparisons
 * @since 0.2.0
 */
export const twitterId = (): ComparisonOf<"twitterId"> => ({
  name: "Twitter account",
  field: "twitterId",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.999, 0.0000001, "same Twitter account id {value}", { fixed: true }),
    level("different", when("else"), 0.001, 0.9999999, "different Twitter accounts ({a} vs {b})", {
      fixed: true,
      veto: true,
    }),
  ],
})

/**
 * LinkedIn profiles: the same profile, or two profiles (a veto).
 *
 * @category comparisons
 * @since 0.2.0
 */
export const linkedin = (): ComparisonOf<"linkedin"> => ({
  name: "LinkedIn profile",
  field: "linkedin",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.999, 0.0000001, "same LinkedIn profile {value}", { fixed: true }),
    level("different", when("else"), 0.001, 0.9999999, "different LinkedIn profiles ({a} vs {b})", {
      fixed: true,
      veto: true,
    }),
  ],
})

/**
 * Identity documents of one type (SSN, passport, driver's licence, national id): the same number,
 * or different numbers.
 *
 * @category comparisons
 * @since 0.2.0
 */
export const document = (): ComparisonOf<"document"> => ({
  name: "document",
  field: "document",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.95, 0.0000001, "same document {value}"),
    level("different", when("else"), 0.05, 0.9999999, "different documents ({a} vs {b})"),
  ],
})

/**
 * Generations (Jr, Sr, II): the same, or different (father and son: a veto).
 *
 * @category comparisons
 * @since 0.2.0
 */
export const generation = (): ComparisonOf<"generation"> => ({
  name: "generation",
  field: "generation",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.95, 0.5, "same generation ({a})", { fixed: true }),
    level("different", when("else"), 0.001, 0.5, "different generations ({a} vs {b})", {
      fixed: true,
      veto: true,
    }),
  ],
})

/**
 * Companies: the same (term-frequency adjusted), one name within the other, similar, different
 * (weak: people change jobs). Between two organisations it has no say: `org` weighs their names.
 *
 * @category comparisons
 * @since 0.2.0
 */
export const company = (): ComparisonOf<"company"> => ({
  name: "company",
  field: "company",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.35, 0.003, "same company {value}", { tf: true }),
    level("overlap", when("overlap"), 0.1, 0.002, "similar companies ({a}~{b})"),
    level("similar", when("jaroWinkler", 0.9), 0.05, 0.002, "similar companies ({a}~{b})"),
    // A work address at the other's employer: about as telling as naming it.
    level("domain", when("domain"), 0.1, 0.002, "e-mail at the employer's domain ({value})"),
    // People change jobs and an address book keeps the old one: weak, whatever a small import's
    // namesakes would teach.
    level("different", when("else"), 0.3, 0.95, "different companies", { fixed: true }),
  ],
})

/**
 * A record with no name but an address (an e-mail-only row) against a named one: whether the
 * address is made of the whole name (hannah.eriksson@, heriksson@). Nothing against otherwise:
 * work addresses are often not.
 *
 * @category comparisons
 * @since 0.4.0
 */
export const userName = (): ComparisonOf<"userName"> => ({
  name: "name in e-mail",
  field: "userName",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.6, 0.0002, "e-mail made of the name ({a}, {b})"),
    level("else", when("else"), 0.4, 0.9998, "", { fixed: true }),
  ],
})

/**
 * Job titles: the same (term-frequency adjusted: "Consultant" says less than "Head of Treasury"),
 * one within the other ("Director" ~ "Finance Director"), similar, different (weak: titles change).
 *
 * @category comparisons
 * @since 0.4.0
 */
export const title = (): ComparisonOf<"title"> => ({
  name: "job title",
  field: "title",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.6, 0.04, "same title {value}", { tf: true }),
    level("overlap", when("overlap"), 0.08, 0.02, "similar titles ({a}~{b})"),
    level("similar", when("jaroWinkler", 0.92), 0.04, 0.01, "similar titles ({a}~{b})"),
    level("different", when("else"), 0.28, 0.93, "different titles ({a} vs {b})"),
  ],
})

/**
 * Postal addresses: the same house and street (term-frequency adjusted), the same but shared by
 * several people (a household), a similar street with the same number, the same postcode or
 * locality, different (weak: people move).
 *
 * @category comparisons
 * @since 0.2.0
 */
export const address = (): ComparisonOf<"address"> => ({
  name: "address",
  field: "address",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.45, 0.00005, "same address {a}", { tf: true }),
    level("shared", when("shared"), 0.05, 0.005, "same address {a}, shared by several people", {
      fixed: true,
    }),
    level("street", when("street"), 0.1, 0.00005, "similar addresses ({a}~{b})"),
    level("area", when("area"), 0.15, 0.01, "same area"),
    level("different", when("else"), 0.25, 0.9898, "different addresses"),
  ],
})

/**
 * Organisation records (a company with no person): the same name, overlapping names, similar, different.
 *
 * @category comparisons
 * @since 0.2.0
 */
export const org = (): ComparisonOf<"org"> => ({
  name: "organisation",
  field: "org",
  levels: [
    nullLevel,
    level("exact", when("exact"), 0.8, 0.0001, "same organisation {value}"),
    level("overlap", when("overlap"), 0.1, 0.001, "similar organisation names ({a}~{b})"),
    level("similar", when("jaroWinkler", 0.85), 0.05, 0.001, "similar organisation names ({a}~{b})"),
    level("different", when("else"), 0.05, 0.9979, "different organisations ({a} vs {b})"),
  ],
})

/**
 * The comparisons resolution uses, in the order their evidence is told: identifiers, names,
 * birthday, generation, company, address, organisation, title.
 *
 * @category comparisons
 * @since 0.2.0
 */
export const defaults = (): ReadonlyArray<Comparison> => [
  twitterId(),
  linkedin(),
  email(),
  handle(),
  phone(),
  document(),
  givenName(),
  familyName(),
  birthday(),
  generation(),
  company(),
  address(),
  org(),
  title(),
  userName(),
]
