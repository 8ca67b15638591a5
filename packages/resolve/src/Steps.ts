/**
 * Long synchronous work cut into steps. Resolution is written as generators that, between small
 * units of work, yield a `Step`: the stage they are in and how far (`done` of `total`). The same
 * steps run two ways:
 *
 * - `runSync` runs them to the end at once, yielding nothing to anyone (`Book.build`,
 *   `Resolve.resolve`: callers that need the answer now);
 * - `run` runs them as an Effect that reports progress several times a second and lets the event
 *   loop run between steps, so a server embedding a big merge keeps answering (`Book.buildSteps`
 *   driven by `Merge.merge`).
 *
 * A generator yields every few hundred or thousand units of its loop (a cheap counter test), and
 * the driver looks at the clock only then: the steps must be small enough that the driver's time
 * limits hold, never so small that yielding costs anything next to the work. Work with nothing
 * worth reporting (a pass that prepares a stage) yields `undefined`: a place to pause, no news.
 *
 * @since 0.3.0
 */
import { Effect } from "effect"

/**
 * The stages of resolution, in the order they run:
 *
 * - `profiles`: each record read once (names, e-mails, phones parsed); unit: records;
 * - `blocking`: the blocking keys of every rule, then the candidate pairs, record by record;
 *   unit: record visits (records times the distinct rules, plus one pass making the pairs);
 * - `comparing`: each candidate pair compared field by field (the costly part); unit: pairs;
 * - `training`: the model learnt from the pairs (expectation-maximisation rounds); unit: steps of it;
 * - `scoring`: each pair's weight of evidence from the trained model; unit: pairs;
 * - `clustering`: the pairs over the threshold joined, strongest first; unit: pairs;
 * - `contacts`: each cluster merged into one contact (survivorship); unit: contacts.
 *
 * @category models
 * @since 0.3.0
 */
export type Stage = "profiles" | "blocking" | "comparing" | "training" | "scoring" | "clustering" | "contacts"

/**
 * Where the work stands.
 *
 * @category models
 * @since 0.3.0
 */
export interface Step {
  readonly stage: Stage
  readonly done: number
  readonly total: number
}

/**
 * Work that yields `Step`s (or `undefined`: a place to pause with no news) and returns an `A`.
 *
 * @category models
 * @since 0.3.0
 */
export type Steps<A> = Generator<Step | undefined, A, undefined>

/**
 * A step, for generators: `yield Steps.at("comparing", k, count)`.
 *
 * @category constructors
 * @since 0.3.0
 */
export const at = (stage: Stage, done: number, total: number): Step => ({ stage, done, total })

/**
 * Runs the steps to the end at once and returns their result (no progress, no yielding).
 *
 * @category running
 * @since 0.3.0
 */
export const runSync = <A>(steps: Steps<A>): A => {
  for (;;) {
    const next = steps.next()
    if (next.done === true) return next.value
  }
}

/**
 * How `run` reports and yields.
 *
 * @category models
 * @since 0.3.0
 */
export interface RunOptions {
  /**
   * Called with the first step of each stage, each stage's last (`done === total`), and between
   * them at most every `reportEvery` milliseconds.
   */
  readonly onStep?: (step: Step) => void
  /** Default `reportEvery`. */
  readonly reportEvery?: number
  /** The longest the steps run before the event loop gets a turn, in milliseconds. */
  readonly yieldEvery?: number
}

/**
 * Default milliseconds between two progress reports (several a second).
 *
 * @category constants
 * @since 0.3.0
 */
export const reportEvery = 100

/**
 * Default milliseconds of work between two turns of the event loop: well under the tenth of a
 * second a server can hold a request up unnoticed, leaving room for one step's length.
 *
 * @category constants
 * @since 0.3.0
 */
export const yieldEvery = 40

/**
 * Runs the steps as an Effect: reports progress through `onStep` and, whenever `yieldEvery` has
 * passed since the last turn, yields to the scheduler (`Effect.yieldNow`; on the default
 * scheduler that is a turn of the event loop, so timers and I/O run). The result is the one
 * `runSync` gives.
 *
 * @category running
 * @since 0.3.0
 */
export const run = <A>(steps: Steps<A>, options: RunOptions = {}): Effect.Effect<A> =>
  Effect.gen(function* () {
    const reportAfter = options.reportEvery ?? reportEvery
    const yieldAfter = options.yieldEvery ?? yieldEvery
    const onStep = options.onStep
    let stage: Stage | undefined
    // The stage whose end was reported: its end is reported once.
    let ended: Stage | undefined
    let reported = Number.NEGATIVE_INFINITY
    let resumed = performance.now()
    for (;;) {
      const next = steps.next()
      if (next.done === true) return next.value
      const step = next.value
      const now = performance.now()
      if (onStep !== undefined && step !== undefined) {
        const end = step.done >= step.total
        if (
          step.stage !== stage ||
          (end && ended !== step.stage) ||
          (!end && now - reported >= reportAfter)
        ) {
          stage = step.stage
          if (end) ended = step.stage
          reported = now
          onStep(step)
        }
      }
      if (now - resumed >= yieldAfter) {
        yield* Effect.yieldNow
        resumed = performance.now()
      }
    }
  })
