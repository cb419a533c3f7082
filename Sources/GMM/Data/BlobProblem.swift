/// What ``BlobGenerator`` cannot draw from, as values a caller can word in its own terms.
/// Mean indices are 0-based; descriptions count from 1.
public enum BlobProblem: Sendable, Equatable, CustomStringConvertible {
    /// No means, or a first mean with no coordinates.
    case noMeans
    /// Mean `mean` has `coordinates` coordinates, the first mean `dimension`.
    case meanDimension(mean: Int, coordinates: Int, dimension: Int)
    /// Mean `mean` holds a NaN or an infinity.
    case meanNotFinite(mean: Int)
    /// The points per blob, `count`, lie outside `allowed`.
    case count(Int, allowed: ClosedRange<Int>)
    /// The standard deviation is not a positive finite number.
    case standardDeviation(Double)

    public var description: String {
        switch self {
        case .noMeans:
            return "give at least one blob mean, of at least one coordinate"
        case let .meanDimension(mean, coordinates, d):
            return "blob mean \(mean + 1) has \(coordinates) coordinate\(coordinates == 1 ? "" : "s") but mean 1 has \(d); give every mean \(d)"
        case let .meanNotFinite(mean):
            return "blob mean \(mean + 1) has a value that is not finite"
        case let .count(count, allowed):
            guard count >= allowed.lowerBound else {
                return "the count of points per blob must be at least \(allowed.lowerBound), got \(count)"
            }
            return "the count of points per blob, \(count), is more than \(allowed.upperBound); lower it"
        case let .standardDeviation(std):
            return "the standard deviation must be a positive number, got \(std)"
        }
    }
}
