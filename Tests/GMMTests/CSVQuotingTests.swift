import Foundation
@testable import GMM
import Testing

/// Quoted fields as RFC 4180 has them, read from files that pandas and Python's `csv` module
/// wrote (`scripts/make-csv-fixtures.py`), and the messages for quotes out of place and for
/// names given twice.
@Suite("CSV quoting")
struct CSVQuotingTests {
    static func fixture(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/csv") else {
            throw FixtureError("Fixtures/csv/\(name) is missing; run scripts/make-csv-fixtures.py")
        }
        return url
    }

    /// The names and values the writer was given, read with `JSONDecoder`, which reads every
    /// double back exactly (`JSONSerialization` may not).
    static func expected() throws -> (names: [String], values: [Double]) {
        struct Expected: Decodable {
            var names: [String]
            var values: [Double]
        }
        let e = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: try fixture("expected.json")))
        return (e.names, e.values)
    }

    static let quotedFiles = ["pandas-quote-all.csv", "pandas-minimal.csv", "csv-minimal.csv", "csv-nonnumeric.csv", "csv-quote-all-labels.csv"]

    /// Each writer's file gives the data set of the unquoted file, bit for bit, with the names
    /// as the writer was given them; the label column of quoted text is left out.
    @Test(arguments: quotedFiles)
    func writtenFilesGiveTheUnquotedDataset(_ name: String) throws {
        let (names, values) = try Self.expected()
        let plain = try CSVReader.read(path: try Self.fixture("unquoted.csv").path)
        #expect(plain.values.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(plain.columnNames == (0 ..< names.count).map { "c\($0)" })
        let quoted = try CSVReader.read(path: try Self.fixture(name).path)
        #expect(quoted.values.map(\.bitPattern) == plain.values.map(\.bitPattern))
        #expect(quoted.dimension == plain.dimension && quoted.count == plain.count)
        #expect(quoted.columnNames == names)
        // Picked by a name that holds a comma, quotes or a line break.
        let picked = try CSVReader.read(path: try Self.fixture(name).path, columns: [.name(names[2]), .name(names[0])])
        #expect(picked.values == plain.rows.flatMap { [$0[2], $0[0]] })
        #expect(picked.columnNames == [names[2], names[0]])
    }

    @Test func quotedFieldsInHeaderAndCells() throws {
        let d = try CSVReader.parse("\"a,b\",\"c\"\"d\",\"e\nf\"\n\"1.5\",2,\" 3 \"\n4, \"5\" ,6\n", source: "q.csv")
        #expect(d.columnNames == ["a,b", "c\"d", "e\nf"])
        #expect(d.values == [1.5, 2, 3, 4, 5, 6])
        // Spaces inside the quotes belong to a name; outside they are ignored.
        let spaced = try CSVReader.parse("  \" x \" ,\"\"\"\"\r\n1,2\r\n", source: "s.csv")
        #expect(spaced.columnNames == [" x ", "\""])
        // A quoted line break in a label cell: the row is one sample, and later lines keep
        // their numbers in messages.
        let labels = "x,name,y\n1,\"two\nlines\",2\n3,\"a,b\",4\n"
        #expect(try CSVReader.parse(labels, source: "l.csv").values == [1, 2, 3, 4])
        #expect { try CSVReader.parse(labels + "5,\"c\",abc\n", source: "l.csv") } throws: {
            "\($0)" == "l.csv:5, column 3: \"abc\" is not a number; every cell of a data column must be a decimal number"
        }
        // Quoted cells that are not numbers are named without their quotes.
        #expect { try CSVReader.parse("x,y\n1,2\n1,\"a\"\"b\"\n", source: "t.csv") } throws: { "\($0)".contains("\"a\"b\" is not a number") }
        #expect { try CSVReader.parse("x,y\n1,2\n1,\"\"\n", source: "t.csv") } throws: { "\($0)".contains("t.csv:3, column 2: is empty") }
        #expect { try CSVReader.parse("x,y\n1,\"nan\"\n", source: "t.csv") } throws: { "\($0)".contains("not a finite number") }
        // A quoted number in the first line makes it a data row, as an unquoted one does.
        #expect(try CSVReader.parse("\"1\",\"2\"\n3,4\n", source: "n.csv").columnNames == nil)
        // A quoted last field at the end of the input, with and without its line end.
        #expect(try CSVReader.parse("1,\"2\"", source: "e.csv").values == [1, 2])
        #expect(try CSVReader.parse("1,\"2\"\r", source: "e.csv").values == [1, 2])
        #expect(try CSVReader.parse("x,\"y\"\r1,\"2\"\r", source: "mac.csv").values == [1, 2])
    }

    /// Each bad input and its message, whole.
    static let bad: [(text: String, error: DataError, message: String)] = [
        ("x,\"y\n1,2\n", .unclosedQuote(source: "b.csv", line: 1, column: 2),
         "b.csv:1, column 2: the quoted field that starts here is never closed; end it with a \" (a quote inside a quoted field is written twice, \"\")"),
        ("x,y\n1,2\n\"a\nb\",3\n4,\"5\n", .unclosedQuote(source: "b.csv", line: 5, column: 2),
         "b.csv:5, column 2: the quoted field that starts here is never closed; end it with a \" (a quote inside a quoted field is written twice, \"\")"),
        ("x,a\"b\n1,2\n", .strayQuote(source: "b.csv", line: 1, column: 2, cell: "a\"b"),
         "b.csv:1, column 2: \"a\"b\" has a quote inside an unquoted field or after a closing quote; quote the whole field and double each quote inside it, as in \"a\"\"b\""),
        ("x,y\n1,\"2\"3\n", .strayQuote(source: "b.csv", line: 2, column: 2, cell: "\"2\"3"),
         "b.csv:2, column 2: \"\"2\"3\" has a quote inside an unquoted field or after a closing quote; quote the whole field and double each quote inside it, as in \"a\"\"b\""),
        ("x,y\n1,2\"\n", .strayQuote(source: "b.csv", line: 2, column: 2, cell: "2\""),
         "b.csv:2, column 2: \"2\"\" has a quote inside an unquoted field or after a closing quote; quote the whole field and double each quote inside it, as in \"a\"\"b\""),
        ("x,y,x\n1,2,3\n", .duplicateColumnName(source: "b.csv", line: 1, name: "x", first: 1, second: 3),
         "b.csv:1: columns 1 and 3 of the header are both named \"x\"; rename one so that each column has its own name"),
        ("\n\"a,b\",c,\"a,b\"\n1,2,3\n", .duplicateColumnName(source: "b.csv", line: 2, name: "a,b", first: 1, second: 3),
         "b.csv:2: columns 1 and 3 of the header are both named \"a,b\"; rename one so that each column has its own name"),
        ("x,\"x\"\n1,2\n", .duplicateColumnName(source: "b.csv", line: 1, name: "x", first: 1, second: 2),
         "b.csv:1: columns 1 and 2 of the header are both named \"x\"; rename one so that each column has its own name"),
        ("x,,\n1,2,3\n", .duplicateColumnName(source: "b.csv", line: 1, name: "", first: 2, second: 3),
         "b.csv:1: columns 2 and 3 of the header both have an empty name; rename one so that each column has its own name"),
    ]

    @Test(arguments: 0 ..< bad.count)
    func quotesOutOfPlaceAndNamesGivenTwice(_ index: Int) {
        let (text, error, message) = Self.bad[index]
        #expect(throws: error) { try CSVReader.parse(text, source: "b.csv") }
        #expect(error.description == message)
    }

    /// Names and cells that hold line breaks are shown escaped, so every message is one line.
    @Test func messagesStayOnOneLine() {
        #expect { try CSVReader.parse("\"a\nb\",y\n1,2\n", source: "m.csv", columns: [.name("z")]) } throws: {
            "\($0)" == #"m.csv:1: has no column named "z"; its columns are "a\nb", "y""#
        }
        #expect { try CSVReader.parse("x,y\n1,2\n3,\"a\r\nb\"\n", source: "m.csv") } throws: {
            "\($0)" == #"m.csv:3, column 2: "a\r\nb" is not a number; every cell of a data column must be a decimal number"#
        }
        #expect { try CSVReader.parse("\"a\nb\",\"a\nb\"\n1,2\n", source: "m.csv") } throws: {
            "\($0)" == #"m.csv:1: columns 1 and 2 of the header are both named "a\nb"; rename one so that each column has its own name"#
        }
        #expect(DataError.quoted("plain \"x\"") == "\"plain \"x\"\"")
    }

    /// A row of the wrong length counts its fields without the commas inside quotes, and names
    /// the line the row starts on.
    @Test func rowLengthCountsQuotedFields() {
        #expect { try CSVReader.parse("x,y\n\"1,5\",2,\"3\n4\"\n", source: "r.csv") } throws: {
            "\($0)".hasPrefix("r.csv:2: has 3 fields but line 1 has 2")
        }
        #expect { try CSVReader.parse("\"a\nb\",y\n1,2\n3\n", source: "r.csv") } throws: {
            "\($0)".hasPrefix("r.csv:4: has 1 field but line 1 has 2")
        }
    }
}
