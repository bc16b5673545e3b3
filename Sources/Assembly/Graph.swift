import RDFModel

/// A set of triples being assembled, with the helpers the pipeline needs.
public struct GraphBuffer: Sendable {
    public private(set) var triples: Set<Triple> = []

    public init() {}

    public mutating func add(_ t: Triple) { triples.insert(t) }

    public mutating func add(_ s: IRI, _ p: IRI, _ o: IRI) { triples.insert(Triple(s, p, o)) }

    public mutating func add(_ s: IRI, _ p: IRI, _ o: Literal) { triples.insert(Triple(s, p, .literal(o))) }

    public mutating func add(_ s: IRI, _ p: IRI, string: String) { triples.insert(Triple(s, p, .literal(Literal(string)))) }

    public mutating func formUnion(_ other: GraphBuffer) { triples.formUnion(other.triples) }

    /// The triples in canonical order: the order every output file is written in.
    public var sorted: [Triple] { triples.sorted() }
}
