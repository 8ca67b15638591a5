/**
 * @blackbook/source-twitter: the Twitter/X "Download your data" archive as a Blackbook source.
 *
 * @since 0.1.0
 */
export { TwitterSource } from "./TwitterSource.ts"
