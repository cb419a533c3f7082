// The PNG encoder gmmviz used before libdeflate: filter None, one fixed-Huffman deflate block,
// matches looked for only at the previous pixel and the pixel above. Kept here, outside the
// library, as the baseline `gmmviz-bench png` measures libdeflate against (time and size).

/// The hand-written PNG encoder: 8-bit RGB, filter None, one fixed-Huffman deflate block.
enum HandwrittenPNG {
    /// The PNG file of `width` × `height` pixels `0x00RRGGBB`, row-major, top row first.
    static func encode(width: Int, height: Int, pixels: [UInt32]) -> [UInt8] {
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

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(zlib.count + 64)
        var header = [UInt8]()
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8 bits, truecolour, deflate, adaptive filtering, no interlace
        chunk("IHDR", header, into: &png)
        chunk("IDAT", zlib, into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
    }

    private static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        png += bigEndian(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        png += typeBytes
        png += data
        png += bigEndian(Checksums.crc32(typeBytes + data))
    }
}

/// CRC-32 (PNG chunks) and Adler-32 (zlib streams).
enum Checksums {
    private static let crcTable: [UInt32] = (0 ..< 256).map { n in
        var c = UInt32(n)
        for _ in 0 ..< 8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        crcTable.withUnsafeBufferPointer { table in
            for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        return c ^ 0xFFFF_FFFF
    }

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
