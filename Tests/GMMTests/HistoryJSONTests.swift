import Foundation
import GMM
import Testing

/// The history's JSON form: round trip, schema fields, and rejected files.
@Suite("History JSON")
struct HistoryJSONTests {
    func demoHistory() throws -> FitHistory {
        try GaussianMixture(components: 3).fit(try Demo.data(), initialization: .means(Demo.initialMeans)).history
    }

    @Test func roundTripKeepsEveryBit() throws {
        let h = try demoHistory()
        let back = try FitHistory(json: Data(h.jsonText().utf8), source: "h.json")
        #expect(back == h)
    }

    @Test func schemaFieldsArePresent() throws {
        let h = try demoHistory()
        let object = try JSONSerialization.jsonObject(with: Data(h.jsonText().utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "gmmviz.history")
        #expect(object?["version"] as? Int == 1)
        #expect(object?["components"] as? Int == 3)
        #expect(object?["dimensions"] as? Int == 2)
        #expect(object?["samples"] as? Int == 300)
        #expect(object?["covariance_type"] as? String == "full")
        #expect(object?["converged"] as? Bool == true)
        #expect(object?["iterations"] as? Int == h.iterations)
        let snapshots = object?["snapshots"] as? [[String: Any]]
        #expect(snapshots?.count == h.iterations + 1)
        #expect((snapshots?.first?["covariances"] as? [[[Double]]])?.count == 3)
        // (Foundation's JSONSerialization may round the last digit; the exact round trip is
        // tested through JSONDecoder above.)
        let last = snapshots?.last?["log_likelihood"] as? Double ?? .nan
        #expect(abs(last - h.final.logLikelihood) < 1e-14)
    }

    static let bad: [(json: String, fragment: String)] = [
        ("{", "not valid JSON"),
        ("[]", "not a JSON object"),
        (#"{"format":"other","version":1,"components":1,"dimensions":1,"samples":1,"snapshots":[]}"#, "format"),
        (#"{"format":"gmmviz.history","version":2,"components":1,"dimensions":1,"samples":1,"snapshots":[]}"#, "version 2"),
        (#"{"format":"gmmviz.history","version":1,"components":1,"dimensions":1,"samples":1,"snapshots":[]}"#, "no snapshots"),
        (#"{"format":"gmmviz.history","version":1,"components":2,"dimensions":1,"samples":1,"snapshots":[{"weights":[1],"means":[[0]],"covariances":[[[1]]]}]}"#, "the file says components = 2"),
        (#"{"format":"gmmviz.history","version":1,"components":1,"dimensions":2,"samples":1,"snapshots":[{"weights":[1],"means":[[0]],"covariances":[[[1]]]}]}"#, "dimensions"),
        (#"{"format":"gmmviz.history","version":1,"components":1,"dimensions":1,"samples":1,"snapshots":[{"weights":[1],"means":[[0]],"covariances":[[[-1]]]}]}"#, "not positive definite"),
        (#"{"format":"gmmviz.history","version":1,"components":2,"dimensions":1,"samples":1,"snapshots":[{"weights":[-0.5,1.5],"means":[[0],[1]],"covariances":[[[1]],[[1]]]}]}"#, "positive"),
        (#"{"format":"gmmviz.history","version":1,"components":1,"dimensions":1,"samples":1,"iterations":3,"snapshots":[{"weights":[1],"means":[[0]],"covariances":[[[1]]]}]}"#, "iterations = 3"),
        (#"{"format":"gmmviz.history","version":1,"components":1,"dimensions":1,"samples":1,"snapshots":[{"weights":"x","means":[[0]],"covariances":[[[1]]]}]}"#, "wrong type"),
    ]

    @Test(arguments: 0 ..< bad.count)
    func badFilesAreRejectedWithAReason(_ index: Int) throws {
        let (json, fragment) = Self.bad[index]
        do {
            _ = try FitHistory(json: Data(json.utf8), source: "h.json")
            Issue.record("accepted \(json)")
        } catch let error as DataError {
            #expect(error.description.hasPrefix("h.json: "))
            #expect(error.description.contains(fragment), "\(error)")
        }
    }
}

/// A history written by scikit-learn through the snippet in docs/history-schema.md
/// (scripts/sklearn-history.py on the demo data, committed) loads, and its recorded
/// log-likelihoods are what gmmviz computes for the same parameters on the same data.
@Suite("History from scikit-learn")
struct SklearnHistoryTests {
    @Test func snippetOutputLoadsAndScoresAgree() throws {
        guard let url = Bundle.module.url(forResource: "sklearn-history", withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureError("sklearn-history.json is missing")
        }
        let h = try FitHistory(json: Data(contentsOf: url), source: "sklearn-history.json")
        #expect(h.components == 3 && h.dimensions == 2 && h.samples == 300)
        #expect(h.snapshots.count == h.iterations + 1)
        let data = try Demo.data()
        for s in h.snapshots {
            let score = try MixtureModel(s.parameters).score(data)
            #expect(abs(score - s.logLikelihood) <= 1e-9 * abs(score), "snapshot \(s.iteration)")
        }
    }
}
