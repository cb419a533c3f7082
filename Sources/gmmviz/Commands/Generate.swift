import ArgumentParser
import Foundation
import GMM
import GMMFiles

/// `gmmviz generate`: Gaussian blob data as CSV.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write Gaussian blob data as CSV.",
        discussion: """
        Draws --count points around each mean with standard deviation --std on every axis, blob \
        after blob, from a seeded generator: the same seed gives the same file.

        Examples:
          gmmviz generate > demo.csv                   # the demo's data
          gmmviz generate --means "0,0;6,0;3,5" --count 500 --std 1.5 --out blobs.csv
        """
    )

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Blob means, one point per blob separated by ';'. (default: 2,4;-5,3;0,-4)", valueName: "points"), transform: PointList.init(parsing:))
    var means = PointList(Demo.trueMeans)

    @Option(name: .long, parsing: .unconditional, help: "Points per blob. (default: 100)", transform: Numbers.whole)
    var count: Int = 100

    @Option(name: .long, parsing: .unconditional, help: "Standard deviation on every axis (identity covariance by default).", transform: Numbers.decimal)
    var std: Double = 1

    @Option(name: .long, parsing: .unconditional, help: "Seed of the generator (0 to 2^64 - 1; default: 0).", transform: Seed.parse)
    var seed: UInt64 = 0

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"), transform: FilePath.parse)
    var out: String?

    func run() throws {
        let data = try BlobGenerator.generate(means: means.points, count: count, std: std, seed: seed)
        let text = data.csvText()
        if let out {
            try AtomicFile.write(Array(text.utf8), to: out)
        } else {
            try Terminal.output(text)
        }
    }
}
