import Foundation
import Testing
import TestSupport

/// Every numeric option of every command, given values a careless or hostile user types:
/// negative, past the integer range, not a number, infinite, overflowing, text, empty. Each is
/// either refused before any work — one line naming the option, no trace, no file changed — or,
/// where the value is valid, accepted and run to a clean end. Never a crash.
@Suite("Numeric options at any value")
struct NumericOptionTests {
    struct Case: Sendable, CustomStringConvertible {
        let command: [String]
        let option: String
        let value: String
        var description: String { (command + [option, value.isEmpty ? "\"\"" : value]).joined(separator: " ") }
    }

    /// Each command with the least it needs to run quickly, and its numeric options.
    static let commands: [(command: [String], options: [String])] = [
        (["render", "--max-iter", "2", "--size", "320x200", "--out", "$D/ok.gif"],
         ["--tween", "--fps", "--delay", "--hold-first", "--hold-last", "--max-frames", "--loop", "--max-iter", "--tol",
          "--reg-covar", "--n-init", "--threads", "-k", "--scale", "--text-scale", "--point-radius", "--seed"]),
        (["render", "--tween", "1", "--max-iter", "2", "--size", "320x200", "--out", "$D/ok.gif"], ["--hold-iteration"]),
        (["fit", "--max-iter", "2"], ["--max-iter", "--tol", "--reg-covar", "--n-init", "--threads", "-k", "--seed"]),
        (["select", "--k", "1...2", "--max-iter", "2"], ["--max-iter", "--tol", "--reg-covar", "--n-init", "--threads", "--seed"]),
        (["generate", "--means", "0,0;3,3"], ["--count", "--std", "--seed"]),
    ]

    static let values = ["-1", "9223372036854775808", "99999999999999999999999", "nan", "-inf", "1e400", "abc", ""]

    static let cases: [Case] = commands.flatMap { entry in
        entry.options.flatMap { option in values.map { Case(command: entry.command, option: option, value: $0) } }
    }

    @Test(arguments: cases)
    func refusedOrRunCleanly(_ c: Case) throws {
        let dir = TestPaths.temporaryDirectory()
        try Data("good".utf8).write(to: dir.appendingPathComponent("ok.gif"))
        let before = try snapshot(of: dir)
        // The option last, so it overrides the command's own setting of it.
        let args = c.command.map { $0.replacingOccurrences(of: "$D", with: dir.path) } + [c.option, c.value]
        let r = try CommandRunner.run(args, in: dir)
        #expect(!r.crashed, "\(r.stderr)")
        if r.status == 0 {
            #expect(!r.stderr.contains("error"), "\(r.stderr)")
        } else {
            expectRejected(r, [c.option])
            #expect(try snapshot(of: dir) == before, "a refused run must leave no new or altered file")
        }
    }
}
