import Foundation
import RDFModel

/// Reads one shape of a shapes graph: its path, targets, constraints,
/// severity and messages, checking each parameter's form.
struct ShapeReader {
    let id: Term
    let g: IndexedGraph
    /// The shapes that have each shape as `sh:property`.
    let parents: [Term: [Term]]

    init(id: Term, graph: IndexedGraph, parents: [Term: [Term]]) {
        self.id = id
        self.g = graph
        self.parents = parents
    }

    func shape(implicitClassTarget: Bool) throws(ShapesError) -> Shape {
        let path = try self.path()
        let isProperty = path != nil
        let targets = try self.targets(implicitClassTarget: implicitClassTarget)
        var c = try valueConstraints(isProperty: isProperty)
        c += try pairAndLogicalConstraints(isProperty: isProperty)
        let (qualified, siblings) = isProperty ? try qualifiedConstraints() : ([], [:])
        c += qualified
        c += try otherConstraints()
        let severity = values(SH.severity).compactMap(\.iri).first ?? SH.Violation
        let messages = values(SH.message).compactMap(\.literal)
        return Shape(id: id, path: path, targets: targets, constraints: c, severity: severity, messages: messages,
                     deactivated: isTrue(SH.deactivated), siblings: siblings)
    }

    // MARK: Parameters

    private func values(_ p: IRI) -> [Term] { g.objects(id, p).sorted() }

    private func iris(_ p: IRI) throws(ShapesError) -> [IRI] {
        var out: [IRI] = []
        for v in values(p) {
            guard let iri = v.iri else { throw .illFormedParameter(shape: id, parameter: p, reason: "must be an IRI, not \(SHACLText.compact(v))") }
            out.append(iri)
        }
        return out
    }

    private func integers(_ p: IRI) throws(ShapesError) -> [Int] {
        var out: [Int] = []
        for v in values(p) {
            guard let l = v.literal, XSDDatatype.integerBounds[l.datatype] != nil, let n = Int(l.lexicalForm.hasPrefix("+") ? String(l.lexicalForm.dropFirst()) : l.lexicalForm)
            else { throw .illFormedParameter(shape: id, parameter: p, reason: "must be an integer, not \(SHACLText.compact(v))") }
            out.append(n)
        }
        return out
    }

    private func list(_ p: IRI, _ v: Term) throws(ShapesError) -> [Term] {
        guard let members = g.list(v) else { throw .illFormedParameter(shape: id, parameter: p, reason: "must be a well-formed rdf:List") }
        return members
    }

    private func isTrue(_ p: IRI) -> Bool { values(p).contains(SHACLShapes.trueLiteral) }

    // MARK: Path and targets

    /// The `sh:path` of a property shape; nil for a node shape.
    private func path() throws(ShapesError) -> PropertyPath? {
        let paths = values(SH.path)
        if paths.count > 1 { throw .illFormedParameter(shape: id, parameter: SH.path, reason: "has more than one value") }
        guard let p = paths.first else { return nil }
        return try PropertyPath.parse(p, in: g)
    }

    private func targets(implicitClassTarget: Bool) throws(ShapesError) -> [Target] {
        var targets: [Target] = []
        for v in values(SH.targetNode) { targets.append(.node(v)) }
        for v in values(SH.targetClass) { targets.append(.class(v)) }
        if implicitClassTarget, !targets.contains(.class(id)) { targets.append(.class(id)) }
        for p in try iris(SH.targetSubjectsOf) { targets.append(.subjectsOf(p)) }
        for p in try iris(SH.targetObjectsOf) { targets.append(.objectsOf(p)) }
        return targets
    }

    // MARK: Constraints, in the order they are checked

    /// Value type, cardinality, value range and string-based constraints.
    private func valueConstraints(isProperty: Bool) throws(ShapesError) -> [Constraint] {
        var c: [Constraint] = []
        for v in values(SH.class) { c.append(.class(v)) }
        for d in try iris(SH.datatype) { c.append(.datatype(d)) }
        let kinds: Set<IRI> = [SH.BlankNode, SH.IRINodeKind, SH.Literal, SH.BlankNodeOrIRI, SH.BlankNodeOrLiteral, SH.IRIOrLiteral]
        for k in try iris(SH.nodeKind) {
            guard kinds.contains(k) else { throw .illFormedParameter(shape: id, parameter: SH.nodeKind, reason: "must be one of the six node kinds, not \(SHACLText.compact(k))") }
            c.append(.nodeKind(k))
        }
        if isProperty {
            for n in try integers(SH.minCount) { c.append(.minCount(n)) }
            for n in try integers(SH.maxCount) { c.append(.maxCount(n)) }
        }
        for v in values(SH.minExclusive) { c.append(.minExclusive(v)) }
        for v in values(SH.minInclusive) { c.append(.minInclusive(v)) }
        for v in values(SH.maxExclusive) { c.append(.maxExclusive(v)) }
        for v in values(SH.maxInclusive) { c.append(.maxInclusive(v)) }
        for n in try integers(SH.minLength) { c.append(.minLength(n)) }
        for n in try integers(SH.maxLength) { c.append(.maxLength(n)) }
        let flags = values(SH.flags).first?.literal?.lexicalForm ?? ""
        for v in values(SH.pattern) {
            guard let pattern = v.literal?.lexicalForm else { throw .illFormedParameter(shape: id, parameter: SH.pattern, reason: "must be a string") }
            if let problem = RegexCache.problem(pattern: pattern, flags: flags) {
                throw .illFormedParameter(shape: id, parameter: SH.pattern, reason: "\(NTriples.quote(pattern)) is not a usable regular expression: \(problem)")
            }
            c.append(.pattern(pattern, flags: flags))
        }
        for v in values(SH.languageIn) {
            var ranges: [String] = []
            for m in try list(SH.languageIn, v) {
                guard let l = m.literal else { throw .illFormedParameter(shape: id, parameter: SH.languageIn, reason: "members must be strings") }
                ranges.append(l.lexicalForm)
            }
            c.append(.languageIn(ranges))
        }
        if isProperty && isTrue(SH.uniqueLang) { c.append(.uniqueLang) }
        return c
    }

    /// Property pair, logical and shape-based (`sh:node`, `sh:property`) constraints.
    private func pairAndLogicalConstraints(isProperty: Bool) throws(ShapesError) -> [Constraint] {
        var c: [Constraint] = []
        for p in try iris(SH.equals) { c.append(.equals(p)) }
        for p in try iris(SH.disjoint) { c.append(.disjoint(p)) }
        if isProperty {
            for p in try iris(SH.lessThan) { c.append(.lessThan(p)) }
            for p in try iris(SH.lessThanOrEquals) { c.append(.lessThanOrEquals(p)) }
        }
        for v in values(SH.not) { c.append(.not(v)) }
        for v in values(SH.and) { c.append(.and(try list(SH.and, v))) }
        for v in values(SH.or) { c.append(.or(try list(SH.or, v))) }
        for v in values(SH.xone) { c.append(.xone(try list(SH.xone, v))) }
        for v in values(SH.node) { c.append(.node(v)) }
        for v in values(SH.property) { c.append(.property(v)) }
        return c
    }

    /// The qualified value shape constraints of a property shape, with each qualified shape's siblings when they must be disjoint.
    private func qualifiedConstraints() throws(ShapesError) -> ([Constraint], [Term: [Term]]) {
        var c: [Constraint] = []
        var siblings: [Term: [Term]] = [:]
        let disjoint = isTrue(SH.qualifiedValueShapesDisjoint)
        let mins = try integers(SH.qualifiedMinCount), maxs = try integers(SH.qualifiedMaxCount)
        for q in values(SH.qualifiedValueShape) {
            for n in mins { c.append(.qualifiedMinCount(shape: q, count: n, disjoint: disjoint)) }
            for n in maxs { c.append(.qualifiedMaxCount(shape: q, count: n, disjoint: disjoint)) }
            if disjoint { siblings[q] = siblingShapes(of: q) }
        }
        return (c, siblings)
    }

    /// Sibling shapes: the qualified value shapes of the other property
    /// shapes of every shape that has this one as sh:property.
    private func siblingShapes(of q: Term) -> [Term] {
        var s = OrderedTerms()
        for parent in parents[id] ?? [] {
            for sibling in g.objects(parent, SH.property) {
                for other in g.objects(sibling, SH.qualifiedValueShape) where other != q { s.insert(other) }
            }
        }
        return s.terms
    }

    /// `sh:closed`, `sh:hasValue` and `sh:in`.
    private func otherConstraints() throws(ShapesError) -> [Constraint] {
        var c: [Constraint] = []
        if isTrue(SH.closed) {
            var ignored: Set<IRI> = []
            for v in values(SH.ignoredProperties) {
                for m in try list(SH.ignoredProperties, v) {
                    guard let iri = m.iri else { throw .illFormedParameter(shape: id, parameter: SH.ignoredProperties, reason: "members must be IRIs") }
                    ignored.insert(iri)
                }
            }
            c.append(.closed(ignored: ignored))
        }
        for v in values(SH.hasValue) { c.append(.hasValue(v)) }
        for v in values(SH.in) { c.append(.in(try list(SH.in, v))) }
        return c
    }
}
