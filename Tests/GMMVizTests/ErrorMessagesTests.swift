import GMM
import GMMAnimation
import GMMFiles
import GMMRender
import Testing
@testable import gmmviz

/// ``ErrorMessages``: every library error the command line can meet has a wording of its own,
/// one line that speaks in the command line's flags and 1-based column numbers.
///
/// Each error type has one example per case; an exhaustive `switch` over the cases
/// (`caseName`) makes a new case fail to compile here until it has an example, and the test
/// checks that the examples cover every case the switch names.
@Suite("Error messages")
struct ErrorMessagesTests {
    // MARK: - Examples, one or more per case

    static let fitErrors: [FitError] =
        [.tooFewSamples(samples: 2, components: 3), .tooFewDistinctPoints(distinct: 1, components: 2),
         .notFiniteNonNegative(.tolerance, value: -1), .tooManyDimensions(dimension: 1201, maximum: 1000),
         .noCovarianceTypes, .selectionNeedsDataDrivenStart, .illDefinedCovariance(component: 0, iteration: 3),
         .nonFiniteLikelihood(iteration: 2), .valuesTooLarge(largest: 1e200),
         .tooManySamplesForHierarchy(samples: 30_000, maximum: 20_000)]
        + FitParameter.allCases.flatMap { [FitError.outOfRange($0, value: 0, allowed: 1 ... 10), .outOfRange($0, value: 11, allowed: 1 ... 10)] }
        + FitParameter.allCases.map { FitError.notFiniteNonNegative($0, value: .nan) }
        + modelProblems.map { FitError.invalidInitialModel($0) }

    static let covarianceProblems: [CovarianceProblem] = [
        .notSquare(dimension: 2), .notSymmetric(row: 0, column: 1), .notPositiveDefinite, .notTied, .notShared(type: .eei),
        .offDiagonal(value: 0.5, row: 0, column: 1, type: .diag), .unequalVariances(first: 1, other: 2),
    ]

    static let modelProblems: [ModelProblem] = [
        .count(of: .weights, given: 2, components: 3), .count(of: .means, given: 2, components: 3),
        .count(of: .covariances, given: 1, components: 2), .meanDimension(mean: 0, coordinates: 3, dimension: 2),
        .meanNotFinite(mean: 1), .weightNotPositive(weight: 0, value: -0.5), .weightsSum(1.1),
        .shapeMismatch(components: 2, dimension: 2, otherComponents: 3, otherDimension: 2),
    ] + covarianceProblems.map { ModelProblem.covariance(1, $0) }

    static let blobProblems: [BlobProblem] = [
        .noMeans, .meanDimension(mean: 1, coordinates: 3, dimension: 2), .meanNotFinite(mean: 0),
        .count(0, allowed: 1 ... 10_000_000), .count(20_000_000, allowed: 1 ... 10_000_000), .standardDeviation(-1),
    ]

    static let dataErrors: [DataError] =
        [.malformed(source: "in.csv", line: 3, column: 2, problem: "\"abc\" is not a number"), .invalid("the data set is empty"),
         .columnOutOfRange(source: "in.csv", position: 4, columns: 2), .columnNameWithoutHeader(source: "in.csv", name: "x"),
         .notAHistory(source: "h.json", reason: "is empty"),
         .duplicateColumnName(source: "in.csv", line: 1, name: "x", first: 1, second: 3),
         .unclosedQuote(source: "in.csv", line: 4, column: 2), .strayQuote(source: "in.csv", line: 2, column: 1, cell: "a\"b"),
         .notUTF8(source: "in.csv", line: 1, column: 2, byte: 0xE9),
         .duplicateKey(source: "h.json", key: "version", object: "the top-level object", line: 1, column: 40, firstLine: 1, firstColumn: 30)]
        + TextEncoding.allCases.flatMap { e in [TextEncoding.Evidence.byteOrderMark, .nulPattern].map { DataError.otherEncoding(source: "in.csv", encoding: e, evidence: $0) } }
        + InputFile.Kind.allCases.flatMap { [DataError.noSuchFile(source: "f", kind: $0), .notAFile(source: "f", kind: $0)] }
        + blobProblems.map { DataError.invalidBlobs($0) }

    static let renderErrors: [RenderError] =
        [.invalidScene("snapshot 3 does not exist"), .tooManyColumns(view: "pairs", columns: 7, maximum: 6),
         .historyDimension(history: 3, data: 2), .historySamples(history: 999, data: 300), .sameAxes(column: 1),
         .missingPoint(point: 272, points: 272),
         .cairo(call: "cairo_fill", status: "out of memory", code: 1), .compression(call: "libdeflate_zlib_compress", problem: "no room")]
        + RenderParameter.allCases.map { RenderError.invalidOption($0, value: "0", fix: "give a positive value") }
        + [FrameView.plane, .line(column: 0), .pairs(columns: [0]), .pca].map { RenderError.tooFewColumns(view: $0, columns: 1, minimum: 2) }
        + [FrameView.plane, .line(column: 2), .pairs(columns: [0, 2]), .pca].map { RenderError.missingColumn(view: $0, column: 2, columns: 2) }

    static let animationErrors: [AnimationError] =
        [.tooManyFrames(frames: 19900, iterations: 99, limit: 10000), .maxFramesTooSmall(maxFrames: 50, needed: 502), .noOutput]
        + AnimationError.Parameter.allCases.map { AnimationError.outOfRange($0, value: -1, allowed: 0 ... 65535) }

    static let videoErrors: [VideoError] =
        [.encoderMissing(program: "ffmpeg"), .encoderFailed(status: 1, message: "Unknown encoder 'libx264'"), .encoderStopped(signal: 9)]

    static let fileErrors: [FileError] = FileError.Call.allCases.map { FileError(path: "out.gif", call: $0, code: 13) }

    // MARK: - Every case has an example

    static func caseName(_ e: FitError) -> String {
        switch e {
        case .tooFewSamples: "tooFewSamples"
        case .tooFewDistinctPoints: "tooFewDistinctPoints"
        case .outOfRange: "outOfRange"
        case .notFiniteNonNegative: "notFiniteNonNegative"
        case .tooManyDimensions: "tooManyDimensions"
        case .noCovarianceTypes: "noCovarianceTypes"
        case .selectionNeedsDataDrivenStart: "selectionNeedsDataDrivenStart"
        case .invalidInitialModel: "invalidInitialModel"
        case .illDefinedCovariance: "illDefinedCovariance"
        case .nonFiniteLikelihood: "nonFiniteLikelihood"
        case .valuesTooLarge: "valuesTooLarge"
        case .tooManySamplesForHierarchy: "tooManySamplesForHierarchy"
        }
    }
    static let fitErrorCases = 12

    static func caseName(_ p: ModelProblem) -> String {
        switch p {
        case .count: "count"
        case .meanDimension: "meanDimension"
        case .meanNotFinite: "meanNotFinite"
        case .weightNotPositive: "weightNotPositive"
        case .weightsSum: "weightsSum"
        case .covariance: "covariance"
        case .shapeMismatch: "shapeMismatch"
        }
    }
    static let modelProblemCases = 7

    static func caseName(_ p: CovarianceProblem) -> String {
        switch p {
        case .notSquare: "notSquare"
        case .notSymmetric: "notSymmetric"
        case .notPositiveDefinite: "notPositiveDefinite"
        case .notTied: "notTied"
        case .notShared: "notShared"
        case .offDiagonal: "offDiagonal"
        case .unequalVariances: "unequalVariances"
        }
    }
    static let covarianceProblemCases = 7

    static func caseName(_ p: BlobProblem) -> String {
        switch p {
        case .noMeans: "noMeans"
        case .meanDimension: "meanDimension"
        case .meanNotFinite: "meanNotFinite"
        case .count: "count"
        case .standardDeviation: "standardDeviation"
        }
    }
    static let blobProblemCases = 5

    static func caseName(_ e: DataError) -> String {
        switch e {
        case .malformed: "malformed"
        case .invalid: "invalid"
        case .noSuchFile: "noSuchFile"
        case .notAFile: "notAFile"
        case .columnOutOfRange: "columnOutOfRange"
        case .columnNameWithoutHeader: "columnNameWithoutHeader"
        case .notAHistory: "notAHistory"
        case .invalidBlobs: "invalidBlobs"
        case .duplicateColumnName: "duplicateColumnName"
        case .unclosedQuote: "unclosedQuote"
        case .strayQuote: "strayQuote"
        case .otherEncoding: "otherEncoding"
        case .notUTF8: "notUTF8"
        case .duplicateKey: "duplicateKey"
        }
    }
    static let dataErrorCases = 14

    static func caseName(_ e: RenderError) -> String {
        switch e {
        case .invalidOption: "invalidOption"
        case .invalidScene: "invalidScene"
        case .historyDimension: "historyDimension"
        case .historySamples: "historySamples"
        case .tooManyColumns: "tooManyColumns"
        case .tooFewColumns: "tooFewColumns"
        case .missingColumn: "missingColumn"
        case .sameAxes: "sameAxes"
        case .missingPoint: "missingPoint"
        case .cairo: "cairo"
        case .compression: "compression"
        }
    }
    static let renderErrorCases = 11

    static func caseName(_ e: AnimationError) -> String {
        switch e {
        case .outOfRange: "outOfRange"
        case .tooManyFrames: "tooManyFrames"
        case .maxFramesTooSmall: "maxFramesTooSmall"
        case .noOutput: "noOutput"
        }
    }
    static let animationErrorCases = 4

    static func caseName(_ e: VideoError) -> String {
        switch e {
        case .encoderMissing: "encoderMissing"
        case .encoderFailed: "encoderFailed"
        case .encoderStopped: "encoderStopped"
        }
    }
    static let videoErrorCases = 3

    @Test func everyCaseHasAnExample() {
        #expect(Set(Self.fitErrors.map(Self.caseName)).count == Self.fitErrorCases)
        #expect(Set(Self.modelProblems.map(Self.caseName)).count == Self.modelProblemCases)
        #expect(Set(Self.covarianceProblems.map(Self.caseName)).count == Self.covarianceProblemCases)
        #expect(Set(Self.blobProblems.map(Self.caseName)).count == Self.blobProblemCases)
        #expect(Set(Self.dataErrors.map(Self.caseName)).count == Self.dataErrorCases)
        #expect(Set(Self.renderErrors.map(Self.caseName)).count == Self.renderErrorCases)
        #expect(Set(Self.animationErrors.map(Self.caseName)).count == Self.animationErrorCases)
        #expect(Set(Self.videoErrors.map(Self.caseName)).count == Self.videoErrorCases)
    }

    // MARK: - Every example has a wording

    /// The library's own names for its settings and conventions, which a user of the command
    /// line never typed: Swift properties, library types, 0-based columns.
    static let libraryTerms: [String] =
        FitParameter.allCases.map(\.rawValue).filter { $0.contains(where: \.isUppercase) }
        + AnimationError.Parameter.allCases.map(\.rawValue).filter { $0.contains(where: \.isUppercase) }
        + RenderParameter.allCases.map(\.rawValue).filter { $0.contains(where: \.isUppercase) }
        + ["invalid render option", "covariance type ", "Timeline.", "FitHistory.", "RenderOptions", "VideoOutput.", "kMeans",
           "line(column", "counted from 0", "0…", "the plane view", "the line view"]

    static var everyError: [any Error] {
        fitErrors.map { $0 as any Error } + dataErrors.map { $0 as any Error } + renderErrors.map { $0 as any Error }
            + animationErrors.map { $0 as any Error } + videoErrors.map { $0 as any Error } + fileErrors.map { $0 as any Error }
    }

    @Test func everyErrorHasAOneLineWordingInTheCommandLinesTerms() {
        #expect(Self.everyError.count > 80)
        for error in Self.everyError {
            guard let message = ErrorMessages.message(for: error) else {
                Issue.record("no wording for \(error)")
                continue
            }
            #expect(!message.isEmpty && !message.contains(where: \.isNewline), "\(error): \(message.debugDescription)")
            for term in Self.libraryTerms {
                #expect(!message.contains(term), "\(error): \"\(message)\" speaks the library's \"\(term)\"")
            }
        }
    }

    /// Each flag-named setting is worded with its flag.
    @Test func settingsAreNamedByTheirFlags() {
        for p in FitParameter.allCases {
            #expect(ErrorMessages.message(for: FitError.outOfRange(p, value: 0, allowed: 1 ... 10))?.hasPrefix(ErrorMessages.flag(p)) == true)
        }
        for p in AnimationError.Parameter.allCases {
            #expect(ErrorMessages.message(for: AnimationError.outOfRange(p, value: -1, allowed: 0 ... 9))?.hasPrefix(ErrorMessages.flag(p)) == true)
        }
        for p in RenderParameter.allCases {
            #expect(ErrorMessages.message(for: RenderError.invalidOption(p, value: "0", fix: "x"))?.hasPrefix(ErrorMessages.flag(p)) == true)
        }
    }

    /// Columns are counted from 1, as the user types them.
    @Test func columnsAreCountedFromOne() {
        #expect(ErrorMessages.message(for: RenderError.sameAxes(column: 1)) == "--axes 2,2: choose two different columns")
        #expect(ErrorMessages.message(for: RenderError.missingColumn(view: .line(column: 2), column: 2, columns: 2))
            == "--view 1d:3: the data has 2 columns, numbered 1 to 2")
        #expect(ErrorMessages.message(for: RenderError.missingPoint(point: 272, points: 272))
            == "--pin 273: the data has 272 rows; pin rows 1 to 272, counted from the first data row")
    }

    /// Errors about the inputs name them as the user gave them.
    @Test func inputsAreNamedAsGiven() {
        let samples = InputContext(error: FitError.tooFewSamples(samples: 1, components: 3), data: "in.csv")
        #expect(ErrorMessages.message(for: samples)?.hasPrefix("in.csv has 1 sample but") == true)
        let history = InputContext(error: RenderError.historyDimension(history: 3, data: 2), data: "in.csv", history: "h.json")
        #expect(ErrorMessages.message(for: history)
            == "h.json is a fit of 3-dimensional data but in.csv has 2 columns; give the data it was fitted on with --data")
    }
}
