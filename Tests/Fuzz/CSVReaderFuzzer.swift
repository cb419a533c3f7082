// libFuzzer target for GMM's CSV reader. Not part of the package graph: scripts/fuzz.sh
// compiles it together with Sources/GMM/**/*.swift as one module, with -sanitize=fuzzer,address.
//
// Property: any byte string either parses into a valid data set or throws a DataError whose
// message is one line. Never a trap, an overflow, an out-of-bounds access or a leak.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func csvReaderFuzzTest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Every input is tried as is, and with columns picked by number and by name: the selector
    // paths are where indices are computed from user text.
    let selections: [[CSVReader.ColumnSelector]?] = [nil, [.position(1)], [.name("x"), .position(2)]]
    for columns in selections {
        do {
            let d = try CSVReader.parse(bytes, source: "fuzz.csv", columns: columns)
            precondition(d.count >= 1 && d.dimension >= 1, "an accepted data set is not empty")
            precondition(d.values.count == d.count * d.dimension, "shape agrees with the values")
            precondition(d.values.allSatisfy(\.isFinite), "every accepted value is finite")
            precondition(d.columnNames.map { $0.count == d.dimension } ?? true, "one name per column")
        } catch let error as DataError {
            precondition(!error.description.isEmpty, "an error says something")
        } catch {
            preconditionFailure("CSVReader threw a non-DataError: \(error)")
        }
    }
    return 0
}
