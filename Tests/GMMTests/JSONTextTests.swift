import Foundation
import Testing
@testable import GMM

/// The one JSON writer: checked against Foundation's JSON parser, an independent reader.
@Suite("JSON text")
struct JSONTextTests {
    private func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    @Test func stringsReadBackExactly() throws {
        var rng = SeededGenerator(seed: 7)
        var cases = ["", "plain", "quote \" and back\\slash", "</script><img src=x onerror=alert(1)>", "tab\tnew\nline\rcr",
                     "\u{0}\u{1}\u{1F}\u{7F}", "é ü 漢字 🦊", "\u{08}\u{0C}"]
        for _ in 0 ..< 200 {
            let scalars = (0 ..< 12).compactMap { _ in Unicode.Scalar(UInt32(rng.nextUniform() * 0x300)) }
            cases.append(String(String.UnicodeScalarView(scalars)))
        }
        for s in cases {
            let text = JSONText.string(s)
            #expect(try parse(text) as? String == s, "\(s.debugDescription) → \(text)")
            #expect(!text.unicodeScalars.dropFirst().dropLast().contains { $0.value < 0x20 }, "raw control character in \(text)")
        }
    }

    @Test func numbersRoundTripAndNonFiniteIsNull() throws {
        // Valid JSON numbers (Foundation's parser accepts them) that read back to the same bits
        // (with the C library's correctly rounded strtod).
        for v in [0.0, -0.0, 1.0 / 3, -9.935712345678912e-7, 1e308, Double.leastNonzeroMagnitude, Double.pi] {
            let text = JSONText.number(v)
            #expect(try parse(text) is NSNumber, "\(text)")
            #expect(strtod(text, nil).bitPattern == v.bitPattern, "\(text)")
        }
        for v in [Double.nan, .infinity, -.infinity] { #expect(JSONText.number(v) == "null") }
        #expect(JSONText.number(nil as Double?) == "null")
        #expect(try parse(JSONText.array([1, .nan, 2])) as? [NSObject] == [1 as NSNumber, NSNull(), 2 as NSNumber])
    }

    @Test func objectsKeepKeyOrderAndParse() throws {
        let text = JSONText.object([("b", "1"), ("a", JSONText.matrix([[1, 2], [3, 4]])), ("c\"", JSONText.string("x"))])
        #expect(text == "{\"b\": 1, \"a\": [[1.0, 2.0], [3.0, 4.0]], \"c\\\"\": \"x\"}")
        let object = try #require(try parse(text) as? [String: Any])
        #expect(object["c\""] as? String == "x")
    }
}

extension JSONTextTests {
    /// Inside a `<script>` element no string can close the element or open a comment, and
    /// every string still reads back exactly.
    @Test func htmlSafeStringsReadBackAndNeverCloseAScript() throws {
        for s in ["</script><script>alert(1)</script>", "<!-- x -->", "a & b > c", "\u{2028}\u{2029}\u{7F}", "plain"] {
            let text = JSONText.string(s, safeInHTML: true)
            #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"), "\(text)")
            #expect(try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? String == s)
        }
        #expect(JSONText.string("<", safeInHTML: false) == "\"<\"")
    }
}
