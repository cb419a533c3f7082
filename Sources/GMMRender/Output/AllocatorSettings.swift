internal import CMalloc

/// The C allocator's settings for a process that renders many frames.
///
/// A frame's buffers (pixels, PNG rows, compressed data, palette indices) are 0.5–2.5 MB each,
/// above glibc's default threshold for serving a block with its own `mmap`. Each such block
/// goes back to the kernel when freed, and its replacement for the next frame is faulted in
/// page by page and zeroed again: on a 101-frame render about a tenth of the process's CPU
/// time went to page faults (92,000 of them; 18,000 with these settings). Serving the blocks
/// from the heap and keeping freed memory there lets each worker reuse the same pages frame
/// after frame; peak memory stays bounded by the frames in flight.
///
/// The settings are process-wide, so the library never applies them itself: a command-line
/// tool calls ``configureForFrames()`` before it renders (the `gmmviz` CLI does, and only
/// then: `fit` keeps glibc's defaults, which give a large freed block back at once); an
/// application that embeds the library decides for its own process.
public enum AllocatorSettings {
    /// Blocks up to this size come from the heap.
    static let mmapThreshold: Int32 = 32 << 20
    /// The heap is returned to the kernel only above this much free memory at its top.
    static let trimThreshold: Int32 = 256 << 20

    /// Raises glibc's mmap and trim thresholds (`mallopt`) so that frame-sized blocks are
    /// reused from the heap. Harmless to call more than once.
    public static func configureForFrames() {
        // mallopt returns 0 for a setting it refused; the defaults then stay, which is only slower.
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
    }
}
