import Foundation
import GMMFiles
import GMMGIF
import Testing
import TestSupport
import GMMImage

@Suite struct SinkTests {
    struct Boom: Error {}

    /// Throws once more than `limit` bytes have been written.
    struct FailingSink: GIFSink {
        var limit: Int
        var written = 0
        var aborted = false
        var committed = false
        mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
            written += bytes.count
            if written > limit { throw Boom() }
        }
        mutating func commit() throws { committed = true }
        mutating func abort() { aborted = true }
    }

    static func encode<S: GIFSink>(into sink: S) throws -> GIFWriter<S> {
        let (frames, delays) = RoundTripTests.scenario()
        let palette = GIFPalette.build(seeds: TestFrames.seeds, samples: frames)
        let writer = try GIFWriter(width: 64, height: 40, palette: palette, sink: sink)
        for (frame, delay) in zip(frames, delays) { try writer.add(frame, delay: delay) }
        try writer.close()
        return writer
    }

    @Test(arguments: [0, 20, 300])
    func failingWriteThrowsGIFErrorAndAborts(limit: Int) throws {
        var caught: GIFError?
        do { _ = try Self.encode(into: FailingSink(limit: limit)) } catch let e as GIFError { caught = e }
        let error = try #require(caught)
        #expect(error.call == "GIFSink.write")
        #expect(error.description.contains("Boom"))
    }

    @Test func writerAbortsSinkAndRefusesMoreFrames() throws {
        let palette = try GIFPalette(colors: [0xFFFFFF, 0])
        let writer = try GIFWriter(width: 8, height: 8, palette: palette, sink: FailingSink(limit: 900))
        let big = RGBImage(width: 8, height: 8, filledWith: 0)
        try writer.add(big, delay: 5)
        #expect(throws: GIFError.self) {
            for i in 0..<200 { try writer.add(RGBImage(width: 8, height: 8, filledWith: i % 2 == 0 ? 0xFFFFFF : 0), delay: 5) }
        }
        #expect(writer.sink.aborted && !writer.sink.committed)
        #expect(throws: GIFError.self) { try writer.add(big, delay: 5) }
        // A wrong frame size is a GIFError too.
        let other = try GIFWriter(width: 8, height: 8, palette: palette, sink: MemoryGIFSink())
        #expect(throws: GIFError.self) { try other.add(RGBImage(width: 4, height: 4, filledWith: 0), delay: 5) }
        #expect(throws: GIFError.self) { try GIFWriter(width: 0, height: 8, palette: palette, sink: MemoryGIFSink()) }
        #expect(throws: GIFError.self) { try other.close() }  // no frames
    }

    /// A file sink whose writes fail: nothing appears at the destination, no temporary is left,
    /// and a good file already there is untouched.
    @Test func fileSinkNeverLeavesATruncatedGIF() throws {
        var memory = MemoryGIFSink()
        memory = try Self.encode(into: memory).sink
        try #require(memory.bytes.count > 300, "the scenario must outgrow the failing budget")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gmmgif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let destination = dir.appendingPathComponent("out.gif").path

        struct LimitedFile: GIFSink {
            let file: FileGIFSink
            var budget: Int
            mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
                budget -= bytes.count
                if budget < 0 { throw Boom() }
                try file.write(bytes)
            }
            mutating func commit() throws { try file.commit() }
            mutating func abort() { file.abort() }
        }

        #expect(throws: GIFError.self) {
            _ = try Self.encode(into: LimitedFile(file: try FileGIFSink(path: destination), budget: 300))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)

        // A complete run commits; a failing run afterwards leaves that file alone.
        _ = try Self.encode(into: try FileGIFSink(path: destination))
        let good = try Data(contentsOf: URL(fileURLWithPath: destination))
        #expect(try DecodedGIF([UInt8](good)).frames.count == 4)
        #expect(throws: GIFError.self) {
            _ = try Self.encode(into: LimitedFile(file: try FileGIFSink(path: destination), budget: 300))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: destination)) == good)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.gif"])
    }

    @Test func fileSinkInMissingDirectoryNamesTheCall() {
        #expect {
            _ = try FileGIFSink(path: "/nonexistent-gmmgif/dir/out.gif")
        } throws: { ($0 as? FileError) == FileError(path: "/nonexistent-gmmgif/dir/out.gif", call: .mkstemp, code: ENOENT) }
    }
}
