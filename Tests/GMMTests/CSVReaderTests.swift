import Foundation
import GMM
import Testing

/// CSV input: what is accepted, and the message for everything that is not.
@Suite("CSV reader")
struct CSVReaderTests {
    @Test func headerAndPlainNumbers() throws {
        let d = try CSVReader.parse("x,y\n1,2\n3.5,-4e-1\n", source: "a.csv")
        #expect(d.values == [1, 2, 3.5, -0.4])
        #expect(d.columnNames == ["x", "y"])
        let e = try CSVReader.parse("1,2\n3,4", source: "b.csv")
        #expect(e.values == [1, 2, 3, 4] && e.columnNames == nil)
    }

    @Test func oddButValidInputsAreAccepted() throws {
        let bom = "\u{FEFF}x,y\r\n1, 2 \r\n\r\n  \n3,4\r\n"
        let d = try CSVReader.parse(bom, source: "bom.csv")
        #expect(d.values == [1, 2, 3, 4])
        #expect(d.columnNames == ["x", "y"])
        let mac = try CSVReader.parse("x,y\r1,2\r3,4\r", source: "mac.csv")
        #expect(mac.values == [1, 2, 3, 4] && mac.columnNames == ["x", "y"])
        let quoted = try CSVReader.parse("\"x\",\"y\"\n1,2\n", source: "q.csv")
        #expect(quoted.columnNames == ["x", "y"])
    }

    @Test func labelColumnsAreLeftOut() throws {
        let d = try CSVReader.parse("x,label,y\n1,a,2\n3,b,4\n", source: "l.csv")
        #expect(d.values == [1, 2, 3, 4] && d.columnNames == ["x", "y"])
    }

    @Test func columnsByNameAndPosition() throws {
        let text = "a,b,c\n1,2,3\n4,5,6\n"
        #expect(try CSVReader.parse(text, source: "c.csv", columns: [.name("c"), .name("a")]).values == [3, 1, 6, 4])
        #expect(try CSVReader.parse(text, source: "c.csv", columns: [CSVReader.ColumnSelector("2")]).values == [2, 5])
    }

    /// Each bad input and a fragment its message must contain (file, line, column, the fix).
    static let badInputs: [(text: String, columns: [CSVReader.ColumnSelector]?, message: [String])] = [
        ("", nil, ["bad.csv", "empty"]),
        ("\n \n\n", nil, ["bad.csv", "blank"]),
        ("x,y\n", nil, ["bad.csv:1", "no data rows"]),
        ("x,y\n1,2\n3,abc\n", nil, ["bad.csv:3, column 2", "\"abc\" is not a number"]),
        ("1,2\nnan,3\n", nil, ["bad.csv:2, column 1", "not a finite number"]),
        ("1,2\n3,inf\n", nil, ["bad.csv:2, column 2", "not a finite number"]),
        ("1,2\n3,-Infinity\n", nil, ["bad.csv:2, column 2", "not a finite number"]),
        ("1,2\n1e400,3\n", nil, ["bad.csv:2, column 1", "not a finite number"]),
        ("1,2\n3,4,5\n", nil, ["bad.csv:2", "3 fields", "line 1 has 2"]),
        ("1,2,3\n4,5\n", nil, ["bad.csv:2", "2 fields"]),
        ("1,2\n3,\n", nil, ["bad.csv:2, column 2", "empty"]),
        ("1;2\n3;4\n", nil, ["bad.csv", "';'", "comma-separated"]),
        ("x,y\n1,2\n", [.name("z")], ["bad.csv:1", "no column named \"z\"", "\"x\", \"y\""]),
        ("1,2\n3,4\n", [.name("x")], ["bad.csv", "no header row"]),
        ("1,2\n3,4\n", [.position(3)], ["bad.csv", "out of range", "2 columns"]),
        ("1,2\n3,0x10\n", nil, ["bad.csv:2, column 2", "not a number"]),
        // A row of the wrong length is reported before a bad cell on an earlier line.
        ("x,y\n1,abc\n2\n", nil, ["bad.csv:3", "1 field but line 1 has 2"]),
        // In a row, the first bad cell in the order the columns are picked.
        ("a,b\n1,2\nx,y\n", [.name("b"), .name("a")], ["bad.csv:3, column 2", "\"y\" is not a number"]),
        // A CR inside a line (not before its LF) belongs to the cell.
        ("1,2\n3,4\r\r\n", nil, ["bad.csv:2, column 2", "\"4\\r\" is not a number"]),
        ("1,2\n3,4,5\r\n6,7\n", nil, ["bad.csv:2", "3 fields"]),
    ]

    @Test(arguments: 0 ..< badInputs.count)
    func badInputNamesTheProblem(_ index: Int) throws {
        let bad = Self.badInputs[index]
        do {
            let d = try CSVReader.parse(bad.text, source: "bad.csv", columns: bad.columns)
            Issue.record("accepted \(bad.text.debugDescription) as \(d.values)")
        } catch let error as DataError {
            let text = error.description
            for fragment in bad.message { #expect(text.contains(fragment), "\(text.debugDescription) lacks \(fragment)") }
            let lines = text.split(whereSeparator: \.isNewline).count
            #expect(lines == 1)
        }
    }

    @Test func textColumnsMayHoldAnyUTF8() throws {
        let d = try CSVReader.parse("naïve,x,y\nÅsa,1,2\nÖrjan,3e0,.4\n", source: "u.csv")
        #expect(d.values == [1, 2, 3, 0.4] && d.columnNames == ["x", "y"])
        let long = "x,y\n" + String(repeating: "1.5,2.5\n", count: 20_000)
        #expect(throws: DataError.self) { try CSVReader.parse(Array(long.utf8) + [0x61, 0xC3, 0x0A], source: "tail.csv") }
    }

    /// Files are read whole whatever their size, and so are pipes (whose size is not known
    /// before the read); the size limit is enforced.
    @Test func largeFilesAndPipes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = 150_000 // about 2.6 MB: more than one read and more than a pipe's first buffer
        let text = "x,y\n" + (0 ..< rows).map { "\($0),\(Double($0) / 8)\n" }.joined()
        let file = dir.appendingPathComponent("big.csv")
        try Data(text.utf8).write(to: file)
        let d = try CSVReader.read(path: file.path)
        #expect(d.count == rows && d[sample: rows - 1] == [Double(rows - 1), Double(rows - 1) / 8])
        #expect { try InputFile.read(path: file.path, kind: .samples, maxBytes: 1 << 20) } throws: { "\($0)".contains("larger than 1 MiB") }

        let fifo = dir.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
        #expect(try InputFile.read(path: fifo, kind: .samples) == Array(text.utf8))
    }

    @Test func binaryAndInvalidUTF8() throws {
        #expect(throws: DataError.self) { try CSVReader.parse([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], source: "x.png") }
        do { _ = try CSVReader.parse([0x31, 0x2C, 0xFF, 0xFE], source: "x.bin") } catch { #expect("\(error)".contains("UTF-8")) }
    }

    @Test func filesThatCannotBeRead() throws {
        let dir = FileManager.default.temporaryDirectory.path
        #expect { try CSVReader.read(path: dir) } throws: { "\($0)".contains("is a directory") }
        #expect { try CSVReader.read(path: dir + "/no-such-file-\(UUID()).csv") } throws: { "\($0)".contains("no such file") }
    }
}
