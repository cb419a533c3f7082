/// An error of the GIF layer: which call failed, what it reported, and what to do about it.
///
/// `call` names the giflib function (`EGifPutLine`, …), the sink operation (`GIFSink.write`)
/// or the GMMGIF function that rejected its input; `code` is giflib's error code when there is
/// one (`E_GIF_ERR_*`).
public struct GIFError: Error, CustomStringConvertible, Equatable, Sendable {
    public let call: String
    public let code: Int32?
    public let message: String
    public let fix: String?

    public init(call: String, code: Int32?, message: String, fix: String?) {
        self.call = call
        self.code = code
        self.message = message
        self.fix = fix
    }

    public var description: String {
        var text = "\(call) failed"
        if let code { text += " (giflib error \(code))" }
        text += ": \(message)"
        if let fix { text += ". \(fix)" }
        return text
    }

    /// The sink threw while the encoder was writing or committing.
    static func sink(_ operation: String, _ underlying: any Error) -> GIFError {
        GIFError(call: "GIFSink.\(operation)", code: nil,
                 message: "the output sink threw \(underlying)",
                 fix: "check that the destination is writable and the disk has free space")
    }

    /// The caller passed something the encoder cannot use.
    static func invalid(_ call: String, _ message: String, fix: String?) -> GIFError {
        GIFError(call: call, code: nil, message: message, fix: fix)
    }
}
