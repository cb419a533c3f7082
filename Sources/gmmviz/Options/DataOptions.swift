import ArgumentParser
import GMM

/// Where the samples come from: a CSV file, or the built-in demo.
struct DataOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("CSV file of samples, one per line, comma-separated; '-' reads standard input. Without it, the built-in demo data is used.", valueName: "path"), transform: FilePath.parse)
    var data: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Columns to use, by header name or 1-based number, e.g. 'x,y' or '1,3'. Default: every numeric column.", valueName: "list"), transform: ColumnList.init(parsing:))
    var columns: ColumnList?

    @Option(name: .long, parsing: .unconditional, help: "Seed of the demo data and of the random initialisations (0 to 2^64 - 1; default: 0).", transform: Seed.parse)
    var seed: UInt64 = 0

    /// Whether the built-in demo is used.
    var isDemo: Bool { data == nil }

    func validate() throws {
        if columns != nil, data == nil { throw ValidationError("--columns needs --data; the demo data has two columns") }
    }

    /// Loads the data set.
    func load() throws -> Dataset {
        guard let path = data else { return try Demo.data(seed: seed) }
        return try CSVReader.read(path: path, columns: columns?.selectors)
    }

    /// The name of the data in messages.
    var sourceName: String {
        guard let data else { return "the demo data" }
        return data == "-" ? "<stdin>" : data
    }
}
