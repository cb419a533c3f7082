import Foundation
@testable import GMM
import Testing

/// The reader of whole files in parts read at once, and the byte scans it and the CSV reader use.
@Suite("InputFile parallel read and byte scans")
struct InputFilePartsTests {
    @Test func countAndInspectAgreeWithByteLoops() {
        var rng = SeededGenerator(seed: 11)
        var bytes = [UInt8](repeating: 0, count: 5000)
        for i in bytes.indices { bytes[i] = [UInt8(ascii: "\n"), UInt8(ascii: "1"), 0x0A ^ 0x80, 0x8A, 0x7F, 0][Int(rng.next() % 6)] }
        bytes.withUnsafeBufferPointer { all in
            for _ in 0 ..< 400 {
                let start = Int(rng.next() % 600)
                let count = Int(rng.next() % UInt64(all.count - start))
                let part = UnsafeBufferPointer(rebasing: all[start ..< start + count])
                for byte: UInt8 in [0x0A, 0x0D, 0, 0x8A] {
                    #expect(ByteScan.count(byte, in: part) == part.filter { $0 == byte }.count)
                }
                let seen = ByteScan.inspect(part)
                #expect(seen.hasNUL == part.contains(0))
                #expect(seen.isASCII == part.allSatisfy { $0 < 0x80 })
            }
        }
        let lines = [UInt8](repeating: 0x0A, count: 100_003)
        #expect(lines.withUnsafeBufferPointer { ByteScan.count(0x0A, in: $0) } == 100_003)
    }

    @Test(arguments: [1, 2, 3, 5, 8])
    func partsGiveTheFileAndItsFirstProblem(readers: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SeededGenerator(seed: UInt64(readers))
        let bytes = (0 ..< 300_001).map { _ in UInt8(32 + rng.next() % 90) }
        let file = dir.appendingPathComponent("a.txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let text = try InputFile.readText(path: file, kind: .samples, readers: readers)
        #expect(text.bytes == bytes)
        #expect(text.isASCII)

        var accented = bytes
        accented[299_000] = 0xC3
        accented[299_001] = 0xA9
        try Data(accented).write(to: URL(fileURLWithPath: file))
        let read = try InputFile.readText(path: file, kind: .samples, readers: readers)
        #expect(read.bytes == accented && !read.isASCII)

        // A NUL byte in the last part stops the read with the same error as one reader.
        var binary = bytes
        binary[300_000] = 0
        try Data(binary).write(to: URL(fileURLWithPath: file))
        #expect { try InputFile.readText(path: file, kind: .samples, readers: readers) } throws: {
            "\($0)" == "\(file): contains NUL bytes, so it is a binary file, not text"
        }
        #expect { try InputFile.readText(path: file, kind: .samples, maxBytes: 1000, readers: readers) } throws: {
            "\($0)".contains("larger than")
        }

        // A file shorter than its parts expect (truncated after fstat) is reported as such,
        // so that the reader starts again with one thread.
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let fd = open(file, O_RDONLY)
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: bytes.count + 5000)
        let outcome = buffer.withUnsafeMutableBufferPointer { b in
            b.baseAddress.map { InputFile.readParts(fd, into: $0, size: b.count, parts: readers + 1) }
        }
        #expect(outcome?.failure == .short)
    }
}
