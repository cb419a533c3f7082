/// A comma-separated list of numbers: `--sigmas` ("1,2"), `--weights` ("0.5,0.3,0.2").
struct NumberList: ParsedValue, Equatable {
    let values: [Double]

    init(_ values: [Double]) { self.values = values }

    init(parsing text: String) throws {
        values = try Self.numbers(text, example: "numbers separated by commas, such as 1,2")
    }
}
