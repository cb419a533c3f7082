/// Where an encoder's bytes go. A file is just one sink, so tests encode into memory.
///
/// The encoder calls `write` any number of times, then exactly one of `commit` (the GIF is
/// complete) or `abort` (it failed: discard everything written). A sink must never expose a
/// partial GIF as if it were complete.
public protocol GIFSink {
    /// Appends `bytes`. Throwing aborts the encoding.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Makes the complete output visible (for a file: rename into place).
    mutating func commit() throws
    /// Discards the output (for a file: remove the temporary file). Must not throw.
    mutating func abort()
}

/// A sink that keeps the GIF in memory, for tests and for callers that post the bytes elsewhere.
public struct MemoryGIFSink: GIFSink, Sendable {
    /// Everything written so far; emptied by ``abort()``.
    public private(set) var bytes: [UInt8] = []
    /// Whether ``commit()`` was called.
    public private(set) var isCommitted = false

    public init() {}

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }

    public mutating func commit() throws { isCommitted = true }

    public mutating func abort() {
        bytes = []
        isCommitted = false
    }
}
