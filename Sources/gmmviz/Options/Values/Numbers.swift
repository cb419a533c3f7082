import ArgumentParser

/// The numeric options' values, parsed where ArgumentParser reads them so that a value that is
/// not a number is refused with what to write instead. What the number may be (its range) is
/// the libraries' to check, and ``ErrorMessages`` words their errors with the range.
enum Numbers {
    /// A whole number, e.g. `3` or `-1` (a range check follows).
    static func whole(_ text: String) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            let hint = Double(text) != nil ? "a whole number without a fraction or exponent" : "a whole number"
            throw ValidationError("not \(hint); write e.g. 3")
        }
        return value
    }

    /// A decimal number, e.g. `0.001` or `1e-6`; `nan` and `inf` parse and are refused by the
    /// range checks that follow.
    static func decimal(_ text: String) throws -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("not a number; write e.g. 0.5 or 1e-3")
        }
        return value
    }
}
