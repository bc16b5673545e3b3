import Foundation
import RDFModel

/// A shapes graph that cannot be used: the message names the node and the reason.
public enum ShapesError: Error, Sendable, CustomStringConvertible, Equatable {
    case illFormedPath(Term, reason: String)
    case illFormedParameter(shape: Term, parameter: IRI, reason: String)

    public var description: String {
        switch self {
        case .illFormedPath(let node, let reason):
            return "ill-formed property path at \(SHACLText.compact(node)): \(reason)"
        case .illFormedParameter(let shape, let parameter, let reason):
            return "shape \(SHACLText.compact(shape)): \(SHACLText.compact(parameter)) \(reason)"
        }
    }
}

/// A target of a shape (SHACL 2.1.3).
public enum Target: Hashable, Sendable {
    case node(Term)
    case `class`(Term)
    case subjectsOf(IRI)
    case objectsOf(IRI)
}

/// One constraint of a shape: a constraint component with its parameter values.
/// A parameter with several values gives one constraint per value.
enum Constraint: Hashable, Sendable {
    case `class`(Term)
    case datatype(IRI)
    case nodeKind(IRI)
    case minCount(Int), maxCount(Int)
    case minExclusive(Term), minInclusive(Term), maxExclusive(Term), maxInclusive(Term)
    case minLength(Int), maxLength(Int)
    case pattern(String, flags: String)
    case languageIn([String])
    case uniqueLang
    case equals(IRI), disjoint(IRI), lessThan(IRI), lessThanOrEquals(IRI)
    case not(Term), and([Term]), or([Term]), xone([Term]), node(Term), property(Term)
    case qualifiedMinCount(shape: Term, count: Int, disjoint: Bool)
    case qualifiedMaxCount(shape: Term, count: Int, disjoint: Bool)
    case closed(ignored: Set<IRI>)
    case hasValue(Term)
    case `in`([Term])

    var component: IRI {
        typealias C = SH.Component
        switch self {
        case .class: return C.class
        case .datatype: return C.datatype
        case .nodeKind: return C.nodeKind
        case .minCount: return C.minCount
        case .maxCount: return C.maxCount
        case .minExclusive: return C.minExclusive
        case .minInclusive: return C.minInclusive
        case .maxExclusive: return C.maxExclusive
        case .maxInclusive: return C.maxInclusive
        case .minLength: return C.minLength
        case .maxLength: return C.maxLength
        case .pattern: return C.pattern
        case .languageIn: return C.languageIn
        case .uniqueLang: return C.uniqueLang
        case .equals: return C.equals
        case .disjoint: return C.disjoint
        case .lessThan: return C.lessThan
        case .lessThanOrEquals: return C.lessThanOrEquals
        case .not: return C.not
        case .and: return C.and
        case .or: return C.or
        case .xone: return C.xone
        case .node: return C.node
        case .property: return C.property
        case .qualifiedMinCount: return C.qualifiedMinCount
        case .qualifiedMaxCount: return C.qualifiedMaxCount
        case .closed: return C.closed
        case .hasValue: return C.hasValue
        case .in: return C.in
        }
    }
}

/// A node shape or property shape of a shapes graph.
public struct Shape: Sendable {
    public let id: Term
    /// The `sh:path` of a property shape; nil for a node shape.
    public let path: PropertyPath?
    public let targets: [Target]
    let constraints: [Constraint]
    /// `sh:severity`, `sh:Violation` by default.
    public let severity: IRI
    /// `sh:message` values, reported as `sh:resultMessage`.
    public let messages: [Literal]
    /// `sh:deactivated true`: the shape has no targets and every node conforms to it.
    public let deactivated: Bool
    /// For each qualified value shape this shape uses with `sh:qualifiedValueShapesDisjoint true`, its sibling shapes.
    let siblings: [Term: [Term]]

    public var isPropertyShape: Bool { path != nil }
}

/// The shapes of a shapes graph (SHACL 2.1), read from its triples.
public struct SHACLShapes: Sendable {
    public let graph: IndexedGraph
    /// Every shape, by its node.
    public let shapes: [Term: Shape]
    /// The shapes in canonical order of their nodes.
    public let order: [Term]
    /// For each property shape, the shapes that name it with `sh:property`.
    public let parents: [Term: [Term]]

    static let parameterPredicates: [IRI] = [
        SH.class, SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount, SH.minExclusive, SH.minInclusive,
        SH.maxExclusive, SH.maxInclusive, SH.minLength, SH.maxLength, SH.pattern, SH.languageIn, SH.uniqueLang,
        SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals, SH.not, SH.and, SH.or, SH.xone, SH.node,
        SH.property, SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount,
        SH.qualifiedValueShapesDisjoint, SH.closed, SH.ignoredProperties, SH.hasValue, SH.in,
    ]
    static let targetPredicates: [IRI] = [SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf]
    static let trueLiteral = Term.literal(Literal("true", datatype: XSD.boolean))

    public init(_ triples: [Triple]) throws(ShapesError) {
        try self.init(graph: IndexedGraph(triples))
    }

    public init(graph: IndexedGraph) throws(ShapesError) {
        self.graph = graph
        // Which nodes are shapes (SHACL 2.1): instances of sh:NodeShape or
        // sh:PropertyShape, subjects of targets or of constraint parameters, and
        // values of the parameters that expect shapes.
        let classes = ClassHierarchy(graph.triples(withPredicate: RDFS.subClassOf))
        var ids = OrderedTerms()
        for t in graph.triples(withPredicate: RDF.type) {
            if classes.isSubclass(t.object, of: .iri(SH.NodeShape)) || classes.isSubclass(t.object, of: .iri(SH.PropertyShape)) {
                ids.insert(t.subject)
            }
        }
        for p in SHACLShapes.targetPredicates + SHACLShapes.parameterPredicates {
            for t in graph.triples(withPredicate: p) { ids.insert(t.subject) }
        }
        for p in [SH.node, SH.property, SH.not, SH.qualifiedValueShape] {
            for t in graph.triples(withPredicate: p) where !t.object.isLiteral { ids.insert(t.object) }
        }
        for p in [SH.and, SH.or, SH.xone] {
            for t in graph.triples(withPredicate: p) {
                for member in graph.list(t.object) ?? [] where !member.isLiteral { ids.insert(member) }
            }
        }
        var parents: [Term: [Term]] = [:]
        for t in graph.triples(withPredicate: SH.property) { parents[t.object, default: []].append(t.subject) }
        self.parents = parents

        var shapes: [Term: Shape] = [:]
        for id in ids.terms {
            let isClass = graph.objects(id, RDF.type).contains { classes.isSubclass($0, of: .iri(RDFS.class)) }
            shapes[id] = try SHACLShapes.readShape(id, graph, implicitClassTarget: isClass, parents: parents)
        }
        self.shapes = shapes
        self.order = shapes.keys.sorted()
    }

    private static func readShape(_ id: Term, _ g: IndexedGraph, implicitClassTarget: Bool,
                                  parents: [Term: [Term]]) throws(ShapesError) -> Shape {
        func values(_ p: IRI) -> [Term] { g.objects(id, p).sorted() }
        func iris(_ p: IRI) throws(ShapesError) -> [IRI] {
            var out: [IRI] = []
            for v in values(p) {
                guard let iri = v.iri else { throw .illFormedParameter(shape: id, parameter: p, reason: "must be an IRI, not \(SHACLText.compact(v))") }
                out.append(iri)
            }
            return out
        }
        func integers(_ p: IRI) throws(ShapesError) -> [Int] {
            var out: [Int] = []
            for v in values(p) {
                guard let l = v.literal, XSDDatatype.integerBounds[l.datatype] != nil, let n = Int(l.lexicalForm.hasPrefix("+") ? String(l.lexicalForm.dropFirst()) : l.lexicalForm)
                else { throw .illFormedParameter(shape: id, parameter: p, reason: "must be an integer, not \(SHACLText.compact(v))") }
                out.append(n)
            }
            return out
        }
        func list(_ p: IRI, _ v: Term) throws(ShapesError) -> [Term] {
            guard let members = g.list(v) else { throw .illFormedParameter(shape: id, parameter: p, reason: "must be a well-formed rdf:List") }
            return members
        }
        func isTrue(_ p: IRI) -> Bool { values(p).contains(SHACLShapes.trueLiteral) }

        var path: PropertyPath?
        let paths = values(SH.path)
        if paths.count > 1 { throw .illFormedParameter(shape: id, parameter: SH.path, reason: "has more than one value") }
        if let p = paths.first { path = try PropertyPath.parse(p, in: g) }
        let isProperty = path != nil

        var targets: [Target] = []
        for v in values(SH.targetNode) { targets.append(.node(v)) }
        for v in values(SH.targetClass) { targets.append(.class(v)) }
        if implicitClassTarget, !targets.contains(.class(id)) { targets.append(.class(id)) }
        for p in try iris(SH.targetSubjectsOf) { targets.append(.subjectsOf(p)) }
        for p in try iris(SH.targetObjectsOf) { targets.append(.objectsOf(p)) }

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

        var siblings: [Term: [Term]] = [:]
        if isProperty {
            let disjoint = isTrue(SH.qualifiedValueShapesDisjoint)
            let mins = try integers(SH.qualifiedMinCount), maxs = try integers(SH.qualifiedMaxCount)
            for q in values(SH.qualifiedValueShape) {
                for n in mins { c.append(.qualifiedMinCount(shape: q, count: n, disjoint: disjoint)) }
                for n in maxs { c.append(.qualifiedMaxCount(shape: q, count: n, disjoint: disjoint)) }
                if disjoint {
                    // Sibling shapes: the qualified value shapes of the other property
                    // shapes of every shape that has this one as sh:property.
                    var s = OrderedTerms()
                    for parent in parents[id] ?? [] {
                        for sibling in g.objects(parent, SH.property) {
                            for other in g.objects(sibling, SH.qualifiedValueShape) where other != q { s.insert(other) }
                        }
                    }
                    siblings[q] = s.terms
                }
            }
        }
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

        let severity = values(SH.severity).compactMap(\.iri).first ?? SH.Violation
        let messages = values(SH.message).compactMap(\.literal)
        return Shape(id: id, path: path, targets: targets, constraints: c, severity: severity, messages: messages,
                     deactivated: isTrue(SH.deactivated), siblings: siblings)
    }

    /// A short name for a shape that people can find in the shapes file: its
    /// compact IRI, or for a blank property shape "ParentShape › path".
    public func describe(_ shape: Term) -> String {
        if case .iri(let iri) = shape { return SHACLText.compact(iri) }
        let s = shapes[shape]
        if let path = s?.path {
            if let parent = parents[shape]?.sorted().first, parent != shape {
                return "\(describe(parent)) › \(path.sparql())"
            }
            return "property shape on \(path.sparql())"
        }
        return "anonymous shape \(SHACLText.compact(shape))"
    }

    /// What an anonymous shape requires, briefly (e.g. `sh:class ng:Event`), for messages about sh:or and the like.
    func summary(_ shape: Term) -> String {
        if case .iri = shape { return SHACLText.compact(shape) }
        guard let s = shapes[shape] else { return SHACLText.compact(shape) }
        let parts = s.constraints.map { c -> String in
            switch c {
            case .class(let t): return "sh:class \(SHACLText.compact(t))"
            case .datatype(let d): return "sh:datatype \(SHACLText.compact(d))"
            case .nodeKind(let k): return "sh:nodeKind \(SHACLText.compact(k))"
            case .hasValue(let v): return "sh:hasValue \(SHACLText.compact(v))"
            case .node(let n): return "sh:node \(SHACLText.compact(n))"
            default: return SHACLText.compact(c.component).replacingOccurrences(of: "ConstraintComponent", with: "")
            }
        }
        let text = parts.joined(separator: ", ")
        if let path = s.path { return "[\(path.sparql()): \(text)]" }
        return parts.isEmpty ? "[]" : "[\(text)]"
    }
}

/// `rdfs:subClassOf` edges, with the reflexive-transitive closure computed on demand.
struct ClassHierarchy: Sendable {
    private var direct: [Term: [Term]] = [:]

    init(_ triples: [Triple]) {
        for t in triples where t.predicate == RDFS.subClassOf { direct[t.subject, default: []].append(t.object) }
    }

    /// `cls` and every class it is a subclass of, following any cycles once.
    func ancestors(of cls: Term) -> Set<Term> {
        var out: Set<Term> = [cls]
        var todo = [cls]
        while let c = todo.popLast() {
            for sup in direct[c] ?? [] where out.insert(sup).inserted { todo.append(sup) }
        }
        return out
    }

    func isSubclass(_ cls: Term, of ancestor: Term) -> Bool {
        cls == ancestor || ancestors(of: cls).contains(ancestor)
    }
}

/// Compiled `sh:pattern` expressions. XPath regular expressions (the syntax
/// SHACL names) are close to ICU's; the flags `i`, `s`, `m`, `x` and `q` map to
/// ICU options. Not `Sendable`: each validation run has its own.
final class RegexCache {
    private var compiled: [String: NSRegularExpression] = [:]

    static func options(_ flags: String) -> NSRegularExpression.Options? {
        var options: NSRegularExpression.Options = []
        for f in flags {
            switch f {
            case "i": options.insert(.caseInsensitive)
            case "s": options.insert(.dotMatchesLineSeparators)
            case "m": options.insert(.anchorsMatchLines)
            case "x": options.insert(.allowCommentsAndWhitespace)
            case "q": options.insert(.ignoreMetacharacters)
            default: return nil
            }
        }
        return options
    }

    static func problem(pattern: String, flags: String) -> String? {
        guard let options = options(flags) else { return "the flags \(NTriples.quote(flags)) are not among i, s, m, x, q" }
        do {
            _ = try NSRegularExpression(pattern: pattern, options: options)
            return nil
        } catch {
            return "it does not compile"
        }
    }

    func matches(_ text: String, pattern: String, flags: String) -> Bool {
        let key = flags + "\u{0}" + pattern
        let regex: NSRegularExpression
        if let r = compiled[key] {
            regex = r
        } else {
            guard let options = RegexCache.options(flags), let r = try? NSRegularExpression(pattern: pattern, options: options) else { return false }
            compiled[key] = r
            regex = r
        }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }
}
