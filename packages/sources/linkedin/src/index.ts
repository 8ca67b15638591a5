/**
 * @blackbook/source-linkedin: the LinkedIn "Get a copy of your data" export as a Blackbook source.
 *
 * @since 0.1.0
 */
export { LinkedInSource } from "./LinkedInSource.ts"
