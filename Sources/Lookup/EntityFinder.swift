import Foundation
import RDFModel

/// Finds the node a query names: by IRI or CURIE, by any of its names in
/// normal form (label, alternative label, a person's surname, an acronym, a
/// document's title or file), by the beginning of a name, or by a near miss.
///
/// Scores: an IRI 1000, an `owl:sameAs` IRI 950; an exact name 55–100 by its
/// kind (``IndexFormat/NameKind/score``); the beginning of a name 55 (whole
/// words) or 45; a near miss 70 − 12 × the edit distance. The best candidate
/// is taken when it leads the next by at least ``clearLead`` points.
struct EntityFinder {
    let graph: LookupGraph
    static let clearLead = 10

    struct Candidate: Sendable {
        var id: UInt32
        var score: Int
        /// How it matched: a name kind, `iri`, `sameAs`, `prefix` or `nearMiss`.
        var how: String
        /// The normal form of the name that matched.
        var name: String
        var distance: Int?
        var degree: Int
    }

    enum Result {
        case found(Candidate)
        case ambiguous([Candidate])
        case notFound(suggestions: [Candidate])
    }

    func find(_ raw: String) -> Result {
        let query = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        var best: [UInt32: Candidate] = [:]
        func offer(_ id: UInt32, _ score: Int, _ how: String, _ name: String, distance: Int? = nil) {
            if let c = best[id], c.score >= score { return }
            best[id] = Candidate(id: id, score: score, how: how, name: name, distance: distance, degree: graph.index.inDegree(id))
        }
        let index = graph.index

        // An IRI, a CURIE, or a path below the entity namespace.
        if let iri = Self.iri(in: query) {
            if let id = index.find(iri) {
                if index.isSubject(id) { offer(id, 1000, "iri", iri) }
                for edge in index.inEdges(id) where index.text(edge.predicate) == OWL.sameAs.value {
                    offer(edge.subject, 950, "sameAs", iri)
                }
            }
        } else if query.contains("/"), !query.contains(" "), query.count > 2 {
            for id in index.terms(withSuffix: "/" + query) where index.isSubject(id) { offer(id, 950, "iri", query) }
        }

        let key = LookupNames.key(query)
        guard !key.isEmpty || !best.isEmpty else { return .notFound(suggestions: []) }
        var keyBytes = Array(key.utf8)
        keyBytes.withUnsafeMutableBytes { k in
            let k = UnsafeRawBufferPointer(k)
            guard k.count > 0 else { return }
            // Exact names, then names that begin with the query.
            var i = index.firstName(notBelow: k)
            var scanned = 0
            while i < index.nameCount, scanned < 20_000 {
                let name = index.nameKey(i)
                guard name.count >= k.count, compare(UnsafeRawBufferPointer(rebasing: name[0..<k.count]), k) == 0 else { break }
                let kind = index.nameKind(i)
                if name.count == k.count {
                    offer(index.nameTerm(i), kind.score, kind.name, key)
                } else if k.count >= 3, kind != .localName {
                    let wholeWords = name[k.count] == 0x20
                    if wholeWords || k.count >= 4 {
                        offer(index.nameTerm(i), wholeWords ? 55 : 45, "prefix", String(decoding: name, as: UTF8.self))
                    }
                }
                i += 1
                scanned += 1
            }
            // Near misses, when nothing matched well.
            let limit = LookupNames.forgivenDistance(forLength: key.count)
            if (best.values.map(\.score).max() ?? 0) < 75, limit > 0 {
                for i in 0..<index.nameCount where index.nameKind(i).allowsNearMiss {
                    if let d = LookupNames.distance(index.nameKey(i), k, limit: limit), d > 0 {
                        offer(index.nameTerm(i), 70 - 12 * d, "nearMiss", String(decoding: index.nameKey(i), as: UTF8.self), distance: d)
                    }
                }
            }
        }

        let ranked = best.values.sorted(by: Self.order)
        guard let first = ranked.first else { return .notFound(suggestions: suggestions(for: key)) }
        if ranked.count == 1 || first.score - ranked[1].score >= Self.clearLead { return .found(first) }
        return .ambiguous(ranked.filter { $0.score > first.score - Self.clearLead })
    }

    /// Higher score first; then the more connected (more triples point at it).
    static func order(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.degree != b.degree { return a.degree > b.degree }
        return a.id < b.id
    }

    /// The names nearest to a query that matched nothing: up to five, at an
    /// edit distance of at most half the query's length (three for short ones).
    func suggestions(for key: String) -> [Candidate] {
        guard !key.isEmpty else { return [] }
        let index = graph.index
        let limit = max(3, key.count / 2)
        var best: [UInt32: Candidate] = [:]
        var keyBytes = Array(key.utf8)
        keyBytes.withUnsafeMutableBytes { k in
            let k = UnsafeRawBufferPointer(k)
            for i in 0..<index.nameCount where index.nameKind(i).allowsNearMiss || index.nameKind(i) == .acronym {
                let name = index.nameKey(i)
                guard let d = LookupNames.distance(name, k, limit: limit), d < max(name.count, 1) else { continue }
                let id = index.nameTerm(i)
                if let c = best[id], c.distance ?? .max <= d { continue }
                best[id] = Candidate(id: id, score: 0, how: "suggestion", name: String(decoding: name, as: UTF8.self), distance: d, degree: index.inDegree(id))
            }
        }
        return best.values.sorted {
            ($0.distance ?? 0, -$0.degree, $0.id) < ($1.distance ?? 0, -$1.degree, $1.id)
        }.prefix(5).map { $0 }
    }

    /// The IRI a query writes: `<…>`, an absolute IRI, `_:label`, or a CURIE
    /// with one of the standard prefixes (`wd:Q184`, `ng:Person`).
    static func iri(in query: String) -> String? {
        if query.hasPrefix("<"), query.hasSuffix(">"), query.count > 2 { return String(query.dropFirst().dropLast()) }
        if query.contains(" ") { return nil }
        if query.hasPrefix("_:") { return query }
        if query.contains("://") || query.hasPrefix("urn:") { return query }
        if let colon = query.firstIndex(of: ":") {
            let prefix = String(query[..<colon])
            if let ns = standardPrefixes.first(where: { $0.prefix == prefix })?.namespace {
                return ns + query[query.index(after: colon)...]
            }
        }
        return nil
    }
}
