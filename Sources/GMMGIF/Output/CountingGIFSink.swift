/// A sink that only counts bytes: for benchmarks that must not hold the GIF in memory.
public struct CountingGIFSink: GIFSink, Sendable {
    public private(set) var byteCount = 0
    public init() {}
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws { byteCount += bytes.count }
    public mutating func commit() throws {}
    public mutating func abort() { byteCount = 0 }
}
