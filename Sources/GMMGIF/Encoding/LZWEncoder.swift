/// GIF's variable-width LZW compressor, for image data handed to giflib with `EGifPutCode`.
///
/// giflib's own compressor (`EGifPutLine`) clears its string table the moment it holds 4,095
/// codes. On animation frames that are mostly runs of the transparent index, the full table is
/// what makes the rest of the frame cheap, and throwing it away cost 2.5–3 % of the file on the
/// demo (gifsicle -O3 recompressed giflib's output by that much). This compressor keeps a full
/// table ("deferred clear", legal since GIF87a and decoded by giflib) while it pays, using
/// gifsicle's rule (`gifwrite.c`): with a full table, clear when the average code (an
/// exponentially weighted mean, weight 1/16) covers fewer than `36 / minCodeSize` pixels, or
/// when the rest of the image would still take more than ``staleCodes`` average codes.
/// Never clearing was 30–40 % worse; these thresholds were the best of those tried on the demo
/// and synthetic plot frames (1,000 codes rather than gifsicle's 3,000).
///
/// Codes are emitted exactly as GIF decoders expect: a clear code first, code width growing
/// from `minCodeSize + 1` bits when the next code to be defined exceeds the current width's
/// range, at most 12 bits, the end code last; bytes packed least significant bit first.
final class LZWEncoder {
    private static let tableBits = 13
    private static let tableMask = (1 << tableBits) - 1
    private static let maxCodes = 4096
    /// Clear when the average code covers fewer than `shortRun / minCodeSize` pixels.
    static let shortRun = 36.0
    /// Clear when the rest of the image would take more than this many average codes.
    static let staleCodes = 1000.0

    let minCodeSize: Int
    private let clearCode: Int
    private let keys: UnsafeMutablePointer<UInt32>
    private let codes: UnsafeMutablePointer<UInt16>

    private var bytes: [UInt8] = []
    private var accumulator: UInt64 = 0
    private var pending = 0
    private var codeBits = 0
    private var nextCode = 0

    /// `bitsPerPixel`: the colour table's bits per index, 1...8 (giflib writes at least 2).
    init(bitsPerPixel: Int) {
        minCodeSize = max(2, bitsPerPixel)
        clearCode = 1 << minCodeSize
        keys = .allocate(capacity: 1 << Self.tableBits)
        codes = .allocate(capacity: 1 << Self.tableBits)
        keys.initialize(repeating: 0, count: 1 << Self.tableBits)
        codes.initialize(repeating: 0, count: 1 << Self.tableBits)
    }

    deinit {
        keys.deallocate()
        codes.deallocate()
    }

    /// The compressed data of `pixels` (each < 2^minCodeSize) as GIF sub-blocks: a length
    /// byte and up to 255 data bytes each, without the leading code-size byte (giflib's
    /// `EGifPutImageDesc` writes it) and without the terminating empty block.
    func compress(_ pixels: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        bytes.removeAll(keepingCapacity: true)
        accumulator = 0
        pending = 0
        codeBits = minCodeSize + 1
        clearTable()
        var current = -1
        var run = 0
        var averageRun = 1.0
        let count = pixels.count
        for (i, pixel) in pixels.enumerated() {
            guard current >= 0 else { current = Int(pixel); run = 1; continue }
            let key = UInt32(current) << 8 | UInt32(pixel) + 1
            var s = slot(key)
            var found = -1
            while true {
                let k = keys[s]
                if k == key { found = Int(codes[s]); break }
                if k == 0 { break }
                s = (s + 1) & Self.tableMask
            }
            if found >= 0 { current = found; run += 1; continue }
            if nextCode < Self.maxCodes {
                keys[s] = key
                codes[s] = UInt16(nextCode)
                nextCode += 1
            }
            write(current)
            if nextCode > 1 << codeBits && codeBits < 12 { codeBits += 1 }
            averageRun += (Double(run) - averageRun) / 16
            current = Int(pixel)
            run = 1
            if nextCode >= Self.maxCodes - 1 && shouldClear(averageRun: averageRun, pixelsLeft: count - i) {
                write(current)
                clearTable()
                current = -1
                averageRun = 1
            }
        }
        if current >= 0 { write(current) }
        write(clearCode + 1)
        if pending > 0 { bytes.append(UInt8(truncatingIfNeeded: accumulator)) }
        return Self.subBlocks(bytes)
    }

    /// With a full table: clear when codes cover few pixels on average (the table no longer
    /// fits the image), or when more than ``staleCodes`` average codes remain.
    @inline(__always)
    private func shouldClear(averageRun: Double, pixelsLeft: Int) -> Bool {
        averageRun < Self.shortRun / Double(minCodeSize) || Double(pixelsLeft) > Self.staleCodes * averageRun
    }

    /// Writes a clear code at the current width, then starts an empty table.
    private func clearTable() {
        write(clearCode)
        keys.update(repeating: 0, count: 1 << Self.tableBits)
        codeBits = minCodeSize + 1
        nextCode = clearCode + 2
    }

    @inline(__always)
    private func slot(_ key: UInt32) -> Int {
        Int((key &* 0x9E37_79B1) >> UInt32(32 - Self.tableBits))
    }

    @inline(__always)
    private func write(_ code: Int) {
        accumulator |= UInt64(code) << UInt64(pending)
        pending += codeBits
        while pending >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: accumulator))
            accumulator >>= 8
            pending -= 8
        }
    }

    private static func subBlocks(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + data.count / 255 + 1)
        var start = 0
        while start < data.count {
            let n = min(255, data.count - start)
            out.append(UInt8(n))
            out.append(contentsOf: data[start..<(start + n)])
            start += n
        }
        return out
    }
}
