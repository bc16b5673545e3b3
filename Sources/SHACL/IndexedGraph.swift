import RDFModel

/// A set of triples indexed for the lookups validation makes: objects of a
/// subject and predicate, subjects of a predicate and object, triples of a
/// predicate. A value type; the triples are read as a set.
public struct IndexedGraph: Sendable {
    /// The distinct triples, in the order first given.
    public let triples: [Triple]
    private let forward: [Term: [IRI: [Term]]]
    private let backward: [Term: [IRI: [Term]]]
    private let byPredicate: [IRI: [Triple]]

    public init(_ triples: [Triple]) {
        var seen = Set<Triple>()
        var distinct: [Triple] = []
        var forward: [Term: [IRI: [Term]]] = [:]
        var backward: [Term: [IRI: [Term]]] = [:]
        var byPredicate: [IRI: [Triple]] = [:]
        for t in triples where seen.insert(t).inserted {
            distinct.append(t)
            forward[t.subject, default: [:]][t.predicate, default: []].append(t.object)
            backward[t.object, default: [:]][t.predicate, default: []].append(t.subject)
            byPredicate[t.predicate, default: []].append(t)
        }
        self.triples = distinct
        self.forward = forward
        self.backward = backward
        self.byPredicate = byPredicate
    }

    public func objects(_ subject: Term, _ predicate: IRI) -> [Term] { forward[subject]?[predicate] ?? [] }
    public func object(_ subject: Term, _ predicate: IRI) -> Term? { objects(subject, predicate).first }
    public func subjects(_ predicate: IRI, _ object: Term) -> [Term] { backward[object]?[predicate] ?? [] }
    public func triples(withPredicate predicate: IRI) -> [Triple] { byPredicate[predicate] ?? [] }
    /// Every predicate and its objects for `subject`.
    public func outgoing(_ subject: Term) -> [IRI: [Term]] { forward[subject] ?? [:] }
    /// Every predicate and its subjects for `object`.
    public func incoming(_ object: Term) -> [IRI: [Term]] { backward[object] ?? [:] }
    public func contains(_ t: Triple) -> Bool { forward[t.subject]?[t.predicate]?.contains(t.object) ?? false }
    public var subjects: Dictionary<Term, [IRI: [Term]]>.Keys { forward.keys }

    /// The members of the well-formed `rdf:List` starting at `head`, or nil when
    /// it is not one (a cell without exactly one `rdf:first` and one `rdf:rest`,
    /// a cycle, a literal).
    public func list(_ head: Term) -> [Term]? {
        var members: [Term] = []
        var seen: Set<Term> = []
        var cell = head
        while cell != .iri(RDFTerms.nil) {
            guard !cell.isLiteral, seen.insert(cell).inserted else { return nil }
            let firsts = objects(cell, RDFTerms.first), rests = objects(cell, RDFTerms.rest)
            guard firsts.count == 1, rests.count == 1 else { return nil }
            members.append(firsts[0])
            cell = rests[0]
        }
        return members
    }

    /// True when `term` starts a list: `rdf:nil`, or a node with an `rdf:first`.
    public func isList(_ term: Term) -> Bool {
        term == .iri(RDFTerms.nil) || !objects(term, RDFTerms.first).isEmpty
    }
}
