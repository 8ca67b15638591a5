/**
 * The trained model as JSON (`blackbook merge --save-model FILE`): for every comparison, each
 * level's m and u as training estimated them and its weight in bits, and the prior the data gave.
 * Enough to see why the engine weighs evidence as it does, and to compare two runs' models.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { ConditionKind, Field } from "./Comparison.ts"
import type { Model } from "./Scoring.ts"

/**
 * One level: its label and condition kind, m (the chance a true match lands in it), u (the chance
 * two unrelated records do) and the weight the scores used, in bits: log2(m/u), or more for an
 * exact unshared identifier (floored by `Settings.identifiers`); 0 for the null level.
 *
 * @category models
 * @since 0.3.0
 */
export const LevelJson = Schema.Struct({
  label: Schema.String,
  kind: ConditionKind,
  m: Schema.Number,
  u: Schema.Number,
  bits: Schema.Number,
})
export type LevelJson = typeof LevelJson.Type

/** @category models @since 0.3.0 */
export const ComparisonJson = Schema.Struct({
  name: Schema.String,
  field: Field,
  levels: Schema.Array(LevelJson),
})
export type ComparisonJson = typeof ComparisonJson.Type

/**
 * The whole model, version 1: the prior probability that two records are one person (and the
 * same in bits, log2 of its odds), and the comparisons in the order they are scored.
 *
 * @category models
 * @since 0.3.0
 */
export const ModelJson = Schema.Struct({
  version: Schema.Literal(1),
  prior: Schema.Number,
  priorBits: Schema.Number,
  comparisons: Schema.Array(ComparisonJson),
})
export type ModelJson = typeof ModelJson.Type

/**
 * The JSON of a trained model (`Resolve.Resolution.model`, `Book.Book.model`).
 *
 * @category encoding
 * @since 0.3.0
 */
export const fromModel = (model: Model): ModelJson => ({
  version: 1,
  prior: model.lambda,
  priorBits: model.priorBits,
  comparisons: model.comparisons.map((c, ci) => ({
    name: c.name,
    field: c.field,
    levels: c.levels.map((l, li) => ({
      label: l.label,
      kind: l.when.kind,
      m: l.m,
      u: l.u,
      bits: model.weights[ci]![li]!,
    })),
  })),
})
