import Foundation
import Testing
import TestSupport

/// Bad inputs, end to end through `gmmviz render` (the command that does the most
/// with them): CSV data, history JSON and options. Each must fail with one line naming the
/// problem and leave the GIF already at `--out`, and everything beside it, untouched.
@Suite("render: bad inputs")
struct RenderBadInputTests {
    enum Input: Sendable {
        case bytes([UInt8])
        case text(String)
    }

    struct Case: Sendable, CustomStringConvertible {
        let name: String
        /// Written to `IN` (in.csv or h.json) when given.
        var input: Input?
        /// After `render --out OUT`; `IN` is replaced by the input's path.
        let arguments: [String]
        let fragments: [String]
        var description: String { name }
    }

    static func history(_ body: String) -> Input {
        .text(#"{"format":"gmmviz.history","version":1,"samples":300,"# + body + "}")
    }

    static let tenMegabyteLine = Array(String(repeating: "12345678,", count: 1_165_084).utf8)  // 10 MB, no line end

    static let cases: [Case] = [
        // CSV
        Case(name: "csv: empty", input: .text(""), arguments: ["--data", "IN"], fragments: ["in.csv", "empty"]),
        Case(name: "csv: header only", input: .text("x,y\n"), arguments: ["--data", "IN"], fragments: ["in.csv:1", "no data rows"]),
        Case(name: "csv: one row", input: .text("x,y\n1,2\n"), arguments: ["--data", "IN"], fragments: ["in.csv has 1 sample", "3 components"]),
        Case(name: "csv: text in a number column", input: .text("x,y\n1,2\n3,abc\n"), arguments: ["--data", "IN"], fragments: ["in.csv:3, column 2", "\"abc\""]),
        Case(name: "csv: nan", input: .text("1,2\n3,nan\n5,6\n"), arguments: ["--data", "IN"], fragments: ["in.csv:2, column 2", "finite"]),
        Case(name: "csv: inf", input: .text("1,2\n-inf,4\n5,6\n"), arguments: ["--data", "IN"], fragments: ["in.csv:2, column 1", "finite"]),
        Case(name: "csv: 1e400", input: .text("1,2\n3,4\n1e400,6\n"), arguments: ["--data", "IN"], fragments: ["in.csv:3, column 1", "finite"]),
        Case(name: "csv: ragged rows", input: .text("1,2\n3,4\n5\n"), arguments: ["--data", "IN"], fragments: ["in.csv:3", "1 field"]),
        Case(name: "csv: semicolon delimiter", input: .text("1;2\n3;4\n5;6\n"), arguments: ["--data", "IN"], fragments: ["in.csv", "';'"]),
        Case(name: "csv: tab delimiter", input: .text("1\t2\n3\t4\n5\t6\n"), arguments: ["--data", "IN"], fragments: ["in.csv", "tabs"]),
        Case(name: "csv: 10 MB line without a line end", input: .bytes(tenMegabyteLine), arguments: ["--data", "IN"], fragments: ["in.csv has 1165084 dimensions", "--columns"]),
        Case(name: "csv: binary (NUL bytes)", input: .bytes([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 1, 0, 1, 0x80, 0xFF]), arguments: ["--data", "IN"], fragments: ["in.csv", "binary"]),
        Case(name: "csv: not UTF-8", input: .bytes([0x31, 0x2C, 0x32, 0x0A, 0xFF, 0xFE, 0x80, 0x0A]), arguments: ["--data", "IN"], fragments: ["in.csv", "UTF-8"]),
        Case(name: "csv: a directory", arguments: ["--data", "$D"], fragments: ["is a directory"]),
        Case(name: "csv: a missing file", arguments: ["--data", "$D/missing.csv"], fragments: ["missing.csv", "no such file", "--data"]),
        Case(name: "csv: an unreadable device (EIO)", arguments: ["--data", "/proc/self/mem"], fragments: ["/proc/self/mem", "EIO"]),
        Case(name: "csv: an endless device", arguments: ["--data", "/dev/zero"], fragments: ["/dev/zero", "binary"]),
        Case(name: "csv: too many dimensions", input: .text(String(repeating: "1,", count: 1200) + "1\n" + String(repeating: "2,", count: 1200) + "3\n"),
             arguments: ["--data", "IN", "-k", "1"], fragments: ["1201 dimensions", "--columns"]),
        Case(name: "csv: one column drawn as 2d", input: .text("x\n1\n2\n3\n4\n"), arguments: ["--data", "IN", "-k", "1", "--view", "2d"], fragments: ["1 column", "--view 2d", "1d"]),

        // History JSON (render --history-in)
        Case(name: "history: malformed", input: .text(#"{"format": "gmmviz.history", "version": 1,"#), arguments: ["--history-in", "IN"], fragments: ["h.json", "not valid JSON", "unexpected end of file"]),
        Case(name: "history: empty file", input: .text(""), arguments: ["--history-in", "IN"], fragments: ["h.json", "is empty"]),
        Case(name: "history: binary", input: .bytes([0x7B, 0, 0x7D]), arguments: ["--history-in", "IN"], fragments: ["h.json", "binary"]),
        Case(name: "history: wrong version", input: .text(#"{"format":"gmmviz.history","version":2,"components":1,"dimensions":2,"samples":1,"snapshots":[]}"#),
             arguments: ["--history-in", "IN"], fragments: ["h.json", "version 2", "reads version 1"]),
        Case(name: "history: K disagrees with the arrays",
             input: history(#""components":2,"dimensions":2,"snapshots":[{"weights":[1],"means":[[0,0]],"covariances":[[[1,0],[0,1]]]}]"#),
             arguments: ["--history-in", "IN"], fragments: ["h.json", "snapshot 0 has 1 weights", "components = 2"]),
        Case(name: "history: D disagrees with the arrays",
             input: history(#""components":1,"dimensions":2,"snapshots":[{"weights":[1],"means":[[0,0,0]],"covariances":[[[1,0],[0,1]]]}]"#),
             arguments: ["--history-in", "IN"], fragments: ["h.json", "snapshot 0", "3 coordinates", "dimensions = 2"]),
        Case(name: "history: a covariance not positive definite",
             input: history(#""components":1,"dimensions":2,"snapshots":[{"weights":[1],"means":[[0,0]],"covariances":[[[1,2],[2,1]]]}]"#),
             arguments: ["--history-in", "IN"], fragments: ["h.json", "snapshot 0", "not positive definite"]),
        Case(name: "history: negative weights",
             input: history(#""components":2,"dimensions":2,"snapshots":[{"weights":[-0.5,1.5],"means":[[0,0],[1,1]],"covariances":[[[1,0],[0,1]],[[1,0],[0,1]]]}]"#),
             arguments: ["--history-in", "IN"], fragments: ["h.json", "weight 1 is -0.5", "positive"]),
        Case(name: "history: iterations disagree with the snapshots",
             input: history(#""components":1,"dimensions":2,"iterations":5,"snapshots":[{"weights":[1],"means":[[0,0]],"covariances":[[[1,0],[0,1]]]}]"#),
             arguments: ["--history-in", "IN"], fragments: ["h.json", "iterations = 5"]),
        Case(name: "history: dimension differs from the data",
             input: history(#""components":1,"dimensions":3,"snapshots":[{"weights":[1],"means":[[0,0,0]],"covariances":[[[1,0,0],[0,1,0],[0,0,1]]]}]"#),
             arguments: ["--history-in", "IN"], fragments: ["h.json", "3-dimensional", "--data"]),

        // Options
        Case(name: "k = 0", arguments: ["-k", "0"], fragments: ["-k", "at least 1"]),
        Case(name: "k above the distinct points", input: .text("1,1\n1,1\n2,2\n2,2\n3,3\n"), arguments: ["--data", "IN", "-k", "4"], fragments: ["3 distinct points", "lower -k"]),
        Case(name: "--means of the wrong dimension", arguments: ["--means", "0,0,0;1,1,1;2,2,2"], fragments: ["mean 1", "3 coordinates", "2 dimensions"]),
        Case(name: "negative size", arguments: ["--size", "-320x200"], fragments: ["size", "at least 32"]),
        Case(name: "zero size", arguments: ["--size", "0x0"], fragments: ["size", "at least 32"]),
        Case(name: "frame over 64 Mpx", arguments: ["--size", "10000x10000"], fragments: ["size", "64 Mpx"]),
        Case(name: "scale 0", arguments: ["--scale", "0"], fragments: ["scale"]),
        Case(name: "scale 1e-300", arguments: ["--scale", "1e-300"], fragments: ["--scale", "0.25 to 8"]),
        Case(name: "--bounds with xmin = xmax", arguments: ["--bounds", "1,1,-5,5"], fragments: ["bounds", "xmin < xmax"]),
        Case(name: "--bounds with ymin > ymax", arguments: ["--bounds", "-5,5,3,2"], fragments: ["bounds", "ymin < ymax"]),
        Case(name: "--bounds not finite", arguments: ["--bounds", "-5,inf,-5,5"], fragments: ["bounds", "finite"]),
        Case(name: "--sigmas negative", arguments: ["--sigmas", "1,-2"], fragments: ["sigmas", "greater than 0"]),
        Case(name: "--hold-last -1", arguments: ["--hold-last", "-1"], fragments: ["--hold-last"]),
        Case(name: "--loop -1", arguments: ["--loop", "-1"], fragments: ["--loop"]),
        Case(name: "--point-radius -1", arguments: ["--point-radius", "-1"], fragments: ["--point-radius", "between 0 and 50"]),
        Case(name: "--axes twice the same", arguments: ["--axes", "2,2"], fragments: ["axes", "different"]),
        // Found by hand while hardening: both trapped on an Int overflow before the fix.
        Case(name: "--fps 1e-300", arguments: ["--fps", "1e-300"], fragments: ["--fps must be at least 0.0016"]),
        Case(name: "--axes Int.min", arguments: ["--axes", "-9223372036854775808,1"], fragments: ["--axes", "1-based"]),
        Case(name: "--threads -1", arguments: ["--threads", "-1"], fragments: ["--threads"]),
        Case(name: "too many frames", arguments: ["--tween", "200", "--tol", "0", "--max-iter", "99"], fragments: ["19900", "--max-frames 10000"]),
        Case(name: "--max-frames above the cap", arguments: ["--max-frames", "20000"], fragments: ["--max-frames", "at most 10000"]),
        Case(name: "--max-iter above the cap", arguments: ["--max-iter", "1000000"], fragments: ["--max-iter 1000000", "100000"]),
        // Views
        Case(name: "unknown view", arguments: ["--view", "3d"], fragments: ["'3d'", "--view", "pairs"]),
        Case(name: "1d with a column 0", arguments: ["--view", "1d:0"], fragments: ["'1d:0'", "--view"]),
        Case(name: "1d with a column past the data", arguments: ["--view", "1d:3"], fragments: ["--view 1d:3", "2 columns"]),
        Case(name: "1d with --axes", arguments: ["--view", "1d", "--axes", "1,2"], fragments: ["--axes", "--view 1d", "1d:N"]),
        Case(name: "pairs with --axes", arguments: ["--view", "pairs", "--axes", "1,2"], fragments: ["--axes", "--view pairs"]),
        Case(name: "pairs with one column", input: .text("x\n1\n2\n3\n4\n"), arguments: ["--data", "IN", "-k", "1", "--view", "pairs"],
             fragments: ["--view pairs", "at least two columns", "1d"]),
        Case(name: "pairs with seven columns", input: .text("1,2,3,4,5,6,7\n2,1,4,3,6,5,8\n3,3,1,2,7,7,6\n"), arguments: ["--data", "IN", "-k", "1", "--view", "pairs"],
             fragments: ["--view pairs", "at most 6 columns", "has 7", "--columns"]),
        Case(name: "pca of one column", input: .text("x\n1\n2\n3\n4\n"), arguments: ["--data", "IN", "-k", "1", "--view", "pca"],
             fragments: ["--view pca", "at least two columns"]),
        Case(name: "unknown density", arguments: ["--density", "heat"], fragments: ["'heat'", "--density"]),
        Case(name: "density on the 1d view", arguments: ["--view", "1d", "--density", "contours"], fragments: ["--density", "1d"]),
        Case(name: "regions on the 1d view", arguments: ["--view", "1d", "--regions"], fragments: ["--regions", "1d"]),
        Case(name: "unknown frame format", arguments: ["--frames-dir", "$D/f", "--frame-format", "jpeg"], fragments: ["jpeg"]),

        // Numbers out of their range, or not numbers
        Case(name: "--threads 100000", arguments: ["--threads", "100000"], fragments: ["--threads 100000", "1024"]),
        Case(name: "--threads 0", arguments: ["--threads", "0"], fragments: ["--threads", "at least 1"]),
        Case(name: "--tween 500 with --max-frames 50", arguments: ["--tween", "500", "--max-frames", "50"], fragments: ["--max-frames 50", "502 frames", "--max-frames 502"]),
        Case(name: "--steps em --tween 100 with --max-frames 20", arguments: ["--steps", "em", "--tween", "100", "--max-frames", "20"], fragments: ["--max-frames 20", "103 frames"]),
        Case(name: "--seed -1", arguments: ["--seed", "-1"], fragments: ["'-1'", "--seed", "0 to 18446744073709551615"]),
        Case(name: "--seed 2^64", arguments: ["--seed", "18446744073709551616"], fragments: ["--seed", "0 to 18446744073709551615"]),
        Case(name: "--tween not a number", arguments: ["--tween", "many"], fragments: ["'many'", "--tween", "whole number", "e.g. 3"]),
        Case(name: "--max-iter with an exponent", arguments: ["--max-iter", "1e3"], fragments: ["'1e3'", "--max-iter", "without a fraction or exponent"]),
        Case(name: "--tol not a number", arguments: ["--tol", "small"], fragments: ["'small'", "--tol", "not a number"]),
        Case(name: "--bounds whose span overflows", arguments: ["--bounds", "-1e308,1e308,-1,1"], fragments: ["--bounds", "overflows", "span is finite"]),

        // Paths
        Case(name: "--history empty", arguments: ["--history", ""], fragments: ["--history", "the path is empty"]),
        Case(name: "--out empty", arguments: ["--out", ""], fragments: ["--out", "the path is empty"]),
        Case(name: "--frames-dir empty", arguments: ["--frames-dir", ""], fragments: ["--frames-dir", "the path is empty"]),
        Case(name: "--data empty", arguments: ["--data", ""], fragments: ["--data", "the path is empty"]),
        Case(name: "--history-in empty", arguments: ["--history-in", ""], fragments: ["--history-in", "the path is empty"]),
        Case(name: "--out with an unknown extension", arguments: ["--out", "$D/x.txt"], fragments: ["\".txt\"", ".gif", ".pdf", ".html"]),
        Case(name: "--out without an extension", arguments: ["--out", "$D/x"], fragments: ["no extension", ".gif"]),
        Case(name: "--history into a missing directory, found before the fit", arguments: ["--history", "$D/missing/h.json", "--size", "3000x3000"], fragments: ["missing/h.json", "does not exist"]),

        // CSV as spreadsheets write it, and text in other encodings
        Case(name: "csv: duplicate column names", input: .text("x,y,x\n1,2,3\n4,5,6\n7,8,9\n"), arguments: ["--data", "IN"], fragments: ["in.csv:1", "columns 1 and 3", "\"x\"", "rename one"]),
        Case(name: "csv: duplicate quoted names", input: .text("\"a,b\",\"a,b\"\n1,2\n3,4\n5,6\n"), arguments: ["--data", "IN"], fragments: ["in.csv:1", "columns 1 and 2", "a,b"]),
        Case(name: "csv: an unclosed quote", input: .text("x,y\n1,\"2\n3,4\n"), arguments: ["--data", "IN"], fragments: ["in.csv:2, column 2", "never closed"]),
        Case(name: "csv: a stray quote", input: .text("x,y\n1,2\"\n3,4\n"), arguments: ["--data", "IN"], fragments: ["in.csv:2, column 2", "quote"]),
        Case(name: "csv: UTF-16LE with a byte-order mark", input: .bytes([0xFF, 0xFE] + Array("x,y\n1,2\n3,4\n5,6\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
             arguments: ["--data", "IN"], fragments: ["in.csv", "UTF-16 (little-endian)", "byte-order mark", "save the file as UTF-8"]),
        Case(name: "csv: UTF-16BE without a byte-order mark", input: .bytes(Array("x,y\n1,2\n3,4\n5,6\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
             arguments: ["--data", "IN"], fragments: ["in.csv", "UTF-16 (big-endian)", "save the file as UTF-8"]),
        Case(name: "csv: UTF-32LE with a byte-order mark", input: .bytes([0xFF, 0xFE, 0, 0] + Array("x,y\n1,2\n3,4\n".unicodeScalars).flatMap { [UInt8($0.value & 0xFF), 0, 0, 0] }),
             arguments: ["--data", "IN"], fragments: ["in.csv", "UTF-32 (little-endian)", "save the file as UTF-8"]),
        Case(name: "csv: a Latin-1 header", input: .bytes(Array("t (".utf8) + [0xB0] + Array("C),y\n1,2\n3,4\n5,6\n".utf8)),
             arguments: ["--data", "IN"], fragments: ["in.csv:1, column 1", "0xB0", "Latin-1", "save the file as UTF-8"]),
        Case(name: "history: a key twice", input: .text(#"{"format":"gmmviz.history","version":1,"version":2,"samples":300,"components":1,"dimensions":2,"snapshots":[{"weights":[1],"means":[[0,0]],"covariances":[[[1,0],[0,1]]]}]}"#),
             arguments: ["--history-in", "IN"], fragments: ["h.json:1:", "\"version\"", "twice", "keep one"]),
        Case(name: "history: a key twice in a snapshot", input: .text(#"{"format":"gmmviz.history","version":1,"samples":300,"components":1,"dimensions":2,"snapshots":[{"weights":[1],"weights":[1],"means":[[0,0]],"covariances":[[[1,0],[0,1]]]}]}"#),
             arguments: ["--history-in", "IN"], fragments: ["h.json", "\"weights\"", "twice"]),
        Case(name: "history: UTF-16", input: .bytes([0xFF, 0xFE] + Array(#"{"format":"gmmviz.history"}"#.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
             arguments: ["--history-in", "IN"], fragments: ["h.json", "UTF-16 (little-endian)", "save the file as UTF-8"]),

        // Inputs that contradict each other
        Case(name: "--data - and --history-in -", arguments: ["--data", "-", "--history-in", "-"], fragments: ["standard input", "give one of them a file"]),
        Case(name: "history: fitted on another number of samples",
             input: .text(#"{"format":"gmmviz.history","version":1,"samples":999,"components":1,"dimensions":2,"snapshots":[{"weights":[1],"means":[[0,0]],"covariances":[[[1,0],[0,1]]]}]}"#),
             arguments: ["--history-in", "IN"], fragments: ["h.json", "999 samples", "300 rows", "--data"]),
        Case(name: "history: too long to animate, without --max-iter advice",
             input: .text(#"{"format":"gmmviz.history","version":1,"samples":300,"components":1,"dimensions":2,"snapshots":["# + Array(repeating: #"{"weights":[1],"means":[[0,0]],"covariances":[[[1,0],[0,1]]]}"#, count: 12_001).joined(separator: ",") + "]}"),
             arguments: ["--history-in", "IN"], fragments: ["12001 frames", "--max-frames 10000"]),
    ]

    @Test(arguments: cases)
    func rejected(_ c: Case) throws {
        let dir = TestPaths.temporaryDirectory()
        let out = dir.appendingPathComponent("out.gif")
        try Data("good".utf8).write(to: out)
        var inputPath = ""
        if let input = c.input {
            let url = dir.appendingPathComponent(c.arguments.contains("--history-in") ? "h.json" : "in.csv")
            switch input {
            case let .bytes(b): try Data(b).write(to: url)
            case let .text(t): try Data(t.utf8).write(to: url)
            }
            inputPath = url.path
        }
        let before = try snapshot(of: dir)
        let args = c.arguments.map { $0 == "IN" ? inputPath : $0.replacingOccurrences(of: "$D", with: dir.path) }
        // A later --size in the case's arguments wins over this one.
        let r = try CommandRunner.run(["render", "--out", out.path, "--size", "320x200"] + args, in: dir)
        expectRejected(r, c.fragments)
        #expect(try snapshot(of: dir) == before, "a failed run must leave no new or altered file")
        if c.arguments.contains("--history-in") {
            #expect(!r.stderr.contains("--max-iter"), "a saved fit's iterations are fixed: \(r.stderr)")
        }
    }

    /// Root reads every file whatever its mode, so the no-permission case runs the binary as
    /// `nobody` through setpriv.
    @Test(.enabled(if: Unprivileged.isAvailable, "as root, needs /usr/bin/setpriv to run the binary as nobody")) func unreadableData() throws {
        let dir = TestPaths.temporaryDirectory()
        // The output directory is writable by nobody, so the read is what fails.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.path)
        let data = dir.appendingPathComponent("in.csv")
        try Data("1,2\n3,4\n5,6\n".utf8).write(to: data)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: data.path)
        let out = dir.appendingPathComponent("out.gif").path
        let r = try CommandRunner.run(["render", "--data", data.path, "--out", out], launcher: Unprivileged.launcher)
        expectRejected(r, [data.path, "permission denied", "EACCES"])
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
