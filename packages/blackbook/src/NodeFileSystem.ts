/**
 * A small read-only `FileSystem` over `node:fs`, enough for what `Merge` reads (stat a path, list
 * a folder, read a file). The Promise API provides it, so that this package does not depend on
 * `@effect/platform-node-shared` (which asks for a newer Node than the library needs). With
 * Effect, provide this layer, `NodeFileSystem.layer` from `@effect/platform-node-shared`, or your
 * own. Every other operation fails with a `BadArgument` platform error saying it is not supported.
 *
 * @since 0.2.0
 */
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { ByteSize, Effect, FileSystem, Layer, Option, PlatformError, Stream } from "effect"

const tagOf = (code: string | undefined): PlatformError.SystemErrorTag => {
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return "NotFound"
    case "EACCES":
    case "EPERM":
      return "PermissionDenied"
    case "EEXIST":
      return "AlreadyExists"
    case "EISDIR":
    case "EBADF":
      return "BadResource"
    case "EBUSY":
      return "Busy"
    case "ETIMEDOUT":
      return "TimedOut"
    case "EAGAIN":
      return "WouldBlock"
    default:
      return "Unknown"
  }
}

/** A `node:fs` call as an Effect whose failure is a system `PlatformError`. */
const call = <A>(
  method: string,
  target: string,
  run: () => Promise<A>,
): Effect.Effect<A, PlatformError.PlatformError> =>
  Effect.tryPromise({
    try: run,
    catch: (cause) => {
      const error = cause as NodeJS.ErrnoException
      return PlatformError.systemError({
        _tag: tagOf(error.code),
        module: "FileSystem",
        method,
        pathOrDescriptor: target,
        ...(error.syscall !== undefined ? { syscall: error.syscall } : {}),
        description: error.message,
        cause,
      })
    },
  })

const typeOf = (s: {
  isFile(): boolean
  isDirectory(): boolean
  isSymbolicLink(): boolean
  isBlockDevice(): boolean
  isCharacterDevice(): boolean
  isFIFO(): boolean
  isSocket(): boolean
}): FileSystem.File.Type =>
  s.isFile()
    ? "File"
    : s.isDirectory()
      ? "Directory"
      : s.isSymbolicLink()
        ? "SymbolicLink"
        : s.isBlockDevice()
          ? "BlockDevice"
          : s.isCharacterDevice()
            ? "CharacterDevice"
            : s.isFIFO()
              ? "FIFO"
              : s.isSocket()
                ? "Socket"
                : "Unknown"

const infoOf = (s: import("node:fs").Stats): FileSystem.File.Info => ({
  type: typeOf(s),
  mtime: Option.some(s.mtime),
  atime: Option.some(s.atime),
  birthtime: Option.some(s.birthtime),
  dev: BigInt(s.dev),
  ino: Option.some(BigInt(s.ino)),
  mode: s.mode,
  nlink: Option.some(BigInt(s.nlink)),
  uid: Option.some(s.uid),
  gid: Option.some(s.gid),
  rdev: Option.some(BigInt(s.rdev)),
  size: ByteSize.bytes(s.size),
  blksize: Option.some(ByteSize.bytes(s.blksize)),
  blocks: Option.some(BigInt(s.blocks)),
})

const unsupported = (method: string) => (): Effect.Effect<never, PlatformError.PlatformError> =>
  Effect.fail(
    PlatformError.badArgument({
      module: "FileSystem",
      method,
      description: "not supported by blackbook's read-only file system (provide a full FileSystem layer)",
    }),
  )

/**
 * The read-only file system.
 *
 * @category file system
 * @since 0.2.0
 */
export const fileSystem: FileSystem.FileSystem = FileSystem.make({
  access: (p) => call("access", p, () => fs.access(p)),
  stat: (p) =>
    Effect.map(
      call("stat", p, () => fs.stat(p)),
      infoOf,
    ),
  lstat: (p) =>
    Effect.map(
      call("lstat", p, () => fs.lstat(p)),
      infoOf,
    ),
  readFile: (p) =>
    call("readFile", p, () => fs.readFile(p).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.length))),
  readDirectory: (p, options) =>
    call("readDirectory", p, () =>
      fs.readdir(p, { recursive: options?.recursive ?? false }).then((names) => names.map(String)),
    ),
  readDirectoryEntries: (p) =>
    call("readDirectoryEntries", p, () =>
      fs
        .readdir(p, { withFileTypes: true })
        .then((entries) => entries.map((e) => ({ name: e.name, type: typeOf(e) }))),
    ),
  readLink: (p) => call("readLink", p, () => fs.readlink(p)),
  realPath: (p) => call("realPath", p, () => fs.realpath(path.resolve(p))),
  copy: unsupported("copy"),
  copyFile: unsupported("copyFile"),
  chmod: unsupported("chmod"),
  chown: unsupported("chown"),
  link: unsupported("link"),
  makeDirectory: unsupported("makeDirectory"),
  makeTempDirectory: unsupported("makeTempDirectory"),
  makeTempDirectoryScoped: unsupported("makeTempDirectoryScoped"),
  makeTempFile: unsupported("makeTempFile"),
  makeTempFileScoped: unsupported("makeTempFileScoped"),
  open: unsupported("open"),
  remove: unsupported("remove"),
  rename: unsupported("rename"),
  symlink: unsupported("symlink"),
  truncate: unsupported("truncate"),
  utimes: unsupported("utimes"),
  watch: () => Stream.unwrap(unsupported("watch")()),
  writeFile: unsupported("writeFile"),
})

/**
 * The read-only file system as a layer.
 *
 * @category file system
 * @since 0.2.0
 */
export const layer: Layer.Layer<FileSystem.FileSystem> = Layer.succeed(FileSystem.FileSystem)(fileSystem)
