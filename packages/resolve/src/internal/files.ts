/**
 * Each record's file as a number, read once in order: pair loops that compare two profiles' files
 * wait on memory for both profiles on a big import; a typed array of numbers does not.
 */
import type { Profile } from "../Profile.ts"
import * as Memory from "./memory.ts"

/** `fileOf[i]` is record i's file, numbered by first appearance; `perFile[f]` counts file f's records. */
export interface FileNumbers {
  readonly fileOf: Int32Array
  readonly perFile: ReadonlyArray<number>
}

export const fileNumbers = (profiles: ReadonlyArray<Profile>): FileNumbers => {
  const ids = new Map<string, number>()
  const fileOf = Memory.int32(profiles.length)
  const perFile: Array<number> = []
  for (let i = 0; i < profiles.length; i++) {
    const file = profiles[i]!.file
    let id = ids.get(file)
    if (id === undefined) {
      id = ids.size
      ids.set(file, id)
      perFile.push(0)
    }
    fileOf[i] = id
    perFile[id]!++
  }
  return { fileOf, perFile }
}
