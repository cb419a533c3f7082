#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the bytes of a streamed input come from, in order: a file descriptor, or bytes already
/// in memory. ``ByteWindow`` reads through it.
protocol ByteSource {
    /// Copies up to `count` of the next bytes to `buffer` and returns how many; 0 only at the
    /// end of the input.
    mutating func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int
}

/// The bytes of a file descriptor, read with `read(2)` from its current offset (standard input
/// is read from wherever the caller left it).
struct FileByteSource: ByteSource {
    let fd: Int32
    /// The input's name in messages.
    let source: String

    mutating func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        while true {
            let n = Glibc.read(fd, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw InputFile.readError(errno, source: source)
        }
    }
}

/// Bytes the caller holds, handed out in order; they must outlive the source.
struct MemoryByteSource: ByteSource {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = min(count, bytes.count - offset)
        buffer.update(from: base + offset, count: n)
        offset += n
        return n
    }
}
