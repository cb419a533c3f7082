import GMMFiles

/// A sink that streams the GIF into an `OutputFile`: a temporary file in the destination's
/// directory, renamed over the destination on ``commit()``. Until then the destination is
/// untouched, so a failed encoding never leaves a truncated GIF there, and an existing file
/// survives a failed run. ``abort()`` (also run by `deinit` when neither was called) removes
/// the temporary file.
///
/// Errors are `FileError`s naming the destination, the reason and the fix, like every other
/// output of gmmviz; ``failure`` keeps the first one for callers that see it wrapped in a
/// ``GIFError``.
public final class FileGIFSink: GIFSink {
    private let file: OutputFile

    /// The path the GIF appears at on ``commit()``.
    public var destination: String { file.destination }
    /// The temporary file being written, in the destination's directory.
    public var temporaryPath: String { file.temporaryPath }
    /// The first write, flush or rename failure, if any.
    public var failure: FileError? { file.failure }

    /// Creates the temporary file next to `path`.
    ///
    /// - Throws: `FileError` if the directory is missing or not writable, or `path` is a
    ///   directory.
    public init(path: String) throws {
        file = try OutputFile(path: path)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try file.write(bytes)
    }

    public func commit() throws {
        try file.commit()
    }

    public func abort() {
        file.abort()
    }
}
