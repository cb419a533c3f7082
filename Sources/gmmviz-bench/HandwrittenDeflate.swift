/// A deflate (RFC 1951) compressor specialised for images: one block with the fixed Huffman
/// table, matches looked for only at a few given distances (for a frame: the previous pixel and
/// the pixel above).
enum Deflate {
    /// Appends the compressed form of `data` (one final block) to `out`.
    static func compress(_ data: [UInt8], distances: [Int], into out: inout [UInt8]) {
        var bits = BitWriter(out: out)
        out = []
        bits.write(0b1, count: 1)   // BFINAL
        bits.write(0b01, count: 2)  // BTYPE = fixed Huffman
        let candidates = distances.filter { $0 >= 1 && $0 <= 32768 }
        data.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            let n = buf.count
            var p = 0
            while p < n {
                var bestLength = 0, bestDistance = 0
                for d in candidates where d <= p {
                    let l = matchLength(base, p, d, min(258, n - p))
                    if l > bestLength { bestLength = l; bestDistance = d }
                }
                if bestLength >= 3 {
                    bits.writeLength(bestLength)
                    bits.writeDistance(bestDistance)
                    p += bestLength
                } else {
                    bits.writeLiteral(Int(base[p]))
                    p += 1
                }
            }
        }
        bits.writeLiteral(256)  // end of block
        out = bits.finish()
    }

    /// How many bytes from `p` equal those `d` before them, at most `limit` (overlapping copies
    /// are allowed in deflate, so a run of one pixel matches at distance 3).
    @inline(__always)
    private static func matchLength(_ base: UnsafePointer<UInt8>, _ p: Int, _ d: Int, _ limit: Int) -> Int {
        var l = 0
        let raw = UnsafeRawPointer(base)
        while l + 8 <= limit {
            let a = raw.loadUnaligned(fromByteOffset: p + l, as: UInt64.self)
            let b = raw.loadUnaligned(fromByteOffset: p + l - d, as: UInt64.self)
            if a != b { return l + (a ^ b).trailingZeroBitCount / 8 }
            l += 8
        }
        while l < limit, base[p + l] == base[p + l - d] { l += 1 }
        return l
    }
}

/// Writes deflate's LSB-first bit stream; Huffman codes are stored bit-reversed in tables.
private struct BitWriter {
    private var out: [UInt8]
    private var buffer: UInt64 = 0
    private var count = 0

    init(out: [UInt8]) { self.out = out }

    @inline(__always)
    mutating func write(_ value: UInt32, count n: Int) {
        buffer |= UInt64(value) << UInt64(count)
        count += n
        if count >= 32 {
            for _ in 0 ..< 4 {
                out.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
            }
            count -= 32
        }
    }

    @inline(__always)
    mutating func writeLiteral(_ symbol: Int) {
        let code = FixedHuffman.literal[symbol]
        write(code.bits, count: code.length)
    }

    @inline(__always)
    mutating func writeLength(_ length: Int) {
        let e = FixedHuffman.lengths[length]
        let code = FixedHuffman.literal[e.symbol]
        write(code.bits, count: code.length)
        if e.extraBits > 0 { write(e.extra, count: e.extraBits) }
    }

    @inline(__always)
    mutating func writeDistance(_ distance: Int) {
        var s = 0
        while FixedHuffman.distanceBase[s + 1] <= distance && s < 29 { s += 1 }
        write(FixedHuffman.distanceCode[s], count: 5)
        let extra = FixedHuffman.distanceExtra[s]
        if extra > 0 { write(UInt32(distance - FixedHuffman.distanceBase[s]), count: extra) }
    }

    mutating func finish() -> [UInt8] {
        while count > 0 {
            out.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= min(8, count)
        }
        return out
    }
}

/// Deflate's fixed Huffman codes (RFC 1951, 3.2.6), bit-reversed for the LSB-first stream.
private enum FixedHuffman {
    static func reversed(_ code: UInt32, _ length: Int) -> UInt32 {
        var r: UInt32 = 0
        for i in 0 ..< length where code & (1 << UInt32(i)) != 0 { r |= 1 << UInt32(length - 1 - i) }
        return r
    }

    /// Literal/length symbols 0…287: (reversed code, length).
    static let literal: [(bits: UInt32, length: Int)] = (0 ..< 288).map { v in
        switch v {
        case 0 ... 143: return (reversed(UInt32(0x30 + v), 8), 8)
        case 144 ... 255: return (reversed(UInt32(0x190 + v - 144), 9), 9)
        case 256 ... 279: return (reversed(UInt32(v - 256), 7), 7)
        default: return (reversed(UInt32(0xC0 + v - 280), 8), 8)
        }
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]

    /// For each match length 0…258: its symbol, extra bits and their value (entries below 3 unused).
    static let lengths: [(symbol: Int, extra: UInt32, extraBits: Int)] = (0 ... 258).map { l in
        guard l >= 3 else { return (257, 0, 0) }
        var i = lengthBase.count - 1
        while lengthBase[i] > l { i -= 1 }
        return (257 + i, UInt32(l - lengthBase[i]), lengthExtra[i])
    }

    /// Distance codes 0…29: base distance (with a sentinel), extra bits, reversed 5-bit code.
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577, 32769]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let distanceCode: [UInt32] = (0 ..< 30).map { reversed(UInt32($0), 5) }
}
