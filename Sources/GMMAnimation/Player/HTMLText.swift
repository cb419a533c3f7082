import Foundation
import GMM

/// Turning text into HTML and JSON that a browser can only ever read as text.
///
/// Everything that reaches the player page from the user — the title, the data file's name,
/// CSV column names — goes through one of these, so a header such as `<img src=x onerror=…>`
/// or a title containing `</script>` shows literally and never becomes markup or code.
enum HTMLText {
    /// `text` for an HTML text node or a quoted attribute value: `& < > " '` as character
    /// references.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `text` as a JSON string literal that is also safe inside an HTML `<script>` element:
    /// besides JSON's own escapes, `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (so
    /// no `</script>` or `<!--` can appear) and U+2028/U+2029 are escaped.
    static func jsonString(_ text: String) -> String {
        JSONText.string(text, safeInHTML: true)
    }

    /// The CSP source expression allowing exactly the inline element whose text is `text`:
    /// `'sha256-…'` with the base64 of its SHA-256.
    static func cspHash(_ text: String) -> String {
        "'sha256-" + Data(SHA256.digest(Array(text.utf8))).base64EncodedString() + "'"
    }
}
