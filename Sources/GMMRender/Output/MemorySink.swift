internal import CCairo

/// The byte sink Cairo's stream surfaces write into: a growing in-memory buffer.
///
/// Encoders write to memory; a file is written from the finished bytes in one atomic step
/// (GMMFiles' `AtomicFile`), so tests and the GIF pipeline never touch the disk.
final class MemorySink {
    private(set) var bytes: [UInt8] = []

    func append(_ data: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: data)
    }

    /// The pointer handed to Cairo as the stream's closure; valid while `self` is alive.
    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// `cairo_write_func_t` appending to the ``MemorySink`` passed as closure. Captures nothing, as a
/// C function pointer must.
let memorySinkWrite: cairo_write_func_t = { closure, data, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<MemorySink>.fromOpaque(closure).takeUnretainedValue()
    if let data, length > 0 { sink.append(UnsafeBufferPointer(start: data, count: Int(length))) }
    return CAIRO_STATUS_SUCCESS
}
