// gmmviz-bench: timings for the benchmark scripts under scripts/ (not a user command; build it
// in release: swift build -c release --product gmmviz-bench).
//
//   gmmviz-bench em DATA.f64 DIM INIT.json ITERATIONS [THREADS|all] [TYPE]
//       Fits the raw little-endian float64 samples (N × DIM, row-major) from the initial model
//       in INIT.json ({"weights", "means", "covariances"}, covariances of TYPE's structure) for
//       exactly ITERATIONS EM iterations (tol 0, reg_covar 1e-6) with covariance type TYPE
//       (default full); prints one JSON line with the seconds per iteration.
//   gmmviz-bench render POINTS [FRAMES]
//       Renders a 1000×600 demo-like frame with POINTS points FRAMES times (default 60);
//       prints the median, minimum and mean milliseconds.
//   gmmviz-bench render-large [FRAMES]
//       Renders the 1000×600 demo-like frame with 1,000,000 points (a density image) and with
//       100,000 points drawn as discs with the density image turned off (the renderer's previous
//       way), FRAMES times each (default 30); prints both medians.
//   gmmviz-bench gif-synthetic FRAMES
//       Quantises and encodes FRAMES synthetic 1000×600 plot frames into a byte counter;
//       prints per-frame milliseconds and the peak resident memory.
//   gmmviz-bench csv FILE [REPEATS]
//       Reads the CSV file FILE with CSVReader REPEATS times (default 5), file read included;
//       prints one JSON line with the shape and the minimum and median seconds.
//   gmmviz-bench png [REPEATS]
//       Encodes the demo's 19 frames as PNG with libdeflate (the library's encoder) and with
//       the hand-written compressor it replaced, in the library's container; prints the best
//       ms per frame and the total bytes.
//   gmmviz-bench encode-raw --width W --height H --delay CS --output OUT.gif -- FRAME.rgb …
//       Encodes raw RGB frames (what scripts/bench-gif.py passes) and prints the figures.
import Foundation
import GMM
import GMMGIF
import GMMRender

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func benchEM(_ args: [String]) throws {
    let usage = "usage: gmmviz-bench em DATA.f64 DIM INIT.json ITERATIONS [THREADS|all] [full|tied|diag|spherical]"
    guard args.count >= 4, let dim = Int(args[1]), let iterations = Int(args[3]) else {
        throw BenchFailure(description: usage)
    }
    let threads = args.count > 4 ? Int(args[4]) : nil
    guard let type = args.count > 5 ? CovarianceType(name: args[5]) : .full else { throw BenchFailure(description: usage) }
    guard let raw = FileManager.default.contents(atPath: args[0]) else { throw BenchFailure(description: "cannot read \(args[0])") }
    let values = raw.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
    let data = try Dataset(values: values, dimension: dim)
    guard let initData = FileManager.default.contents(atPath: args[2]) else { throw BenchFailure(description: "cannot read \(args[2])") }
    let initial = try JSONDecoder().decode(MixtureParameters.self, from: initData)
    let gmm = GaussianMixture(components: initial.components, covarianceType: type,
                              options: FitOptions(maxIterations: iterations, tolerance: 0, threads: threads))
    var result: FitResult?
    // One warm-up fit of one iteration pages the data in.
    _ = try GaussianMixture(components: initial.components, covarianceType: type,
                            options: FitOptions(maxIterations: 1, tolerance: 0, threads: threads))
        .fit(data, initialization: .parameters(initial))
    let t = try seconds { result = try gmm.fit(data, initialization: .parameters(initial)) }
    let ll = result?.history.final.logLikelihood ?? .nan
    print("{\"samples\": \(data.count), \"components\": \(initial.components), \"iterations\": \(iterations), "
        + "\"threads\": \(threads.map(String.init) ?? "\"all\""), \"covariance_type\": \"\(type)\", \"seconds_per_iteration\": \(t / Double(iterations)), \"final_log_likelihood\": \(ll)}")
}

func benchRender(_ args: [String]) throws {
    guard let points = args.first.flatMap(Int.init) else { throw BenchFailure(description: "usage: gmmviz-bench render POINTS [FRAMES]") }
    let frames = args.count > 1 ? Int(args[1]) ?? 60 : 60
    let f = try RenderBenchmark.run(points: points, iterations: frames)
    print("{\"points\": \(f.points), \"width\": \(f.width), \"height\": \(f.height), \"frames\": \(f.iterations), "
        + "\"median_ms\": \(f.median), \"min_ms\": \(f.minimum), \"mean_ms\": \(f.mean)}")
}

func benchRenderLarge(_ args: [String]) throws {
    let frames = args.first.flatMap(Int.init) ?? 30
    var discs = RenderOptions()
    discs.densityAbove = Int.max
    let baseline = try RenderBenchmark.run(points: 100_000, iterations: frames, options: discs)
    let large = try RenderBenchmark.run(points: 1_000_000, iterations: frames)
    print("{\"points\": 1000000, \"density_median_ms\": \(large.median), \"density_min_ms\": \(large.minimum), "
        + "\"baseline_points\": 100000, \"baseline_discs_median_ms\": \(baseline.median), \"baseline_min_ms\": \(baseline.minimum)}")
}

func benchCSV(_ args: [String]) throws {
    guard let path = args.first else { throw BenchFailure(description: "usage: gmmviz-bench csv FILE [REPEATS]") }
    let repeats = max(1, args.count > 1 ? Int(args[1]) ?? 5 : 5)
    var times = [Double]()
    var shape = (0, 0)
    for _ in 0 ..< repeats {
        times.append(try seconds {
            let data = try CSVReader.read(path: path)
            shape = (data.count, data.dimension)
        })
    }
    times.sort()
    print("{\"samples\": \(shape.0), \"dimension\": \(shape.1), \"repeats\": \(repeats), "
        + "\"min_seconds\": \(times[0]), \"median_seconds\": \(times[times.count / 2])}")
}

func benchGIFSynthetic(_ args: [String]) throws {
    guard let frames = args.first.flatMap(Int.init), frames > 0 else { throw BenchFailure(description: "usage: gmmviz-bench gif-synthetic FRAMES") }
    print(try GIFBenchmark.runSynthetic(frameCount: frames).json)
}

func encodeRaw(_ args: [String]) throws {
    var width = 0, height = 0, delay = 50
    var output: String?
    var files = [String]()
    var i = 0
    while i < args.count {
        switch args[i] {
        case "--width": width = Int(args[i + 1]) ?? 0; i += 2
        case "--height": height = Int(args[i + 1]) ?? 0; i += 2
        case "--delay": delay = Int(args[i + 1]) ?? 50; i += 2
        case "--output": output = args[i + 1]; i += 2
        case "--": files = Array(args[(i + 1)...]); i = args.count
        default: throw BenchFailure(description: "encode-raw: unknown argument \(args[i])")
        }
    }
    guard let output, width > 0, height > 0, !files.isEmpty else {
        throw BenchFailure(description: "usage: gmmviz-bench encode-raw --width W --height H --delay CS --output OUT.gif -- FRAME.rgb …")
    }
    let report = try GIFBenchmark.encodeRawFrames(paths: files, width: width, height: height, delay: delay, output: output,
                                                 seeds: RenderPalette(theme: .light).exactColors(components: 3))
    print(report.json)
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "em": try benchEM(Array(arguments.dropFirst()))
    case "render": try benchRender(Array(arguments.dropFirst()))
    case "render-large": try benchRenderLarge(Array(arguments.dropFirst()))
    case "gif-synthetic": try benchGIFSynthetic(Array(arguments.dropFirst()))
    case "csv": try benchCSV(Array(arguments.dropFirst()))
    case "png": print(try PNGBenchmark.run(repeats: arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5))
    case "encode-raw": try encodeRaw(Array(arguments.dropFirst()))
    default: throw BenchFailure(description: "usage: gmmviz-bench em|render|render-large|gif-synthetic|csv|png|encode-raw … (see the comment at the top of main.swift)")
    }
} catch {
    FileHandle.standardError.write(Data("gmmviz-bench: \(error)\n".utf8))
    exit(1)
}
