import Foundation
@testable import GMM
import Testing

/// A history with a key given twice, at any depth, is refused with the key and both places;
/// keys that repeat across objects, and histories gmmviz writes, are not duplicates.
@Suite("JSON duplicate keys")
struct JSONKeyScanTests {
    static let header = #"{"format": "gmmviz.history", "version": 1, "components": 1, "dimensions": 1, "samples": 1, "#
    static let snapshot = #"{"weights": [1], "means": [[0]], "covariances": [[[1]]]}"#

    /// Each history and the error it must give.
    static let duplicates: [(json: String, error: DataError)] = [
        (header + #""version": 1, "snapshots": [\#(snapshot)]}"#,
         .duplicateKey(source: "h.json", key: "version", object: "the top-level object", line: 1, column: 92, firstLine: 1, firstColumn: 30)),
        (header + "\n" + #""components": 2, "snapshots": [\#(snapshot)]}"#,
         .duplicateKey(source: "h.json", key: "components", object: "the top-level object", line: 2, column: 1, firstLine: 1, firstColumn: 44)),
        (header + #""snapshots": [\#(snapshot), {"weights": [1], "means": [[0]], "weights": [2], "covariances": [[[1]]]}]}"#,
         .duplicateKey(source: "h.json", key: "weights", object: "the object at snapshots[1]", line: 1, column: 197, firstLine: 1, firstColumn: 165)),
        // The same key written with an escape.
        (header + #""vers\u0069on": 1, "snapshots": [\#(snapshot)]}"#,
         .duplicateKey(source: "h.json", key: "version", object: "the top-level object", line: 1, column: 92, firstLine: 1, firstColumn: 30)),
    ]

    @Test(arguments: 0 ..< duplicates.count)
    func aKeyGivenTwiceIsRefused(_ index: Int) {
        let (json, error) = Self.duplicates[index]
        #expect(throws: error) { try FitHistory(json: Data(json.utf8), source: "h.json") }
    }

    @Test func messageNamesTheKeyAndBothPlaces() {
        let error = DataError.duplicateKey(source: "h.json", key: "version", object: "the top-level object", line: 1, column: 92, firstLine: 1, firstColumn: 30)
        #expect(error.description == #"h.json:1:92: the key "version" appears twice in the top-level object (first at 1:30), so its value is ambiguous; keep one of them"#)
    }

    @Test func historiesWithoutDuplicatesLoad() throws {
        let h = try GaussianMixture(components: 3).fit(try Demo.data(), initialization: .means(Demo.initialMeans)).history
        #expect(try FitHistory(json: Data(h.jsonText().utf8), source: "h.json") == h)
        let text = h.jsonText()
        #expect(text.withCString { JSONKeyScan.firstDuplicate(in: UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0))) } == nil)
    }

    /// Invalid JSON stays "not valid JSON", whatever keys it repeats.
    @Test func invalidJSONIsReportedAsSuch() {
        #expect { try FitHistory(json: Data(#"{"a": 1, "a": 2"#.utf8), source: "h.json") } throws: { "\($0)".contains("not valid JSON") }
    }

    static func scan(_ text: String) -> JSONKeyScan.Duplicate? {
        Array(text.utf8).withUnsafeBufferPointer { JSONKeyScan.firstDuplicate(in: $0) }
    }

    @Test func scanCases() {
        // Strings that are values, and keys inside strings, are not keys.
        #expect(Self.scan(#"{"a": "a", "b": ["a", "a"], "c": "{\"a\": 1, \"a\": 2}"}"#) == nil)
        // The same key in sibling and nested objects.
        #expect(Self.scan(#"[{"a": 1}, {"a": 2, "b": {"a": 3}}]"#) == nil)
        // Deep inside arrays and objects: the path names each step.
        #expect(Self.scan(#"{"x": [[{"k": 1}], [{"y": {"k": 1, "k": 2}}]]}"#)?.object == "the object at x[1][0].y")
        // Past the point where an object's keys are kept in a dictionary.
        let many = (0 ..< 40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(Self.scan("{\(many)}") == nil)
        #expect(Self.scan("{\(many), \"k7\": 0}")?.key == "k7")
        #expect(Self.scan("{\(many), \"k39\": 0}")?.key == "k39")
        // Escapes: a surrogate pair, an escaped quote, and keys that only look alike.
        #expect(Self.scan(#"{"\ud83d\ude00": 1, "😀": 2}"#)?.key == "😀")
        #expect(Self.scan(#"{"a\"b": 1, "a\u0022b": 2}"#)?.key == "a\"b")
        #expect(Self.scan(#"{"a": 1, "A": 2, "a ": 3}"#) == nil)
        // Unterminated text ends the scan without a finding.
        #expect(Self.scan(#"{"a": 1, "a"#) == nil)
    }
}
