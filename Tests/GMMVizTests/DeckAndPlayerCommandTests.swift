import Foundation
import GMM
import Testing
import TestSupport

/// `render --out deck.pdf`, `--out lecture.html` and `--timing`, run as a user runs them.
@Suite("lecture outputs")
struct DeckAndPlayerCommandTests {
    private func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    /// The deck and the player are the same bytes across runs and thread counts; the deck has a
    /// page per frame; the summary line names both.
    @Test func deckAndPlayerAreByteIdenticalAcrossRunsAndThreads() throws {
        let dir = TestPaths.temporaryDirectory()
        var decks = [[UInt8]](), players = [[UInt8]]()
        for (run, threads) in [("a", "1"), ("b", "2"), ("c", "2")] {
            for ext in ["pdf", "html"] {
                let r = try CommandRunner.run(["render", "--steps", "em", "--size", "400x260", "--threads", threads,
                                               "--out", "\(run).\(ext)"], in: dir)
                #expect(r.status == 0, "\(r.stderr)")
                #expect(r.stderr.contains(ext == "pdf" ? "\(run).pdf (" : "\(run).html ("), "\(r.stderr)")
                #expect(r.stderr.contains(ext == "pdf" ? " pages)" : " frames)"), "\(r.stderr)")
            }
            decks.append(try bytes(dir.appendingPathComponent("\(run).pdf")))
            players.append(try bytes(dir.appendingPathComponent("\(run).html")))
        }
        #expect(Set(decks).count == 1)
        #expect(Set(players).count == 1)
        let info = try CommandRunner.run([dir.appendingPathComponent("a.pdf").path], executable: "/usr/bin/pdfinfo")
        let history = try GaussianMixture(components: 3).fit(try Demo.data(), initialization: .means(Demo.initialMeans)).history
        #expect(info.stdout.contains("Pages:           \(1 + 2 * history.iterations)\n"), "\(info.stdout)")
        #expect(!info.stdout.contains("CreationDate"))
    }

    /// User text reaches the page escaped: no raw markup, no early end of a script.
    @Test func userTextIsEscapedInThePage() throws {
        let dir = TestPaths.temporaryDirectory()
        try "<img src=x onerror=alert(1)>,y\n1,2\n2,3\n3,1\n8,9\n9,8\n8,8\n".write(to: dir.appendingPathComponent("h.csv"), atomically: true, encoding: .utf8)
        let title = "A </script><script>alert(2)</script> title"
        let r = try CommandRunner.run(["render", "--data", "h.csv", "-k", "2", "--bounds", "auto", "--size", "400x260",
                                       "--title", title, "--out", "p.html", "-q"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let html = String(decoding: try bytes(dir.appendingPathComponent("p.html")), as: UTF8.self)
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("alert(2)</script>"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("A &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt; title"))
        #expect(html.components(separatedBy: "<script").count == 3)   // the data block and the player
    }

    /// The timing options are documented in --help.
    @Test func timingIsDocumentedInHelp() throws {
        let r = try CommandRunner.run(["render", "--help"])
        #expect(r.status == 0)
        for text in ["--timing <auto|constant>", "--hold-iteration", "log-likelihood", "deck.pdf", "lecture.html"] {
            #expect(r.stdout.contains(text), "\(text) missing from --help")
        }
    }

    /// `--timing auto` (the default) holds the first step longer than the tail; `constant`
    /// keeps every iteration at the delay.
    @Test func autoTimingReachesTheGIF() throws {
        let dir = TestPaths.temporaryDirectory()
        for timing in ["auto", "constant"] {
            let r = try CommandRunner.run(["render", "--size", "320x200", "--timing", timing, "--out", "\(timing).gif", "-q"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let auto = try DecodedGIF(try bytes(dir.appendingPathComponent("auto.gif")))
        let constant = try DecodedGIF(try bytes(dir.appendingPathComponent("constant.gif")))
        #expect(constant.delays.dropFirst().dropLast().allSatisfy { $0 == 50 })
        #expect(auto.delays[1] >= 2 * auto.delays[auto.delays.count - 2])
        let ratio = Double(auto.delays.reduce(0, +)) / Double(constant.delays.reduce(0, +))
        #expect(ratio >= 0.7 && ratio <= 1.3)
    }

    /// Bad input: one line, non-zero exit, and no file.
    @Test(arguments: [
        (["--hold-iteration", "30"], "--hold-iteration"),
        (["--tween", "2", "--hold-iteration", "0"], "--hold-iteration 0"),
        (["--timing", "fast"], "--timing"),
    ])
    func badTimingIsRejected(arguments: [String], mentions: String) throws {
        let dir = TestPaths.temporaryDirectory()
        let r = try CommandRunner.run(["render", "--out", "x.html"] + arguments, in: dir)
        #expect(r.status != 0)
        #expect(!r.crashed)
        #expect(r.stderr.contains(mentions), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.html").path))
    }

    /// An unwritable destination fails before any work and leaves nothing behind.
    @Test(arguments: ["pdf", "html"])
    func unwritableDestinationsLeaveNoFile(ext: String) throws {
        let dir = TestPaths.temporaryDirectory()
        let r = try CommandRunner.run(["render", "--out", "missing/deck.\(ext)"], in: dir)
        #expect(r.status != 0 && !r.crashed)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
