// swift-tools-version:6.0
//
// gmmviz: Gaussian mixture models fitted by EM, drawn one step at a time.
//
// The modules follow the data's path and depend in one direction only:
//
//   GMM (pure Swift: data → fit → history)
//     └─ GMMRender (scene → frame, the only importer of CCairo, CDeflate and CMalloc)
//   GMMGIF (palette → GIF, the only importer of CGIF)
//   GMMColor (Oklab colour conversions shared by GMMRender and GMMGIF)
//   GMMFiles (atomic output files and their errors; used by GMMRender, GMMGIF and the CLI)
//   GMMAnimation (timeline → parallel frames → outputs: the GIF, frame files; uses all above)
//   gmmviz (the CLI: parses options, calls the libraries, words their errors)
//   gmmviz-bench (timings; its synthetic GIF frames come from SyntheticFrames, not a product)
import PackageDescription

let package = Package(
    name: "gmmviz",
    products: [
        .library(name: "GMM", targets: ["GMM"]),
        .library(name: "GMMRender", targets: ["GMMRender"]),
        .library(name: "GMMGIF", targets: ["GMMGIF"]),
        .library(name: "GMMFiles", targets: ["GMMFiles"]),
        .library(name: "GMMColor", targets: ["GMMColor"]),
        .library(name: "GMMAnimation", targets: ["GMMAnimation"]),
        .executable(name: "gmmviz", targets: ["gmmviz"]),
        .executable(name: "gmmviz-bench", targets: ["gmmviz-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        // Every output file goes through one atomic writer (Foundation-free, Glibc only).
        .target(name: "GMMFiles"),
        .target(name: "GMMRender", dependencies: ["GMM", "GMMColor", "GMMFiles", "CCairo", "CDeflate", "CMalloc"]),
        .target(name: "GMMGIF", dependencies: ["GMMColor", "GMMFiles", "CGIF"]),
        .target(name: "GMMAnimation", dependencies: ["GMM", "GMMFiles", "GMMRender", "GMMGIF"]),
        .executableTarget(
            name: "gmmviz",
            dependencies: [
                "GMM", "GMMFiles", "GMMRender", "GMMAnimation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Plot-like frames drawn without the renderer, shared by gmmviz-bench and the GIF tests;
        // no product exports it.
        .target(name: "SyntheticFrames", dependencies: ["GMMGIF"]),
        // Timings for the benchmark scripts under scripts/.
        .executableTarget(name: "gmmviz-bench", dependencies: ["GMM", "GMMRender", "GMMGIF", "SyntheticFrames"]),

        // Tests: one target per module plus shared helpers.
        .target(name: "TestSupport", dependencies: ["GMM", "CGIF", "CCairo"], path: "Tests/TestSupport"),
        .testTarget(name: "GMMTests", dependencies: ["GMM", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GMMRenderTests", dependencies: ["GMMRender", "GMMColor", "GMMFiles", "GMM", "TestSupport"]),
        .testTarget(name: "GMMGIFTests", dependencies: ["GMMGIF", "GMMFiles", "CGIF", "SyntheticFrames", "TestSupport"]),
        .testTarget(name: "GMMAnimationTests", dependencies: ["GMMAnimation", "GMMRender", "GMMGIF", "GMM", "TestSupport"]),
        .testTarget(name: "GMMFilesTests", dependencies: ["GMMFiles", "TestSupport"]),
        .testTarget(name: "GMMColorTests", dependencies: ["GMMColor"]),
        .testTarget(name: "GMMVizTests", dependencies: ["gmmviz", "GMM", "GMMRender", "GMMAnimation", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
