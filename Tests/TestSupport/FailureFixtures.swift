import Foundation
import GMM

/// Data sets on which a fit goes wrong in a known way, the same in every test target.
///
/// Two rings of 30 points around (−4, −2) and (3, 2), and points far from both: fitted with
/// K = 3 from ``means``, the third component is pulled away from the rings onto the lone points.
public enum FailureFixtures {
    /// The two rings: 60 points placed on ellipses of radius 0.6…1.1, no random numbers.
    static var rings: [[Double]] {
        [(-4.0, -2.0), (3.0, 2.0)].flatMap { centre in
            (0 ..< 30).map { i -> [Double] in
                let angle = 2 * Double.pi * Double(i) / 30, radius = 0.6 + 0.5 * Double((i * 7) % 5) / 4
                return [centre.0 + radius * cos(angle), centre.1 + 0.8 * radius * sin(angle)]
            }
        }
    }

    /// The rings and one lone point at (6.5, −6): with `--reg-covar 0`, the third component
    /// falls onto the lone point within a few iterations and its covariance collapses to zero.
    public static var collapse: [[Double]] { rings + [[6.5, -6]] }

    /// The rings and two lone points: the third component settles on the pair and converges
    /// holding N₃ ≈ 2 points, a needle along the line through them.
    public static var starved: [[Double]] { rings + [[6.5, -6], [5, -4.5]] }

    /// The initial means of both fixtures: one per ring, the third between the rings and the
    /// lone points.
    public static let means: [[Double]] = [[-4, -2], [3, 2], [3, -2]]
    /// ``means`` as the command line takes them.
    public static let meansArgument = "-4,-2;3,2;3,-2"

    /// Writes `rows` as a CSV with header x,y into `directory` and returns its path.
    public static func write(_ rows: [[Double]], named name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        let text = "x,y\n" + rows.map { "\($0[0]),\($0[1])" }.joined(separator: "\n") + "\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
