extension UnsafeMutablePointer {
    /// A new buffer of `count` elements, each initialised to `value`; the caller deallocates it.
    /// The workspaces of the fit and of k-means allocate all their memory this way, once.
    static func allocate(count: Int, filledWith value: Pointee) -> UnsafeMutablePointer {
        let buffer = allocate(capacity: count)
        buffer.initialize(repeating: value, count: count)
        return buffer
    }
}
