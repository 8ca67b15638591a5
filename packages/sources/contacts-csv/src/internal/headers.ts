/**
 * Header tables, as data: which header names each contacts CSV layout uses and what they mean.
 *
 * Sources of the names (facts, not code): the English 92-column Outlook export and the German
 * Outlook 2007 template in the shared corpus; Microsoft's localised Outlook CSV column names as
 * listed by Exchange's contact importer and Roundcube's csv2vcard tables (fr/es/it); Google's
 * legacy and 2020+ CSV headers and Google's "Outlook CSV" flavour (formats.md section 3);
 * Thunderbird's export header (corpus). Matching is by name, never by position.
 */
import {
  address,
  birthday,
  categories,
  dateExtra,
  defaulted,
  email,
  extra,
  handle,
  name,
  notes,
  org,
  phone,
  photo,
  primaryPhone,
  type Role,
  url,
} from "./roles.ts"

/** Outlook's header languages. `en` is also Outlook.com's and Google's Outlook-flavour export. */
export type OutlookLanguage = "en" | "de" | "fr" | "es" | "it"

type Names = string | ReadonlyArray<string> | null

/** One Outlook field: its role, then its header name(s) in en, de, fr, es, it. */
type OutlookRow = readonly [Role, Names, Names, Names, Names, Names]

const emailSlot = (slot: string): Role => email([], { slot })
const emailDisplay = (slot: string): Role => ({ kind: "emailDisplay", slot })

/**
 * Outlook desktop's contact fields. The exporter's "nothing set" defaults dropped from `extra`
 * are only the values seen in real exports: Sensitivity/Priority `Normal`, Private `False`
 * (German `Aus`), Gender `Unspecified` (German `Keine Angabe`) and zero dates `0/0/00`,
 * `0.0.00` (any language). Other localised defaults are kept verbatim, since we have not seen them.
 */
// biome-ignore format: one Outlook field per line reads as the table it is
const outlookRows: ReadonlyArray<OutlookRow> = [
  [name("prefix"), "Title", "Anrede", null, ["Tratamiento"], "Titolo"],
  [name("given"), "First Name", "Vorname", "Prénom", "Nombre", "Nome"],
  [name("middle"), "Middle Name", "Weitere Vornamen", "Deuxième prénom", "Segundo nombre", "Secondo nome"],
  [name("family"), "Last Name", "Nachname", "Nom", "Apellidos", "Cognome"],
  [name("suffix"), "Suffix", "Suffix", "Suffixe", "Sufijo", ["Titolo straniero", "Suffisso"]],
  [name("nickname"), "Nickname", null, "Surnom", null, null],
  [org("company"), "Company", "Firma", "Société", ["Organización", "Compañía"], "Società"],
  [org("department"), "Department", "Abteilung", "Service", "Departamento", "Reparto"],
  [org("title"), "Job Title", "Position", ["Titre", "Fonction"], "Puesto", ["Posizione", "Qualifica"]],
  [address("work", "street"), "Business Street", "Straße geschäftlich", "Rue (bureau)", "Calle del trabajo", "Via (uff.)"],
  [address("work", "street2"), "Business Street 2", "Straße geschäftlich 2", "Rue (bureau) 2", "Calle del trabajo 2", "Via (uff.) 2"],
  [address("work", "street3"), "Business Street 3", "Straße geschäftlich 3", "Rue (bureau) 3", "Calle del trabajo 3", "Via (uff.) 3"],
  [address("work", "locality"), "Business City", "Ort geschäftlich", "Ville (bureau)", "Ciudad de trabajo", "Città (uff.)"],
  [address("work", "region"), "Business State", "Region geschäftlich", "Dép/Région (bureau)", "Provincia o estado de trabajo", "Provincia (uff.)"],
  [address("work", "postalCode"), "Business Postal Code", "Postleitzahl geschäftlich", "Code postal (bureau)", "Código postal del trabajo", "CAP (uff.)"],
  [address("work", "country"), ["Business Country/Region", "Business Country"], "Land/Region geschäftlich", ["Pays/Région (bureau)", "Pays (bureau)"], "País o región del trabajo", "Paese (uff.)"],
  [address("work", "poBox"), "Business Address PO Box", "Postfach geschäftlich", "B.P. professionnelle", "Apartado postal de la dirección del trabajo", "Indirizzo (uff.) - Casella postale"],
  [address("work", "formatted"), "Business Address", null, null, null, null],
  [address("home", "street"), "Home Street", "Straße privat", "Rue (domicile)", "Calle del domicilio", "Via (ab.)"],
  [address("home", "street2"), "Home Street 2", "Straße privat 2", "Rue (domicile) 2", "Calle del domicilio 2", "Via (ab.) 2"],
  [address("home", "street3"), "Home Street 3", "Straße privat 3", "Rue (domicile) 3", "Calle del domicilio 3", "Via (ab.) 3"],
  [address("home", "locality"), "Home City", "Ort privat", "Ville (domicile)", "Ciudad de residencia", "Città (ab.)"],
  [address("home", "region"), "Home State", "Bundesland/Kanton privat", "Dép/Région (domicile)", "Provincia o estado de residencia", "Provincia (ab.)"],
  [address("home", "postalCode"), "Home Postal Code", "Postleitzahl privat", "Code postal (domicile)", "Código postal de residencia", "CAP (ab.)"],
  [address("home", "country"), ["Home Country/Region", "Home Country"], "Land/Region privat", ["Pays/Région (domicile)", "Pays (domicile)"], "País o región del domicilio", "Paese (ab.)"],
  [address("home", "poBox"), "Home Address PO Box", "Postfach privat", "Boîte postale du domicile", "Apartado postal de la dirección personal", "Indirizzo (ab.) - Casella postale"],
  [address("home", "formatted"), "Home Address", null, null, null, null],
  [address("other", "street"), "Other Street", "Weitere Straße", "Rue (autre)", "Otra calle", "Altra via"],
  [address("other", "street2"), "Other Street 2", "Weitere Straße 2", "Rue (autre) 2", "Otra calle 2", "Altra via 2"],
  [address("other", "street3"), "Other Street 3", "Weitere Straße 3", "Rue (autre) 3", "Otra calle 3", "Altra via 3"],
  [address("other", "locality"), "Other City", "Weiterer Ort", "Ville (autre)", "Otra ciudad", "Altra città"],
  [address("other", "region"), "Other State", "Weiteres/r Bundesland/Kanton", "Dép/Région (autre)", "Otra provincia o estado", "Altra provincia"],
  [address("other", "postalCode"), "Other Postal Code", "Weitere Postleitzahl", "Code postal (autre)", "Otro código postal", "Altro CAP"],
  [address("other", "country"), ["Other Country/Region", "Other Country"], "Weiteres/e Land/Region", ["Pays/Région (autre)", "Pays (autre)"], "Otro país o región", "Altro paese"],
  [address("other", "poBox"), "Other Address PO Box", "Weiteres Postfach", ["Autre boîte postale", "B.P. (autre)"], "Otro apartado postal", "Altro indirizzo - Casella postale"],
  [address("other", "formatted"), "Other Address", null, null, null, null],
  [phone("assistant"), "Assistant's Phone", "Telefon Assistent", "Téléphone de l'assistant(e)", "Teléfono del ayudante", "Telefono assistente"],
  [phone("work", "fax"), "Business Fax", "Fax geschäftlich", "Télécopie (bureau)", "Fax del trabajo", "Fax (uff.)"],
  [phone("work"), "Business Phone", "Telefon geschäftlich", "Téléphone (bureau)", "Teléfono del trabajo", "Ufficio"],
  [phone("work"), "Business Phone 2", "Telefon geschäftlich 2", "Téléphone 2 (bureau)", "Teléfono del trabajo 2", "Ufficio 2"],
  [phone("callback"), "Callback", "Rückmeldung", "Rappel", "Devolución de llamada", "Richiamata automatica"],
  [phone("car"), "Car Phone", "Autotelefon", "Téléphone (voiture)", "Teléfono del automóvil", "Telefono auto"],
  [phone("work", "main"), "Company Main Phone", "Telefon Firma", "Téléphone société", "Número de centralita de la organización", "Telefono principale società"],
  [phone("home", "fax"), "Home Fax", "Fax privat", "Télécopie (domicile)", "Fax particular", "Fax (ab.)"],
  [phone("home"), "Home Phone", "Telefon privat", "Téléphone (domicile)", "Particular", "Abitazione"],
  [phone("home"), "Home Phone 2", "Telefon privat 2", "Téléphone 2 (domicile)", "Número de teléfono particular 2", "Abitazione 2"],
  [phone("isdn"), "ISDN", "ISDN", "RNIS", "RDSI", "ISDN"],
  [phone("cell"), "Mobile Phone", "Mobiltelefon", ["Tél. mobile", "Téléphone mobile"], ["Móvil", "Teléfono móvil"], "Cellulare"],
  // German Outlook names the Radio Phone field "Mobiltelefon 2" (second mobile in its UI)
  [phone("cell"), null, "Mobiltelefon 2", null, null, null],
  [phone("other", "fax"), "Other Fax", "Weiteres Fax", "Télécopie (autre)", "Otro fax", "Altro fax"],
  [phone("other"), "Other Phone", "Weiteres Telefon", "Téléphone (autre)", "Otro teléfono", "Altro telefono"],
  [phone("pager"), "Pager", "Pager", "Récepteur de radiomessagerie", ["Localizador", "Buscapersonas"], "Cercapersone"],
  [primaryPhone, "Primary Phone", "Haupttelefon", "Téléphone principal", "Teléfono principal", "Telefono principale"],
  [phone("radio"), "Radio Phone", null, "Radio téléphone", "Radioteléfono", "Radiotelefono"],
  [phone("textphone"), "TTY/TDD Phone", "Telefon für Hörbehinderte", "Téléphone TDD/TTY", "Número de teletipo", "Telefono TTY/TDD"],
  [phone("telex"), "Telex", "Telex", "Télex", "Télex", "Telex"],
  [emailSlot("1"), "E-mail Address", "E-Mail-Adresse", "Adresse de messagerie", "Dirección de correo electrónico", "Indirizzo posta elettronica"],
  [extra, "E-mail Type", "E-Mail-Typ", "Type de messagerie", "Tipo de correo electrónico", "Tipo posta elettronica"],
  [emailDisplay("1"), "E-mail Display Name", "E-Mail: Angezeigter Name", "Nom complet de l'adresse de messagerie", ["Nombre de pantalla de correo electrónico", "Nombre para mostrar del correo electrónico"], "Nome visualizzato posta elettronica"],
  [emailSlot("2"), "E-mail 2 Address", "E-Mail 2: Adresse", "Adresse de messagerie 2", "Dirección de correo electrónico 2", "Indirizzo posta elettronica 2"],
  [extra, "E-mail 2 Type", "E-Mail 2: Typ", "Type de messagerie 2", "Tipo de correo electrónico 2", "Tipo posta elettronica 2"],
  [emailDisplay("2"), "E-mail 2 Display Name", "E-Mail 2: Angezeigter Name", "Nom complet de l'adresse de messagerie 2", ["Nombre de pantalla de correo electrónico 2", "Nombre para mostrar del correo electrónico 2"], "Nome visualizzato posta elettronica 2"],
  [emailSlot("3"), "E-mail 3 Address", "E-Mail 3: Adresse", "Adresse de messagerie 3", ["Dirección del correo electrónico 3", "Dirección de correo electrónico 3"], "Indirizzo posta elettronica 3"],
  [extra, "E-mail 3 Type", "E-Mail 3: Typ", "Type de messagerie 3", "Tipo de correo electrónico 3", "Tipo posta elettronica 3"],
  [emailDisplay("3"), "E-mail 3 Display Name", "E-Mail 3: Angezeigter Name", "Nom complet de l'adresse de messagerie 3", ["Nombre de pantalla de correo electrónico 3", "Nombre para mostrar del correo electrónico 3"], "Nome visualizzato posta elettronica 3"],
  [birthday, "Birthday", "Geburtstag", "Anniversaire", "Cumpleaños", "Compleanno"],
  [dateExtra, "Anniversary", "Jahrestag", "Anniversaire de mariage ou fête", "Aniversario", "Anniversario"],
  [categories(";"), "Categories", "Kategorien", "Catégories", "Categorías", "Categorie"],
  [notes, "Notes", "Notizen", null, "Notas", "Note"],
  [url(), "Web Page", "Webseite", "Page Web", "Página web", "Pagina Web"],
  [url("home"), "Personal Web Page", null, null, null, null],
  [handle("im"), "IMAddress", null, null, null, null],
  [defaulted("Unspecified", "Keine Angabe"), "Gender", "Geschlecht", "Sexe", ["Sexo", "Género"], "Sesso"],
  [defaulted("Normal"), "Priority", "Priorität", "Priorité", "Prioridad", "Priorità"],
  [defaulted("False", "Aus"), "Private", "Privat", "Privé", "Privado", null],
  [defaulted("Normal"), "Sensitivity", "Vertraulichkeit", "Critère de diffusion", "Confidencialidad", "Riservatezza"],
  [extra, "Account", "Konto", "Compte", "Cuenta", null],
  [extra, "Assistant's Name", "Name Assistent", "Nom de l'assistant(e)", "Nombre del ayudante", "Nome assistente"],
  [extra, "Billing Information", "Abrechnungsinformation", "Informations facturation", "Facturación", "Dati fatturazione"],
  [extra, "Children", "Kinder", "Enfants", "Hijos", "Figli"],
  [extra, "Directory Server", "Verzeichnisserver", "Serveur d'annuaire", "Servidor de directorio", null],
  [extra, "Government ID Number", "Regierungsnr.", "Code gouvernement", "Número de id. oficial", "Cod. Fisc./P. IVA"],
  [extra, "Hobby", "Hobby", "Passe-temps", "Aficiones", null],
  [extra, "Initials", "Initialen", "Initiales", "Iniciales", "Iniziali"],
  [extra, "Internet Free Busy", "Internet-Frei/Gebucht", "Disponibilité Internet", "Disponibilidad Internet", "Disponibilità Internet"],
  [extra, "Keywords", "Stichwörter", "Mots clés", "Palabras clave", null],
  [extra, "Language", "Sprache", "Langue", "Idioma", null],
  [extra, "Location", "Ort", "Emplacement", "Ubicación", "Luogo"],
  [extra, "Manager's Name", "Name des/der Vorgesetzten", "Responsable", "Nombre del director", "Nome manager"],
  [extra, "Mileage", "Reisekilometer", "Kilométrage", "Kilometraje", "Indennità trasferta"],
  [extra, "Office Location", "Büro", "Bureau", "Ubicación de la oficina", "Ubicazione ufficio"],
  [extra, "Organizational ID Number", "Organisationsnr.", "Numéro d'identification de l'organisation", "Número de id. de la organización", null],
  [extra, "Profession", "Beruf", null, "Profesión", "Professione"],
  [extra, "Referred By", "Empfohlen von", "Recommandé par", "Remitido por", null],
  [extra, "Spouse", "Partner", "Conjoint(e)", "Cónyuge", "Nome coniuge"],
  [extra, "User 1", "Benutzer 1", "Utilisateur 1", "Usuario 1", "Utente 1"],
  [extra, "User 2", "Benutzer 2", "Utilisateur 2", "Usuario 2", "Utente 2"],
  [extra, "User 3", "Benutzer 3", "Utilisateur 3", "Usuario 3", "Utente 3"],
  [extra, "User 4", "Benutzer 4", "Utilisateur 4", "Usuario 4", "Utente 4"],
  [extra, ["Given Yomi", "Surname Yomi", "Company Yomi", "Schools"], ["Vorname Yomi", "Nachname Yomi"], null, null, null],
]

const languages: ReadonlyArray<OutlookLanguage> = ["en", "de", "fr", "es", "it"]

/** An Outlook header's role and the languages that use the name. */
export interface OutlookEntry {
  readonly header: string
  readonly role: Role
  readonly languages: ReadonlyArray<OutlookLanguage>
}

/** Every Outlook header name with its role, all languages merged (the names do not collide). */
export const outlookHeaders: ReadonlyArray<OutlookEntry> = outlookRows.flatMap(([role, ...names]) =>
  names.flatMap((n, i) => {
    const list = n === null ? [] : typeof n === "string" ? [n] : n
    return list.map((header) => ({ header, role, languages: [languages[i]!] }))
  }),
)

/**
 * French Outlook writes "Titre" twice: the courtesy title first, then the job title. A single
 * "Titre" column is the job title (as Exchange's importer reads it).
 */
export const outlookRepeated: ReadonlyArray<{
  readonly header: string
  readonly roles: ReadonlyArray<Role>
}> = [{ header: "Titre", roles: [name("prefix"), org("title")] }]

/** Thunderbird's export header (English UI). */
export const thunderbirdHeaders: ReadonlyArray<readonly [string, Role]> = [
  ["First Name", name("given")],
  ["Last Name", name("family")],
  ["Display Name", name("formatted")],
  ["Nickname", name("nickname")],
  ["Primary Email", email([], { primary: true })],
  ["Secondary Email", email()],
  // Thunderbird's "Screen Name" is its AIM screen name (_AimScreenName)
  ["Screen Name", handle("aim")],
  ["Work Phone", phone("work")],
  ["Home Phone", phone("home")],
  ["Fax Number", phone("fax")],
  ["Pager Number", phone("pager")],
  ["Mobile Number", phone("cell")],
  ["Home Address", address("home", "street")],
  ["Home Address 2", address("home", "street2")],
  ["Home City", address("home", "locality")],
  ["Home State", address("home", "region")],
  ["Home ZipCode", address("home", "postalCode")],
  ["Home Country", address("home", "country")],
  ["Work Address", address("work", "street")],
  ["Work Address 2", address("work", "street2")],
  ["Work City", address("work", "locality")],
  ["Work State", address("work", "region")],
  ["Work ZipCode", address("work", "postalCode")],
  ["Work Country", address("work", "country")],
  ["Job Title", org("title")],
  ["Department", org("department")],
  ["Organization", org("company")],
  // Thunderbird's two web pages are the work and the home page
  ["Web Page 1", url("work")],
  ["Web Page 2", url("home")],
  ["Birth Year", { kind: "birthPart", part: "year" }],
  ["Birth Month", { kind: "birthPart", part: "month" }],
  ["Birth Day", { kind: "birthPart", part: "day" }],
  ["Custom 1", extra],
  ["Custom 2", extra],
  ["Custom 3", extra],
  ["Custom 4", extra],
  ["Notes", notes],
]

/** Google's fixed (un-numbered) columns: legacy (to ~2020) and current (2020+) exports. */
export const googleHeaders: ReadonlyArray<readonly [string, Role]> = [
  ["Name", name("formatted")],
  ["Given Name", name("given")],
  ["Additional Name", name("middle")],
  ["Family Name", name("family")],
  ["First Name", name("given")],
  ["Middle Name", name("middle")],
  ["Last Name", name("family")],
  ["Name Prefix", name("prefix")],
  ["Name Suffix", name("suffix")],
  ["Nickname", name("nickname")],
  ["Organization Name", org("company")],
  ["Organization Title", org("title")],
  ["Organization Department", org("department")],
  ["Birthday", birthday],
  ["Notes", notes],
  ["Photo", photo],
  ["Group Membership", categories(":::")],
  ["Labels", categories(":::")],
  ...[
    "Yomi Name",
    "Given Name Yomi",
    "Additional Name Yomi",
    "Family Name Yomi",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "File As",
    "Initials",
    "Short Name",
    "Maiden Name",
    "Gender",
    "Location",
    "Billing Information",
    "Directory Server",
    "Mileage",
    "Occupation",
    "Hobby",
    "Sensitivity",
    "Priority",
    "Subject",
    "Language",
  ].map((h): readonly [string, Role] => [h, extra]),
]

/** Google's numbered groups (`E-mail 1 - Value`): the group kind by its lower-case name. */
export const googleGroupKinds: Readonly<
  Record<string, "email" | "phone" | "url" | "address" | "org" | "im">
> = {
  "e-mail": "email",
  email: "email",
  phone: "phone",
  website: "url",
  address: "address",
  organization: "org",
  im: "im",
}

/** Group kinds Google exports that Blackbook keeps only in `extra`. */
export const googleExtraGroups: ReadonlyArray<string> = [
  "relation",
  "event",
  "custom field",
  "external id",
  "jot",
  "calendar link",
  "location",
  "hobby",
  "sensitivity",
  "user defined field",
]

/** Google address sub-fields (lower-case) onto address parts. */
export const googleAddressParts: Readonly<
  Record<
    string,
    "formatted" | "street" | "locality" | "poBox" | "region" | "postalCode" | "country" | "extended"
  >
> = {
  formatted: "formatted",
  street: "street",
  city: "locality",
  "po box": "poBox",
  region: "region",
  state: "region",
  "postal code": "postalCode",
  country: "country",
  "extended address": "extended",
}

/** Google organization sub-fields onto organization parts (the rest is extra). */
export const googleOrgParts: Readonly<Record<string, "company" | "title" | "department">> = {
  name: "company",
  title: "title",
  department: "department",
}

/**
 * Google type labels onto Blackbook's type words; a label not listed is kept verbatim (custom
 * labels such as "Telma" or "Father"). `INTERNET` is vCard's default e-mail type and says nothing.
 */
export const googleLabels: Readonly<Record<string, ReadonlyArray<string>>> = {
  home: ["home"],
  work: ["work"],
  other: ["other"],
  mobile: ["cell"],
  main: ["main"],
  pager: ["pager"],
  "home fax": ["home", "fax"],
  "work fax": ["work", "fax"],
  "other fax": ["other", "fax"],
  "work mobile": ["work", "cell"],
  "work pager": ["work", "pager"],
  "home page": ["home"],
  homepage: ["home"],
  blog: ["blog"],
  profile: ["profile"],
  internet: [],
}

/**
 * Headers that mark a LinkedIn export (Connections, Profile, Positions, Invitations, messages,
 * Imported Contacts, e-mail and phone lists): such files belong to the LinkedIn adapter.
 */
export const linkedInMarkers: ReadonlyArray<string> = [
  "connected on",
  "headline",
  "geo location",
  "twitter handles",
  "started on",
  "finished on",
  "sent at",
  "conversation id",
  "sender profile url",
  "inviterprofileurl",
  "bookmarked at",
  "is_whatsapp_number",
  "updated on",
]
