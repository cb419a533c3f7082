/// JSON text as every gmmviz output writes it: the history file and the command line's reports
/// share these rules, so a value reads the same wherever it appears.
///
/// - Numbers are Swift's shortest representation that reads back to the same double (so a file
///   read back gives the same bits). JSON has no NaN or infinity: those are written as `null`
///   (a log-likelihood never computed, a criterion of a fit that failed).
/// - Strings are escaped as RFC 8259 requires: the quote, the backslash and every control
///   character below U+0020 (`\n`, `\r`, `\t`, `\b`, `\f`, or `\u00XX`); everything else is
///   written as itself, in UTF-8.
/// - Separators are `", "` and `": "`, on one line, with keys in the order given, so the same
///   values give the same bytes.
public enum JSONText {
    /// `v` as a JSON number, or `null` when it is not finite.
    public static func number(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        return "\(v)"
    }

    /// `v` as a JSON number, or `null` when it is missing or not finite.
    public static func number(_ v: Double?) -> String {
        v.map(number) ?? "null"
    }

    /// `[v₀, v₁, …]`.
    public static func array(_ vs: [Double]) -> String {
        "[" + vs.map(number).joined(separator: ", ") + "]"
    }

    /// Rows of numbers, `[[…], […]]`.
    public static func matrix(_ rows: [[Double]]) -> String {
        "[" + rows.map(array).joined(separator: ", ") + "]"
    }

    /// `s` as a quoted, escaped JSON string.
    ///
    /// With `safeInHTML`, the string may also stand inside an HTML `<script>` element: `<`, `>`
    /// and `&` (so no `</script>` or `<!--` can appear), DEL, U+2028 and U+2029 are written as
    /// `\uXXXX` too, which every JSON reader reads back as the same characters.
    public static func string(_ s: String, safeInHTML: Bool = false) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                out += unicodeEscape(scalar)
            case _ where safeInHTML && htmlSensitive.contains(scalar):
                out += unicodeEscape(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// What ``string(_:safeInHTML:)`` escapes for HTML besides JSON's own escapes.
    private static let htmlSensitive: Set<Unicode.Scalar> = ["<", ">", "&", "\u{7F}", "\u{2028}", "\u{2029}"]

    /// `\uXXXX`, lower-case hex, for a scalar of the Basic Multilingual Plane.
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: false)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `{"key": value, …}` from keys and already-encoded values, in the order given.
    public static func object(_ fields: [(key: String, value: String)]) -> String {
        "{" + fields.map { string($0.key) + ": " + $0.value }.joined(separator: ", ") + "}"
    }
}
