import Foundation
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
/// - Checks nest (a node against a shape whose `sh:node` or `sh:property` checks
///   a value against a shape, and so on) at most ``maxNestedShapes`` deep: a
///   recursive shape along a long acyclic chain is followed that far, on a thread
///   with a stack big enough for it. Deeper, the innermost node is taken not to
///   conform and the report has a violation that says so, rather than the stack
///   overflowing.
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

    /// How deep shape checks may nest (see above); each `sh:node`, `sh:property` and logical step is one.
    public static let maxNestedShapes = 20_000
    /// The stack a validation runs on: enough for ``maxNestedShapes`` nested checks in a debug build
    /// (some 8 KiB each), with room to spare. Only what is used is ever touched.
    static let stackSize = 1 << 29

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
        let shapes = self.shapes
        return Self.onLargeStack {
            let run = ValidationRun(shapes: shapes, data: data,
                                    hierarchy: ClassHierarchy(data.triples(withPredicate: RDFS.subClassOf) + ontology))
            return ValidationReport(results: run.run())
        }
    }

    /// True when `node` conforms to the shape `shape` in `data`.
    public func conforms(_ node: Term, to shape: Term, data: [Triple], ontology: [Triple] = []) -> Bool {
        let shapes = self.shapes
        return Self.onLargeStack {
            let graph = IndexedGraph(data)
            let run = ValidationRun(shapes: shapes, data: graph,
                                    hierarchy: ClassHierarchy(graph.triples(withPredicate: RDFS.subClassOf) + ontology))
            return run.conforms(node, to: shape)
        }
    }

    /// Runs `body` on a thread of its own with a stack of ``stackSize`` bytes, and waits for it.
    static func onLargeStack<R: Sendable>(_ body: @escaping @Sendable () -> R) -> R {
        let box = ResultBox<R>()
        let thread = Thread {
            box.value = body()
            box.done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        box.done.wait()
        guard let value = box.value else { preconditionFailure("the validation thread gave no result") }
        return value
    }
}

/// The result of a thread's work: written once by that thread before `done` is signalled, read after.
private final class ResultBox<R>: @unchecked Sendable {
    var value: R?
    let done = DispatchSemaphore(value: 0)
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
    /// How many checks (``validate(_:_:firstOnly:)``) are under way, one inside another.
    private var depth = 0
    /// The first check that would have nested deeper than ``SHACLEngine/maxNestedShapes``.
    private var tooDeep: ValidationResult?
    let regex = RegexCache()

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
        if let tooDeep, !results.contains(tooDeep) { results.insert(tooDeep, at: 0) }
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
        guard depth < SHACLEngine.maxNestedShapes else { return [tooDeepResult(focus, shape)] }
        depth += 1
        defer { depth -= 1 }
        let values = shape.path?.values(from: focus, in: data) ?? [focus]
        var results: [ValidationResult] = []
        for constraint in shape.constraints {
            evaluate(constraint, focus: focus, values: values, shape: shape, firstOnly: firstOnly, into: &results)
            if firstOnly && !results.isEmpty { break }
        }
        return results
    }

    /// A violation for a check that would nest too deep; the first is kept to be reported.
    private func tooDeepResult(_ focus: Term, _ shape: Shape) -> ValidationResult {
        let limit = SHACLEngine.maxNestedShapes
        let result = ValidationResult(
            focusNode: focus, resultPath: shape.path, value: nil, sourceShape: shape.id,
            sourceConstraintComponent: SH.Component.node, severity: SH.Violation, messages: [],
            detail: "validation stopped: checking \(SHACLText.compact(focus)) against \(shapes.describe(shape.id)) nests more than \(limit) shapes deep "
                + "(a shape that refers to itself through sh:node or sh:property, along a chain of values this long, or round a cycle through sh:property alone?); the node is taken not to conform")
        if tooDeep == nil { tooDeep = result }
        return result
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
