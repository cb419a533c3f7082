import CGIF

/// A GIF decoded with giflib's own decoder (`DGifOpen` over memory + `DGifSlurp`), with every
/// frame reconstructed on the canvas by the GIF89a rules: each image is drawn over what is on
/// screen, transparent pixels keep what is there, and disposal 1 ("do not dispose") leaves it.
public struct DecodedGIF {
    public var version: String
    public var width: Int
    public var height: Int
    public var loopCount: Int?
    public var globalColors: [UInt32]
    /// Per image: delay (1/100 s), disposal mode, transparent index or -1, and its rectangle.
    public var delays: [Int] = []
    public var disposals: [Int] = []
    public var transparentIndices: [Int] = []
    public var rects: [(x: Int, y: Int, w: Int, h: Int)] = []
    /// Per image: its local colour table, or nil when it uses the global one.
    public var localColors: [[UInt32]?] = []
    /// The full canvas after each image, `0x00RRGGBB`, row-major.
    public var frames: [[UInt32]] = []

    public struct Failure: Error, CustomStringConvertible { public var description: String }

    private final class Reader {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    public init(_ bytes: [UInt8]) throws {
        guard bytes.count >= 6 else { throw Failure(description: "only \(bytes.count) bytes") }
        version = String(decoding: bytes[0..<6], as: UTF8.self)
        let reader = Reader(bytes)
        var error: Int32 = 0
        let opened = DGifOpen(Unmanaged.passUnretained(reader).toOpaque(), { gif, buffer, length in
            guard let gif, let user = gif.pointee.UserData, let buffer else { return 0 }
            let r = Unmanaged<Reader>.fromOpaque(user).takeUnretainedValue()
            let n = min(Int(length), r.bytes.count - r.offset)
            for i in 0..<n { buffer[i] = r.bytes[r.offset + i] }
            r.offset += n
            return Int32(n)
        }, &error)
        guard let gif = opened else { throw Failure(description: "DGifOpen: error \(error)") }
        defer { DGifCloseFile(gif, nil) }
        guard DGifSlurp(gif) == GIF_OK else {
            throw Failure(description: "DGifSlurp: \(String(cString: GifErrorString(gif.pointee.Error)))")
        }
        width = Int(gif.pointee.SWidth)
        height = Int(gif.pointee.SHeight)
        guard let map = gif.pointee.SColorMap, let colors = map.pointee.Colors else {
            throw Failure(description: "no global colour map")
        }
        globalColors = (0..<Int(map.pointee.ColorCount)).map {
            UInt32(colors[$0].Red) << 16 | UInt32(colors[$0].Green) << 8 | UInt32(colors[$0].Blue)
        }
        var canvas = [UInt32](repeating: globalColors[Int(gif.pointee.SBackGroundColor)], count: width * height)
        guard let images = gif.pointee.SavedImages else { throw Failure(description: "no images") }
        for i in 0..<Int(gif.pointee.ImageCount) {
            let image = images[i]
            for e in 0..<Int(image.ExtensionBlockCount) {
                guard let blocks = image.ExtensionBlocks, blocks[e].Function == APPLICATION_EXT_FUNC_CODE,
                      let b = blocks[e].Bytes, blocks[e].ByteCount == 11,
                      String(decoding: UnsafeBufferPointer(start: b, count: 11), as: UTF8.self) == "NETSCAPE2.0",
                      e + 1 < Int(image.ExtensionBlockCount), let sub = blocks[e + 1].Bytes,
                      blocks[e + 1].ByteCount == 3
                else { continue }
                loopCount = Int(sub[1]) | Int(sub[2]) << 8
            }
            var gcb = GraphicsControlBlock()
            guard DGifSavedExtensionToGCB(gif, Int32(i), &gcb) == GIF_OK else {
                throw Failure(description: "image \(i) has no graphics control extension")
            }
            delays.append(Int(gcb.DelayTime))
            disposals.append(Int(gcb.DisposalMode))
            transparentIndices.append(Int(gcb.TransparentColor))
            let d = image.ImageDesc
            rects.append((Int(d.Left), Int(d.Top), Int(d.Width), Int(d.Height)))
            guard let raster = image.RasterBits else { throw Failure(description: "image \(i): no raster") }
            var table = globalColors
            if let local = d.ColorMap, let entries = local.pointee.Colors {
                table = (0..<Int(local.pointee.ColorCount)).map {
                    UInt32(entries[$0].Red) << 16 | UInt32(entries[$0].Green) << 8 | UInt32(entries[$0].Blue)
                }
                localColors.append(table)
            } else {
                localColors.append(nil)
            }
            for y in 0..<Int(d.Height) {
                for x in 0..<Int(d.Width) {
                    let index = Int(raster[y * Int(d.Width) + x])
                    if index == Int(gcb.TransparentColor) { continue }
                    guard index < table.count else {
                        throw Failure(description: "image \(i): index \(index) outside its colour table of \(table.count)")
                    }
                    canvas[(Int(d.Top) + y) * width + Int(d.Left) + x] = table[index]
                }
            }
            frames.append(canvas)
        }
    }
}
