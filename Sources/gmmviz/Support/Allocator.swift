internal import CMalloc

/// The C allocator's settings for a run of the command.
///
/// A frame's buffers (pixels, PNG rows, compressed data, palette indices) are 0.5–2.5 MB each,
/// above glibc's default threshold for serving a block with its own `mmap`. Each such block
/// comes back to the kernel when freed, and its replacement for the next frame is faulted in
/// page by page and zeroed again: on the demo's like-for-like render about a tenth of the
/// process's CPU time went to page faults. Serving them from the heap and keeping freed memory
/// there lets each worker reuse the same pages frame after frame. The process is short-lived
/// and its peak memory is bounded by the frames in flight, so nothing is lost by not trimming.
enum Allocator {
    /// Blocks up to this size come from the heap.
    static let mmapThreshold: Int32 = 32 << 20
    /// The heap is returned to the kernel only above this much free memory at its top.
    static let trimThreshold: Int32 = 256 << 20

    static func configure() {
        // mallopt returns 0 for a setting it refused; the defaults then stay, which is only slower.
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
    }
}
