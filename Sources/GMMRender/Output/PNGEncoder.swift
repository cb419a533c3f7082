internal import CDeflate

/// The PNG encoder of frames: 8-bit RGB, filter `None`, the zlib stream made by libdeflate.
///
/// Cairo's PNG writer goes through libpng at zlib's default level with adaptive filtering:
/// about 20 ms for a 1000×600 frame, ten times the cost of drawing it. Plot frames are mostly
/// runs of one colour and rows that repeat the row above, which DEFLATE says as matches at
/// distance 3 and at the row's length; libdeflate, the fastest DEFLATE implementation, finds
/// them and codes them with Huffman tables fitted to the frame. `gmmviz-bench png` measures it
/// against the hand-written fixed-Huffman encoder gmmviz used before, on the demo's frames:
/// about twice its time, for files about a fifth smaller.
///
/// A libdeflate compressor is not thread-safe; each call allocates its own (a few hundred
/// kilobytes at level 1, microseconds against the milliseconds of compression), so frames can
/// be encoded on many threads at once.
enum PNGEncoder {
    /// libdeflate's level. On the demo's frames (thread CPU time, `gmmviz-bench png`) levels 2
    /// and 3 are the fastest (level 1's different match finder is slower here), level 3 writes
    /// 18 % less than the hand-written encoder, and level 6 another 6 % less for 15 % more time.
    static let level: Int32 = 3

    /// The PNG file of `width` × `height` pixels `0x00RRGGBB`, row-major, top row first.
    static func encode(width: Int, height: Int, pixels: [UInt32]) throws -> [UInt8] {
        let raw = rawRows(width: width, height: height, pixels: pixels)
        let zlib = try compress(raw)

        var png = [UInt8]()
        png.reserveCapacity(zlib.count + 57)  // signature 8, IHDR 25, IDAT 12 + data, IEND 12
        png += [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header = [UInt8]()
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8 bits, truecolour, deflate, adaptive filtering, no interlace
        chunk("IHDR", header, into: &png)
        chunk("IDAT", zlib, into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    /// The image data before compression: per row the filter byte 0 (`None`), then 3 bytes per
    /// pixel. libdeflate finds a frame's runs (matches at distance 3) and repeated rows
    /// (matches at the row's length) in the raw bytes; PNG's `Up` filter, tried on rows that
    /// repeat the row above, made the demo's files 5 % larger and no faster, so every row is
    /// written as it is.
    static func rawRows(width: Int, height: Int, pixels: [UInt32]) -> [UInt8] {
        let rowLength = 1 + 3 * width
        // Every byte is written below (the filter byte, then each pixel's three), so the buffer
        // starts uninitialised rather than zeroed.
        return [UInt8](unsafeUninitializedCapacity: rowLength * height) { outBuffer, count in
            count = 0
            pixels.withUnsafeBufferPointer { pxBuffer in
                guard let out = outBuffer.baseAddress, let px = pxBuffer.baseAddress,
                      pxBuffer.count >= width * height else { return }
                for y in 0 ..< height {
                    let row = px + y * width
                    out[y * rowLength] = 0  // filter None
                    var o = out + y * rowLength + 1
                    for x in 0 ..< width {
                        let p = row[x]
                        o[0] = UInt8(truncatingIfNeeded: p >> 16)
                        o[1] = UInt8(truncatingIfNeeded: p >> 8)
                        o[2] = UInt8(truncatingIfNeeded: p)
                        o += 3
                    }
                }
                count = rowLength * height
            }
        }
    }

    /// `data` as a zlib stream (what a PNG's IDAT chunks hold).
    static func compress(_ data: [UInt8]) throws -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            throw RenderError.compression(call: "libdeflate_alloc_compressor", problem: "returned NULL (out of memory)")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, data.count)
        var written = 0
        let out = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            data.withUnsafeBytes { input in
                written = libdeflate_zlib_compress(compressor, input.baseAddress, input.count, buffer.baseAddress, bound)
            }
            count = written
        }
        // The bound is libdeflate's own worst case, so 0 ("did not fit") cannot happen.
        guard written > 0 else {
            throw RenderError.compression(call: "libdeflate_zlib_compress", problem: "the output exceeded libdeflate's own bound")
        }
        return out
    }

    /// CRC-32 as PNG chunks use it (libdeflate's implementation).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        crc32(bytes, after: 0)
    }

    /// The CRC-32 of the bytes before `bytes` (`crc`) continued over `bytes`.
    static func crc32(_ bytes: [UInt8], after crc: UInt32) -> UInt32 {
        bytes.withUnsafeBytes { UInt32(libdeflate_crc32(crc, $0.baseAddress, $0.count)) }
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
    }

    private static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        png += bigEndian(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        png += typeBytes
        png += data
        // A chunk's CRC covers its type and data, continued so the data is not copied.
        png += bigEndian(crc32(data, after: crc32(typeBytes)))
    }
}
