/**
 * The role each field of a user's column mapping reads as.
 */
import { address, birthday, email, handle, name, notes, org, phone, type Role, url } from "./roles.ts"

/** The model fields a mapping can name, each to the role it reads as. */
export const fieldRoles = {
  given: name("given"),
  family: name("family"),
  middle: name("middle"),
  prefix: name("prefix"),
  suffix: name("suffix"),
  nickname: name("nickname"),
  formatted: name("formatted"),
  email: email(),
  phone: phone(),
  url: url(),
  company: org("company"),
  title: org("title"),
  department: org("department"),
  birthday,
  notes,
  street: address("", "street"),
  locality: address("", "locality"),
  region: address("", "region"),
  postalCode: address("", "postalCode"),
  country: address("", "country"),
  twitter: handle("twitter"),
  linkedin: handle("linkedin"),
  // Identity documents, read as handles of a document "service" (resolution compares the numbers).
  ssn: handle("ssn"),
  passport: handle("passport"),
  driversLicense: handle("drivers-license"),
  nationalId: handle("national-id"),
  taxId: handle("tax-id"),
  id: { kind: "id" },
} satisfies Readonly<Record<string, Role>>

/** The role a mapped field reads as. */
export const roleOf = (field: keyof typeof fieldRoles): Role => fieldRoles[field]
