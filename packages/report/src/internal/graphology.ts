/**
 * graphology and its layout and community packages ship CommonJS-style declarations (`export default`
 * in a package Node reads as CommonJS): TypeScript types the default import as the module object with
 * a `default` inside, while at run time the default import is the class or function itself (or, for
 * graphology's ESM build, its real default). This reads whichever the runtime gives, typed as the inner
 * default.
 */

import GraphModule from "graphology"
import louvainModule from "graphology-communities-louvain"
import forceAtlas2Module from "graphology-layout-forceatlas2"

const unwrap = <M extends { readonly default: unknown }>(m: M): M["default"] => {
  const inner = (m as { readonly default?: unknown }).default
  return (inner ?? m) as M["default"]
}

export const forceAtlas2: typeof forceAtlas2Module.default = unwrap(forceAtlas2Module)
export const louvain: typeof louvainModule.default = unwrap(louvainModule)
export const Graph: typeof GraphModule.default = unwrap(GraphModule)
export type Graph = InstanceType<typeof Graph>
