import Foundation
import GMM

/// The committed reference fixtures, written by `scripts/make-fixtures.py`.
enum Fixtures {
    static func json(_ name: String) throws -> [String: Any] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureError("fixture \(name).json is missing; run scripts/make-fixtures.py")
        }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let dict = object as? [String: Any] else { throw FixtureError("\(name).json is not an object") }
        return dict
    }
}

extension Fixtures {
    /// The names of the cases in fixture `name` (its `"cases"` array).
    static func caseNames(in name: String) throws -> [String] {
        guard let cases = try json(name)["cases"] as? [[String: Any]] else { throw FixtureError("\(name).json has no cases") }
        return cases.compactMap { $0["name"] as? String }
    }

    /// The case called `caseName` in fixture `name`.
    static func testCase(_ caseName: String, in name: String) throws -> [String: Any] {
        guard let cases = try json(name)["cases"] as? [[String: Any]],
              let c = cases.first(where: { $0["name"] as? String == caseName }) else {
            throw FixtureError("\(name).json has no case \(caseName)")
        }
        return c
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Typed access to JSON values, failing loudly on a shape mismatch.
extension Dictionary where Key == String, Value == Any {
    func number(_ key: String) throws -> Double {
        guard let v = self[key] as? NSNumber else { throw FixtureError("\(key) is not a number") }
        return v.doubleValue
    }
    func int(_ key: String) throws -> Int { Int(try number(key)) }
    func bool(_ key: String) throws -> Bool {
        guard let v = self[key] as? Bool else { throw FixtureError("\(key) is not a bool") }
        return v
    }
    func vector(_ key: String) throws -> [Double] {
        guard let v = self[key] as? [NSNumber] else { throw FixtureError("\(key) is not a vector") }
        return v.map(\.doubleValue)
    }
    func matrix(_ key: String) throws -> [[Double]] {
        guard let v = self[key] as? [[NSNumber]] else { throw FixtureError("\(key) is not a matrix") }
        return v.map { $0.map(\.doubleValue) }
    }
    func tensor(_ key: String) throws -> [[[Double]]] {
        guard let v = self[key] as? [[[NSNumber]]] else { throw FixtureError("\(key) is not a 3-tensor") }
        return v.map { $0.map { $0.map(\.doubleValue) } }
    }
    func object(_ key: String) throws -> [String: Any] {
        guard let v = self[key] as? [String: Any] else { throw FixtureError("\(key) is not an object") }
        return v
    }
}
