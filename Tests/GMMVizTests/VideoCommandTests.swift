import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

private let hasFFmpeg = FileManager.default.isExecutableFile(atPath: "/usr/bin/ffprobe")

/// `gmmviz render --out talk.mp4` and `--out talk.webm`, as ffprobe sees them, and every bad
/// input of the video outputs, end to end.
@Suite("render: video", .enabled(if: hasFFmpeg, "needs Debian's ffmpeg (make deps installs it)"))
struct VideoCommandTests {
    static let small = ["--size", "320x200"]

    func probe(_ path: String, _ entries: String) throws -> [String: Any] {
        let r = try CommandRunner.run(["-v", "error", "-show_entries", entries, "-of", "json", path], executable: "/usr/bin/ffprobe")
        #expect(r.status == 0, "\(r.stderr)")
        return (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]) ?? [:]
    }

    /// The GIF's delays of the same render, in 1/100 s: the timeline the video must follow (the
    /// GIF merges identical consecutive frames, adding their delays).
    func delays(_ arguments: [String], in dir: URL) throws -> [Int] {
        let gif = dir.appendingPathComponent("timeline.gif").path
        let r = try CommandRunner.run(["render"] + arguments + ["--out", gif, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        return try DecodedGIF(Array(try Data(contentsOf: URL(fileURLWithPath: gif)))).delays
    }

    /// Settings that play everywhere, the GIF's duration, and every frame at its time on the
    /// timeline (within 10 ms), with the default auto timing and with tweens, in both formats.
    @Test(arguments: [["mp4"], ["mp4", "--tween", "3"], ["webm"], ["webm", "--tween", "3"], ["mp4", "--timing", "constant"]])
    func framesFollowTheTimeline(_ run: [String]) throws {
        let dir = TestPaths.temporaryDirectory()
        let options = Self.small + Array(run.dropFirst())
        let video = dir.appendingPathComponent("talk.\(run[0])").path
        let frameFiles = dir.appendingPathComponent("frames")
        let r = try CommandRunner.run(["render", "--out", video, "--frames-dir", frameFiles.path, "--quiet"] + options)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let stream = try #require((try probe(video, "stream=codec_name,profile,pix_fmt,width,height,color_space,color_primaries,color_transfer")["streams"] as? [[String: Any]])?.first)
        #expect(stream["codec_name"] as? String == (run[0] == "mp4" ? "h264" : "vp9"))
        if run[0] == "mp4" { #expect(stream["profile"] as? String == "High") }
        #expect(stream["pix_fmt"] as? String == "yuv420p")
        #expect(stream["width"] as? Int == 320 && stream["height"] as? Int == 200)
        #expect(stream["color_space"] as? String == "bt709" && stream["color_primaries"] as? String == "bt709")

        let timeline = try delays(options, in: dir)
        let starts = timeline.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1) }
        let total = Double(starts[starts.count - 1]) / 100
        let format = try #require(try probe(video, "format=duration")["format"] as? [String: Any])
        let duration = Double(format["duration"] as? String ?? "") ?? -1
        #expect(abs(duration - total) <= 0.011, "duration \(duration) s, timeline \(total) s")
        let frames = try #require(try probe(video, "frame=pts_time")["frames"] as? [[String: Any]])
        let times = frames.compactMap { ($0["pts_time"] as? String).flatMap(Double.init) }
        // Every timeline frame, then the last one repeated so that players hold it to the end.
        let count = try FileManager.default.contentsOfDirectory(atPath: frameFiles.path).count
        #expect(times.count == count + 1)
        #expect(times == times.sorted())
        for start in starts.dropLast() {
            let t = Double(start) / 100
            #expect(times.contains { abs($0 - t) <= 0.010 }, "no frame at \(t) s")
        }
        if run[0] == "mp4" {
            // +faststart: the index (moov) comes before the media data (mdat).
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: video)))
            var boxes = [String](), offset = 0
            while offset + 8 <= bytes.count {
                let size = bytes[offset ..< offset + 4].reduce(0) { $0 << 8 | Int($1) }
                boxes.append(String(decoding: bytes[offset + 4 ..< offset + 8], as: UTF8.self))
                guard size >= 8 else { break }
                offset += size
            }
            #expect((boxes.firstIndex(of: "moov") ?? .max) < (boxes.firstIndex(of: "mdat") ?? -1), "\(boxes)")
        }
    }

    /// An odd size is padded to even, never scaled: the picture keeps its pixels, one more
    /// column and row of background are added.
    @Test func anOddSizeIsPadded() throws {
        let dir = TestPaths.temporaryDirectory()
        let video = dir.appendingPathComponent("odd.mp4").path
        let r = try CommandRunner.run(["render", "--out", video, "--size", "321x201", "--quiet"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let stream = try #require((try probe(video, "stream=width,height")["streams"] as? [[String: Any]])?.first)
        #expect(stream["width"] as? Int == 322 && stream["height"] as? Int == 202)
    }

    /// Each bad input: one line naming the problem and the fix, no trace, no file left.
    @Test func badInputsAreRefused() throws {
        let dir = TestPaths.temporaryDirectory()
        func refused(_ args: [String], _ fragments: [String], launcher: [String] = []) throws {
            let before = try snapshot(of: dir)
            let r = try CommandRunner.run(["render"] + args.map { $0.replacingOccurrences(of: "$D", with: dir.path) } + Self.small,
                                          launcher: launcher)
            expectRejected(r, fragments.map { $0.replacingOccurrences(of: "$D", with: dir.path) })
            #expect(try snapshot(of: dir) == before, "\(args)")
        }
        try refused(["--out", "$D/a.mp4", "--video-quality", "99"], ["--video-quality 99", "0", "51"])
        try refused(["--out", "$D/a.webm", "--video-quality", "-1"], ["--video-quality -1", "63"])
        // No ffmpeg on PATH: named before any work, with the package to install.
        try refused(["--out", "$D/a.mp4"], ["ffmpeg", "apt-get install ffmpeg"], launcher: ["/usr/bin/env", "PATH=/nonexistent"])
        // An encoder killed while it encodes.
        let fake = TestPaths.temporaryDirectory()
        let script = fake.appendingPathComponent("ffmpeg")
        try Data("#!/bin/sh\nkill -KILL $$\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try refused(["--out", "$D/a.mp4"], ["ffmpeg", "signal 9", "no video was written"],
                    launcher: ["/usr/bin/env", "PATH=\(fake.path):/usr/bin:/bin"])
    }

    /// A full device (a copy of /dev/full's node): the encoder's write fails, said as such.
    @Test(.enabled(if: getuid() == 0, "mknod needs root")) func aFullDevice() throws {
        let dir = TestPaths.temporaryDirectory()
        let full = dir.appendingPathComponent("full").path
        try #require(mknod(full, S_IFCHR | 0o666, (1 << 8) | 7) == 0)
        let r = try CommandRunner.run(["render", "--out", full, "--format", "mp4"] + Self.small)
        expectRejected(r, ["cannot write \(full)", "ENOSPC"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["full"])
    }
}
