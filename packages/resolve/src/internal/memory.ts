/**
 * The engine's working arrays (blocking's buffers, numbered values, per-pair tables), allocated
 * over a SharedArrayBuffer where there is one.
 *
 * Why: V8 counts the bytes of each new ArrayBuffer as "external memory" and, once enough have
 * been added since its last full collection, starts one at once, walking the whole heap. On a big
 * import the heap is full of records and profiles, so each of those collections is slow, and the
 * engine's arrays started some. V8 leaves shared buffers out of that count (a shared buffer may
 * belong to several isolates). Reads and writes cost the same.
 *
 * The memory is still freed when its array becomes garbage, at the next full collection, which
 * the heap's own growth starts. Without SharedArrayBuffer (a browser page that is not
 * cross-origin isolated), plain ArrayBuffers are used and only the collections above come back.
 */

// Not called `Buffer`: that would hide Node's global of the name in this module.
const SharedOrPlain: new (bytes: number) => ArrayBufferLike = globalThis.SharedArrayBuffer ?? ArrayBuffer

/** A zeroed buffer of `bytes`, outside V8's external-memory count where it can be. */
export const buffer = (bytes: number): ArrayBufferLike => new SharedOrPlain(bytes)

/** A zeroed Int32Array of `length`. */
export const int32 = (length: number): Int32Array => new Int32Array(buffer(length * 4))

/** A zeroed Float64Array of `length`. */
export const float64 = (length: number): Float64Array => new Float64Array(buffer(length * 8))

/** A zeroed Uint8Array of `length`. */
export const uint8 = (length: number): Uint8Array => new Uint8Array(buffer(length))
