import RDFModel
import Testing

/// `isIsomorphic` decides RDF graph isomorphism exactly: colour refinement
/// alone cannot tell some graphs apart (regular graphs), so these tests cover
/// the search as well as the easy cases, and compare with brute force.
@Suite struct IsomorphismTests {
    static let ex = "http://example.org/"
    static func iri(_ local: String) -> IRI { IRI(constant: ex + local) }
    static func b(_ label: String) -> Term { .blank(try! BlankNode(label)) }
    static func t(_ s: Term, _ p: String, _ o: Term) -> Triple { Triple(s, iri(p), o) }
    static let p = "p"

    /// A directed cycle of blank nodes `prefix0 -> prefix1 -> ... -> prefix0` along `:p`.
    static func cycle(_ n: Int, prefix: String, offset: Int = 0) -> [Triple] {
        (0..<n).map { i in t(b("\(prefix)\(i + offset)"), p, b("\(prefix)\((i + 1) % n + offset)")) }
    }

    @Test func emptyGraphs() {
        #expect(isIsomorphic([], []))
        #expect(!isIsomorphic([], [Self.t(.iri(Self.iri("s")), "p", .iri(Self.iri("o")))]))
        #expect(!isIsomorphic([Self.t(Self.b("x"), "p", Self.b("y"))], []))
    }

    @Test func groundGraphsMatchExactly() {
        let g = [Self.t(.iri(Self.iri("s")), "p", .literal(Literal("x"))), Self.t(.iri(Self.iri("s")), "q", .iri(Self.iri("o")))]
        #expect(isIsomorphic(g, g.reversed()))
        #expect(!isIsomorphic(g, [g[0], Self.t(.iri(Self.iri("s")), "q", .iri(Self.iri("other")))]))
    }

    @Test func renamedBlankNodes() {
        let a = [
            Self.t(.iri(Self.iri("s")), "knows", Self.b("alice")),
            Self.t(Self.b("alice"), "name", .literal(Literal("Alice"))),
            Self.t(Self.b("alice"), "knows", Self.b("bob")),
            Self.t(Self.b("bob"), "name", .literal(Literal("Bob"))),
            Self.t(Self.b("bob"), "knows", Self.b("alice")),
        ]
        let renaming = ["alice": "genid7", "bob": "b0"]
        let b = a.map { rename($0, renaming) }
        #expect(isIsomorphic(a, b))
        #expect(isIsomorphic(b, a))
    }

    @Test func differingInOneLiteral() {
        let a = [
            Self.t(Self.b("x"), "name", .literal(Literal("Minsk"))),
            Self.t(Self.b("x"), "pop", .literal(Literal("2000000", datatype: XSD.integer))),
        ]
        let lexical = [a[0], Self.t(Self.b("y"), "pop", .literal(Literal("2000001", datatype: XSD.integer)))]
        let datatype = [a[0], Self.t(Self.b("x"), "pop", .literal(Literal("2000000", datatype: XSD.decimal)))]
        let language = [Self.t(Self.b("x"), "name", .literal(try! Literal("Minsk", language: "en"))), a[1]]
        #expect(!isIsomorphic(a, lexical))
        #expect(!isIsomorphic(a, datatype))
        #expect(!isIsomorphic(a, language))
    }

    /// A blank node is not an IRI, and one blank node is not two.
    @Test func blankNodeStructureMatters() {
        let twoNodes = [Self.t(Self.b("x"), "p", .literal(Literal("1"))), Self.t(Self.b("y"), "p", .literal(Literal("2")))]
        let oneNode = [Self.t(Self.b("x"), "p", .literal(Literal("1"))), Self.t(Self.b("x"), "p", .literal(Literal("2")))]
        #expect(!isIsomorphic(twoNodes, oneNode))
        let iriVersion = [Self.t(.iri(Self.iri("x")), "p", .literal(Literal("1"))), Self.t(Self.b("y"), "p", .literal(Literal("2")))]
        #expect(!isIsomorphic(twoNodes, iriVersion))
        let loop = [Self.t(Self.b("x"), "p", Self.b("x"))]
        let edge = [Self.t(Self.b("x"), "p", Self.b("y"))]
        #expect(!isIsomorphic(loop, edge))
        #expect(isIsomorphic(loop, [Self.t(Self.b("z"), "p", Self.b("z"))]))
    }

    /// Graphs are sets: a repeated triple counts once.
    @Test func duplicatesCountOnce() {
        let g = [Self.t(Self.b("x"), "p", .literal(Literal("1")))]
        #expect(isIsomorphic(g + g, [Self.t(Self.b("y"), "p", .literal(Literal("1")))]))
    }

    /// Every node has one edge in and one out in both graphs, so degrees and
    /// colour refinement cannot tell them apart; only the search can.
    @Test func equalDegreeSequencesButNotIsomorphic() {
        let sixCycle = Self.cycle(6, prefix: "n")
        let twoTriangles = Self.cycle(3, prefix: "a") + Self.cycle(3, prefix: "b")
        #expect(!isIsomorphic(sixCycle, twoTriangles))
        #expect(!isIsomorphic(twoTriangles, sixCycle))
        // One edge in and one out at every node again: a 3-cycle against a
        // 2-cycle plus a node with a loop.
        let g1 = [Self.t(Self.b("a"), "p", Self.b("b")), Self.t(Self.b("b"), "p", Self.b("c")), Self.t(Self.b("c"), "p", Self.b("a"))]
        let g2 = [Self.t(Self.b("a"), "p", Self.b("b")), Self.t(Self.b("b"), "p", Self.b("a")), Self.t(Self.b("c"), "p", Self.b("c"))]
        #expect(!isIsomorphic(g1, g2))
    }

    /// Cycles are symmetric under rotation: every candidate fits the first
    /// choice, and the search must still settle on a correct mapping.
    @Test(arguments: [1, 2, 3, 5, 8, 13])
    func automorphicCycles(n: Int) {
        let a = Self.cycle(n, prefix: "x")
        let rotated = Self.cycle(n, prefix: "y", offset: 0).map { triple in
            // Rename yi to y((i + 3) mod n): a rotation of the same cycle.
            rename(triple, Dictionary(uniqueKeysWithValues: (0..<n).map { ("y\($0)", "y\(($0 + 3) % n)") }))
        }
        #expect(isIsomorphic(a, rotated))
        // Two disjoint copies of the cycle against themselves, renamed.
        let doubled = Self.cycle(n, prefix: "p") + Self.cycle(n, prefix: "q")
        let doubledRenamed = Self.cycle(n, prefix: "r") + Self.cycle(n, prefix: "s")
        #expect(isIsomorphic(doubled, doubledRenamed))
        // Breaking one edge's predicate breaks the isomorphism.
        var broken = a
        broken[0] = Self.t(a[0].subject, "q", a[0].object)
        #expect(!isIsomorphic(a, broken))
    }

    /// Undirected, 3-regular on six nodes: the complete bipartite K(3,3) against
    /// the triangular prism, which refinement alone cannot separate.
    @Test func regularGraphsOfEqualDegree() {
        func both(_ x: String, _ y: String) -> [Triple] { [Self.t(Self.b(x), "p", Self.b(y)), Self.t(Self.b(y), "p", Self.b(x))] }
        let k33 = ["l0", "l1", "l2"].flatMap { l in ["r0", "r1", "r2"].flatMap { r in both(l, r) } }
        let prism = (0..<3).flatMap { both("u\($0)", "u\(($0 + 1) % 3)") + both("v\($0)", "v\(($0 + 1) % 3)") + both("u\($0)", "v\($0)") }
        #expect(k33.count == prism.count)
        #expect(!isIsomorphic(k33, prism))
        let k33Renamed = k33.map { rename($0, ["l0": "r0", "r0": "l0", "l1": "x", "r2": "y"]) }
        #expect(isIsomorphic(k33, k33Renamed))
    }

    /// Random small graphs against brute force over every bijection.
    @Test func agreesWithBruteForce() {
        var rng = SplitMix(seed: 0x5EED)
        var outcomes: [Bool: Int] = [:]
        for round in 0..<600 {
            let n = 1 + Int(rng.next() % 5)
            let edges = 1 + Int(rng.next() % 7)
            let a = randomGraph(nodes: n, edges: edges, &rng)
            // An isomorphic copy: a random renaming.
            let perm = (0..<n).shuffled(using: &rng)
            let copy = a.map { rename($0, Dictionary(uniqueKeysWithValues: (0..<n).map { ("n\($0)", "m\(perm[$0])") })) }
            #expect(isIsomorphic(a, copy), "round \(round): \(a) vs \(copy)")
            // A near miss (the copy with one triple rewired) or an unrelated
            // graph of the same size: compare with brute force.
            var other: [Triple]
            if round % 2 == 0 {
                other = copy
                let i = Int(rng.next() % UInt64(other.count))
                let node = IsomorphismTests.b("m\(rng.next() % UInt64(n))")
                other[i] = rng.next() % 2 == 0 ? Triple(node, other[i].predicate, other[i].object)
                                               : Triple(other[i].subject, other[i].predicate, node)
            } else {
                other = randomGraph(nodes: n, edges: edges, &rng)
            }
            let expected = bruteForce(a, other)
            outcomes[expected, default: 0] += 1
            #expect(isIsomorphic(a, other) == expected, "round \(round): \(a) vs \(other)")
        }
        // The random pairs must exercise both answers, or the comparison proves little.
        #expect(outcomes[true, default: 0] >= 20 && outcomes[false, default: 0] >= 20, "\(outcomes)")
    }
}

// MARK: - Helpers

private func rename(_ t: Triple, _ names: [String: String]) -> Triple {
    func r(_ term: Term) -> Term {
        if case .blank(let node) = term, let new = names[node.label] { return .blank(try! BlankNode(new)) }
        return term
    }
    return Triple(r(t.subject), t.predicate, r(t.object))
}

private func randomGraph(nodes n: Int, edges: Int, _ rng: inout SplitMix) -> [Triple] {
    let predicates = ["p", "q"].map { IsomorphismTests.iri($0) }
    let objects: [Term] = [.literal(Literal("v")), .iri(IsomorphismTests.iri("o"))]
    var out: [Triple] = []
    for _ in 0..<edges {
        let s = IsomorphismTests.b("n\(rng.next() % UInt64(n))")
        let p = predicates[Int(rng.next() % 2)]
        let o: Term = rng.next() % 4 == 0 ? objects[Int(rng.next() % 2)] : IsomorphismTests.b("n\(rng.next() % UInt64(n))")
        out.append(Triple(s, p, o))
    }
    return out
}

/// Tries every bijection between the blank nodes.
private func bruteForce(_ a: [Triple], _ b: [Triple]) -> Bool {
    let setA = Set(a), setB = Set(b)
    guard setA.count == setB.count else { return false }
    func blanks(_ s: Set<Triple>) -> [String] {
        Array(Set(s.flatMap { [$0.subject, $0.object] }.compactMap { term -> String? in
            if case .blank(let node) = term { return node.label }
            return nil
        })).sorted()
    }
    let ba = blanks(setA), bb = blanks(setB)
    guard ba.count == bb.count else { return false }
    func permutations(_ xs: [String]) -> [[String]] {
        guard let first = xs.first else { return [[]] }
        return permutations(Array(xs.dropFirst())).flatMap { p in (0...p.count).map { i in var q = p; q.insert(first, at: i); return q } }
    }
    for p in permutations(bb) {
        let names = Dictionary(uniqueKeysWithValues: zip(ba, p))
        if Set(setA.map { rename($0, names) }) == setB { return true }
    }
    return false
}

/// A small deterministic generator, so a failure can be replayed.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
