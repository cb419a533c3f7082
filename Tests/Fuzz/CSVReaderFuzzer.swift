// libFuzzer target for GMM's CSV reader. Not part of the package graph: scripts/fuzz.sh
// compiles it together with Sources/GMM/**/*.swift as one module, with -sanitize=fuzzer,address.
//
// Properties: any byte string either parses into a valid data set or throws a DataError whose
// message is one line; and reading it in many small pieces (as a large file is read on several
// cores), or through a window of a few bytes (as a file is streamed), gives the same values, bit
// for bit, or the same error as reading it in one piece.
// Never a trap, an overflow, an out-of-bounds access or a leak.
import Foundation

/// The outcome of reading, comparable: the values' bits and names, or the error's text.
private func outcome(_ bytes: [UInt8], _ splitting: CSVScanner.Splitting, windowBytes: Int = CSVStreamReader.defaultWindowBytes) -> String {
    do {
        let d = try bytes.withUnsafeBufferPointer {
            try CSVScanner.dataset($0, source: "fuzz.csv", columns: nil, splitting: splitting, windowBytes: windowBytes)
        }
        return "\(d.dimension) \(d.columnNames ?? []) \(d.values.map(\.bitPattern))"
    } catch {
        return "\(error)"
    }
}

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
            precondition(!error.description.contains(where: \.isNewline), "an error is one line")
        } catch {
            preconditionFailure("CSVReader threw a non-DataError: \(error)")
        }
    }
    let onePiece = outcome(bytes, CSVScanner.Splitting(maxPieces: 1, minimumPieceBytes: 1))
    for pieces in [2, 3, 7] {
        let split = outcome(bytes, CSVScanner.Splitting(maxPieces: pieces, minimumPieceBytes: 1))
        precondition(split == onePiece, "\(pieces) pieces: \(split), one piece: \(onePiece)")
    }
    // Streamed through windows of a few bytes: every record, number, quoted field and UTF-8
    // sequence of a short input crosses a window's edge somewhere.
    for window in [5, 7, 16] {
        let streamed = outcome(bytes, CSVScanner.Splitting(maxPieces: 1, minimumPieceBytes: 1), windowBytes: window)
        precondition(streamed == onePiece, "window of \(window) bytes: \(streamed), whole: \(onePiece)")
    }
    return 0
}
