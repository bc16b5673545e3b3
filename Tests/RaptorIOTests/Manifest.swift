import Foundation
import RDFModel
import Testing
@testable import RaptorIO
import W3CTestSupport

/// Reading W3C test manifests (`manifest.ttl`) with the project's own Turtle
/// parser, into entries that the conformance tests run.

/// One of the W3C test suites under `W3C/rdf-tests`.
struct W3CSuite: Sendable, Hashable, CustomStringConvertible {
    /// For messages and the summary line: "N-Triples", "Turtle".
    let title: String
    /// The suite's directory, relative to `W3C/rdf-tests`.
    let directory: String
    /// The suite's namespace. The manifest is read with `namespace + "manifest.ttl"`
    /// as its base, so an entry's `mf:action` is `namespace + file name`.
    let namespace: String

    static let ntriples = W3CSuite(title: "N-Triples", directory: "rdf/rdf11/rdf-n-triples",
                                   namespace: "http://www.w3.org/2013/N-TriplesTests/")
    static let turtle = W3CSuite(title: "Turtle", directory: "rdf/rdf11/rdf-turtle",
                                 namespace: "http://www.w3.org/2013/TurtleTests/")

    var description: String { title }

    /// `rdf/rdf11/rdf-turtle/manifest.ttl`: the prefix of every entry's ``ManifestEntry/id``.
    var manifestPath: String { directory + "/manifest.ttl" }

    /// The copied test suites in the test bundle.
    static func root() throws -> URL {
        guard let w3c = Bundle.module.url(forResource: "W3C", withExtension: nil) else {
            throw ManifestError.missingResource("W3C")
        }
        return w3c.appendingPathComponent("rdf-tests", isDirectory: true)
    }

    func directoryURL() throws -> URL { try W3CSuite.root().appendingPathComponent(directory, isDirectory: true) }
}

/// One test of a manifest.
struct ManifestEntry: Sendable, Hashable, Identifiable, CustomTestStringConvertible {
    enum Kind: String, Sendable, Hashable {
        case positiveSyntax, negativeSyntax, eval, negativeEval
    }

    let suite: W3CSuite
    /// Manifest-relative name: `rdf/rdf11/rdf-turtle/manifest.ttl#IRI_subject`.
    /// Unique across suites; the key of `known-issues.tsv`.
    let id: String
    /// `mf:name`.
    let name: String
    /// The `rdf:type` IRI, e.g. `rdft:TestTurtleEval`.
    let type: IRI
    let kind: Kind
    /// The syntax of the action file.
    let syntax: RDFSyntax
    /// The action file's path in the bundle.
    let actionPath: String
    /// The base IRI to parse the action with.
    let baseIRI: String
    /// The expected N-Triples file's path (eval tests only).
    let resultPath: String?
    /// `rdft:approval`, e.g. `rdft:Approved` (local name), when the manifest gives one.
    let approval: String?

    var testDescription: String { id }
}

enum RDFT {
    static let ns = "http://www.w3.org/ns/rdftest#"
    static let approval = IRI(constant: ns + "approval")
    /// The test types this runner knows, with what they mean.
    static let kinds: [IRI: (ManifestEntry.Kind, RDFSyntax)] = [
        IRI(constant: ns + "TestNTriplesPositiveSyntax"): (.positiveSyntax, .ntriples),
        IRI(constant: ns + "TestNTriplesNegativeSyntax"): (.negativeSyntax, .ntriples),
        IRI(constant: ns + "TestTurtlePositiveSyntax"): (.positiveSyntax, .turtle),
        IRI(constant: ns + "TestTurtleNegativeSyntax"): (.negativeSyntax, .turtle),
        IRI(constant: ns + "TestTurtleEval"): (.eval, .turtle),
        IRI(constant: ns + "TestTurtleNegativeEval"): (.negativeEval, .turtle),
    ]
}

extension W3CSuite {
    /// The suite's entries, in manifest order, read with `RaptorWorld` as Turtle.
    func entries() throws -> [ManifestEntry] {
        let dir = try directoryURL()
        let manifestFile = dir.appendingPathComponent("manifest.ttl").path
        let manifestIRI = namespace + "manifest.ttl"
        var triples: [Triple] = []
        try RaptorLifetime.serialized {
            let world = try RaptorWorld()
            try world.parse(file: manifestFile, syntax: .turtle, baseIRI: manifestIRI) { triples.append($0.triple) }
        }
        let graph = ManifestGraph(triples, file: manifestPath)
        guard let manifest = graph.manifests.first else { throw ManifestError.noManifestNode(manifestPath) }

        // Where the manifest names the base its results assume (mf:assumedTestBase),
        // test files are parsed with that base, else with their IRI in `namespace`.
        let testBase = graph.object(manifest, MF.assumedTestBase)?.iri?.value

        return try graph.entries(of: manifest).map { node in
            let fragment = node.iri.map { Self.fragment(of: $0.value) } ?? node.description
            let id = manifestPath + "#" + fragment
            let types = graph.objects(node, RDF.type).compactMap(\.iri)
            guard let type = types.first(where: { RDFT.kinds[$0] != nil }), let (kind, syntax) = RDFT.kinds[type] else {
                throw ManifestError.unknownType(entry: id, types: types.map(\.value))
            }
            guard let name = try graph.required(node, MF.name, entry: id, what: "mf:name").literal?.lexicalForm,
                  let action = try graph.required(node, MF.action, entry: id, what: "mf:action").iri
            else { throw ManifestError.missing(entry: id, what: "an mf:name string and an mf:action IRI") }
            let actionFile = Self.lastPathComponent(action.value)
            let actionPath = dir.appendingPathComponent(actionFile).path
            guard FileManager.default.fileExists(atPath: actionPath) else {
                throw ManifestError.missingFile(entry: id, path: actionPath)
            }
            var resultPath: String?
            if kind == .eval {
                guard let result = try graph.required(node, MF.result, entry: id, what: "mf:result").iri else {
                    throw ManifestError.missing(entry: id, what: "an mf:result IRI")
                }
                let path = dir.appendingPathComponent(Self.lastPathComponent(result.value)).path
                guard FileManager.default.fileExists(atPath: path) else {
                    throw ManifestError.missingFile(entry: id, path: path)
                }
                resultPath = path
            }
            let approval = graph.object(node, RDFT.approval)?.iri.map { Self.fragment(of: $0.value) }
            return ManifestEntry(
                suite: self, id: id, name: name, type: type, kind: kind, syntax: syntax,
                actionPath: actionPath, baseIRI: testBase.map { $0 + actionFile } ?? action.value,
                resultPath: resultPath, approval: approval)
        }
    }

    /// The entries, read once per process.
    static let cachedNTriples = Result { try W3CSuite.ntriples.entries() }
    static let cachedTurtle = Result { try W3CSuite.turtle.entries() }

    static func lastPathComponent(_ iri: String) -> String {
        String(iri.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(iri))
    }

    static func fragment(of iri: String) -> String {
        guard let hash = iri.lastIndex(of: "#") else { return lastPathComponent(iri) }
        return String(iri[iri.index(after: hash)...])
    }
}

/// `W3C/known-issues.tsv`: entries that Raptor 2.0.15 gets wrong, by entry id, with the reason.
enum RaptorKnownIssues {
    static let table: Result<[String: String], any Error> = Result {
        guard let url = Bundle.module.url(forResource: "W3C", withExtension: nil)?.appendingPathComponent("known-issues.tsv") else {
            throw ManifestError.missingResource("W3C/known-issues.tsv")
        }
        return try KnownIssues.parse(String(contentsOf: url, encoding: .utf8))
    }
}

/// Raptor 2.0.15's `raptor_free_world` calls libxml2's `xmlCleanupParser()`,
/// which frees process-wide libxml2 state, and `raptor_world_open` initialises
/// it again. Worlds made and freed on several threads at once crash the process
/// ("double free or corruption" in `xmlCleanupCharEncodingHandlers`, seen when
/// the W3C cases ran in parallel). The conformance tests therefore make, use and
/// free each world while holding this lock: one world per test case, one at a time.
enum RaptorLifetime {
    private static let lock = NSLock()

    static func serialized<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
