#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to back a large buffer that is about to be filled with 2 MiB pages.
///
/// A new buffer's memory is mapped on first touch, one 4 KiB page fault at a time: filling the
/// 39 MB of a million-row CSV and its 16 MB of values took over 10,000 faults, about 15 ms of
/// kernel time per read. When transparent huge pages are in `madvise` mode, the advice makes
/// each aligned 2 MiB of the buffer one fault (in `always` mode that is so anyway). It is only
/// advice: where huge pages are off or none is free, the kernel uses small pages and nothing
/// else changes. The buffers advised are filled front to back right away (the values array
/// by each piece from its own start), so what is committed beyond what is written is at most
/// part of one 2 MiB page per writer.
enum HugePages {
    static let size = 2 << 20

    /// Advises `MADV_HUGEPAGE` for the whole 2 MiB pages inside `start ..< start + byteCount`
    /// (none for a small buffer).
    static func advise(_ start: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
        let first = (Int(bitPattern: start) + size - 1) & ~(size - 1)
        let last = (Int(bitPattern: start) + byteCount) & ~(size - 1)
        guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pointer, last - first, MADV_HUGEPAGE)
        #endif
    }
}
