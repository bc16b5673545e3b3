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

extension Literal {
    /// An `xsd:decimal` in the canonical form that every serializer writes faithfully ("5080000000.0", "0.404").
    public static func decimal(_ value: Decimal) -> Literal {
        var s = "\(value)"
        if !s.contains(".") { s += ".0" }
        if s.hasPrefix(".") { s = "0" + s }
        if s.hasPrefix("-.") { s = "-0" + s.dropFirst() }
        return Literal(s, datatype: XSD.decimal)
    }

    public static func boolean(_ value: Bool) -> Literal { Literal(value ? "true" : "false", datatype: XSD.boolean) }
}

import Foundation
