import GMM
import Testing

/// The settings a selection or a fit checks before it sees data.
@Suite("Settings checked before the data")
struct SettingsValidationTests {
    @Test func kWithinTheOneCap() throws {
        let cap = GaussianMixture.maxComponents
        try GaussianMixture(components: cap).validate()
        #expect(throws: FitError.outOfRange(.components, value: cap + 1, allowed: 1 ... cap)) {
            try GaussianMixture(components: cap + 1).validate()
        }
        try ModelSelection(components: 1 ... cap).validate()
        #expect(throws: FitError.outOfRange(.components, value: 0, allowed: 1 ... cap)) { try ModelSelection(components: 0 ... 3).validate() }
        #expect(throws: FitError.outOfRange(.components, value: cap + 1, allowed: 1 ... cap)) {
            try ModelSelection(components: 2 ... cap + 1).validate()
        }
    }

    @Test func typesStartAndOptions() {
        #expect(throws: FitError.noCovarianceTypes) { try ModelSelection(components: 1 ... 2, covarianceTypes: []).validate() }
        #expect(throws: FitError.selectionNeedsDataDrivenStart) {
            try ModelSelection(components: 1 ... 2, initialization: .means([[0, 0]])).validate()
        }
        #expect(throws: FitError.outOfRange(.runs, value: 0, allowed: 1 ... FitOptions.maxRuns)) {
            try ModelSelection(components: 1 ... 2, options: FitOptions(runs: 0)).validate()
        }
    }
}
