import Crypto
import RDFModel
import SHACL

/// A triple kept out of the graph, with the reason.
public struct RejectedTriple: Sendable, Hashable {
    public let triple: Triple
    public let reason: String

    public init(triple: Triple, reason: String) {
        self.triple = triple
        self.reason = reason
    }
}

/// `rejected.ttl`: each rejected triple, reified, with the reason.
public enum RejectionReport {
    public static func triples(_ rejected: [RejectedTriple]) -> [Triple] {
        var out = Set<Triple>()
        for r in rejected {
            let key = lowercaseHex(SHA256.hash(data: Array(r.triple.description.utf8)))
            let node = Term.iri(IRI(constant: "urn:newsgraph:rejected:" + String(key.prefix(16))))
            out.insert(Triple(node, RDF.type, .iri(RDF.statement)))
            out.insert(Triple(node, RDF.subject, r.triple.subject))
            out.insert(Triple(node, RDF.predicate, .iri(r.triple.predicate)))
            out.insert(Triple(node, RDF.object, r.triple.object))
            out.insert(Triple(node, RDFS.comment, .literal(Literal(r.reason))))
        }
        return out.sorted()
    }
}
