import Foundation
import GMM
import Testing

/// The library's errors carry values (which setting, the value seen, the allowed range) and
/// describe them in the library's own terms: a program embedding it has no command-line flags.
@Suite("Error values")
struct ErrorValueTests {
    static let badOptions: [(FitOptions, FitError)] = [
        (FitOptions(maxIterations: -1), .outOfRange(.maxIterations, value: -1, allowed: 0 ... FitOptions.maxIterationsLimit)),
        (FitOptions(tolerance: -1), .notFiniteNonNegative(.tolerance, value: -1)),
        (FitOptions(regCovar: .infinity), .notFiniteNonNegative(.regCovar, value: .infinity)),
        (FitOptions(runs: 0), .outOfRange(.runs, value: 0, allowed: 1 ... FitOptions.maxRuns)),
        (FitOptions(runs: 1001), .outOfRange(.runs, value: 1001, allowed: 1 ... FitOptions.maxRuns)),
        (FitOptions(threads: 0), .outOfRange(.threads, value: 0, allowed: 1 ... FitOptions.maxThreads)),
        (FitOptions(threads: 100_000), .outOfRange(.threads, value: 100_000, allowed: 1 ... FitOptions.maxThreads)),
    ]

    @Test(arguments: 0 ..< badOptions.count)
    func optionsAreRejectedWithTheirValues(_ index: Int) {
        let (options, expected) = Self.badOptions[index]
        #expect(throws: expected) { try options.validate() }
        #expect(!expected.description.contains("--"), "\(expected)")
    }

    @Test func descriptionsNameTheLibrarysSettings() {
        #expect(FitError.outOfRange(.maxIterations, value: -1, allowed: 0 ... 10).description == "maxIterations must be 0 or more, got -1")
        #expect(FitError.outOfRange(.runs, value: 0, allowed: 1 ... 10).description == "runs must be at least 1, got 0")
        #expect(FitError.outOfRange(.components, value: 11, allowed: 1 ... 10).description == "components 11 is more than 10 components; lower it")
        #expect(FitError.tooFewDistinctPoints(distinct: 2, components: 3).description.contains("lower components to at most 2"))
        #expect(FitError.illDefinedCovariance(component: 0, iteration: 3).description.contains("increase regCovar"))
        let offDiagonal = FitError.invalidInitialModel(.covariance(1, .offDiagonal(value: 0.5, row: 0, column: 1, type: .diag)))
        #expect(offDiagonal.description == "invalid initial model: covariance 2 has the off-diagonal entry 0.5 at (1, 2), but covariance type diag needs diagonal matrices; set it to 0")
    }

    @Test func initialModelProblemsAreValues() {
        let p = MixtureParameters(weights: [0.5, 0.5], means: [[0, 0], [1, 1]], covariances: [[[1, 0], [0, 1]], [[1, 2], [2, 1]]])
        #expect(throws: FitError.invalidInitialModel(.covariance(1, .notPositiveDefinite))) { try p.validate(components: 2, dimension: 2) }
        #expect(throws: FitError.invalidInitialModel(.meanDimension(mean: 0, coordinates: 2, dimension: 3))) {
            try p.validate(components: 2, dimension: 3)
        }
        let tied = MixtureParameters(weights: [0.5, 0.5], means: [[0, 0], [1, 1]], covariances: [[[1, 0], [0, 1]], [[2, 0], [0, 2]]])
        #expect(throws: FitError.invalidInitialModel(.covariance(1, .notTied))) { try MixtureModel(tied, covarianceType: .tied) }
    }

    @Test func selectionProblemsAreValues() throws {
        let data = try Demo.data()
        #expect(throws: FitError.noCovarianceTypes) { try ModelSelection(components: 1 ... 2, covarianceTypes: []).run(data) }
        #expect(throws: FitError.selectionNeedsDataDrivenStart) {
            try ModelSelection(components: 1 ... 2, initialization: .means([[0, 0]])).run(data)
        }
        #expect(throws: FitError.outOfRange(.components, value: 0, allowed: 1 ... GaussianMixture.maxComponents)) {
            try ModelSelection(components: 0 ... 2).run(data)
        }
    }

    @Test func dataProblemsAreValues() throws {
        #expect(throws: DataError.columnOutOfRange(source: "x.csv", position: 4, columns: 2)) {
            try CSVReader.parse("1,2\n3,4\n", source: "x.csv", columns: [.position(4)])
        }
        #expect(throws: DataError.columnNameWithoutHeader(source: "x.csv", name: "y")) {
            try CSVReader.parse("1,2\n3,4\n", source: "x.csv", columns: [.name("y")])
        }
        let missing = "/nonexistent-\(UUID())/points.csv"
        #expect(throws: DataError.noSuchFile(source: missing, kind: .samples)) { try CSVReader.read(path: missing) }
        #expect(throws: DataError.notAHistory(source: "h.json", reason: "is empty")) { try FitHistory(json: Data(), source: "h.json") }
        for error in [DataError.noSuchFile(source: "p", kind: .samples), .notAFile(source: "p", kind: .history),
                      .columnOutOfRange(source: "p", position: 3, columns: 1), .columnNameWithoutHeader(source: "p", name: "x"),
                      .notAHistory(source: "p", reason: "is empty"),
                      .duplicateColumnName(source: "p", line: 1, name: "x", first: 1, second: 2),
                      .unclosedQuote(source: "p", line: 1, column: 1), .strayQuote(source: "p", line: 1, column: 1, cell: "a\"b"),
                      .otherEncoding(source: "p", encoding: .utf16BigEndian, evidence: .nulPattern),
                      .notUTF8(source: "p", line: 1, column: 1, byte: 0xE9),
                      .duplicateKey(source: "p", key: "k", object: "the top-level object", line: 1, column: 2, firstLine: 1, firstColumn: 1)] {
            #expect(!error.description.contains("--") && !error.description.contains("gmmviz fit"), "\(error)")
        }
    }
}
