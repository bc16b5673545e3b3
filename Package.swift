// swift-tools-version:6.0
// newsgraph: a knowledge-graph builder for news on international relations.
//
// One target per stage, every arrow pointing one way (after Oxigraph's crates):
//
//   CRaptor ─▶ RaptorIO ─────────────────────────────┐
//   RDFModel ─▶ every other target                   │
//                                                    ▼
//   Language (lexicon, tokens, cues, people, dates) ─▶ Corpus, Extraction, Assembly, Build
//   Corpus (folders → documents) ─▶ Assembly, Build
//   Facts (values) ─▶ Extraction (text → facts) ─▶ Assembly (facts → triples) ─▶ Build ─▶ newsgraph (CLI)
//   SHACL (SHACL Core) ─▶ Validation (ontology + shapes) ─▶ Build, newsgraph
//   Lookup (an entity's relations) ─────────────▶ Build, newsgraph
//   Load (Graph Store Protocol) ────────────────────────▶ newsgraph
//
// Extraction, Validation, Lookup and Load know nothing of each other; Build
// wires read → extract → validate → write. Only RaptorIO touches C pointers.
import PackageDescription

/// Every Swift target is compiled in Swift 6 mode with warnings as errors.
let strict: [SwiftSetting] = [
    .unsafeFlags(["-warnings-as-errors"]),
]

let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")

let package = Package(
    name: "newsgraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "newsgraph", targets: ["newsgraph"]),
        .library(name: "Build", targets: ["Build"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 for document hashes and node ids, MD5 and SHA-256 for HTTP Digest authentication.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
        // The language and knowledge layer: takes the lexicon folder and raw text, gives the lexicon
        // (names, titles, patterns, grammar), the office table, entity kinds and event roles, the cleaner,
        // the people of a corpus (`PersonRegistry`), where cue words stand in tokens (`Cue`),
        // sentence splitter and tokenizer, and dates. It knows nothing of facts or extraction.
        .target(name: "Language", dependencies: ["RDFModel"], swiftSettings: strict),
        // Corpus folders → source documents: the walk (symlinks followed, loops detected), decoding,
        // content hashes, and every file skipped with its reason. No extraction.
        .target(name: "Corpus", dependencies: ["Language", "RDFModel", crypto], swiftSettings: strict),
        // The facts a document states, as values: events, relations, observations, quotations and
        // partnerships, each with its evidence. What Extraction gives and Assembly takes.
        .target(name: "Facts", dependencies: ["Language", "RDFModel"], swiftSettings: strict),
        // Text → facts: the pipeline of stages over each document.
        .target(name: "Extraction", dependencies: ["Facts", "Language", "RDFModel"], swiftSettings: strict),
        // Facts → triples: every document's facts merged into one graph, with provenance on every
        // fact and IRIs minted from stable keys.
        .target(name: "Assembly", dependencies: ["Corpus", "Extraction", "Facts", "Language", "RDFModel"], swiftSettings: strict),
        // SHACL Core: a shapes graph and a data graph in, a validation report out; XSD lexical forms.
        // It knows nothing of the ontology, files or newsgraph's facts.
        .target(name: "SHACL", dependencies: ["RDFModel"], swiftSettings: strict),
        // The ontology and the shapes over newsgraph's triples and users' files: which triples conform,
        // the report for those that do not, `RejectedTriple`, and `newsgraph validate`.
        .target(name: "Validation", dependencies: ["RDFModel", "RaptorIO", "SHACL", crypto], swiftSettings: strict),
        // An entity's relations, events and evidence from a graph, through an index beside it.
        .target(name: "Lookup", dependencies: ["RDFModel", "RaptorIO"], swiftSettings: strict),
        // Graphs into SPARQL stores through the Graph Store Protocol.
        .target(name: "Load", dependencies: ["RDFModel", "RaptorIO", crypto], swiftSettings: strict),
        // `newsgraph build`: read → extract → validate → write, and nothing else.
        .target(name: "Build", dependencies: ["RDFModel", "RaptorIO", "Language", "Corpus", "Facts", "Extraction", "Assembly", "SHACL", "Validation", "Lookup"], swiftSettings: strict),
        .executableTarget(
            name: "newsgraph",
            dependencies: [
                "Build", "Validation", "Lookup", "Load", "RDFModel", "RaptorIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // What the W3C suites' tests share: manifest graphs and known-issues tables.
        .target(name: "W3CTestSupport", dependencies: ["RDFModel"], path: "Tests/W3CTestSupport", swiftSettings: strict),
        .testTarget(name: "RDFModelTests", dependencies: ["RDFModel"], swiftSettings: strict),
        .testTarget(
            name: "RaptorIOTests",
            dependencies: ["RaptorIO", "RDFModel", "W3CTestSupport"],
            resources: [.copy("W3C")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NewsgraphTests",
            dependencies: ["Build", "Corpus", "Facts", "Extraction", "Assembly", "Language", "SHACL", "Validation", "Lookup", "Load", "RDFModel", "RaptorIO", "W3CTestSupport"],
            // The W3C SHACL suite and the snapshots are read from the source tree by path, not bundled.
            exclude: ["W3C-SHACL", "Snapshots"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
