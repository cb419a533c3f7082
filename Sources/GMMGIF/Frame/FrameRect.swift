import Foundation

/// A rectangle of a frame in pixels, origin at the top-left corner.
struct FrameRect: Equatable, Sendable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    var area: Int { width * height }

    /// The smallest rectangle holding every pixel where `a` and `b` differ, or `nil` when they
    /// are identical. Both are `width × height` index buffers, row-major.
    static func changed(between a: [UInt8], and b: [UInt8], width: Int, height: Int) -> FrameRect? {
        precondition(a.count == width * height && b.count == width * height)
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                var top = -1
                for y in 0..<height where !rowsEqual(pa, pb, y * width, width) { top = y; break }
                if top < 0 { return nil }
                var bottom = top
                for y in stride(from: height - 1, to: top, by: -1)
                where !rowsEqual(pa, pb, y * width, width) { bottom = y; break }
                var left = width
                var right = -1
                for y in top...bottom {
                    let row = y * width
                    var x = 0
                    while x < left && pa[row + x] == pb[row + x] { x += 1 }
                    if x < left { left = x }
                    var r = width - 1
                    while r > right && pa[row + r] == pb[row + r] { r -= 1 }
                    if r > right { right = r }
                }
                return FrameRect(x: left, y: top, width: right - left + 1, height: bottom - top + 1)
            }
        }
    }

    private static func rowsEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>,
                                  _ start: Int, _ count: Int) -> Bool {
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa + start, pb + start, count) == 0
    }
}
