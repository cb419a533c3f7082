// swift-tools-version:6.0
//
// A package that uses gmmviz the way a developer's project would: as a dependency, through its
// library products alone. The gmmviz test suite builds it and checks that the GIF it renders is
// byte for byte the one `gmmviz render` writes.
import PackageDescription

let package = Package(
    name: "Downstream",
    dependencies: [
        .package(name: "gmmviz", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "demo-gif",
            dependencies: [
                .product(name: "GMM", package: "gmmviz"),
                .product(name: "GMMAnimation", package: "gmmviz"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
