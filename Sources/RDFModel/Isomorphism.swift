/// RDF graph isomorphism (RDF 1.1 Concepts, 3.6): two graphs are isomorphic
/// when a bijection between their blank nodes maps one onto the other, with
/// IRIs and literals mapped to themselves.
///
/// The arrays are read as sets: a triple given twice counts once.
///
/// The method:
/// 1. triples without blank nodes must match exactly;
/// 2. blank nodes are coloured by colour refinement: a node's next colour is its
///    colour together with the multiset of (direction, predicate, colour or term
///    at the other end) over the triples it is in. Colours are interned in one
///    table shared by both graphs, so equal colours mean equal signatures; there
///    are no hash collisions to go wrong. Refinement stops when no class splits;
/// 3. where a colour class still holds more than one node (symmetric graphs),
///    one node of the smallest class is paired in turn with each candidate of the
///    other graph, both get a fresh colour, and refinement and search go on;
/// 4. a complete mapping is accepted only after every triple is checked.
///
/// Colours are only a guide: the answer is decided by the check in step 4, and
/// step 3 tries every candidate that colours allow, so the result is exact.
public func isIsomorphic(_ a: [Triple], _ b: [Triple]) -> Bool {
    let setA = Set(a), setB = Set(b)
    guard setA.count == setB.count else { return false }
    let groundA = setA.filter { !hasBlankNode($0) }
    let groundB = setB.filter { !hasBlankNode($0) }
    guard groundA == groundB else { return false }
    let left = BlankGraph(setA.subtracting(groundA))
    let right = BlankGraph(setB.subtracting(groundB))
    guard left.triples.count == right.triples.count, left.nodes.count == right.nodes.count else { return false }
    if left.nodes.isEmpty { return true }

    var search = IsomorphismSearch(left: left, right: right)
    let start = search.initialColouring()
    return search.solve(start.0, start.1)
}

private func blankNode(_ term: Term) -> BlankNode? {
    if case .blank(let b) = term { return b }
    return nil
}

private func hasBlankNode(_ t: Triple) -> Bool { blankNode(t.subject) != nil || blankNode(t.object) != nil }

/// The triples of one graph that hold blank nodes, indexed by blank node.
private struct BlankGraph {
    let triples: Set<Triple>
    /// Blank nodes in a fixed order; `index[node]` is the position in `nodes`.
    let nodes: [BlankNode]
    let index: [BlankNode: Int]
    /// For each node (by position), the triples it occurs in.
    let incident: [[Triple]]

    init(_ triples: Set<Triple>) {
        self.triples = triples
        var index: [BlankNode: Int] = [:]
        var nodes: [BlankNode] = []
        var incident: [[Triple]] = []
        func add(_ term: Term, _ t: Triple) {
            guard let node = blankNode(term) else { return }
            let i: Int
            if let known = index[node] {
                i = known
            } else {
                i = nodes.count
                index[node] = i
                nodes.append(node)
                incident.append([])
            }
            // A triple with the same node at both ends is listed once.
            if incident[i].last != t { incident[i].append(t) }
        }
        for t in triples.sorted() {
            add(t.subject, t)
            add(t.object, t)
        }
        self.nodes = nodes
        self.index = index
        self.incident = incident
    }
}

/// One end of a triple, seen from a blank node in it.
private struct Edge: Hashable {
    enum Direction: Hashable { case out, into, loop }
    enum End: Hashable {
        case term(Term)
        case colour(Int)
        case itself
    }
    let direction: Direction
    let predicate: IRI
    let other: End
}

private struct Signature: Hashable {
    let colour: Int
    let edges: [Edge: Int]
}

/// Colourings are arrays indexed by node position, one per graph.
private typealias Colouring = [Int]

private struct IsomorphismSearch {
    let left: BlankGraph
    let right: BlankGraph
    /// Interned signatures, shared by both graphs so that colours compare across them.
    private var table: [Signature: Int] = [:]
    /// Colour numbers for individualised pairs, apart from interned ones.
    private var nextFresh = -1

    init(left: BlankGraph, right: BlankGraph) {
        self.left = left
        self.right = right
    }

    func initialColouring() -> (Colouring, Colouring) {
        (Array(repeating: 0, count: left.nodes.count), Array(repeating: 0, count: right.nodes.count))
    }

    /// Depth-first search over individualisations; true when a full mapping checks out.
    mutating func solve(_ colourA: Colouring, _ colourB: Colouring) -> Bool {
        guard let (refinedA, refinedB) = refine(colourA, colourB) else { return false }
        // Classes of the left graph, by colour.
        var classes: [Int: [Int]] = [:]
        for (i, c) in refinedA.enumerated() { classes[c, default: []].append(i) }
        guard let (colour, members) = classes.filter({ $0.value.count > 1 })
            .min(by: { ($0.value.count, $0.key) < ($1.value.count, $1.key) })
        else {
            return check(refinedA, refinedB)
        }
        let pick = members[0]
        let candidates = refinedB.indices.filter { refinedB[$0] == colour }
        for candidate in candidates {
            var nextA = refinedA, nextB = refinedB
            let fresh = nextFresh
            nextFresh -= 1
            nextA[pick] = fresh
            nextB[candidate] = fresh
            if solve(nextA, nextB) { return true }
        }
        return false
    }

    /// Refines both colourings together until no class splits. Nil when the
    /// colour histograms differ, so no isomorphism can respect them.
    private mutating func refine(_ a: Colouring, _ b: Colouring) -> (Colouring, Colouring)? {
        var a = a, b = b
        var classCount = Set(a).union(b).count
        while true {
            guard histogram(a) == histogram(b) else { return nil }
            let sigA = left.nodes.indices.map { signature(of: $0, in: left, colours: a) }
            let sigB = right.nodes.indices.map { signature(of: $0, in: right, colours: b) }
            a = sigA.map { intern($0) }
            b = sigB.map { intern($0) }
            guard histogram(a) == histogram(b) else { return nil }
            // The old colour is part of the signature, so classes only split;
            // when their number stays the same, the colouring is stable.
            let newCount = Set(a).union(b).count
            if newCount == classCount { return (a, b) }
            classCount = newCount
        }
    }

    private mutating func intern(_ s: Signature) -> Int {
        if let c = table[s] { return c }
        let c = table.count
        table[s] = c
        return c
    }

    private func signature(of node: Int, in graph: BlankGraph, colours: Colouring) -> Signature {
        let me = graph.nodes[node]
        func end(_ term: Term) -> Edge.End {
            if let b = blankNode(term), let i = graph.index[b] { return .colour(colours[i]) }
            return .term(term)
        }
        var edges: [Edge: Int] = [:]
        for t in graph.incident[node] {
            let edge: Edge
            if blankNode(t.subject) == me && blankNode(t.object) == me {
                edge = Edge(direction: .loop, predicate: t.predicate, other: .itself)
            } else if blankNode(t.subject) == me {
                edge = Edge(direction: .out, predicate: t.predicate, other: end(t.object))
            } else {
                edge = Edge(direction: .into, predicate: t.predicate, other: end(t.subject))
            }
            edges[edge, default: 0] += 1
        }
        return Signature(colour: colours[node], edges: edges)
    }

    private func histogram(_ c: Colouring) -> [Int: Int] {
        var h: [Int: Int] = [:]
        for x in c { h[x, default: 0] += 1 }
        return h
    }

    /// Every colour is a singleton in both graphs: map node to node by colour and check every triple.
    private func check(_ a: Colouring, _ b: Colouring) -> Bool {
        var byColour: [Int: BlankNode] = [:]
        for (i, c) in b.enumerated() { byColour[c] = right.nodes[i] }
        var mapping: [BlankNode: BlankNode] = [:]
        for (i, c) in a.enumerated() {
            guard let image = byColour[c] else { return false }
            mapping[left.nodes[i]] = image
        }
        guard Set(mapping.values).count == mapping.count else { return false }
        func map(_ term: Term) -> Term {
            if let node = blankNode(term), let image = mapping[node] { return .blank(image) }
            return term
        }
        for t in left.triples {
            guard right.triples.contains(Triple(map(t.subject), t.predicate, map(t.object))) else { return false }
        }
        // Same size, injective mapping, every image present: the mapping is onto.
        return true
    }
}
