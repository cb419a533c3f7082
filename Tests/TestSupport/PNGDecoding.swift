import CCairo

/// Reads PNG files back through Cairo's decoder (libpng), which shares no code with the
/// renderer's own PNG encoder, so a round trip checks the encoder against an independent reader.
public enum PNGDecoding {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Decodes `bytes` (any PNG Cairo reads) into `width × height` pixels, `0x00RRGGBB`,
    /// row-major, top row first; alpha, if any, is dropped.
    public static func decode(_ bytes: [UInt8]) throws -> (width: Int, height: Int, pixels: [UInt32]) {
        let source = Source(bytes)
        let surface = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(readSource, Unmanaged.passUnretained(source).toOpaque())
        }
        guard let surface else { throw Failure(description: "cairo_image_surface_create_from_png_stream returned NULL") }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw Failure(description: "Cairo cannot decode the PNG: \(String(cString: cairo_status_to_string(status)))")
        }
        let w = Int(cairo_image_surface_get_width(surface))
        let h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else {
            throw Failure(description: "cairo_image_surface_get_data returned NULL")
        }
        var pixels = [UInt32](repeating: 0, count: w * h)
        for y in 0 ..< h {
            let row = UnsafeRawPointer(data + y * stride)
            for x in 0 ..< w {
                pixels[y * w + x] = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self) & 0x00FF_FFFF
            }
        }
        return (w, h, pixels)
    }

    /// The bytes Cairo's PNG reader pulls from.
    private final class Source {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// `cairo_read_func_t` reading from the `Source` passed as closure; captures nothing, as a C
    /// function pointer must.
    private static let readSource: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let source = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
        let n = Int(length)
        guard source.offset + n <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        for i in 0 ..< n { data[i] = source.bytes[source.offset + i] }
        source.offset += n
        return CAIRO_STATUS_SUCCESS
    }
}
