/**
 * @blackbook/normalize: one normaliser per kind of value (Email, Phone, Name, Url, Handle,
 * Nickname) and the text measures they share (Similarity, TextHash, Transliterate).
 *
 * @since 0.3.0
 */

export * as Email from "./Email.ts"
export * as Handle from "./Handle.ts"
export * as Name from "./Name.ts"
export * as Nickname from "./Nickname.ts"
export * as Phone from "./Phone.ts"
export * as Similarity from "./Similarity.ts"
export * as TextHash from "./TextHash.ts"
export * as Transliterate from "./Transliterate.ts"
export * as Url from "./Url.ts"
