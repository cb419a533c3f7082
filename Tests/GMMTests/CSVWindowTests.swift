import Foundation
@testable import GMM
import Testing

/// The CSV reader streaming its input through a small window against the same reader holding
/// the whole input in one window: every input must give the same values (bit for bit) or the
/// same error, wherever the window's edges fall — inside a number, a quoted field, a CRLF pair,
/// a UTF-8 sequence — and from a file, a pipe or memory.
@Suite("CSV reader through a window")
struct CSVWindowTests {
    typealias Outcome = CSVPiecesTests.Outcome

    static func outcome(_ read: () throws -> Dataset) -> Outcome {
        do {
            let d = try read()
            return .data(bits: d.values.map(\.bitPattern), dimension: d.dimension, names: d.columnNames)
        } catch {
            return .error("\(error)")
        }
    }

    /// `bytes` parsed from memory through a window of `window` bytes.
    static func read(_ bytes: [UInt8], window: Int, columns: [CSVReader.ColumnSelector]? = nil,
                     splitting: CSVScanner.Splitting = CSVPiecesTests.onePiece, maxRecordBytes: Int = 1 << 30) -> Outcome {
        outcome {
            try bytes.withUnsafeBufferPointer {
                try CSVScanner.dataset($0, source: "in.csv", columns: columns, splitting: splitting, windowBytes: window, maxRecordBytes: maxRecordBytes)
            }
        }
    }

    /// The whole input in one window and one piece.
    static func whole(_ bytes: [UInt8], columns: [CSVReader.ColumnSelector]? = nil) -> Outcome {
        read(bytes, window: bytes.count + 1, columns: columns)
    }

    /// The readings through windows of `windows` bytes that differ from the whole reading.
    static func mismatches(_ bytes: [UInt8], windows: [Int], columns: [CSVReader.ColumnSelector]? = nil,
                           splitting: CSVScanner.Splitting = CSVPiecesTests.onePiece) -> [String] {
        let reference = whole(bytes, columns: columns)
        return windows.compactMap { window in
            let outcome = read(bytes, window: window, columns: columns, splitting: splitting)
            return outcome == reference ? nil
                : "window \(window) on \(String(decoding: bytes, as: UTF8.self).debugDescription): \(outcome), whole: \(reference)"
        }
    }

    @Test func generatedInputsReadTheSameThroughAnyWindow() {
        var rng = SeededGenerator(seed: 16)
        var bad = [String]()
        for i in 0 ..< 600 where bad.count < 5 {
            let text = CSVPiecesTests.randomText(&rng, faults: i % 2 == 1, quotes: i % 3 == 0)
            bad += Self.mismatches(text, windows: [5, 7, 8, 13, 31, 64, 200])
        }
        #expect(bad.isEmpty, "\(bad.joined(separator: "\n"))")
    }

    /// Small windows whose chunks are also cut into pieces parsed at once.
    @Test func generatedInputsInWindowsAndPieces() {
        var rng = SeededGenerator(seed: 61)
        var bad = [String]()
        for i in 0 ..< 300 where bad.count < 5 {
            let text = CSVPiecesTests.randomText(&rng, faults: i % 2 == 1, quotes: i % 2 == 0)
            bad += Self.mismatches(text, windows: [7, 40, 97], splitting: CSVPiecesTests.split(3))
            bad += Self.mismatches(text, windows: [11], columns: [.position(2), .position(1)])
        }
        #expect(bad.isEmpty, "\(bad.joined(separator: "\n"))")
    }

    /// Every window size on inputs whose records cross the window's edge at every byte: a
    /// long number, a quoted field with a line break and a doubled quote, CRLF and CR-only line
    /// ends, a last line without its line end, multi-byte UTF-8 in a label column.
    @Test(arguments: [
        "x,y\r\n1.2345678901234567,-2.5e-300\r\n\r\n3,4\r\n",
        "\"a\nb\",\"c,d\"\n\"1\",2\n3,\"4\"\n5,6",
        "x,name,y\r\n1,\"p\r\nq\"\"r\",2\r\n3,\"\"\"\r\n\",4",
        "x,y\r1,2\r\r3,4\r",
        "\u{FEFF}name,x\nÅsa,1\nÖrjan,2\n日本語,3\n",
        "x,y\n1,2\n3\n4,5\n",
        "x,y\n1,2\n3,4\"\n5,\"6\n\"\n",
        "x,name\n1,\"a\n2,b\n3,c\n",
    ])
    func everyWindowSize(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.mismatches(bytes, windows: Array(5 ... bytes.count + 1)).isEmpty)
    }

    @Test func emptyBlankAndUnterminatedInputs() {
        #expect(Self.read([], window: 7) == .error("in.csv: the file is empty; expected comma-separated numbers, one sample per line"))
        #expect(Self.read(Array("\n  \n\r\n\n\n\n\n\n\n".utf8), window: 5) == .error("in.csv: has no data: every line is blank"))
        #expect(Self.read(Array("\u{FEFF}".utf8), window: 5) == .error("in.csv: has no data: every line is blank"))
        // Blank lines before the header, across several windows, count in its line number.
        #expect(Self.read(Array("\n\n\n\n\n\n\n\nx,x\n1,2\n".utf8), window: 5)
            == .error("in.csv:9: columns 1 and 2 of the header are both named \"x\"; rename one so that each column has its own name"))
        // No line end after the last row.
        let values: [Double] = [1, 2, 3.25, -4]
        #expect(Self.read(Array("x,y\n1,2\n3.25,-4".utf8), window: 6) == .data(bits: values.map(\.bitPattern), dimension: 2, names: ["x", "y"]))
    }

    /// A row longer than the window makes it grow; a row longer than the largest window is
    /// refused with its line, and so is an input whose quoted field never closes.
    @Test func longRows() {
        let wide = (0 ..< 3000).map { "\($0)" }
        let text = wide.joined(separator: ",") + "\n" + wide.reversed().joined(separator: ",") + "\n"
        let outcome = Self.read(Array(text.utf8), window: 7)
        #expect(outcome == Self.whole(Array(text.utf8)))
        if case let .data(bits, dimension, _) = outcome { #expect(dimension == 3000 && bits.count == 6000) } else { Issue.record("\(outcome)") }

        let long = "x,y\n1,2\n3,4\n" + String(repeating: "5", count: 100) + ",6\n7,8\n"
        #expect(Self.read(Array(long.utf8), window: 8, maxRecordBytes: 64)
            == .error("in.csv:4: starts a row longer than 0 MiB (a quoted field never closed, or no line breaks); give one sample per line"))
        let open = "x,y\n1,\"2\n" + String(repeating: "3,4\n", count: 40)
        #expect(Self.read(Array(open.utf8), window: 8, maxRecordBytes: 64)
            == .error("in.csv:2: starts a row longer than 0 MiB (a quoted field never closed, or no line breaks); give one sample per line"))
        // Within the limit, the field never closed is reported where it opens, as in one window.
        #expect(Self.read(Array(open.utf8), window: 8) == Self.whole(Array(open.utf8)))
        #expect("\(Self.whole(Array(open.utf8)))".contains("in.csv:2, column 2: the quoted field that starts here is never closed"))
    }

    /// Errors keep their precedence when the one that comes first is in a later window: a NUL
    /// byte beats everything, a byte that is not UTF-8 beats a malformed row, each named where
    /// it is.
    @Test func laterTextErrorsBeatEarlierRowErrors() {
        let rows = "x,y\n1,2\n3\n" + String(repeating: "5,6\n", count: 30)
        let latin1 = Array(rows.utf8) + Array("1,caf".utf8) + [0xE9] + Array("\n".utf8)
        let expected = Outcome.error("in.csv:34, column 2: the byte 0xE9 (\"é\" in Latin-1) is not UTF-8, so the file is in another encoding, such as Latin-1 or Windows-1252; save the file as UTF-8")
        for window in [5, 7, 16, 64, 4096] {
            #expect(Self.read(latin1, window: window) == expected)
        }
        // After a quote out of place the place is still counted the way the whole reader counts,
        // every quote opening or closing a field: line 5 starts inside quotes, so its comma
        // does not start a field.
        let quoted = Array("x,y\n1,2\"\n\"a\nb\",3\n4,".utf8) + [0xFF] + Array("\n".utf8)
        #expect(Self.mismatches(quoted, windows: Array(5 ... quoted.count)).isEmpty)
        #expect("\(Self.whole(quoted))".hasPrefix("in.csv:5, column 1: the byte 0xFF"))

        let binary = Array(rows.utf8) + [0x31, 0x00, 0x0A]
        for window in [5, 7, 64] {
            #expect(Self.read(binary, window: window) == .error("in.csv: contains NUL bytes, so it is a binary file, not CSV text"))
        }
        // UTF-16 is named as such however small the window: the first 4 KiB decide.
        let utf16 = Array("x,y\n1,2\n3,4\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        for window in [5, 7, 64] {
            #expect(Self.read(utf16, window: window)
                == .error("\(DataError.otherEncoding(source: "in.csv", encoding: .utf16LittleEndian, evidence: .nulPattern))"))
        }
    }

    /// A file and a pipe read through small windows against the whole reading of their bytes:
    /// the file's values array is sized from its size, the pipe's gathered in blocks; a file
    /// whose later rows are much shorter than its first fills more than the first block.
    @Test func filesAndPipesThroughSmallWindows() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("window-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SeededGenerator(seed: 5)
        let long = (0 ..< 2000).map { _ in
            "\(String(format: "%.17g", Double(Int64(bitPattern: rng.next()) >> 11) * 0x1p-30)),\(String(format: "%.17g", Double(rng.next() % 1000) / 7))"
        }
        let short = (0 ..< 30000).map { "\($0 % 10),\($0 % 7)" }
        let text = Array(("x,y\n" + (long + short).joined(separator: "\n") + "\n").utf8)
        let reference = Self.whole(text)
        let file = dir.appendingPathComponent("a.csv")
        try Data(text).write(to: file)
        for window in [7, 4096, 1 << 16] {
            #expect(Self.outcome { try CSVReader.read(path: file.path, columns: nil, windowBytes: window) } == reference)
        }
        #expect(Self.outcome { try CSVReader.read(path: file.path) } == reference)

        let fifo = dir.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(text))
                try? handle.close()
            }
        }
        writer.start()
        #expect(Self.outcome { try CSVReader.read(path: fifo, columns: nil, windowBytes: 1000) } == reference)
    }

    /// Visiting the rows block by block gives the rows `read` keeps, in order, once the layout
    /// picks the columns; and the same error for bad input, after the rows are visited.
    @Test func visitedRowsAreTheReadRows() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("visit-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SeededGenerator(seed: 8)
        let rows = (0 ..< 5000).map { i in "\(Double(Int64(bitPattern: rng.next()) >> 20) / 1024),name \(i % 3),\(i)" }
        let file = dir.appendingPathComponent("v.csv")
        try Data(("x,label,y\n" + rows.joined(separator: "\n") + "\n").utf8).write(to: file)
        for window in [64, 1 << 20] {
            var values = [Double]()
            var blocks = 0
            let layout = try CSVReader.visitRows(path: file.path, columns: nil, windowBytes: window) { block in
                #expect(block.width == 3 && block.firstRow == values.count / 2)
                for i in 0 ..< block.count { values += block.fields(row: i, columns: [0, 2]) }
                blocks += 1
            }
            let read = try CSVReader.read(path: file.path)
            #expect(layout == CSVReader.RowLayout(count: 5000, columns: [0, 2], columnNames: ["x", "y"]))
            #expect(values.map(\.bitPattern) == read.values.map(\.bitPattern))
            #expect(window == 64 ? blocks > 100 : blocks == 1)
        }
        try Data("x,y\n1,2\n3,abc\n5,6\n".utf8).write(to: file)
        var visited = 0
        #expect(throws: DataError.malformed(source: file.path, line: 3, column: 2, problem: "\"abc\" is not a number; every cell of a data column must be a decimal number")) {
            try CSVReader.visitRows(path: file.path, columns: nil, windowBytes: 8) { visited += $0.count }
        }
        #expect(visited == 3)
    }

    /// The blocks of values: room in one piece, filled in order, joined into one array.
    @Test func valueBlocksJoinInOrder() {
        var array = [Double](unsafeUninitializedCapacity: 10) { buffer, count in
            var blocks = ValueBlocks(first: buffer)
            var next = 0.0
            func write(_ n: Int, atLeast: Int) {
                let room = blocks.room(atLeast: atLeast)
                #expect(room.count >= atLeast)
                for i in 0 ..< n { room[i] = next; next += 1 }
                blocks.commit(n)
            }
            write(6, atLeast: 6) // 4 slots left in the first block
            write(3, atLeast: 4) // they are enough; 1 left
            write(5, atLeast: 5) // a new block
            write(2, atLeast: 2) // the same new block
            count = blocks.firstCount
            #expect(blocks.total == 16 && blocks.firstCount == 9)
            var joined = [Double](buffer.prefix(9))
            blocks.join(into: &joined)
            #expect(joined == (0 ..< 16).map(Double.init))
        }
        array.removeAll()
    }
}

extension CSVReader.RowBlock {
    /// Row `i`'s values in the given fields.
    func fields(row i: Int, columns: [Int]) -> [Double] {
        columns.map { self[row: i][$0] }
    }
}
