/// `--means`: points separated by ';', each its coordinates separated by ','
/// ("-5,-5;0,-5;0,5"), K × D. Whether the points agree in dimension, with each other and with
/// the data, is the library's check.
struct PointList: ParsedValue, Equatable {
    let points: [[Double]]

    init(_ points: [[Double]]) { self.points = points }

    init(parsing text: String) throws {
        points = try text.split(separator: ";", omittingEmptySubsequences: false).enumerated().map { i, group in
            try Self.numbers(group, place: " in point \(i + 1)", example: "\"x,y;x,y\"")
        }
    }
}
