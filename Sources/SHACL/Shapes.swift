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
            shapes[id] = try ShapeReader(id: id, graph: graph, parents: parents).shape(implicitClassTarget: isClass)
        }
        self.shapes = shapes
        self.order = shapes.keys.sorted()
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
package struct ClassHierarchy: Sendable {
    private var direct: [Term: [Term]] = [:]

    package init(_ triples: [Triple]) {
        for t in triples where t.predicate == RDFS.subClassOf { direct[t.subject, default: []].append(t.object) }
    }

    /// `cls` and every class it is a subclass of, following any cycles once.
    package func ancestors(of cls: Term) -> Set<Term> {
        var out: Set<Term> = [cls]
        var todo = [cls]
        while let c = todo.popLast() {
            for sup in direct[c] ?? [] where out.insert(sup).inserted { todo.append(sup) }
        }
        return out
    }

    package func isSubclass(_ cls: Term, of ancestor: Term) -> Bool {
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
