import Foundation

/// Opens an input file (CSV data, a history JSON) and reads a history whole, with errors that
/// name the file, the reason and the fix, and limits that protect the machine. (CSV is not read
/// whole: ``CSVReader/read(path:columns:)`` streams it through the same opening, with the
/// same checks for NUL bytes a window at a time, and without a limit on the file's size.)
///
/// Reads with `read(2)` straight into the array it returns, in 1 MiB steps: a NUL byte in any
/// step stops the read at once (a binary file, or a device such as `/dev/zero` or
/// `/dev/urandom` given by mistake; text in UTF-16 or UTF-32 is named as such, see
/// ``TextEncoding``), and more than ``maxBytes`` bytes is refused rather than
/// exhausting memory. A regular file's array is sized from `fstat` before the first read, so
/// the file's bytes are held once and never copied, and a large one is read by one thread per
/// core (`readText(path:kind:maxBytes:readers:)`); a pipe's array doubles as it fills.
public enum InputFile {
    /// What an input file holds, so that a message can say which input's path to check.
    public enum Kind: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
        /// CSV samples (``CSVReader``).
        case samples
        /// A fit's history as JSON (``FitHistory/init(json:source:)``).
        case history

        public var description: String { rawValue }
    }

    /// The largest input read whole: 1 GiB.
    public static let maxBytes = 1 << 30

    /// Reads `path` (`"-"` is standard input), a file of the given kind.
    ///
    /// - Throws: ``DataError/noSuchFile(source:kind:)``, ``DataError/notAFile(source:kind:)``
    ///   or ``DataError/malformed(source:line:column:problem:)`` naming the file.
    public static func read(path: String, kind: Kind, maxBytes: Int = InputFile.maxBytes) throws -> [UInt8] {
        try readText(path: path, kind: kind, maxBytes: maxBytes).bytes
    }

    /// The bytes of an input and what was learnt of them while reading.
    struct Text {
        var bytes: [UInt8]
        /// True when no byte has its high bit set, so the bytes are valid UTF-8 without a
        /// further pass over them.
        var isASCII: Bool
    }

    /// The fewest bytes in a part of a regular file read concurrently: below this, handing a
    /// part to a thread costs more than what another core saves.
    static let minimumBytesPerPart = 1 << 20

    /// ``read(path:kind:maxBytes:)``, and whether the bytes are all ASCII.
    ///
    /// A regular file given by path (not standard input, whose offset belongs to the caller) of
    /// at least two ``minimumBytesPerPart`` is read in parts by several threads at once with
    /// `pread(2)`, each into its own part of the one array: the copy from the page cache and
    /// the page faults of the array — most of the time of reading a cached file — are then
    /// shared among the cores. The array is advised to use 2 MiB pages (``HugePages``), which
    /// turns about 250 page faults per MiB into one. Every step of every part is checked for NUL
    /// bytes and non-ASCII bytes while it is in the cache.
    ///
    /// The outcome is what the one-thread read gives: the earliest failure in file order is the
    /// one reported, and a file that turns out shorter than `fstat` said (truncated while read)
    /// is read again from the start by one thread. After the parts, the read goes on to the end
    /// of the file, so a file that grew is read whole as before.
    ///
    /// - Parameter readers: how many parts a regular file is read in; `nil` is four per active
    ///   core (so that a free thread takes the part of one that another process holds up),
    ///   fewer for a file too small to share. Tests set it to make small files split.
    static func readText(path: String, kind: Kind, maxBytes: Int = InputFile.maxBytes, readers: Int? = nil) throws -> Text {
        let source = sourceName(path)
        func fail(_ problem: String) -> DataError { .malformed(source: source, line: nil, column: nil, problem: problem) }
        func failErrno(_ code: Int32) -> DataError { readError(code, source: source) }
        // NUL bytes in text are those of UTF-16 or UTF-32, which its first bytes tell apart from
        // a binary file.
        func binaryOrEncoding(_ start: UnsafeBufferPointer<UInt8>) -> DataError {
            guard let (encoding, evidence) = TextEncoding.recognise(start) else {
                return fail("contains NUL bytes, so it is a binary file, not text")
            }
            return .otherEncoding(source: source, encoding: encoding, evidence: evidence)
        }
        let input = try open(path: path, kind: kind)
        let fd = input.fd
        defer { input.close() }

        // One byte more than a regular file's size, so that its end is seen without growing.
        let regular = input.regularSize != nil
        let size = input.regularSize ?? 0
        var capacity = regular ? min(size, maxBytes) + 1 : 1 << 20
        // A file over the limit is read by one thread, which stops where the limit is passed.
        var parts = 1
        if regular, path != "-", size <= maxBytes {
            parts = readers.map { max(1, min($0, size)) }
                ?? max(1, min(4 * ProcessInfo.processInfo.activeProcessorCount, size / minimumBytesPerPart))
        }
        var bytes = [UInt8]()
        var isASCII = true
        var atEnd = false
        while !atEnd {
            let old = bytes
            bytes = []
            bytes = try [UInt8](unsafeUninitializedCapacity: max(capacity, old.count + 1)) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                HugePages.advise(base, byteCount: buffer.count)
                old.withUnsafeBufferPointer { if let from = $0.baseAddress { base.initialize(from: from, count: $0.count) } }
                count = old.count
                if parts > 1 {
                    let readers = parts
                    parts = 1
                    let outcome = readParts(fd, into: base, size: size, parts: readers)
                    switch outcome.failure {
                    case .readError(let code)?: throw failErrno(code)
                    case .nul?:
                        var start = [UInt8](repeating: 0, count: TextEncoding.sampleBytes)
                        let got = start.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
                        throw start.withUnsafeBufferPointer { binaryOrEncoding(UnsafeBufferPointer(rebasing: $0.prefix(max(got, 0)))) }
                    case .short?: break
                    case nil:
                        // The parts used pread(2), which leaves the offset where it was: move it
                        // past them so that the read below finds any bytes added since fstat.
                        guard lseek(fd, off_t(size), SEEK_SET) == off_t(size) else { throw failErrno(errno) }
                        count = size
                        isASCII = outcome.isASCII
                    }
                }
                while count < buffer.count {
                    let n = Glibc.read(fd, base + count, min(1 << 20, buffer.count - count))
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw failErrno(errno)
                    }
                    if n == 0 {
                        atEnd = true
                        return
                    }
                    let seen = ByteScan.inspect(UnsafeBufferPointer(start: base + count, count: n))
                    if seen.hasNUL {
                        throw binaryOrEncoding(UnsafeBufferPointer(start: base, count: min(count + n, TextEncoding.sampleBytes)))
                    }
                    isASCII = isASCII && seen.isASCII
                    guard count + n <= maxBytes else {
                        throw fail("is larger than \(maxBytes >> 20) MiB, the most gmmviz reads; give a sample of it")
                    }
                    count += n
                }
            }
            capacity = bytes.count * 2
        }
        // UTF-16 text without NUL bytes (no ASCII in it) still starts with its byte-order mark,
        // whose bytes are not ASCII.
        if !isASCII, let encoding = bytes.withUnsafeBufferPointer(TextEncoding.byteOrderMark) {
            throw DataError.otherEncoding(source: source, encoding: encoding, evidence: .byteOrderMark)
        }
        return Text(bytes: bytes, isASCII: isASCII)
    }

    /// Why a part of a concurrent read stopped early.
    enum PartFailure: Equatable {
        /// `read(2)` failed with this `errno`.
        case readError(Int32)
        /// The part holds a NUL byte.
        case nul
        /// The file ended before the part did: it was truncated since `fstat`.
        case short
    }

    /// Reads bytes `0 ..< size` of `fd` into `base` in `parts` contiguous ranges, read at once
    /// by the threads of `concurrentPerform`, each range with `pread(2)` in 1 MiB steps, each
    /// step checked for NUL bytes and for bytes that are not ASCII.
    ///
    /// - Returns: the failure of the earliest part that failed, the one a reader going from
    ///   the start would have met first, and whether every byte read is ASCII.
    static func readParts(_ fd: Int32, into base: UnsafeMutablePointer<UInt8>, size: Int, parts: Int) -> (failure: PartFailure?, isASCII: Bool) {
        var failures = [PartFailure?](repeating: nil, count: parts)
        var ascii = [Bool](repeating: true, count: parts)
        failures.withUnsafeMutableBufferPointer { failures in
            ascii.withUnsafeMutableBufferPointer { ascii in
                // Each part writes only its own range of `base` and its own slots.
                let shared = UncheckedSendable((base, failures, ascii))
                DispatchQueue.concurrentPerform(iterations: parts) { k in
                    let (base, failures, ascii) = shared.value
                    var position = size * k / parts
                    let stop = size * (k + 1) / parts
                    while position < stop {
                        let n = pread(fd, base + position, min(1 << 20, stop - position), off_t(position))
                        if n < 0 {
                            if errno == EINTR { continue }
                            failures[k] = .readError(errno)
                            return
                        }
                        if n == 0 {
                            failures[k] = .short
                            return
                        }
                        let seen = ByteScan.inspect(UnsafeBufferPointer(start: base + position, count: n))
                        if seen.hasNUL {
                            failures[k] = .nul
                            return
                        }
                        if !seen.isASCII { ascii[k] = false }
                        position += n
                    }
                }
            }
        }
        return (failures.lazy.compactMap { $0 }.first, !ascii.contains(false))
    }

    /// The reason and fix for a Foundation read error, from its POSIX code.
    static func problem(_ error: any Error) -> String {
        switch posixCode(error) {
        case 13, 1: return "cannot be read: permission denied (EACCES); check its permissions or run as a user who may read it"
        case 2: return "no such file; check the path"
        case 21: return "is a directory, not a file; give the path of a file"
        case 5: return "cannot be read: input/output error (EIO); check the disk, or copy the file somewhere readable"
        case let code?: return "cannot be read: \(String(cString: strerror(Int32(code))).lowercased()) (errno \(code)); check the file"
        case nil: return "cannot be read (\(error.localizedDescription)); check the file"
        }
    }

    /// The `errno` behind a Foundation error: its own code in the POSIX domain, or its
    /// underlying error's.
    static func posixCode(_ error: any Error) -> Int? {
        if let p = error as? POSIXError { return Int(p.code.rawValue) }
        if let c = error as? CocoaError, let u = c.underlying { return posixCode(u) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return ns.code }
        if let u = ns.userInfo[NSUnderlyingErrorKey] as? any Error { return posixCode(u) }
        return nil
    }
}
