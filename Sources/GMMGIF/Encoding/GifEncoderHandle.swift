internal import CGIF

/// Owns one giflib encoder (`GifFileType*` from `EGifOpen`) and the buffer its output callback
/// appends to. The only place GMMGIF calls `EGif*`, and the one place giflib status codes become
/// ``GIFError``s naming the call.
///
/// giflib writes through a C callback that captures nothing; it finds this object's
/// ``OutputBuffer`` through `UserData`. The callback never calls the sink: a sink may throw, and
/// an error cannot cross C frames. It only appends to memory; ``GIFWriter`` hands the bytes to
/// the sink after each giflib call, so sink errors surface as Swift errors in the right place.
final class GifEncoderHandle {
    /// Bytes giflib has produced and the writer has not yet passed to the sink.
    final class OutputBuffer {
        var bytes: [UInt8] = []
        var total = 0
    }

    let output = OutputBuffer()
    private var gif: UnsafeMutablePointer<GifFileType>?

    init() throws {
        var error: Int32 = 0
        let user = Unmanaged.passUnretained(output).toOpaque()
        let handle = EGifOpen(user, { gif, data, length in
            guard let gif, let user = gif.pointee.UserData, length >= 0 else { return 0 }
            let buffer = Unmanaged<OutputBuffer>.fromOpaque(user).takeUnretainedValue()
            if let data, length > 0 {
                buffer.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                buffer.total += Int(length)
            }
            return length
        }, &error)
        guard let handle else { throw Self.error("EGifOpen", error) }
        gif = handle
        // Without this giflib writes "GIF87a", which has no animation extensions.
        EGifSetGifVersion(handle, true)
    }

    deinit {
        // EGifCloseFile frees the handle even when it fails.
        if let gif { EGifCloseFile(gif, nil) }
    }

    private func handle(_ call: String) throws -> UnsafeMutablePointer<GifFileType> {
        guard let gif else {
            throw GIFError(call: call, code: nil, message: "the encoder is already closed",
                           fix: "create a new GIFWriter for each GIF")
        }
        return gif
    }

    /// Checks a giflib status; on failure reads `GifFileType.Error`.
    private func check(_ status: Int32, _ call: String) throws {
        guard status == GIF_OK else { throw Self.error(call, gif?.pointee.Error ?? 0) }
    }

    /// Logical screen descriptor with `table` (a power of two of `0x00RRGGBB`) as global map.
    func putScreen(width: Int, height: Int, table: [UInt32]) throws {
        let gif = try handle("EGifPutScreenDesc")
        let map = try Self.colorMap(table)
        // EGifPutScreenDesc copies the map: free ours either way.
        defer { GifFreeMapObject(map) }
        try check(EGifPutScreenDesc(gif, Int32(width), Int32(height), map.pointee.BitsPerPixel, 0, map),
                  "EGifPutScreenDesc")
    }

    /// A giflib colour map of `table` (a power of two of `0x00RRGGBB`), for the caller to free.
    private static func colorMap(_ table: [UInt32]) throws -> UnsafeMutablePointer<ColorMapObject> {
        var colors = table.map {
            GifColorType(Red: UInt8(($0 >> 16) & 0xFF), Green: UInt8(($0 >> 8) & 0xFF), Blue: UInt8($0 & 0xFF))
        }
        guard let map = GifMakeMapObject(Int32(table.count), &colors) else {
            throw GIFError(call: "GifMakeMapObject", code: nil,
                           message: "giflib refused a colour table of \(table.count) entries",
                           fix: "the table size must be a power of two from 2 to 256")
        }
        return map
    }

    /// An image descriptor for `rect`, with `table` as its local colour table if given.
    private func putImageDescriptor(_ gif: UnsafeMutablePointer<GifFileType>, _ rect: FrameRect,
                                    table: [UInt32]?) throws {
        let map = try table.map(Self.colorMap)
        // EGifPutImageDesc copies the map: free ours either way.
        defer { if let map { GifFreeMapObject(map) } }
        try check(EGifPutImageDesc(gif, Int32(rect.x), Int32(rect.y), Int32(rect.width), Int32(rect.height),
                                   false, map), "EGifPutImageDesc")
    }

    /// The NETSCAPE2.0 application block: loop `count` times, 0 = forever.
    func putLoop(count: Int) throws {
        let gif = try handle("EGifPutExtensionLeader")
        try check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), "EGifPutExtensionLeader")
        var id = Array("NETSCAPE2.0".utf8)
        try check(EGifPutExtensionBlock(gif, Int32(id.count), &id), "EGifPutExtensionBlock")
        var loop: [UInt8] = [1, UInt8(count & 0xFF), UInt8((count >> 8) & 0xFF)]
        try check(EGifPutExtensionBlock(gif, Int32(loop.count), &loop), "EGifPutExtensionBlock")
        try check(EGifPutExtensionTrailer(gif), "EGifPutExtensionTrailer")
    }

    /// A Graphics Control Extension: `delay` in 1/100 s, disposal "do not dispose", and
    /// `transparent` as the transparent index if given.
    func putControl(delay: Int, transparent: UInt8?) throws {
        let gif = try handle("EGifPutExtension")
        var block = GraphicsControlBlock(DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false,
                                         DelayTime: Int32(delay),
                                         TransparentColor: transparent.map { Int32($0) } ?? NO_TRANSPARENT_COLOR)
        var bytes = [UInt8](repeating: 0, count: 4)
        let length = EGifGCBToExtension(&block, &bytes)
        try check(EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, Int32(length), &bytes), "EGifPutExtension")
    }

    /// An image descriptor for `rect` (with `table` as local colour table, if given) and its
    /// pixels, `rect.width × rect.height` indices, row-major. Rows are copied to a scratch row
    /// first: `EGifPutLine` masks its buffer in place.
    func putImage(_ rect: FrameRect, table: [UInt32]? = nil, pixels: [UInt8]) throws {
        let gif = try handle("EGifPutImageDesc")
        try putImageDescriptor(gif, rect, table: table)
        var row = [UInt8](repeating: 0, count: rect.width)
        for y in 0..<rect.height {
            let start = y * rect.width
            row.withUnsafeMutableBufferPointer { dst in
                pixels.withUnsafeBufferPointer { src in
                    guard let d = dst.baseAddress, let s = src.baseAddress else { return }
                    d.update(from: s + start, count: rect.width)
                }
            }
            try check(EGifPutLine(gif, &row, Int32(rect.width)), "EGifPutLine")
        }
    }

    /// An image descriptor for `rect` (with `table` as local colour table, if given) and its
    /// data already compressed by ``LZWEncoder`` (`blocks`: sub-blocks, each a length byte and
    /// its data). `EGifPutImageDesc` writes the code-size byte; `EGifPutCode`/`EGifPutCodeNext`
    /// copy each sub-block as is, and `EGifPutCodeNext(NULL)` writes the terminator.
    func putImage(_ rect: FrameRect, table: [UInt32]? = nil, compressed blocks: [UInt8]) throws {
        let gif = try handle("EGifPutImageDesc")
        try putImageDescriptor(gif, rect, table: table)
        try blocks.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let block = base + offset
                try check(offset == 0 ? EGifPutCode(gif, 0, block) : EGifPutCodeNext(gif, block),
                          offset == 0 ? "EGifPutCode" : "EGifPutCodeNext")
                offset += Int(block.pointee) + 1
            }
        }
        try check(EGifPutCodeNext(gif, nil), "EGifPutCodeNext")
    }

    /// Writes the trailer and frees the handle.
    func close() throws {
        let gif = try handle("EGifCloseFile")
        self.gif = nil
        var error: Int32 = 0
        guard EGifCloseFile(gif, &error) == GIF_OK else { throw Self.error("EGifCloseFile", error) }
    }

    /// A ``GIFError`` for giflib's `code`, with its message and the fix where there is one.
    static func error(_ call: String, _ code: Int32) -> GIFError {
        let message = GifErrorString(code).map { String(cString: $0) } ?? "unknown giflib error"
        let fix: String? = switch code {
        case E_GIF_ERR_WRITE_FAILED, E_GIF_ERR_DISK_IS_FULL, E_GIF_ERR_CLOSE_FAILED:
            "check that the destination is writable and the disk has free space"
        case E_GIF_ERR_NOT_ENOUGH_MEM:
            "free memory or encode smaller frames"
        case E_GIF_ERR_DATA_TOO_BIG, E_GIF_ERR_HAS_SCRN_DSCR, E_GIF_ERR_HAS_IMAG_DSCR, E_GIF_ERR_NO_COLOR_MAP:
            "this is a bug in GMMGIF's call sequence: please report it with the frame sizes"
        default: nil
        }
        return GIFError(call: call, code: code, message: message, fix: fix)
    }
}
