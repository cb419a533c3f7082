// gmmviz-bench: timings for the benchmark scripts under scripts/ (not a user command).
//
//   gmmviz-bench em DATA.f64 DIM INIT.json ITERATIONS [THREADS]
//       Fits the raw little-endian float64 samples (N × DIM, row-major) from the initial model
//       in INIT.json ({"weights", "means", "covariances"}) for exactly ITERATIONS EM iterations
//       (tol 0, reg_covar 1e-6) and prints one JSON line with the seconds per iteration.
import Foundation
import GMM

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func benchEM(_ args: [String]) throws {
    guard args.count >= 4, let dim = Int(args[1]), let iterations = Int(args[3]) else {
        throw BenchFailure(description: "usage: gmmviz-bench em DATA.f64 DIM INIT.json ITERATIONS [THREADS]")
    }
    let threads = args.count > 4 ? Int(args[4]) : nil
    guard let raw = FileManager.default.contents(atPath: args[0]) else { throw BenchFailure(description: "cannot read \(args[0])") }
    let values = raw.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
    let data = try Dataset(values: values, dimension: dim)
    guard let initData = FileManager.default.contents(atPath: args[2]) else { throw BenchFailure(description: "cannot read \(args[2])") }
    let initial = try JSONDecoder().decode(MixtureParameters.self, from: initData)
    let gmm = GaussianMixture(components: initial.components,
                              options: FitOptions(maxIterations: iterations, tolerance: 0, threads: threads))
    var result: FitResult?
    // One warm-up fit of one iteration pages the data in.
    _ = try GaussianMixture(components: initial.components, options: FitOptions(maxIterations: 1, tolerance: 0, threads: threads))
        .fit(data, initialization: .parameters(initial))
    let t = try seconds { result = try gmm.fit(data, initialization: .parameters(initial)) }
    let ll = result?.history.final.logLikelihood ?? .nan
    print("{\"samples\": \(data.count), \"components\": \(initial.components), \"iterations\": \(iterations), "
        + "\"threads\": \(threads.map(String.init) ?? "\"all\""), \"seconds_per_iteration\": \(t / Double(iterations)), \"final_log_likelihood\": \(ll)}")
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "em": try benchEM(Array(arguments.dropFirst()))
    default: throw BenchFailure(description: "usage: gmmviz-bench em …")
    }
} catch {
    FileHandle.standardError.write(Data("gmmviz-bench: \(error)\n".utf8))
    exit(1)
}
