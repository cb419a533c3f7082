#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reusable buffer that holds the next bytes of a ``ByteSource``: the part of a large input
/// that is in memory at a time.
///
/// The reader looks at `bytes[0 ..< count]`, gives back a prefix it is done with
/// (``consume(_:)``, which moves the rest to the front) and reads on (``fill()``). The buffer
/// has ``capacity`` bytes and is reused for the whole input, so reading a file of any size
/// touches only these pages; it grows (``grow()``, doubling) only when the reader needs more
/// bytes at once than it holds — one record longer than the buffer — and never past
/// ``maxCapacity``.
///
/// Each `read(2)` step (at most 1 MiB, while its bytes are in the cache) is checked for NUL
/// bytes, which stop the read at once with the error `nulError` makes of the input's first
/// ``TextEncoding/sampleBytes`` bytes (which tell UTF-16 and UTF-32 text from a binary file),
/// and for bytes that are not ASCII, so that only text that has such bytes is validated as
/// UTF-8.
final class ByteWindow {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    /// The bytes held: `bytes[0 ..< count]`.
    private(set) var count = 0
    private(set) var capacity: Int
    /// The most bytes the buffer may grow to.
    let maxCapacity: Int
    /// True once the source has said it has no more bytes.
    private(set) var atEnd = false
    /// The bytes of the input before `bytes[0]`.
    private(set) var offset = 0
    /// The first ``TextEncoding/sampleBytes`` bytes of the input (fewer while fewer were read).
    private(set) var head: [UInt8] = []
    /// A held byte at or after this index may be outside ASCII; none before it is (`count`
    /// when all held bytes are ASCII). Known per read step, so it may be earlier than the
    /// first such byte.
    private(set) var asciiPrefix = 0

    private var source: any ByteSource
    private let nulError: ([UInt8]) -> DataError

    /// The fewest bytes a window holds: room for a UTF-8 sequence of four bytes and one more
    /// byte, so that a window cut before a sequence it does not end always moves on.
    static let minimumCapacity = 5

    /// A window of `capacity` bytes (at least ``minimumCapacity``) onto `source`.
    init(source: any ByteSource, capacity: Int, maxCapacity: Int, nulError: @escaping ([UInt8]) -> DataError) {
        self.capacity = max(Self.minimumCapacity, capacity)
        self.maxCapacity = max(self.capacity, maxCapacity)
        self.bytes = .allocate(capacity: self.capacity)
        self.source = source
        self.nulError = nulError
    }

    deinit {
        bytes.deallocate()
    }

    /// The held bytes `start ..< end` as a buffer.
    func buffer(_ start: Int = 0, _ end: Int? = nil) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + start, count: (end ?? count) - start)
    }

    /// True when no held byte before `end` is outside ASCII.
    func isASCII(before end: Int) -> Bool {
        end <= asciiPrefix
    }

    /// Reads until the buffer is full or the input ends.
    ///
    /// - Throws: the source's read error, or `nulError` at the first NUL byte.
    func fill() throws {
        while count < capacity, !atEnd {
            let step = bytes + count
            let n = try source.read(into: step, count: min(1 << 20, capacity - count))
            if n == 0 {
                atEnd = true
                break
            }
            let read = UnsafeBufferPointer(start: step, count: n)
            if head.count < TextEncoding.sampleBytes {
                head += read.prefix(TextEncoding.sampleBytes - head.count)
            }
            let seen = ByteScan.inspect(read)
            if seen.hasNUL {
                completeHead()
                throw nulError(head)
            }
            if seen.isASCII, asciiPrefix == count { asciiPrefix += n }
            count += n
        }
    }

    /// Reads on until ``head`` has all of ``TextEncoding/sampleBytes`` (or the input ends), so
    /// that what the first bytes tell does not depend on the window's size.
    private func completeHead() {
        var more = [UInt8](repeating: 0, count: TextEncoding.sampleBytes)
        while head.count < TextEncoding.sampleBytes {
            let wanted = TextEncoding.sampleBytes - head.count
            guard let n = try? more.withUnsafeMutableBufferPointer({ b in try b.baseAddress.map { try source.read(into: $0, count: wanted) } ?? 0 }),
                  n > 0 else { return }
            head += more.prefix(n)
        }
    }

    /// Drops the first `n` held bytes, moving the rest to the front.
    func consume(_ n: Int) {
        precondition(n >= 0 && n <= count, "consumed more bytes than the window holds")
        if n > 0, n < count { memmove(bytes, bytes + n, count - n) }
        count -= n
        offset += n
        asciiPrefix = max(0, asciiPrefix - n)
        if asciiPrefix > count { asciiPrefix = count }
    }

    /// Doubles the buffer (up to ``maxCapacity``), keeping the held bytes; false when it is
    /// already that large.
    func grow() -> Bool {
        guard capacity < maxCapacity else { return false }
        let larger = min(maxCapacity, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: bytes, count: count)
        bytes.deallocate()
        bytes = moved
        capacity = larger
        return true
    }
}
