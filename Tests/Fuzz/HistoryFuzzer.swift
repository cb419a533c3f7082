// libFuzzer target for GMM's history JSON reader. Not part of the package graph: scripts/fuzz.sh
// compiles it together with Sources/GMM/**/*.swift as one module, with -sanitize=fuzzer,address.
//
// Properties: any byte string either loads as a history or throws a DataError; a history that
// loads is written back by jsonText() into a file that loads again and is written identically
// (the round trip is a fixed point), with every covariance positive definite.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func historyFuzzTest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let json = Data(bytes: data, count: size)
    let history: FitHistory
    do {
        history = try FitHistory(json: json, source: "fuzz.json")
    } catch let error as DataError {
        precondition(!error.description.isEmpty, "an error says something")
        return 0
    } catch {
        preconditionFailure("FitHistory(json:) threw a non-DataError: \(error)")
    }
    precondition(history.snapshots.count == history.iterations + 1)
    for s in history.snapshots {
        precondition(s.parameters.components == history.components)
        for c in s.parameters.covariances {
            precondition(Cholesky.lower(c.flattenedRowMajor, dimension: history.dimensions) != nil,
                         "an accepted covariance is positive definite")
        }
    }
    let text = history.jsonText()
    do {
        let again = try FitHistory(json: Data(text.utf8), source: "again.json")
        precondition(again.jsonText() == text, "writing a loaded history and loading it again changes it")
    } catch {
        preconditionFailure("a history gmmviz wrote does not load again: \(error)\n\(text)")
    }
    return 0
}
