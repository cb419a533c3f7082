import ArgumentParser

/// A `--seed`: a whole number from 0 to 2⁶⁴ − 1, the range of the generators' state.
enum Seed {
    static func parse(_ text: String) throws -> UInt64 {
        guard let seed = UInt64(text) else {
            throw ValidationError("a seed is a whole number from 0 to \(UInt64.max), e.g. 0 or 42")
        }
        return seed
    }
}
