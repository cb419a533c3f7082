import Foundation
@testable import GMM
import Testing

/// Text that is not UTF-8: UTF-16 and UTF-32 named by their byte-order mark or by the NUL
/// bytes of their ASCII characters, and 8-bit text named by its first byte that is not UTF-8,
/// read from bytes and from files (in one part and in several).
@Suite("Text encodings")
struct TextEncodingTests {
    static let text = "x,y\n1.5,2\n-3,4e1\n"

    static func encoded(_ encoding: TextEncoding, byteOrderMark: Bool) -> [UInt8] {
        let string = (byteOrderMark ? "\u{FEFF}" : "") + text
        switch encoding {
        case .utf16LittleEndian: return string.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BigEndian: return string.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .utf32LittleEndian: return string.unicodeScalars.flatMap { s in (0 ..< 4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        case .utf32BigEndian: return string.unicodeScalars.flatMap { s in (0 ..< 4).reversed().map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        }
    }

    static let cases: [(TextEncoding, Bool)] = TextEncoding.allCases.flatMap { [($0, true), ($0, false)] }

    /// Every encoding, with and without its mark, through the parser and through the file
    /// reader in one part and in four.
    @Test(arguments: 0 ..< cases.count)
    func utf16AndUTF32AreNamed(_ index: Int) throws {
        let (encoding, mark) = Self.cases[index]
        let bytes = Self.encoded(encoding, byteOrderMark: mark)
        let expected = DataError.otherEncoding(source: "e.csv", encoding: encoding, evidence: mark ? .byteOrderMark : .nulPattern)
        #expect(throws: expected) { try CSVReader.parse(bytes, source: "e.csv") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("encoding-\(UUID()).csv")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        for readers in [1, 4] {
            #expect(throws: DataError.otherEncoding(source: file.path, encoding: encoding, evidence: mark ? .byteOrderMark : .nulPattern)) {
                try InputFile.readText(path: file.path, kind: .samples, readers: readers)
            }
        }
    }

    @Test func messagesNameTheEncodingAndTheFix() {
        #expect(DataError.otherEncoding(source: "e.csv", encoding: .utf16LittleEndian, evidence: .byteOrderMark).description
            == "e.csv: is UTF-16 (little-endian) text (recognised by its byte-order mark), but gmmviz reads UTF-8; save the file as UTF-8")
        #expect(DataError.otherEncoding(source: "e.csv", encoding: .utf32BigEndian, evidence: .nulPattern).description
            == "e.csv: is UTF-32 (big-endian) text (recognised by the NUL bytes beside its ASCII characters), but gmmviz reads UTF-8; save the file as UTF-8")
    }

    /// UTF-16 without NUL bytes (no ASCII in it) is still named by its mark.
    @Test func utf16WithoutASCII() {
        let bytes: [UInt8] = [0xFF, 0xFE] + "αβγ".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: DataError.otherEncoding(source: "g.csv", encoding: .utf16LittleEndian, evidence: .byteOrderMark)) {
            try CSVReader.parse(bytes, source: "g.csv")
        }
    }

    /// Binary data and NULs keep their message: scattered zeros match no pattern.
    @Test func binaryIsStillBinary() {
        for bytes: [UInt8] in [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52],
                               [UInt8](repeating: 0, count: 64), [0x7B, 0, 0x7D], [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 1, 0, 1, 0x80, 0xFF]] {
            #expect { try CSVReader.parse(bytes, source: "b.bin") } throws: { "\($0)" == "b.bin: contains NUL bytes, so it is a binary file, not CSV text" }
        }
    }

    /// Latin-1 bytes: the line, the column and the byte, in the header and in a row, with the
    /// character it is in Latin-1 when it is a printable one.
    @Test func latin1IsNamedWhereItIs() {
        let header: [UInt8] = Array("x,caf".utf8) + [0xE9] + Array(",y\n1,2,3\n".utf8)
        #expect(throws: DataError.notUTF8(source: "l.csv", line: 1, column: 2, byte: 0xE9)) { try CSVReader.parse(header, source: "l.csv") }
        #expect(DataError.notUTF8(source: "l.csv", line: 1, column: 2, byte: 0xE9).description
            == "l.csv:1, column 2: the byte 0xE9 (\"é\" in Latin-1) is not UTF-8, so the file is in another encoding, such as Latin-1 or Windows-1252; save the file as UTF-8")
        #expect(DataError.notUTF8(source: "l.csv", line: 3, column: 1, byte: 0x96).description
            == "l.csv:3, column 1: the byte 0x96 is not UTF-8, so the file is in another encoding, such as Latin-1 or Windows-1252; save the file as UTF-8")
        // After a quoted name with a comma and a line break, in a label cell of line 4.
        let row: [UInt8] = Array("\"a,\nb\",name\n1,ok\n2,J".utf8) + [0xFC] + Array("rg\n".utf8)
        #expect(throws: DataError.notUTF8(source: "l.csv", line: 4, column: 2, byte: 0xFC)) { try CSVReader.parse(row, source: "l.csv") }
        // A truncated UTF-8 sequence at the end is named by its first byte.
        #expect(throws: DataError.notUTF8(source: "l.csv", line: 2, column: 1, byte: 0xC3)) { try CSVReader.parse(Array("1\n".utf8) + [0xC3], source: "l.csv") }
    }

    /// A UTF-8 byte-order mark is read as before, also with a header that is not ASCII.
    @Test func utf8ByteOrderMarkStillWorks() throws {
        let d = try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("\"t (°C)\",y\n1,2\n".utf8), source: "u.csv")
        #expect(d.columnNames == ["t (°C)", "y"] && d.values == [1, 2])
    }
}
