import Foundation
import GMM
import Testing
import TestSupport

/// `render --out deck.pdf` and `--out lecture.html`, run as a user runs them.
@Suite("render: PDF deck and HTML player")
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
