/// A Unicode encoding other than UTF-8 that a text file may be saved in (spreadsheets and
/// Windows editors offer "Unicode" = UTF-16): recognised so that a reader can say which one it
/// is and that the fix is to save the file as UTF-8, instead of calling it binary.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case utf32LittleEndian = "UTF-32LE"
    case utf32BigEndian = "UTF-32BE"

    /// How an encoding was recognised.
    public enum Evidence: Sendable, Equatable {
        /// The file starts with the encoding's byte-order mark (U+FEFF encoded).
        case byteOrderMark
        /// Without a mark: the zero bytes of ASCII characters encoded in 2 or 4 bytes.
        case nulPattern
    }

    public var description: String { rawValue }

    /// "UTF-16 (little-endian)", for messages.
    public var name: String {
        switch self {
        case .utf16LittleEndian: return "UTF-16 (little-endian)"
        case .utf16BigEndian: return "UTF-16 (big-endian)"
        case .utf32LittleEndian: return "UTF-32 (little-endian)"
        case .utf32BigEndian: return "UTF-32 (big-endian)"
        }
    }

    /// The bytes of the first part of a file that ``recognise(_:)`` looks at.
    static let sampleBytes = 4096

    /// The encoding whose byte-order mark `bytes` start with. UTF-32LE's mark `FF FE 00 00`
    /// begins with UTF-16LE's `FF FE`, so it is tried first (UTF-16LE text cannot start with
    /// U+0000 after its mark in a text file).
    static func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        func starts(_ mark: [UInt8]) -> Bool { bytes.count >= mark.count && zip(bytes, mark).allSatisfy { $0 == $1 } }
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return .utf32LittleEndian }
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return .utf32BigEndian }
        if starts([0xFF, 0xFE]) { return .utf16LittleEndian }
        if starts([0xFE, 0xFF]) { return .utf16BigEndian }
        return nil
    }

    /// The encoding of the first bytes of a file that holds NUL bytes, or `nil` for binary data.
    ///
    /// A byte-order mark decides. Without one, the first ``sampleBytes`` bytes are counted by
    /// their position modulo 4: ASCII text in UTF-16LE has a zero at every odd position and
    /// almost none at even ones (`31 00 2C 00`), in UTF-16BE the reverse, and in UTF-32 three
    /// positions in four are zero. "Almost" allows letters outside ASCII (whose high byte is
    /// not zero) in a file of numbers and commas: at least 70 % zeros where the pattern puts
    /// them, at most 5 % elsewhere. Binary formats have zeros scattered over all positions, and
    /// a file of NULs (`/dev/zero`) has them everywhere, so neither matches. Fewer than 8 bytes
    /// are too few to tell.
    static func recognise(_ bytes: UnsafeBufferPointer<UInt8>) -> (encoding: TextEncoding, evidence: Evidence)? {
        if let e = byteOrderMark(bytes) { return (e, .byteOrderMark) }
        let n = min(bytes.count, sampleBytes) & ~3
        guard n >= 8 else { return nil }
        var zeros = [Int](repeating: 0, count: 4)
        for i in 0 ..< n where bytes[i] == 0 { zeros[i & 3] += 1 }
        let perPosition = Double(n / 4)
        let fraction = zeros.map { Double($0) / perPosition }
        func pattern(_ zero: [Int]) -> Bool {
            (0 ..< 4).allSatisfy { zero.contains($0) ? fraction[$0] >= 0.7 : fraction[$0] <= 0.05 }
        }
        if pattern([1, 2, 3]) { return (.utf32LittleEndian, .nulPattern) }
        if pattern([0, 1, 2]) { return (.utf32BigEndian, .nulPattern) }
        if pattern([1, 3]) { return (.utf16LittleEndian, .nulPattern) }
        if pattern([0, 2]) { return (.utf16BigEndian, .nulPattern) }
        return nil
    }
}
