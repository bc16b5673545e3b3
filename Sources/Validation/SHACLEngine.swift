import RDFModel

/// A SHACL Core validator (W3C SHACL, sections 2 to 4): every core constraint
/// component, every target, every property path, severities, `sh:message`,
/// `sh:deactivated`, and `rdfs:subClassOf` for class membership.
///
/// A value type over the term model: a shapes graph in, then any number of
/// data graphs validated against it, each giving a ``ValidationReport``.
///
/// Where the specification leaves a choice:
/// - A shape reached again while a node is being checked against it (a
///   recursive shape on cyclic data) is taken to hold for that node.
/// - Results are not de-duplicated: a property shape reached twice through
///   `sh:property` reports twice (the W3C test `validation-reports/shared`).
/// - Range constraints compare as SPARQL's `<` does: numbers numerically
///   across `xsd:integer`, `xsd:decimal`, `xsd:double` and the derived types;
///   dates and times chronologically (a value without a timezone is ±14 hours
///   from one with a timezone, so such pairs may be indeterminate, which
///   fails); strings by code point; anything else, or an ill-typed literal,
///   cannot be compared and fails.
public struct SHACLEngine: Sendable {
    public let shapes: SHACLShapes

    public init(shapes: SHACLShapes) { self.shapes = shapes }

    /// Reads the shapes of `shapesGraph`; throws when a shape is ill-formed.
    public init(shapesGraph: [Triple]) throws(ShapesError) {
        self.shapes = try SHACLShapes(shapesGraph)
    }

    /// Validates `data`. Class membership (`sh:class`, `sh:targetClass`) follows
    /// `rdf:type` and `rdfs:subClassOf` in the data graph and also the
    /// `rdfs:subClassOf` triples of `ontology`, where the ontology is kept apart from the data.
    public func validate(data: [Triple], ontology: [Triple] = []) -> ValidationReport {
        validate(data: IndexedGraph(data), ontology: ontology)
    }

    public func validate(data: IndexedGraph, ontology: [Triple] = []) -> ValidationReport {
        let run = ValidationRun(shapes: shapes, data: data,
                                hierarchy: ClassHierarchy(data.triples(withPredicate: RDFS.subClassOf) + ontology))
        return ValidationReport(results: run.run())
    }

    /// True when `node` conforms to the shape `shape` in `data`.
    public func conforms(_ node: Term, to shape: Term, data: [Triple], ontology: [Triple] = []) -> Bool {
        let graph = IndexedGraph(data)
        let run = ValidationRun(shapes: shapes, data: graph,
                                hierarchy: ClassHierarchy(graph.triples(withPredicate: RDFS.subClassOf) + ontology))
        return run.conforms(node, to: shape)
    }
}

/// One validation of one data graph: caches of class membership, conformance and regular expressions.
final class ValidationRun {
    private struct Check: Hashable {
        let node: Term
        let shape: Term
    }

    let shapes: SHACLShapes
    let data: IndexedGraph
    let hierarchy: ClassHierarchy
    private var ancestors: [Term: Set<Term>] = [:]
    private var conformance: [Check: Bool] = [:]
    private var inProgress: Set<Check> = []
    private let regex = RegexCache()

    init(shapes: SHACLShapes, data: IndexedGraph, hierarchy: ClassHierarchy) {
        self.shapes = shapes
        self.data = data
        self.hierarchy = hierarchy
    }

    func run() -> [ValidationResult] {
        var results: [ValidationResult] = []
        for id in shapes.order {
            guard let shape = shapes.shapes[id], !shape.deactivated, !shape.targets.isEmpty else { continue }
            for focus in focusNodes(shape) {
                results += validate(focus, shape, firstOnly: false)
            }
        }
        return results
    }

    // MARK: Targets and classes

    func focusNodes(_ shape: Shape) -> [Term] {
        var out = OrderedTerms()
        for target in shape.targets {
            switch target {
            case .node(let n): out.insert(n)
            case .class(let c):
                for t in data.triples(withPredicate: RDF.type) where isSubclass(t.object, of: c) { out.insert(t.subject) }
            case .subjectsOf(let p):
                for t in data.triples(withPredicate: p) { out.insert(t.subject) }
            case .objectsOf(let p):
                for t in data.triples(withPredicate: p) { out.insert(t.object) }
            }
        }
        return out.terms.sorted()
    }

    private func isSubclass(_ cls: Term, of ancestor: Term) -> Bool {
        if cls == ancestor { return true }
        if let known = ancestors[cls] { return known.contains(ancestor) }
        let all = hierarchy.ancestors(of: cls)
        ancestors[cls] = all
        return all.contains(ancestor)
    }

    /// A SHACL instance: `rdf:type` of a class that is `cls` or a subclass of it.
    func isInstance(_ node: Term, of cls: Term) -> Bool {
        data.objects(node, RDF.type).contains { isSubclass($0, of: cls) }
    }

    // MARK: Shapes

    func conforms(_ node: Term, to shapeID: Term) -> Bool {
        guard let shape = shapes.shapes[shapeID] else { return true }
        let key = Check(node: node, shape: shapeID)
        if let known = conformance[key] { return known }
        if inProgress.contains(key) { return true }
        inProgress.insert(key)
        let ok = validate(node, shape, firstOnly: true).isEmpty
        inProgress.remove(key)
        conformance[key] = ok
        return ok
    }

    /// The results of validating `focus` against `shape`; with `firstOnly`, stops at the first.
    func validate(_ focus: Term, _ shape: Shape, firstOnly: Bool) -> [ValidationResult] {
        if shape.deactivated { return [] }
        let values = shape.path?.values(from: focus, in: data) ?? [focus]
        var results: [ValidationResult] = []
        for constraint in shape.constraints {
            evaluate(constraint, focus: focus, values: values, shape: shape, firstOnly: firstOnly, into: &results)
            if firstOnly && !results.isEmpty { break }
        }
        return results
    }

    // MARK: Constraint components

    private func evaluate(_ c: Constraint, focus: Term, values: [Term], shape: Shape, firstOnly: Bool,
                          into results: inout [ValidationResult]) {
        func report(_ value: Term?, _ detail: String, path: PropertyPath? = nil, focusNode: Term? = nil) {
            results.append(ValidationResult(
                focusNode: focusNode ?? focus, resultPath: path ?? shape.path, value: value, sourceShape: shape.id,
                sourceConstraintComponent: c.component, severity: shape.severity, messages: shape.messages, detail: detail))
        }
        func each(_ failing: (Term) -> String?) {
            for v in values {
                if let detail = failing(v) {
                    report(v, detail)
                    if firstOnly { return }
                }
            }
        }
        let pathText = shape.path.map { $0.sparql() } ?? "the node"
        func q(_ t: Term) -> String { SHACLText.compact(t) }
        func q(_ i: IRI) -> String { SHACLText.compact(i) }

        switch c {
        case .class(let cls):
            each { v in
                if v.isLiteral { return "\(q(v)) is a literal, not an instance of \(q(cls))" }
                return isInstance(v, of: cls) ? nil : "\(q(v)) is not an instance of \(q(cls))"
            }
        case .datatype(let dt):
            each { v in
                guard let l = v.literal else { return "\(q(v)) is not a literal of datatype \(q(dt))" }
                guard l.datatype == dt else { return "\(q(v)) has datatype \(q(l.datatype)), not \(q(dt))" }
                if let problem = XSDDatatype.problem(in: l) { return "\(q(v)) is ill-typed: \(problem)" }
                return nil
            }
        case .nodeKind(let kind):
            each { v in NodeKind.matches(v, kind) ? nil : "\(q(v)) is \(NodeKind.name(of: v)), not \(NodeKind.describe(kind))" }
        case .minCount(let n):
            if values.count < n { report(nil, "\(pathText) has \(values.count) value\(values.count == 1 ? "" : "s"), fewer than the minimum \(n)") }
        case .maxCount(let n):
            if values.count > n { report(nil, "\(pathText) has \(values.count) values, more than the maximum \(n)") }
        case .minExclusive(let bound):
            each { v in XSDValue.compare(v, bound) == .greater ? nil : "\(q(v)) is not greater than \(q(bound))" }
        case .minInclusive(let bound):
            each { v in
                let o = XSDValue.compare(v, bound)
                return o == .greater || o == .equal ? nil : "\(q(v)) is not greater than or equal to \(q(bound))"
            }
        case .maxExclusive(let bound):
            each { v in XSDValue.compare(v, bound) == .less ? nil : "\(q(v)) is not less than \(q(bound))" }
        case .maxInclusive(let bound):
            each { v in
                let o = XSDValue.compare(v, bound)
                return o == .less || o == .equal ? nil : "\(q(v)) is not less than or equal to \(q(bound))"
            }
        case .minLength(let n):
            each { v in
                guard let s = lexical(v) else { return "\(q(v)) is a blank node, which has no length" }
                return s.unicodeScalars.count >= n ? nil : "\(q(v)) is shorter than \(n) characters"
            }
        case .maxLength(let n):
            each { v in
                guard let s = lexical(v) else { return "\(q(v)) is a blank node, which has no length" }
                return s.unicodeScalars.count <= n ? nil : "\(q(v)) is longer than \(n) characters"
            }
        case .pattern(let pattern, let flags):
            each { v in
                guard let s = lexical(v) else { return "\(q(v)) is a blank node, which cannot match a pattern" }
                return regex.matches(s, pattern: pattern, flags: flags) ? nil
                    : "\(q(v)) does not match the pattern \(NTriples.quote(pattern))\(flags.isEmpty ? "" : " (flags \(flags))")"
            }
        case .languageIn(let ranges):
            each { v in
                guard let tag = v.literal?.language else { return "\(q(v)) has no language tag; allowed: \(ranges.joined(separator: ", "))" }
                return ranges.contains(where: { Self.languageMatches(tag, $0) }) ? nil
                    : "\(q(v)) has language \(tag), not one of \(ranges.joined(separator: ", "))"
            }
        case .uniqueLang:
            var byTag: [String: Int] = [:]
            for v in values { if let tag = v.literal?.language, !tag.isEmpty { byTag[tag, default: 0] += 1 } }
            for (tag, n) in byTag.sorted(by: { $0.key < $1.key }) where n > 1 {
                report(nil, "\(n) values of \(pathText) have the language tag \(tag)")
                if firstOnly { return }
            }
        case .equals(let p):
            let others = data.objects(focus, p)
            let otherSet = Set(others), valueSet = Set(values)
            each { v in otherSet.contains(v) ? nil : "\(q(v)) is a value of \(pathText) but not of \(q(p))" }
            if firstOnly && !results.isEmpty { return }
            for o in others where !valueSet.contains(o) {
                report(o, "\(q(o)) is a value of \(q(p)) but not of \(pathText)")
                if firstOnly { return }
            }
        case .disjoint(let p):
            let others = Set(data.objects(focus, p))
            each { v in others.contains(v) ? "\(q(v)) is a value of both \(pathText) and \(q(p))" : nil }
        case .lessThan(let p), .lessThanOrEquals(let p):
            let orEqual: Bool
            if case .lessThanOrEquals = c { orEqual = true } else { orEqual = false }
            let others = data.objects(focus, p)
            for v in values {
                for o in others {
                    let order = XSDValue.compare(v, o)
                    if order == .less || (orEqual && order == .equal) { continue }
                    report(v, "\(q(v)) is not less than \(orEqual ? "or equal to " : "")\(q(o)), the value of \(q(p))")
                    if firstOnly { return }
                }
            }
        case .not(let s):
            each { v in conforms(v, to: s) ? "\(q(v)) conforms to \(shapes.summary(s)), which sh:not forbids" : nil }
        case .and(let members):
            each { v in
                members.allSatisfy({ conforms(v, to: $0) }) ? nil
                    : "\(q(v)) does not conform to every shape of sh:and (\(members.map(shapes.summary).joined(separator: ", ")))"
            }
        case .or(let members):
            each { v in
                members.contains(where: { conforms(v, to: $0) }) ? nil
                    : "\(q(v)) conforms to none of \(members.map(shapes.summary).joined(separator: " or "))"
            }
        case .xone(let members):
            each { v in
                let n = members.filter { conforms(v, to: $0) }.count
                return n == 1 ? nil : "\(q(v)) conforms to \(n) of the shapes of sh:xone (\(members.map(shapes.summary).joined(separator: ", "))), not exactly one"
            }
        case .node(let s):
            each { v in conforms(v, to: s) ? nil : "\(q(v)) does not conform to \(shapes.summary(s))" }
        case .property(let p):
            guard let property = shapes.shapes[p] else { return }
            for v in values {
                results += validate(v, property, firstOnly: firstOnly)
                if firstOnly && !results.isEmpty { return }
            }
        case .qualifiedMinCount(let s, let n, let disjoint), .qualifiedMaxCount(let s, let n, let disjoint):
            let siblings = disjoint ? (shape.siblings[s] ?? []) : []
            let count = values.filter { v in conforms(v, to: s) && !siblings.contains(where: { conforms(v, to: $0) }) }.count
            let what = "\(count) value\(count == 1 ? "" : "s") of \(pathText) conform\(count == 1 ? "s" : "") to \(shapes.summary(s))\(disjoint ? " and to no sibling shape" : "")"
            if case .qualifiedMinCount = c, count < n { report(nil, "only \(what), fewer than sh:qualifiedMinCount \(n)") }
            if case .qualifiedMaxCount = c, count > n { report(nil, "\(what), more than sh:qualifiedMaxCount \(n)") }
        case .closed(let ignored):
            var allowed = ignored
            for p in shapes.graph.objects(shape.id, SH.property) {
                for path in shapes.graph.objects(p, SH.path) { if let iri = path.iri { allowed.insert(iri) } }
            }
            for v in values where !v.isLiteral {
                for (p, objects) in data.outgoing(v).sorted(by: { $0.key < $1.key }) where !allowed.contains(p) {
                    for o in objects.sorted() {
                        report(o, "\(q(p)) is not allowed on \(q(v)): the shape is closed", path: .predicate(p), focusNode: focus)
                        if firstOnly { return }
                    }
                }
            }
        case .hasValue(let expected):
            if !values.contains(expected) { report(nil, "\(pathText) does not have the value \(q(expected))") }
        case .in(let members):
            let set = Set(members)
            each { v in set.contains(v) ? nil : "\(q(v)) is not one of \(members.map(q).joined(separator: ", "))" }
        }
    }

    /// The string value SPARQL's `str()` gives, or nil for a blank node.
    private func lexical(_ t: Term) -> String? {
        switch t {
        case .iri(let i): return i.value
        case .literal(let l): return l.lexicalForm
        case .blank: return nil
        }
    }

    /// SPARQL `langMatches` (RFC 4647 basic filtering).
    static func languageMatches(_ tag: String, _ range: String) -> Bool {
        if range == "*" { return !tag.isEmpty }
        let t = tag.lowercased(), r = range.lowercased()
        return t == r || t.hasPrefix(r + "-")
    }
}

/// The six node kinds of `sh:nodeKind`.
enum NodeKind {
    static func matches(_ t: Term, _ kind: IRI) -> Bool {
        switch (t, kind) {
        case (.blank, SH.BlankNode), (.blank, SH.BlankNodeOrIRI), (.blank, SH.BlankNodeOrLiteral): return true
        case (.iri, SH.IRINodeKind), (.iri, SH.BlankNodeOrIRI), (.iri, SH.IRIOrLiteral): return true
        case (.literal, SH.Literal), (.literal, SH.BlankNodeOrLiteral), (.literal, SH.IRIOrLiteral): return true
        default: return false
        }
    }

    static func name(of t: Term) -> String {
        switch t {
        case .iri: return "an IRI"
        case .blank: return "a blank node"
        case .literal: return "a literal"
        }
    }

    static func describe(_ kind: IRI) -> String {
        switch kind {
        case SH.BlankNode: return "a blank node"
        case SH.IRINodeKind: return "an IRI"
        case SH.Literal: return "a literal"
        case SH.BlankNodeOrIRI: return "a blank node or IRI"
        case SH.BlankNodeOrLiteral: return "a blank node or literal"
        case SH.IRIOrLiteral: return "an IRI or literal"
        default: return SHACLText.compact(kind)
        }
    }
}
