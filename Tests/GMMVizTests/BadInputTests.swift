import Foundation
import Testing
import TestSupport

/// Bad inputs to `fit`, each of a kind users send: a non-zero exit, one line on standard error
/// naming the problem, no crash, and no new or altered file at the output path.
@Suite("Bad inputs to fit")
struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let csv: String?          // written to a file passed as --data, when given
        let arguments: [String]   // after "fit" (and "--data FILE" when csv is given)
        let fragments: [String]   // each must appear in the message
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty file", csv: "", arguments: [], fragments: ["data.csv", "empty"]),
        Case(name: "header only", csv: "x,y\n", arguments: [], fragments: ["data.csv:1", "no data rows"]),
        Case(name: "text in a number column", csv: "x,y\n1,2\n3,abc\n4,5\n", arguments: ["-k", "1"], fragments: ["data.csv:3, column 2", "abc"]),
        Case(name: "nan", csv: "1,2\nnan,2\n3,4\n", arguments: ["-k", "1"], fragments: ["data.csv:2, column 1", "finite"]),
        Case(name: "inf", csv: "1,2\ninf,2\n3,4\n", arguments: ["-k", "1"], fragments: ["data.csv:2, column 1", "finite"]),
        Case(name: "1e400", csv: "1,2\n1e400,2\n3,4\n", arguments: ["-k", "1"], fragments: ["data.csv:2, column 1", "finite"]),
        Case(name: "ragged rows", csv: "1,2\n3,4,5\n", arguments: [], fragments: ["data.csv:2", "fields"]),
        Case(name: "semicolons", csv: "1;2\n3;4\n5;6\n", arguments: [], fragments: ["data.csv", "';'"]),
        Case(name: "binary", csv: "\u{0}\u{1}PNG\u{0}", arguments: [], fragments: ["data.csv", "binary"]),
        Case(name: "fewer rows than components", csv: "1,2\n3,4\n", arguments: ["-k", "3"], fragments: ["data.csv", "2 samples", "3 components"]),
        Case(name: "missing column name", csv: "x,y\n1,2\n3,4\n5,6\n", arguments: ["--columns", "x,z"], fragments: ["data.csv", "no column named \"z\""]),
        Case(name: "column number out of range", csv: "1,2\n3,4\n5,6\n", arguments: ["--columns", "1,4"], fragments: ["data.csv", "--columns 4"]),
        Case(name: "k = 0", csv: nil, arguments: ["-k", "0"], fragments: ["-k", "at least 1"]),
        Case(name: "k above distinct points", csv: "1,1\n1,1\n1,1\n2,2\n", arguments: ["-k", "3"], fragments: ["distinct point", "lower -k"]),
        Case(name: "means of the wrong dimension", csv: "1,2\n3,4\n5,6\n", arguments: ["--means", "0,0,0;1,1,1"], fragments: ["mean 1", "3 coordinates", "2 dimensions"]),
        Case(name: "means not numbers", csv: nil, arguments: ["--means", "0,a;1,1"], fragments: ["--means", "\"a\""]),
        Case(name: "k disagrees with means", csv: nil, arguments: ["-k", "2", "--means", "0,0;1,1;2,2"], fragments: ["-k 2", "3 points"]),
        Case(name: "negative max-iter", csv: nil, arguments: ["--max-iter", "-1"], fragments: ["--max-iter"]),
        Case(name: "negative tol", csv: nil, arguments: ["--tol", "-1"], fragments: ["--tol"]),
        Case(name: "negative reg-covar", csv: nil, arguments: ["--reg-covar", "-1e-3"], fragments: ["--reg-covar"]),
        Case(name: "zero threads", csv: nil, arguments: ["--threads", "0"], fragments: ["--threads"]),
        Case(name: "unknown init", csv: nil, arguments: ["--init", "magic"], fragments: ["magic"]),
        Case(name: "unknown option", csv: nil, arguments: ["--frobnicate"], fragments: ["--frobnicate"]),
        Case(name: "columns without data", csv: nil, arguments: ["--columns", "1,2"], fragments: ["--columns needs --data"]),
        Case(name: "collapsed covariance", csv: "0,0\n0,0\n5,5\n6,5\n5,6\n", arguments: ["--means", "0,0;5.5,5.5", "--reg-covar", "0"],
             fragments: ["component 1", "ill-defined covariance", "increase --reg-covar"]),
        Case(name: "unknown covariance type", csv: nil, arguments: ["--covariance-type", "banded"], fragments: ["banded", "--covariance-type"]),
        Case(name: "weights not summing to 1", csv: nil, arguments: ["--means", "0,0;1,1", "--weights", "0.5,0.6"], fragments: ["--weights sum to 1.1", "not 1"]),
        Case(name: "weights of the wrong count", csv: nil, arguments: ["--means", "0,0;1,1;2,2", "--weights", "0.5,0.5"], fragments: ["--weights has 2 values for 3 components"]),
        Case(name: "weights without means", csv: nil, arguments: ["--weights", "0.5,0.5"], fragments: ["--weights needs --means"]),
        Case(name: "covariances not positive definite", csv: nil, arguments: ["--means", "0,0;1,1", "--covariances", "1,0,0,1;1,2,2,1"],
             fragments: ["--covariances: matrix 2", "not positive definite"]),
        Case(name: "covariances not symmetric", csv: nil, arguments: ["--means", "0,0", "--covariances", "1,0.5,0,1"],
             fragments: ["--covariances: matrix 1", "not symmetric"]),
        Case(name: "covariances of the wrong size", csv: nil, arguments: ["--means", "0,0;1,1", "--covariances", "1,0,0,1;1,0,1"],
             fragments: ["--covariances: matrix 2 is not 2 × 2", "2 × 2 = 4"]),
        Case(name: "covariances of the wrong count", csv: nil, arguments: ["--means", "0,0;1,1", "--covariances", "1,0,0,1"],
             fragments: ["--covariances has 1 matrix for 2 components"]),
        Case(name: "covariances against the type", csv: nil, arguments: ["--means", "0,0;1,1", "--covariances", "1,0.5,0.5,1;1,0,0,1", "--covariance-type", "diag"],
             fragments: ["--covariances: matrix 1", "off-diagonal", "--covariance-type diag"]),
        Case(name: "n-init 0", csv: nil, arguments: ["--n-init", "0"], fragments: ["--n-init must be at least 1, got 0"]),
        Case(name: "missing data file", csv: nil, arguments: ["--data", "/nonexistent/points.csv"], fragments: ["/nonexistent/points.csv", "no such file"]),
        Case(name: "data is a directory", csv: nil, arguments: ["--data", "/tmp"], fragments: ["/tmp", "is a directory"]),
    ]

    @Test(arguments: cases)
    func rejected(_ c: Case) throws {
        let dir = TestPaths.temporaryDirectory()
        var args = ["fit"]
        if let csv = c.csv {
            let path = dir.appendingPathComponent("data.csv")
            try Data(csv.utf8).write(to: path)
            args += ["--data", path.path]
        }
        // A good file already at the output path must survive the failure untouched.
        let history = dir.appendingPathComponent("history.json")
        try Data("good".utf8).write(to: history)
        args += c.arguments + ["--history", history.path]

        expectRejected(try CommandRunner.run(args), c.fragments)
        #expect(try String(contentsOf: history, encoding: .utf8) == "good")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func outputDirectoryMissingOrUnwritable() throws {
        let missing = try CommandRunner.run(["fit", "--history", "/nonexistent-dir/h.json"])
        #expect(missing.status != 0 && missing.stderr.contains("does not exist") && !missing.crashed)
        let dir = TestPaths.temporaryDirectory()
        let isDir = try CommandRunner.run(["fit", "--history", dir.path])
        #expect(isDir.status != 0 && isDir.stderr.contains("is a directory"))
    }
}
