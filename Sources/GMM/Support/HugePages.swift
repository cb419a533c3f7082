#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to back a large buffer with 2 MiB pages where it can.
enum HugePages {
    static let size = 2 << 20

    /// Advises `MADV_HUGEPAGE` for the whole 2 MiB pages inside `start ..< start + byteCount`.
    static func advise(_ start: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
        let first = (Int(bitPattern: start) + size - 1) & ~(size - 1)
        let last = (Int(bitPattern: start) + byteCount) & ~(size - 1)
        guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pointer, last - first, MADV_HUGEPAGE)
        #endif
    }
}
