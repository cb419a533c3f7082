// swift-tools-version:6.0
//
// gmmviz: Gaussian mixture models fitted by EM, drawn one step at a time.
//
// The modules follow the data's path: data → fit → history → scene → frame → palette → GIF (and
// the other outputs). An arrow reads "imports"; nothing imports against the arrows.
//
//   GMM           data, fit, history: pure Swift, no C module
//   GMMColor      Oklab colour science: pure Swift
//   GMMImage      the RGB image a frame is drawn into and every later stage reads: pure Swift
//   GMMFiles      atomic output files and their errors (Glibc only)
//   GMMRender     scene → frame                    → GMM, GMMColor, GMMImage, GMMFiles,
//                                                     CCairo, CDeflate, CMalloc
//   GMMGIF        palette → GIF                    → GMMColor, GMMImage, GMMFiles, CGIF
//   GMMAnimation  timeline → scenes → frames → outputs (GIF, frame files, PDF deck, player)
//                                                  → GMM, GMMImage, GMMFiles, GMMRender, GMMGIF
//   gmmviz        the CLI: parses options, calls the libraries, words their errors
//                                                  → GMM, GMMFiles, GMMRender, GMMAnimation,
//                                                     ArgumentParser
//   gmmviz-bench  timings for the scripts under scripts/ → GMM, GMMImage, GMMRender, GMMGIF,
//                                                     SyntheticFrames
//   SyntheticFrames  plot-like frames drawn without the renderer, for the bench and the GIF
//                 tests (no product)              → GMMImage
//   CCairo, CGIF, CDeflate, CMalloc: Debian's C libraries (and glibc's malloc.h), a module map
//                 and a shim each; only GMMRender and GMMGIF import them
//
// Products: every library above but the C targets and SyntheticFrames, and the executables
// gmmviz and gmmviz-bench.
import PackageDescription

let package = Package(
    name: "gmmviz",
    products: [
        .library(name: "GMM", targets: ["GMM"]),
        .library(name: "GMMRender", targets: ["GMMRender"]),
        .library(name: "GMMGIF", targets: ["GMMGIF"]),
        .library(name: "GMMFiles", targets: ["GMMFiles"]),
        .library(name: "GMMColor", targets: ["GMMColor"]),
        .library(name: "GMMImage", targets: ["GMMImage"]),
        .library(name: "GMMAnimation", targets: ["GMMAnimation"]),
        .executable(name: "gmmviz", targets: ["gmmviz"]),
        .executable(name: "gmmviz-bench", targets: ["gmmviz-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `make docs`: the libraries' DocC documentation (a command plugin; nothing links it).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // C libraries from Debian, as system-library targets: a module map and a shim only.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CGIF",
            providers: [.apt(["libgif-dev"])]
        ),
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        // glibc's malloc.h (mallopt), for the allocator settings of a process drawing frames.
        .systemLibrary(name: "CMalloc"),

        // The mixture model: pure Swift, imports no C module.
        .target(name: "GMM"),
        // Colour science shared by the renderer and the GIF palette (Oklab): pure Swift.
        .target(name: "GMMColor"),
        // The RGB image a frame is drawn into and every later stage reads: pure Swift.
        .target(name: "GMMImage"),
        // Every output file goes through one atomic writer (Foundation-free, Glibc only).
        .target(name: "GMMFiles"),
        .target(name: "GMMRender", dependencies: ["GMM", "GMMColor", "GMMImage", "GMMFiles", "CCairo", "CDeflate", "CMalloc"]),
        .target(name: "GMMGIF", dependencies: ["GMMColor", "GMMImage", "GMMFiles", "CGIF"]),
        .target(name: "GMMAnimation", dependencies: ["GMM", "GMMFiles", "GMMImage", "GMMRender", "GMMGIF"]),
        .executableTarget(
            name: "gmmviz",
            dependencies: [
                "GMM", "GMMFiles", "GMMRender", "GMMAnimation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Plot-like frames drawn without the renderer, shared by gmmviz-bench and the GIF tests;
        // no product exports it.
        .target(name: "SyntheticFrames", dependencies: ["GMMImage"]),
        // Timings for the benchmark scripts under scripts/.
        .executableTarget(name: "gmmviz-bench", dependencies: ["GMM", "GMMImage", "GMMRender", "GMMGIF", "SyntheticFrames"]),

        // Tests: one target per module plus shared helpers.
        .target(name: "TestSupport", dependencies: ["GMM", "CGIF", "CCairo"], path: "Tests/TestSupport"),
        .testTarget(name: "GMMTests", dependencies: ["GMM", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GMMRenderTests", dependencies: ["GMMImage", "GMMRender", "GMMColor", "GMMFiles", "GMM", "TestSupport"]),
        .testTarget(name: "GMMGIFTests", dependencies: ["GMMImage", "GMMGIF", "GMMFiles", "CGIF", "SyntheticFrames", "TestSupport"]),
        .testTarget(name: "GMMAnimationTests", dependencies: ["GMMImage", "GMMAnimation", "GMMFiles", "GMMRender", "GMMGIF", "GMM", "TestSupport"]),
        .testTarget(name: "GMMFilesTests", dependencies: ["GMMFiles", "TestSupport"]),
        .testTarget(name: "GMMColorTests", dependencies: ["GMMColor"]),
        .testTarget(name: "GMMVizTests", dependencies: ["gmmviz", "GMM", "GMMRender", "GMMAnimation", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
