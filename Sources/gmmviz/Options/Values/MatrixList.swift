/// `--covariances`: matrices separated by ';', each its entries row-major separated by ','
/// ("1,0,0,1;2,0.5,0.5,1"). The entries stay flat until the dimension of the means is known.
struct MatrixList: ParsedValue, Equatable {
    /// Per matrix its entries, row-major.
    let entries: [[Double]]

    init(parsing text: String) throws {
        entries = try text.split(separator: ";", omittingEmptySubsequences: false).enumerated().map { c, group in
            try Self.numbers(group, place: " in matrix \(c + 1)", example: "\"1,0,0,1;2,0.5,0.5,1\"")
        }
    }

    /// Each matrix as D × D rows of `dimension` entries. A matrix of another number of entries
    /// keeps them, in rows of `dimension` (the last one shorter), so the library's shape check
    /// rejects it as not D × D.
    func matrices(dimension d: Int) -> [[[Double]]] {
        entries.map { values in
            stride(from: 0, to: values.count, by: max(1, d)).map { Array(values[$0 ..< min($0 + max(1, d), values.count)]) }
        }
    }
}
