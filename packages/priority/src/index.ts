/** Placeholder until the module lands. @since 0.1.0 */
export {}
