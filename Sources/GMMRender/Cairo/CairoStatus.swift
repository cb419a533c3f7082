internal import CCairo

/// The one place where a `cairo_status_t` becomes a Swift error.
///
/// `call` names the Cairo function that returned the status or, for drawing calls that return
/// nothing, the stage after which the context's sticky status was read.
func cairoCheck(_ status: cairo_status_t, _ call: String) throws {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    let message = cairo_status_to_string(status).map { String(cString: $0) } ?? "unknown status"
    throw RenderError.cairo(call: call, status: message, code: Int(status.rawValue))
}
