extension UnsafeMutablePointer {
    /// A new buffer of `count` elements that starts on a 64-byte cache line; the caller
    /// deallocates it.
    ///
    /// `SIMD8<Double>` is only 16-byte aligned, so a plain `allocate(capacity:)` lets a vector
    /// of eight samples straddle two cache lines and lets two workers' regions share one. The
    /// workspaces of the fit and of k-means allocate all their memory this way, once.
    static func allocateLineAligned(count: Int) -> UnsafeMutablePointer {
        let alignment = Swift.max(64, MemoryLayout<Pointee>.alignment)
        return UnsafeMutableRawPointer
            .allocate(byteCount: Swift.max(1, count) * MemoryLayout<Pointee>.stride, alignment: alignment)
            .bindMemory(to: Pointee.self, capacity: count)
    }

    /// A new line-aligned buffer (``allocateLineAligned(count:)``) of `count` elements, each
    /// initialised to `value`; the caller deallocates it.
    static func allocate(count: Int, filledWith value: Pointee) -> UnsafeMutablePointer {
        let buffer = allocateLineAligned(count: count)
        buffer.initialize(repeating: value, count: count)
        return buffer
    }
}
