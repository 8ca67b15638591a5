/**
 * Header synonyms for CSVs from any other tool (CRMs, spreadsheets, Roundcube's own variants):
 * rules over a normalised header (lower case, `e-mail` -> `email`, `_`/`-`/`/`/camelCase -> spaces).
 * Used as the layout of an unknown CSV, and as the fallback for a column a known layout's table
 * does not list. Data first; the few lines of logic only turn a match into a role.
 */
import {
  type AddressPart,
  address,
  birthday,
  categories,
  email,
  handle,
  name,
  notes,
  org,
  phone,
  photo,
  type Role,
  url,
} from "./roles.ts"

/** Lower-cases and splits a header the way the rules expect. */
export const normaliseGeneric = (header: string): string =>
  header
    .normalize("NFKC")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/e-mail/g, "email")
    .replace(/[_\-./:()#]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()

/** Qualifier words onto type labels (`business` and `office` are `work`). */
const qualifierTypes: Readonly<Record<string, ReadonlyArray<string>>> = {
  home: ["home"],
  personal: ["home"],
  private: ["home"],
  work: ["work"],
  business: ["work"],
  office: ["work"],
  other: ["other"],
  car: ["car"],
  main: ["main"],
  "company main": ["work", "main"],
  assistant: ["assistant"],
  "assistant's": ["assistant"],
  mobile: ["cell"],
  cell: ["cell"],
  fax: ["fax"],
  video: ["video"],
  pager: ["pager"],
  blog: ["blog"],
  profile: ["profile"],
  "home page": ["home"],
}
const typesOf = (q: string | undefined): ReadonlyArray<string> => (q ? (qualifierTypes[q] ?? [q]) : [])

const addressParts: Readonly<Record<string, AddressPart>> = {
  street: "street",
  "street address": "street",
  "address 1": "street",
  "address line 1": "street",
  "address line1": "street",
  "address 2": "street2",
  "address line 2": "street2",
  "address line2": "street2",
  "address 3": "street3",
  address: "formatted",
  "full address": "formatted",
  city: "locality",
  town: "locality",
  locality: "locality",
  suburb: "locality",
  state: "region",
  province: "region",
  region: "region",
  county: "region",
  zip: "postalCode",
  "zip code": "postalCode",
  zipcode: "postalCode",
  "postal code": "postalCode",
  postcode: "postalCode",
  "post code": "postalCode",
  country: "country",
  "country region": "country",
  "po box": "poBox",
  "p o box": "poBox",
}
const addressWords = Object.keys(addressParts).join("|")
const addressQualifiers = "home|work|business|office|other|mailing|postal|billing|shipping|primary|personal"
const addressType = (q: string | undefined): string =>
  q === undefined ? "" : q === "business" || q === "office" ? "work" : q === "personal" ? "home" : q

type Rule = readonly [RegExp, (m: RegExpMatchArray) => Role]

const fixed =
  (role: Role) =>
  (_: RegExpMatchArray): Role =>
    role

/** Ordered: the first matching rule wins. */
const rules: ReadonlyArray<Rule> = [
  [
    /^(?:full ?name|name|display ?name|contact name|contact|formatted name|contact full name)$/,
    fixed(name("formatted")),
  ],
  [/^(?:first ?name|first|given ?name|given|forename|fname)$/, fixed(name("given"))],
  [/^(?:middle ?names?|middle|additional name|middle initial)$/, fixed(name("middle"))],
  [/^(?:last ?name|last|surname|family ?name|lname)$/, fixed(name("family"))],
  [/^(?:prefix|name prefix|title|salutation|honorific)$/, fixed(name("prefix"))],
  [/^(?:suffix|name suffix)$/, fixed(name("suffix"))],
  [/^(?:nick ?name|nick)$/, fixed(name("nickname"))],
  [
    /^(?:company|company name|organi[sz]ation|organi[sz]ation name|org|employer|account name|work company|firm|business name)$/,
    fixed(org("company")),
  ],
  [
    /^(?:job ?title|position|role|occupation|work title|organi[sz]ation title|designation)$/,
    fixed(org("title")),
  ],
  [/^(?:department|dept|work dept|organi[sz]ation department|division)$/, fixed(org("department"))],
  [/^primary email(?: address)?$/, fixed(email([], { primary: true }))],
  [
    /^(?:(home|work|business|personal|private|other|secondary|alternate|alt) )?(?:email|mail|emails)(?: address(?:es)?| addr)?(?: \d+)?(?: address)?(?: (home|work|business|personal|other))?$/,
    (m) => email(m[1] === "secondary" || m[1] === "alternate" || m[1] === "alt" ? [] : typesOf(m[1] ?? m[2])),
  ],
  [
    /^(?:(home|work|business|office|other|personal|private|main|car|assistant's|assistant|company main) )?(?:phone|telephone|tel|phone number|telephone number|phones|phone numbers)(?: \d+)?$/,
    (m) => phone(...typesOf(m[1])),
  ],
  [/^primary phone$/, fixed({ kind: "phone", types: [], primary: true })],
  [
    /^(?:(home|work|business|other|personal) )?(?:mobile|cell|cellphone|cell phone|mobile phone|mobile number|handy)(?: \d+)?$/,
    (m) => phone(...typesOf(m[1]), "cell"),
  ],
  [/^(?:(home|work|business|other) )?fax(?: number)?(?: \d+)?$/, (m) => phone(...typesOf(m[1]), "fax")],
  [/^(?:pager|pager number|beeper)$/, fixed(phone("pager"))],
  [/^phone (home|work|mobile|cell|other|video|fax|pager|main)$/, (m) => phone(...typesOf(m[1]))],
  [/^(?:twitter|twitter handle|twitter username|twitter handles|x handle)$/, fixed(handle("twitter"))],
  [/^linked ?in(?: url| profile| profile url)?$/, fixed(handle("linkedin"))],
  [
    /^(?:im )?(aim|icq|jabber|xmpp|msn|skype|yahoo|gtalk|qq|telegram|whatsapp|signal|github|instagram|facebook|mastodon)(?: (?:handle|username|id|name))?$/,
    (m) => handle(m[1] ?? "im"),
  ],
  [
    /^(?:(personal|work|business|home) )?(?:website|web site|web page|webpage|url|homepage|home page|web|site|sites|websites|blog)(?: \d+)?$/,
    (m) => url(...typesOf(m[1])),
  ],
  [/^(?:website|web page|url) (home|work|blog|profile|other|home page)$/, (m) => url(...typesOf(m[1]))],
  [
    new RegExp(`^(?:(${addressQualifiers}) )?(${addressWords})$`),
    (m) => address(addressType(m[1]), addressParts[m[2] ?? ""] ?? "formatted"),
  ],
  [
    new RegExp(`^(${addressWords}) (${addressQualifiers})$`),
    (m) => address(addressType(m[2]), addressParts[m[1] ?? ""] ?? "formatted"),
  ],
  [/^(?:birthday|birth ?date|date of birth|dob|born|bday)$/, fixed(birthday)],
  [/^(?:notes?|comments?|remarks?|info|description|memo)$/, fixed(notes)],
  [/^(?:categories|category|groups?|tags?|labels?|group membership|lists?)$/, fixed(categories("any"))],
  [/^(?:photo|photo url|picture|avatar|image)$/, fixed(photo)],
]

/** The role of a header by the generic synonyms, if any rule knows it. */
export const genericRole = (header: string): Role | undefined => {
  const key = normaliseGeneric(header)
  if (!key) return undefined
  for (const [pattern, build] of rules) {
    const m = key.match(pattern)
    if (m) return build(m)
  }
  return undefined
}
