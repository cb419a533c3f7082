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
//   gmmviz-bench views [FRAMES]
//       Renders 1000×600 frames of the pairs view (D = 4, 150 points, K = 3) and of the plane
//       with density contours and regions (the demo, 300 points); every frame's mixture differs
//       by a negligible weight, so no frame reuses a cached field. Prints one JSON line each.
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
//   gmmviz-bench frame-cost DATA.csv HISTORY.json [REPEATS]
//       With the final model of the fit HISTORY.json of DATA.csv: the seconds of one EM
//       iteration, of one E-step, of drawing one 1000×600 density frame from stored
//       responsibilities, and of the same frame as the renderer draws it; medians of REPEATS
//       (default 3), one JSON line. scripts/bench-scale.py runs it.
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

/// The calling thread's CPU time in seconds: unlike wall time, it does not count the time the
/// thread waits for a core, so it stays meaningful on a machine busy with other work.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Median, minimum and mean wall milliseconds of `body` over `frames` runs after two
/// warm-ups, and the median thread CPU milliseconds.
func timings(frames: Int, _ body: (Int) throws -> Void) rethrows -> (median: Double, min: Double, mean: Double, cpu: Double) {
    for i in 0 ..< 2 { try body(-1 - i) }
    var times = [Double](), cpu = [Double]()
    for i in 0 ..< max(1, frames) {
        let c0 = threadCPUSeconds()
        times.append(try seconds { try body(i) } * 1000)
        cpu.append((threadCPUSeconds() - c0) * 1000)
    }
    times.sort()
    cpu.sort()
    return (times[times.count / 2], times[0], times.reduce(0, +) / Double(times.count), cpu[cpu.count / 2])
}

func benchViews(_ args: [String]) throws {
    let frames = args.first.flatMap(Int.init) ?? 60
    // Pairs: three blobs in four dimensions, 50 points each, fitted with K = 3.
    let means4 = [[0.0, 0, 0, 0], [4, 1, 3, -2], [-3, 4, 1, 2]]
    let blobs = try BlobGenerator.generate(means: means4, count: 50, seed: 1)
    let fit = try GaussianMixture(components: 3).fit(blobs, initialization: .kMeans)
    var pairsOptions = RenderOptions()
    pairsOptions.view = .pairs(columns: [0, 1, 2, 3])
    let pairs = try SceneBuilder(history: fit.history, data: blobs, options: pairsOptions)
    let pairsScene = try pairs.scene(at: min(1, pairs.snapshotCount - 1))
    let pairsRenderer = try FrameRenderer(options: pairsOptions)
    let p = try timings(frames: frames) { _ in _ = try pairsRenderer.renderRaster(pairsScene) }
    print("{\"view\": \"pairs\", \"dimensions\": 4, \"points\": \(blobs.count), \"width\": 1000, \"height\": 600, \"frames\": \(frames), "
        + "\"median_ms\": \(p.median), \"min_ms\": \(p.min), \"mean_ms\": \(p.mean), \"cpu_median_ms\": \(p.cpu)}")

    // Plane with contours and regions: the demo at iteration 1.
    var fieldOptions = RenderOptions()
    fieldOptions.density = .contours
    fieldOptions.showRegions = true
    let demo = try Demo.data()
    let demoFit = try GaussianMixture(components: 3).fit(demo, initialization: .means(Demo.initialMeans))
    let plane = try SceneBuilder(history: demoFit.history, data: demo, options: fieldOptions)
    let planeScene = try plane.scene(at: 1)
    let fieldRenderer = try FrameRenderer(options: fieldOptions)
    let cold = try timings(frames: frames) { i in
        var scene = planeScene
        // A different mixture each frame (by 1e-12 of a weight), so the field is computed anew.
        scene.components[0].weight += 1e-12 * Double(i + 3)
        _ = try fieldRenderer.renderRaster(scene)
    }
    let warm = try timings(frames: frames) { _ in _ = try fieldRenderer.renderRaster(planeScene) }
    print("{\"view\": \"plane --density contours --regions\", \"points\": \(demo.count), \"width\": 1000, \"height\": 600, \"frames\": \(frames), "
        + "\"median_ms\": \(cold.median), \"min_ms\": \(cold.min), \"mean_ms\": \(cold.mean), \"cpu_median_ms\": \(cold.cpu), \"cached_median_ms\": \(warm.median), \"cached_cpu_median_ms\": \(warm.cpu)}")

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
    case "views": try benchViews(Array(arguments.dropFirst()))
    case "render-large": try benchRenderLarge(Array(arguments.dropFirst()))
    case "gif-synthetic": try benchGIFSynthetic(Array(arguments.dropFirst()))
    case "csv": try benchCSV(Array(arguments.dropFirst()))
    case "frame-cost": try benchFrameCost(Array(arguments.dropFirst()))
    case "png": print(try PNGBenchmark.run(repeats: arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5))
    case "encode-raw": try encodeRaw(Array(arguments.dropFirst()))
    default: throw BenchFailure(description: "usage: gmmviz-bench em|render|render-large|views|gif-synthetic|csv|png|encode-raw … (see the comment at the top of main.swift)")
    }
} catch {
    FileHandle.standardError.write(Data("gmmviz-bench: \(error)\n".utf8))
    exit(1)
}
