/// A model of giflib's LZW compressor that counts output bits instead of writing them.
///
/// It follows `EGifCompressLine` step for step: greedy longest match over a string table keyed by
/// (prefix code, pixel), codes widening from `minCodeSize + 1` to 12 bits as the table grows,
/// and a clear code when the table reaches 4,095 codes. Feeding it the same pixels gives the same
/// code count as giflib, so it can compare ways of writing a frame before encoding one. It also
/// stands for ``LZWEncoder``, which behaves identically until its string table is full; on the
/// rows the planner samples that is close enough to rank two candidates.
///
/// A class over raw storage so the hot loop has no bounds or uniqueness checks; the frame planner
/// keeps its models and ``reset()``s them per frame.
final class LZWCostModel {
    private static let tableBits = 13
    private static let tableMask = (1 << tableBits) - 1
    private static let maxCode = 4095

    /// Open-addressing table: key `prefix << 8 | pixel + 1` (0 = empty) → code.
    private let keys: UnsafeMutablePointer<UInt32>
    private let codes: UnsafeMutablePointer<UInt16>
    private let clearCode: Int
    private let minCodeSize: Int
    private var runningCode: Int
    private var runningBits: Int
    private var maxCode1: Int
    /// The code of the string matched so far, or -1 before the first pixel.
    private var current = -1
    /// Bits emitted so far (the leading clear code included).
    private(set) var bits: Int

    /// `bitsPerPixel`: the colour table's bits per index, 1...8.
    init(bitsPerPixel: Int) {
        minCodeSize = max(2, bitsPerPixel)
        clearCode = 1 << minCodeSize
        runningCode = clearCode + 2
        runningBits = minCodeSize + 1
        maxCode1 = 1 << runningBits
        keys = .allocate(capacity: 1 << Self.tableBits)
        codes = .allocate(capacity: 1 << Self.tableBits)
        keys.initialize(repeating: 0, count: 1 << Self.tableBits)
        codes.initialize(repeating: 0, count: 1 << Self.tableBits)
        bits = runningBits  // giflib starts every image with a clear code
    }

    deinit {
        keys.deallocate()
        codes.deallocate()
    }

    /// Starts a new image.
    func reset() {
        runningCode = clearCode + 2
        runningBits = minCodeSize + 1
        maxCode1 = 1 << runningBits
        keys.update(repeating: 0, count: 1 << Self.tableBits)
        current = -1
        bits = runningBits
    }

    @inline(__always)
    private func slot(_ key: UInt32) -> Int {
        Int((key &* 0x9E37_79B1) >> UInt32(32 - Self.tableBits))
    }

    @inline(__always)
    private func lookup(_ prefix: Int, _ pixel: UInt8) -> Int {
        let key = UInt32(prefix) << 8 | UInt32(pixel) + 1
        var s = slot(key)
        while true {
            let k = keys[s]
            if k == key { return Int(codes[s]) }
            if k == 0 { return -1 }
            s = (s + 1) & Self.tableMask
        }
    }

    /// Appends one pixel.
    @inline(__always)
    func push(_ pixel: UInt8) {
        guard current >= 0 else { current = Int(pixel); return }
        let code = lookup(current, pixel)
        if code >= 0 { current = code; return }
        emit()
        let key = UInt32(current) << 8 | UInt32(pixel) + 1
        current = Int(pixel)
        if runningCode >= Self.maxCode {
            bits += runningBits  // clear code
            runningCode = clearCode + 2
            runningBits = minCodeSize + 1
            maxCode1 = 1 << runningBits
            keys.update(repeating: 0, count: 1 << Self.tableBits)
        } else {
            var s = slot(key)
            while keys[s] != 0 { s = (s + 1) & Self.tableMask }
            keys[s] = key
            codes[s] = UInt16(runningCode)
            runningCode += 1
        }
    }

    @inline(__always)
    private func emit() {
        bits += runningBits
        if runningCode >= maxCode1 && runningBits < 12 {
            runningBits += 1
            maxCode1 <<= 1
        }
    }

    /// Bytes of the image data as written: the last code and the end code, packed into
    /// sub-blocks of up to 255 bytes with a length byte each, plus the code-size byte and the
    /// block terminator.
    func finishedByteCount() -> Int {
        let total = bits + (current >= 0 ? runningBits : 0) + 12
        let bytes = (total + 7) / 8
        return bytes + (bytes + 254) / 255 + 2
    }
}
