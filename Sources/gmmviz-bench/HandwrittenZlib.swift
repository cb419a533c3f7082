// The compressor of gmmviz's PNG frames before libdeflate: filter None, one fixed-Huffman
// deflate block, matches looked for only at the previous pixel and the pixel above. Kept here,
// outside the library, as the baseline `gmmviz-bench png` measures libdeflate against (time and
// size). Only the zlib stream is made here: the PNG container around it (signature, IHDR, IDAT,
// IEND, their CRCs) is the library's, the same for either stream, so it is written once, there.

/// The hand-written zlib stream of a frame: 8-bit RGB rows, filter None, one fixed-Huffman
/// deflate block.
enum HandwrittenZlib {
    /// The zlib stream (a PNG's IDAT data) of `width` × `height` pixels `0x00RRGGBB`,
    /// row-major, top row first.
    static func compress(width: Int, height: Int, pixels: [UInt32]) -> [UInt8] {
        let rowLength = 1 + 3 * width
        var raw = [UInt8](repeating: 0, count: rowLength * height)
        raw.withUnsafeMutableBufferPointer { out in
            pixels.withUnsafeBufferPointer { px in
                for y in 0 ..< height {
                    var o = y * rowLength + 1  // byte 0 of each row: filter type None
                    for x in 0 ..< width {
                        let p = px[y * width + x]
                        out[o] = UInt8(truncatingIfNeeded: p >> 16)
                        out[o + 1] = UInt8(truncatingIfNeeded: p >> 8)
                        out[o + 2] = UInt8(truncatingIfNeeded: p)
                        o += 3
                    }
                }
            }
        }
        var zlib: [UInt8] = [0x78, 0x01]  // deflate, 32 KiB window, no dictionary, "fastest"
        zlib.reserveCapacity(raw.count / 8)
        Deflate.compress(raw, distances: [3, rowLength], into: &zlib)
        let adler = Checksums.adler32(raw)
        zlib += [UInt8(adler >> 24), UInt8(truncatingIfNeeded: adler >> 16), UInt8(truncatingIfNeeded: adler >> 8), UInt8(truncatingIfNeeded: adler)]
        return zlib
    }
}

/// Adler-32, the checksum that ends a zlib stream.
enum Checksums {
    /// Adler-32, reducing modulo 65521 only every 5552 bytes (the most that cannot overflow),
    /// eight bytes per step: b gains 8·a plus the bytes weighted 8, 7, …, 1.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        bytes.withUnsafeBufferPointer { buf in
            guard let p = buf.baseAddress else { return }
            var i = 0
            while i < buf.count {
                let end = min(buf.count, i + 5552)
                while i + 8 <= end {
                    let b0 = UInt32(p[i]), b1 = UInt32(p[i + 1]), b2 = UInt32(p[i + 2]), b3 = UInt32(p[i + 3])
                    let b4 = UInt32(p[i + 4]), b5 = UInt32(p[i + 5]), b6 = UInt32(p[i + 6]), b7 = UInt32(p[i + 7])
                    b &+= 8 &* a &+ 8 &* b0 &+ 7 &* b1 &+ 6 &* b2 &+ 5 &* b3 &+ 4 &* b4 &+ 3 &* b5 &+ 2 &* b6 &+ b7
                    a &+= b0 &+ b1 &+ b2 &+ b3 &+ b4 &+ b5 &+ b6 &+ b7
                    i += 8
                }
                while i < end {
                    a &+= UInt32(p[i])
                    b &+= a
                    i += 1
                }
                a %= 65521
                b %= 65521
            }
        }
        return b << 16 | a
    }
}
