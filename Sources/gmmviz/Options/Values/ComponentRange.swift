import ArgumentParser

/// `select --k`: the numbers of components to try, "FIRST...LAST" or one number. Which K a fit
/// accepts is the library's check.
struct ComponentRange: ParsedValue, Equatable {
    let range: ClosedRange<Int>

    init(_ range: ClosedRange<Int>) { self.range = range }

    init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.components(separatedBy: "...")
        let bounds = parts.map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 1 || parts.count == 2, let lo = bounds.first ?? nil, let hi = bounds.last ?? nil else {
            throw ValidationError("not a range of K; write it as FIRST...LAST, e.g. 1...8")
        }
        guard lo <= hi else { throw ValidationError("the range is empty; write the smaller K first, e.g. \(hi)...\(lo)") }
        range = lo ... hi
    }
}
