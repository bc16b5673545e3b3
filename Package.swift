// swift-tools-version:6.0
// newsgraph: a knowledge-graph builder for news on international relations.
//
// Layers, each owning one thing and depending one way (after Oxigraph):
//   CRaptor (C module map + shims)  ->  RaptorIO (the only code touching C pointers)
//   RDFModel (pure Swift terms)     ->  RaptorIO, NewsgraphCore
//   NewsgraphCore (pipeline: reading, extraction, ontology, build)
//   newsgraph (thin CLI on swift-argument-parser)
import PackageDescription

/// Every Swift target is compiled in Swift 6 mode with warnings as errors.
let strict: [SwiftSetting] = [
    .unsafeFlags(["-warnings-as-errors"]),
]

let package = Package(
    name: "newsgraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "newsgraph", targets: ["newsgraph"]),
        .library(name: "NewsgraphCore", targets: ["NewsgraphCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libraptor2 from Debian's libraptor2-dev, found through pkg-config.
        .systemLibrary(
            name: "CRaptor",
            pkgConfig: "raptor2",
            providers: [.apt(["libraptor2-dev"])]
        ),
        // Value-type RDF terms with a canonical order; no C, no I/O.
        .target(name: "RDFModel", swiftSettings: strict),
        // Parsing and serializing through Raptor. C pointers never leave this module.
        .target(name: "RaptorIO", dependencies: ["CRaptor", "RDFModel"], swiftSettings: strict),
        // The pipeline: corpus reading, extraction, ontology checks, build.
        .target(name: "NewsgraphCore", dependencies: ["RDFModel", "RaptorIO"], swiftSettings: strict),
        .executableTarget(
            name: "newsgraph",
            dependencies: [
                "NewsgraphCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "RDFModelTests", dependencies: ["RDFModel"], swiftSettings: strict),
        .testTarget(
            name: "RaptorIOTests",
            dependencies: ["RaptorIO", "RDFModel"],
            resources: [.copy("W3C")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NewsgraphCoreTests",
            dependencies: ["NewsgraphCore", "RDFModel", "RaptorIO"],
            // The W3C SHACL suite and the snapshots are read from the source tree by path, not bundled.
            exclude: ["W3C-SHACL", "Snapshots"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
