import Foundation
import RDFModel

/// What the W3C test suites the tests run (RDF's N-Triples and Turtle suites,
/// SHACL's core suite) have in common: the manifest vocabulary, a manifest
/// graph with its `mf:entries` lists, the `known-issues.tsv` table, and the
/// errors of reading them. Each suite's own entries are read by its tests.

/// The test manifest vocabulary (`mf:`).
public enum MF {
    public static let ns = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
    public static let Manifest = IRI(constant: ns + "Manifest")
    public static let entries = IRI(constant: ns + "entries")
    public static let include = IRI(constant: ns + "include")
    public static let name = IRI(constant: ns + "name")
    public static let action = IRI(constant: ns + "action")
    public static let result = IRI(constant: ns + "result")
    public static let status = IRI(constant: ns + "status")
    public static let assumedTestBase = IRI(constant: ns + "assumedTestBase")
}

public enum ManifestError: Error, CustomStringConvertible {
    case missingResource(String)
    case noManifestNode(String)
    case brokenList(String, at: String)
    case missing(entry: String, what: String)
    case unknownType(entry: String, types: [String])
    case missingFile(entry: String, path: String)
    case notAFile(String)
    case badKnownIssues(line: Int, text: String)

    public var description: String {
        switch self {
        case .missingResource(let r): return "resource \(r) is not in the test bundle"
        case .noManifestNode(let m): return "\(m): no node has rdf:type mf:Manifest"
        case .brokenList(let m, let at): return "\(m): the rdf:List of mf:entries is broken at \(at)"
        case .missing(let e, let what): return "\(e): no \(what)"
        case .unknownType(let e, let types): return "\(e): no known test type among \(types)"
        case .missingFile(let e, let path): return "\(e): file \(path) is missing"
        case .notAFile(let iri): return "\(iri) is not a file in the suite"
        case .badKnownIssues(let line, let text): return "known-issues.tsv line \(line): expected 'test<TAB>reason', got \(text.debugDescription)"
        }
    }
}

/// A manifest file's graph, indexed by subject and predicate.
public struct ManifestGraph {
    /// The manifest file, for errors.
    public let file: String
    public let triples: [Triple]
    private var index: [Term: [IRI: [Term]]] = [:]

    public init(_ triples: [Triple], file: String) {
        self.file = file
        self.triples = triples
        for t in triples { index[t.subject, default: [:]][t.predicate, default: []].append(t.object) }
    }

    public func objects(_ s: Term, _ p: IRI) -> [Term] { index[s]?[p] ?? [] }
    public func object(_ s: Term, _ p: IRI) -> Term? { objects(s, p).first }

    /// The value of `p` on `node`, which the entry `entry` must have (`what` names it in the error).
    public func required(_ node: Term, _ p: IRI, entry: String, what: String) throws -> Term {
        guard let value = object(node, p) else { throw ManifestError.missing(entry: entry, what: what) }
        return value
    }

    /// The nodes with `rdf:type mf:Manifest`, in the order of the file.
    public var manifests: [Term] {
        triples.filter { $0.predicate == RDF.type && $0.object == .iri(MF.Manifest) }.map(\.subject)
    }

    /// The members of every `mf:entries` list of `manifest`, in order.
    public func entries(of manifest: Term) throws -> [Term] {
        try objects(manifest, MF.entries).flatMap { try list($0) }
    }

    /// The members of the `rdf:List` starting at `head`.
    public func list(_ head: Term) throws -> [Term] {
        let first = IRI(constant: RDF.ns + "first"), rest = IRI(constant: RDF.ns + "rest"), end = Term.iri(IRI(constant: RDF.ns + "nil"))
        var members: [Term] = []
        var seen: Set<Term> = []
        var cell = head
        while cell != end {
            guard seen.insert(cell).inserted, let member = object(cell, first), let next = object(cell, rest)
            else { throw ManifestError.brokenList(file, at: cell.description) }
            members.append(member)
            cell = next
        }
        return members
    }
}

/// A suite's `known-issues.tsv`: the entries the project does not pass, by entry id, with the reason.
public enum KnownIssues {
    /// Lines `id<TAB>reason`; the header line `test<TAB>reason`, blank lines
    /// and lines starting with `#` are skipped. An id may be listed once.
    public static func parse(_ text: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") || (n == 0 && line.hasPrefix("test\t")) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty, out[String(fields[0])] == nil else {
                throw ManifestError.badKnownIssues(line: n + 1, text: String(line))
            }
            out[String(fields[0])] = String(fields[1])
        }
        return out
    }
}
