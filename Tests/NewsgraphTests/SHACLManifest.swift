import Foundation
import Build
import Extraction
import SHACL
import Validation
import Lookup
import Load
import RDFModel
import RaptorIO
import Testing
import W3CTestSupport

/// Reading the W3C SHACL test suite (`W3C-SHACL/data-shapes/tests/core`) from
/// its manifests with the project's own Turtle parser: the core manifest's
/// `mf:include`s are followed, and each included file's `mf:entries` list gives
/// the tests. Each file is parsed with its `file:` URL as base, so `<>` is the
/// file itself and `<x-data.ttl>` its neighbour.

/// The folder of the copied suite, found from this file's path.
let shaclSuiteFolder: URL = {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()
    return url.appendingPathComponent("W3C-SHACL", isDirectory: true)
}()

enum SHACLTestVocabulary {
    static let ns = "http://www.w3.org/ns/shacl-test#"
    static let Validate = IRI(constant: ns + "Validate")
    static let dataGraph = IRI(constant: ns + "dataGraph")
    static let shapesGraph = IRI(constant: ns + "shapesGraph")
}

/// One `sht:Validate` entry of the suite.
struct SHACLTestEntry: Sendable, Hashable, CustomTestStringConvertible {
    /// The entry's path relative to `tests/`, with its fragment: `core/node/class-001.ttl#class-001`.
    let id: String
    let label: String
    let manifestPath: String
    /// The entry node's IRI in the manifest.
    let node: IRI
    let dataPath: String
    let shapesPath: String

    var testDescription: String { id }
}

/// A result compared field by field; blank nodes compare by label (the data, the
/// shapes and the expected report come from the same parse where the test names
/// the same file), paths compare structurally.
struct ComparableResult: Hashable, CustomStringConvertible {
    let focusNode: Term
    let path: PropertyPath?
    let value: Term?
    let sourceShape: Term
    let component: IRI
    let severity: IRI
    /// Only compared where the expected report states messages.
    let messages: Set<Literal>?

    var description: String {
        var parts = ["focus \(SHACLText.compact(focusNode))"]
        if let path { parts.append("path \(path.sparql())") }
        if let value { parts.append("value \(SHACLText.compact(value))") }
        parts.append("shape \(SHACLText.compact(sourceShape))")
        parts.append(SHACLText.compact(component))
        parts.append(SHACLText.compact(severity))
        if let messages, !messages.isEmpty { parts.append("messages \(messages.map(\.description).sorted())") }
        return parts.joined(separator: ", ")
    }
}

/// The outcome of running one entry.
struct SHACLTestOutcome {
    let passed: Bool
    let explanation: String
}

enum SHACLSuite {
    static let coreManifest = "tests/core/manifest.ttl"

    static var root: URL { shaclSuiteFolder.appendingPathComponent("data-shapes", isDirectory: true) }

    static func parse(_ path: String, world: RaptorWorld) throws -> [Triple] {
        var triples: [Triple] = []
        try world.parse(file: path, syntax: .turtle) { triples.append($0.triple) }
        return triples
    }

    static func path(of iri: IRI) throws -> String {
        guard let url = URL(string: iri.value), url.isFileURL else { throw ManifestError.notAFile(iri.value) }
        return url.path
    }

    static func relative(_ path: String) -> String {
        let base = root.appendingPathComponent("tests").path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Every entry, in manifest order, following `mf:include` from the core manifest.
    static func entries() throws -> [SHACLTestEntry] {
        let world = try RaptorWorld()
        var out: [SHACLTestEntry] = []
        var visited: Set<String> = []
        func visit(_ file: String) throws {
            guard visited.insert(file).inserted else { return }
            let graph = ManifestGraph(try parse(file, world: world), file: file)
            for manifest in graph.manifests {
                for node in try graph.entries(of: manifest) {
                    guard let iri = node.iri, graph.objects(node, RDF.type).contains(.iri(SHACLTestVocabulary.Validate)) else { continue }
                    let id = relative(file) + "#" + (iri.value.split(separator: "/").last.map(String.init) ?? iri.value)
                    let action = try graph.required(node, MF.action, entry: id, what: "mf:action")
                    guard let data = try graph.required(action, SHACLTestVocabulary.dataGraph, entry: id, what: "sht:dataGraph").iri,
                          let shapes = try graph.required(action, SHACLTestVocabulary.shapesGraph, entry: id, what: "sht:shapesGraph").iri
                    else { throw ManifestError.missing(entry: id, what: "IRIs as sht:dataGraph and sht:shapesGraph") }
                    let label = graph.object(node, RDFS.label)?.literal?.lexicalForm ?? id
                    out.append(SHACLTestEntry(id: id, label: label, manifestPath: file, node: iri,
                                              dataPath: try path(of: data), shapesPath: try path(of: shapes)))
                }
                for include in graph.objects(manifest, MF.include) {
                    guard let iri = include.iri else { continue }
                    try visit(try path(of: iri))
                }
            }
        }
        try visit(root.appendingPathComponent(coreManifest).path)
        return out
    }

    /// The entries, read once per process; empty when the manifests cannot be read
    /// (``loadProblem`` says why and a test fails on it).
    static let cached: Result<[SHACLTestEntry], any Error> = Result { try entries() }
    static var all: [SHACLTestEntry] { (try? cached.get()) ?? [] }

    /// `W3C-SHACL/known-issues.tsv`: entries this engine does not pass, with the reason.
    static let knownIssues: Result<[String: String], any Error> = Result {
        try KnownIssues.parse(String(contentsOf: shaclSuiteFolder.appendingPathComponent("known-issues.tsv"), encoding: .utf8))
    }

    /// Runs one entry: validates its data graph against its shapes graph and compares
    /// `sh:conforms` and the multiset of results with the expected report.
    static func run(_ entry: SHACLTestEntry) throws -> SHACLTestOutcome {
        let world = try RaptorWorld()
        var parsed: [String: [Triple]] = [:]
        func graph(_ path: String) throws -> [Triple] {
            if let g = parsed[path] { return g }
            let g = try parse(path, world: world)
            parsed[path] = g
            return g
        }
        let manifest = IndexedGraph(try graph(entry.manifestPath))
        let engine: SHACLEngine
        do {
            engine = try SHACLEngine(shapesGraph: try graph(entry.shapesPath))
        } catch {
            return SHACLTestOutcome(passed: false, explanation: "the shapes graph was refused: \(error)")
        }
        let report = engine.validate(data: try graph(entry.dataPath))

        guard let expectedNode = manifest.object(.iri(entry.node), MF.result) else {
            throw ManifestError.missing(entry: entry.id, what: "mf:result")
        }
        let expectedConforms = manifest.object(expectedNode, SH.conforms) == .literal(.boolean(true))
        let resultNodes = manifest.objects(expectedNode, SH.result)
        let compareMessages = resultNodes.contains { !manifest.objects($0, SH.resultMessage).isEmpty }
        var expected: [ComparableResult] = []
        for node in resultNodes {
            func one(_ p: IRI) throws -> Term {
                guard let v = manifest.object(node, p) else { throw ManifestError.missing(entry: entry.id, what: SHACLText.compact(p)) }
                return v
            }
            let path = try manifest.object(node, SH.resultPath).map { try PropertyPath.parse($0, in: manifest) }
            expected.append(ComparableResult(
                focusNode: try one(SH.focusNode), path: path, value: manifest.object(node, SH.value),
                sourceShape: try one(SH.sourceShape), component: try one(SH.sourceConstraintComponent).iri ?? SH.Violation,
                severity: try one(SH.resultSeverity).iri ?? SH.Violation,
                messages: compareMessages ? Set(manifest.objects(node, SH.resultMessage).compactMap(\.literal)) : nil))
        }
        let actual = report.results.map {
            ComparableResult(focusNode: $0.focusNode, path: $0.resultPath, value: $0.value, sourceShape: $0.sourceShape,
                             component: $0.sourceConstraintComponent, severity: $0.severity,
                             messages: compareMessages ? Set($0.messages) : nil)
        }
        func multiset(_ rs: [ComparableResult]) -> [ComparableResult: Int] { rs.reduce(into: [:]) { $0[$1, default: 0] += 1 } }
        let e = multiset(expected), a = multiset(actual)
        var problems: [String] = []
        if report.conforms != expectedConforms { problems.append("sh:conforms is \(report.conforms), expected \(expectedConforms)") }
        for (r, n) in e where a[r, default: 0] < n { problems.append("missing \(n - a[r, default: 0])×: \(r)") }
        for (r, n) in a where e[r, default: 0] < n { problems.append("unexpected \(n - e[r, default: 0])×: \(r)") }
        return SHACLTestOutcome(passed: problems.isEmpty, explanation: "\(entry.id) (\(entry.label)):\n  " + problems.sorted().joined(separator: "\n  "))
    }
}
