import Foundation
@testable import GMM
import Testing

/// The CSV reader cut into pieces parsed at once, against the same reader in one piece: every
/// input must give the same values (bit for bit) or the same error, wherever the cuts fall.
@Suite("CSV reader in pieces")
struct CSVPiecesTests {
    /// The outcome of reading: the data set's values as bits, its shape and names, or the
    /// error's text.
    enum Outcome: Equatable, CustomStringConvertible {
        case data(bits: [UInt64], dimension: Int, names: [String]?)
        case error(String)

        var description: String {
            switch self {
            case let .data(bits, dimension, names): return "\(bits.count / max(dimension, 1)) × \(dimension) \(names ?? [])"
            case let .error(text): return text
            }
        }
    }

    static func read(_ bytes: [UInt8], columns: [CSVReader.ColumnSelector]? = nil, splitting: CSVScanner.Splitting) -> Outcome {
        do {
            let d = try bytes.withUnsafeBufferPointer {
                try CSVScanner.dataset($0, source: "in.csv", columns: columns, splitting: splitting)
            }
            return .data(bits: d.values.map(\.bitPattern), dimension: d.dimension, names: d.columnNames)
        } catch {
            return .error("\(error)")
        }
    }

    static let onePiece = CSVScanner.Splitting(maxPieces: 1, minimumPieceBytes: 1)

    /// `pieces` pieces of at least one byte: cuts land on every line of a short input.
    static func split(_ pieces: Int) -> CSVScanner.Splitting {
        CSVScanner.Splitting(maxPieces: pieces, minimumPieceBytes: 1)
    }

    /// The one-piece reading, and every reading in 2…`maxPieces` pieces and in one piece per
    /// byte that differs from it.
    static func mismatches(_ bytes: [UInt8], columns: [CSVReader.ColumnSelector]? = nil, maxPieces: Int = 9) -> [String] {
        let reference = read(bytes, columns: columns, splitting: onePiece)
        var bad = [String]()
        for pieces in Array(2 ... maxPieces) + [bytes.count] {
            let outcome = read(bytes, columns: columns, splitting: split(pieces))
            if outcome != reference {
                bad.append("\(pieces) pieces of \(String(decoding: bytes, as: UTF8.self).debugDescription): \(outcome), one piece: \(reference)")
            }
        }
        return bad
    }

    /// A random CSV text of 2 or 3 columns that exercises what the row loop distinguishes:
    /// header or none, a byte-order mark, LF, CRLF or CR-only lines, blank lines (empty or
    /// spaces), a last line with or without its line end, spaces around cells, a label
    /// column, and, when `faults` is set, rare bad cells (text, empty, NaN, infinite) and
    /// rows of the wrong length anywhere.
    ///
    /// With `quotes`, fields are quoted as RFC 4180 has it: header names holding commas,
    /// doubled quotes and line breaks, quoted numbers (some with spaces around the quotes),
    /// and label cells holding commas and line breaks; with `faults` too, rare quotes out of
    /// place and a quoted field never closed.
    static func randomText(_ rng: inout SeededGenerator, faults: Bool, quotes: Bool = false) -> [UInt8] {
        let columns = 2 + Int(rng.next() % 2)
        let label = (quotes || rng.next() % 4 == 0) ? Int(rng.next() % UInt64(columns)) : nil
        let lineEnd: String = ["\n", "\r\n", "\r"][Int(rng.next() % 3)]
        var text = rng.next() % 5 == 0 ? "\u{FEFF}" : ""
        func one(_ chance: UInt64) -> Bool { rng.next() % chance == 0 }
        if quotes {
            let names = ["a,b", "say \"hi\"", "two\(lineEnd)lines", "q", "plain", "\""]
            text += (0 ..< columns).map { c in
                let name = names[Int(rng.next() % UInt64(names.count))] + "\(c)"
                let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                return name.contains(where: { ",\"\r\n".contains($0) }) || one(2) ? (one(4) ? " " + quoted + " " : quoted) : name
            }.joined(separator: ",") + lineEnd
        } else if one(2) {
            text += (0 ..< columns).map { "c\($0)" }.joined(separator: ",") + lineEnd
        }
        let rows = Int(rng.next() % 40)
        for _ in 0 ..< rows {
            if one(6) {
                text += (one(2) ? "" : "  ") + lineEnd
                continue
            }
            var width = columns
            if faults, one(60) { width += one(2) ? 1 : -1 }
            var cells = [String]()
            for c in 0 ..< max(width, 1) {
                var cell: String
                if c == label {
                    cell = ["a", "b", "", "Åsa"][Int(rng.next() % 4)]
                    if quotes, one(2) { cell = ["\"a,b\"", "\"x\(lineEnd)y\"", "\"\"", "\"\"\"\"", "\"\(lineEnd)\"", "\"1,\(lineEnd)2\""][Int(rng.next() % 6)] }
                } else if quotes, faults, one(120) {
                    cell = ["a\"b", "\"1\"2", "1\"", "\"1\(lineEnd)"][Int(rng.next() % 4)]
                } else if faults, one(80) {
                    cell = ["abc", "", "nan", "-inf", "1e400", "0x10"][Int(rng.next() % 6)]
                } else {
                    let v = Double(Int64(bitPattern: rng.next()) % 2_000_000) / 1000
                    cell = one(3) ? String(format: "%.17g", v * 1.000_000_1) : "\(v)"
                    if one(9) { cell = "-0" }
                }
                if quotes, c != label, one(3), !cell.contains("\"") { cell = "\"" + cell + "\"" }
                if one(10) { cell = " " + cell + "\t" }
                cells.append(cell)
            }
            text += cells.joined(separator: ",")
            text += lineEnd
        }
        // A last line without its line end ("\r\n" is one Character).
        if one(3), text.hasSuffix(lineEnd) { text.removeLast() }
        return Array(text.utf8)
    }

    @Test func generatedInputsReadTheSameInAnyNumberOfPieces() {
        var rng = SeededGenerator(seed: 20_211_130)
        var bad = [String]()
        for i in 0 ..< 1500 where bad.count < 5 {
            bad += Self.mismatches(Self.randomText(&rng, faults: i % 2 == 1))
        }
        #expect(bad.isEmpty, "\(bad.joined(separator: "\n"))")
    }

    @Test func generatedQuotedInputsReadTheSameInAnyNumberOfPieces() {
        var rng = SeededGenerator(seed: 4180)
        var bad = [String]()
        var errors = 0
        for i in 0 ..< 1500 where bad.count < 5 {
            let text = Self.randomText(&rng, faults: i % 2 == 1, quotes: true)
            bad += Self.mismatches(text)
            if case .error = Self.read(text, splitting: Self.onePiece) { errors += 1 }
        }
        #expect(bad.isEmpty, "\(bad.joined(separator: "\n"))")
        // Both outcomes are exercised: most inputs read, the faulty ones often fail.
        #expect(errors > 100 && errors < 1200, "\(errors) errors")
    }

    @Test func generatedInputsWithPickedColumns() {
        var rng = SeededGenerator(seed: 7)
        var bad = [String]()
        for i in 0 ..< 300 where bad.count < 5 {
            let columns: [CSVReader.ColumnSelector] = i % 2 == 0 ? [.position(2), .position(1)] : [.name("c1")]
            bad += Self.mismatches(Self.randomText(&rng, faults: i % 3 == 0), columns: columns, maxPieces: 5)
        }
        #expect(bad.isEmpty, "\(bad.joined(separator: "\n"))")
    }

    /// The lines of a file of `rows` rows "i,i/4" after the header "x,y": element `i` is
    /// line `i + 1`.
    static func numbered(_ rows: Int) -> [String] {
        ["x,y"] + (0 ..< rows).map { "\($0),\(Double($0) / 4)" }
    }

    /// The errors the one-piece reader reports, written out by hand for inputs whose faults
    /// lie far into the file, read in pieces that put them in a later piece.
    @Test(arguments: [1, 2, 3, 4, 7])
    func errorsInLaterPiecesNameTheirLines(pieces: Int) {
        let splitting = Self.split(pieces)
        func outcome(_ lines: [String], _ end: String = "\n") -> String {
            "\(Self.read(Array(lines.joined(separator: end).utf8), splitting: splitting))"
        }
        // A short row on line 181, after blank lines in an earlier piece.
        var lines = Self.numbered(200)
        lines[30] = ""
        lines[31] = "   "
        lines[180] = "5"
        #expect(outcome(lines).hasPrefix("in.csv:181: has 1 field but line 1 has 2"), "\(outcome(lines))")
        // The same with CRLF and CR-only line ends: the same line number.
        #expect(outcome(lines, "\r\n").hasPrefix("in.csv:181: has 1 field"), "\(outcome(lines, "\r\n"))")
        #expect(outcome(lines, "\r").hasPrefix("in.csv:181: has 1 field"), "\(outcome(lines, "\r"))")
        // A row of the wrong length late in the file beats a bad cell early in it.
        lines[10] = "1,abc"
        #expect(outcome(lines).hasPrefix("in.csv:181: has 1 field"), "\(outcome(lines))")
        // Two rows of the wrong length: the earlier one.
        lines[120] = "1,2,3"
        #expect(outcome(lines).hasPrefix("in.csv:121: has 3 fields"), "\(outcome(lines))")
        // Bad cells only: the first in file order, whichever piece holds it.
        lines = Self.numbered(200)
        lines[150] = "7,abc"
        lines[170] = "nan,1"
        #expect(outcome(lines) == "in.csv:151, column 2: \"abc\" is not a number; every cell of a data column must be a decimal number")
        lines[90] = "   ,1"
        #expect(outcome(lines).hasPrefix("in.csv:91, column 1: is empty"), "\(outcome(lines))")
        // A label column made of text in every piece is left out, not reported.
        lines = Self.numbered(200).enumerated().map { $0.offset == 0 ? "x,y,name" : $0.element + ",n\($0.offset)" }
        let read = Self.read(Array(lines.joined(separator: "\n").utf8), splitting: splitting)
        let expected = (0 ..< 200).flatMap { [Double($0), Double($0) / 4] }
        #expect(read == .data(bits: expected.map(\.bitPattern), dimension: 2, names: ["x", "y"]))
    }

    /// Values in order and bit for bit, whatever the number of pieces, for a larger input
    /// whose line count is known to the test.
    @Test func valuesKeepTheirOrder() {
        var rng = SeededGenerator(seed: 99)
        let values = (0 ..< 6000).map { _ in Double(Int64(bitPattern: rng.next()) >> 11) * 0x1p-40 }
        let text = "a,b,c\n" + stride(from: 0, to: values.count, by: 3).map { i in
            (i % 700 == 0 ? "\n \n" : "") + values[i ..< i + 3].map { String(format: "%.17g", $0) }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n\r\n"
        for pieces in [1, 2, 3, 5, 16, 100] {
            #expect(Self.read(Array(text.utf8), splitting: Self.split(pieces)) == .data(bits: values.map(\.bitPattern), dimension: 3, names: ["a", "b", "c"]))
        }
    }

    /// Cuts chosen at every byte of a short input, CRLF pairs included: one piece per byte.
    @Test func cutsAtEveryByte() {
        for text in ["x,y\r\n1,2\r\n\r\n3,4\r\n", "1,2\r3,4\r\r5,6", "1,2\n3,4\r\r\n", "x,y\n1,2\n3\n4,5\n", "\u{FEFF}1,2\n \n3,4", "a,b\n1,2\r"] {
            #expect(Self.mismatches(Array(text.utf8), maxPieces: text.utf8.count).isEmpty, "\(text.debugDescription)")
        }
    }

    /// Quoted fields whose line breaks fall where a cut would be made, cut at every byte:
    /// quoted names, quoted numbers, quoted line breaks in labels (LF, CRLF and CR), doubled
    /// quotes, and the errors of quotes out of place and of a field never closed.
    @Test(arguments: [
        "\"a\nb\",\"c,d\"\n\"1\",2\n3,\"4\"\n",
        "x,name,y\r\n1,\"p\r\nq\",2\r\n3,\"\"\"\r\n\",4\r\n",
        "x,name\r1,\"a\rb\"\r2,\"\r\r\"\r",
        "x,name\n1,\"a\n2,b\n3,c\n",
        "x,y\n1,2\n3,4\"\n5,\"6\n\"\n",
        "x,name,y\n1,\"\n\n\",2\n3,\"a\",abc\n4,b,5,6\n",
        "\"x\"\"\",y\n\"1\" , \"2\"\n\"3\",\"4\"",
    ])
    func quotedCutsAtEveryByte(_ text: String) {
        #expect(Self.mismatches(Array(text.utf8), maxPieces: text.utf8.count).isEmpty, "\(text.debugDescription)")
    }

    /// The automatic split of a file large enough for several pieces, read through the file
    /// reader, against the one-piece reading of the same bytes.
    @Test func largeFileReadInPieces() throws {
        var rng = SeededGenerator(seed: 3)
        let rows = (0 ..< 120_000).map { _ in
            "\(String(format: "%.17g", Double(Int64(bitPattern: rng.next()) >> 11) * 0x1p-30)),\(rng.next() % 1000)"
        }
        let text = Array(("x,y\n" + rows.joined(separator: "\n") + "\n").utf8)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(UUID()).csv")
        try Data(text).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let d = try CSVReader.read(path: file.path)
        #expect(Self.read(text, splitting: Self.onePiece) == .data(bits: d.values.map(\.bitPattern), dimension: 2, names: ["x", "y"]))
        #expect(d.count == 120_000)
    }
}
