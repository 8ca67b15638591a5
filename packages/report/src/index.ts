/**
 * @blackbook/report: the black book as one self-contained HTML page, with the network map.
 *
 * @since 0.1.0
 */
export * as Changes from "./Changes.ts"
export * as Lists from "./Lists.ts"
export * as Network from "./Network.ts"
export type * as PageData from "./PageData.ts"
export * as Report from "./Report.ts"
