import RDFModel

/// A SHACL property path (SHACL 2.3.1): predicate, inverse, sequence,
/// alternative, zero-or-more, one-or-more, zero-or-one.
public indirect enum PropertyPath: Hashable, Sendable {
    case predicate(IRI)
    case inverse(PropertyPath)
    case sequence([PropertyPath])
    case alternative([PropertyPath])
    case zeroOrMore(PropertyPath)
    case oneOrMore(PropertyPath)
    case zeroOrOne(PropertyPath)

    /// The IRI of a predicate path; nil for any other path.
    public var predicateIRI: IRI? {
        if case .predicate(let p) = self { return p }
        return nil
    }

    /// Reads the path whose node is `node` in `graph`. A node that is both an
    /// `rdf:List` and something else is read as a sequence (the W3C tests
    /// `path-strange-001/002` expect this).
    /// How deep paths may nest (`sh:inversePath` inside `sh:zeroOrMorePath` inside …): evaluating and
    /// printing a path recurse through its nesting, so a deeper path is refused as ill-formed.
    /// Long sequences and alternatives, and long chains in the data, are not nesting.
    public static let maxNesting = 256

    public static func parse(_ node: Term, in graph: IndexedGraph) throws(ShapesError) -> PropertyPath {
        var visiting: Set<Term> = []
        return try parse(node, graph, &visiting)
    }

    private static func parse(_ node: Term, _ graph: IndexedGraph, _ visiting: inout Set<Term>) throws(ShapesError) -> PropertyPath {
        if case .iri(let iri) = node, iri != RDFTerms.nil { return .predicate(iri) }
        guard !node.isLiteral else { throw .illFormedPath(node, reason: "a literal is not a path") }
        guard visiting.count < maxNesting else { throw .illFormedPath(node, reason: "the path is nested more than \(maxNesting) deep") }
        guard visiting.insert(node).inserted else { throw .illFormedPath(node, reason: "the path refers to itself") }
        defer { visiting.remove(node) }
        if graph.isList(node) {
            guard let members = graph.list(node) else { throw .illFormedPath(node, reason: "its rdf:List is broken") }
            guard !members.isEmpty else { throw .illFormedPath(node, reason: "a sequence path needs at least one member") }
            var parts: [PropertyPath] = []
            for m in members { parts.append(try parse(m, graph, &visiting)) }
            return parts.count == 1 ? parts[0] : .sequence(parts)
        }
        func single(_ p: IRI) throws(ShapesError) -> Term? {
            let values = graph.objects(node, p)
            guard values.count <= 1 else { throw .illFormedPath(node, reason: "it has more than one \(SHACLText.compact(p))") }
            return values.first
        }
        if let inner = try single(SH.inversePath) { return .inverse(try parse(inner, graph, &visiting)) }
        if let list = try single(SH.alternativePath) {
            guard let members = graph.list(list), !members.isEmpty else {
                throw .illFormedPath(node, reason: "sh:alternativePath needs a non-empty rdf:List")
            }
            var parts: [PropertyPath] = []
            for m in members { parts.append(try parse(m, graph, &visiting)) }
            return .alternative(parts)
        }
        if let inner = try single(SH.zeroOrMorePath) { return .zeroOrMore(try parse(inner, graph, &visiting)) }
        if let inner = try single(SH.oneOrMorePath) { return .oneOrMore(try parse(inner, graph, &visiting)) }
        if let inner = try single(SH.zeroOrOnePath) { return .zeroOrOne(try parse(inner, graph, &visiting)) }
        throw .illFormedPath(node, reason: "it is neither an IRI, a list, nor a node with one of sh:inversePath, sh:alternativePath, sh:zeroOrMorePath, sh:oneOrMorePath, sh:zeroOrOnePath")
    }

    /// The value nodes reached from `node`, distinct, in a stable order.
    public func values(from node: Term, in graph: IndexedGraph) -> [Term] {
        var out = OrderedTerms()
        for v in evaluate(node, graph, inverse: false) { out.insert(v) }
        return out.terms
    }

    private func evaluate(_ node: Term, _ g: IndexedGraph, inverse: Bool) -> [Term] {
        switch self {
        case .predicate(let p):
            return inverse ? g.subjects(p, node) : g.objects(node, p)
        case .inverse(let inner):
            return inner.evaluate(node, g, inverse: !inverse)
        case .sequence(let parts):
            var frontier = [node]
            for part in inverse ? parts.reversed() : parts {
                var next = OrderedTerms()
                for f in frontier { for v in part.evaluate(f, g, inverse: inverse) { next.insert(v) } }
                frontier = next.terms
            }
            return frontier
        case .alternative(let parts):
            var out = OrderedTerms()
            for part in parts { for v in part.evaluate(node, g, inverse: inverse) { out.insert(v) } }
            return out.terms
        case .zeroOrMore(let inner):
            return inner.closure(from: node, g, inverse: inverse, includeStart: true)
        case .oneOrMore(let inner):
            return inner.closure(from: node, g, inverse: inverse, includeStart: false)
        case .zeroOrOne(let inner):
            var out = OrderedTerms()
            out.insert(node)
            for v in inner.evaluate(node, g, inverse: inverse) { out.insert(v) }
            return out.terms
        }
    }

    private func closure(from node: Term, _ g: IndexedGraph, inverse: Bool, includeStart: Bool) -> [Term] {
        var out = OrderedTerms()
        if includeStart { out.insert(node) }
        var todo = [node]
        var expanded: Set<Term> = []
        while let n = todo.popLast() {
            guard expanded.insert(n).inserted else { continue }
            for v in evaluate(n, g, inverse: inverse) {
                out.insert(v)
                if !expanded.contains(v) { todo.append(v) }
            }
        }
        return out.terms
    }

    /// The path written as RDF for a report: an IRI, or fresh blank nodes made with `fresh`.
    func node(into triples: inout [Triple], fresh: () -> BlankNode) -> Term {
        func list(_ parts: [PropertyPath]) -> Term {
            var head: Term = .iri(RDFTerms.nil)
            for part in parts.reversed() {
                let cell = Term.blank(fresh())
                let member = part.node(into: &triples, fresh: fresh)
                triples.append(Triple(cell, RDFTerms.first, member))
                triples.append(Triple(cell, RDFTerms.rest, head))
                head = cell
            }
            return head
        }
        func wrap(_ p: IRI, _ object: Term) -> Term {
            let b = Term.blank(fresh())
            triples.append(Triple(b, p, object))
            return b
        }
        switch self {
        case .predicate(let p): return .iri(p)
        case .inverse(let inner): return wrap(SH.inversePath, inner.node(into: &triples, fresh: fresh))
        case .sequence(let parts): return list(parts)
        case .alternative(let parts): return wrap(SH.alternativePath, list(parts))
        case .zeroOrMore(let inner): return wrap(SH.zeroOrMorePath, inner.node(into: &triples, fresh: fresh))
        case .oneOrMore(let inner): return wrap(SH.oneOrMorePath, inner.node(into: &triples, fresh: fresh))
        case .zeroOrOne(let inner): return wrap(SH.zeroOrOnePath, inner.node(into: &triples, fresh: fresh))
        }
    }

    /// SPARQL property path syntax, with IRIs written by `name` (e.g. `ng:about`, `^ng:partOf`, `(ex:p/ex:q)*`).
    public func sparql(_ name: (IRI) -> String = SHACLText.compact) -> String {
        func grouped(_ p: PropertyPath) -> String {
            switch p {
            case .sequence, .alternative: return "(" + p.sparql(name) + ")"
            default: return p.sparql(name)
            }
        }
        switch self {
        case .predicate(let p): return name(p)
        case .inverse(let inner): return "^" + grouped(inner)
        case .sequence(let parts): return parts.map(grouped).joined(separator: "/")
        case .alternative(let parts): return parts.map(grouped).joined(separator: "|")
        case .zeroOrMore(let inner): return grouped(inner) + "*"
        case .oneOrMore(let inner): return grouped(inner) + "+"
        case .zeroOrOne(let inner): return grouped(inner) + "?"
        }
    }
}

/// Terms in first-seen order without repeats.
struct OrderedTerms {
    private(set) var terms: [Term] = []
    private var seen: Set<Term> = []

    mutating func insert(_ t: Term) {
        if seen.insert(t).inserted { terms.append(t) }
    }

    func contains(_ t: Term) -> Bool { seen.contains(t) }
}
