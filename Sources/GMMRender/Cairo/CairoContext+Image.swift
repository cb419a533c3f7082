internal import CCairo

extension CairoContext {
    /// The device-pixel size of one logical pixel under the current transformation (the raster
    /// frame's scale; 1 for SVG and PDF).
    var deviceScale: Double {
        var x = 1.0, y = 0.0
        cairo_user_to_device_distance(handle, &x, &y)
        return (x * x + y * y).squareRoot()
    }

    /// Paints `pixels` (`height` rows of `width` 0x00RRGGBB words, top row first) with its top
    /// left corner at `origin` (logical pixels), each image pixel `pixelSize` logical pixels
    /// wide, without smoothing.
    func paintImage(_ pixels: [UInt32], width: Int, height: Int, origin: Point2, pixelSize: Double) throws {
        guard width > 0, height > 0, pixels.count == width * height else { return }
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, Int32(width)))
        guard stride == 4 * width else {
            throw RenderError.cairo(call: "cairo_format_stride_for_width", status: "stride \(stride) for width \(width), expected \(4 * width)", code: -1)
        }
        var copy = pixels
        try copy.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            guard let image = cairo_image_surface_create_for_data(base, CAIRO_FORMAT_RGB24, Int32(width), Int32(height), Int32(stride)) else {
                throw RenderError.cairo(call: "cairo_image_surface_create_for_data", status: "returned NULL", code: -1)
            }
            defer { cairo_surface_destroy(image) }
            try cairoCheck(cairo_surface_status(image), "cairo_image_surface_create_for_data")
            cairo_save(handle)
            cairo_translate(handle, origin.x, origin.y)
            cairo_scale(handle, pixelSize, pixelSize)
            cairo_set_source_surface(handle, image, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(handle), CAIRO_FILTER_NEAREST)
            cairo_rectangle(handle, 0, 0, Double(width), Double(height))
            cairo_fill(handle)
            cairo_restore(handle)
            // Vector surfaces may still refer to the image: finishing it makes them take their
            // own copy before the buffer goes away.
            cairo_surface_finish(image)
        }
        try check("painting an image")
    }
}
