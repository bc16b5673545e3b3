import RDFModel
import SHACL

/// The single entry point for validating a graph: SHACL Core against a shapes
/// graph, plus (when an ontology is given) the ontology checks of ``OntologyRules``.
///
/// ```swift
/// let ontology = try Ontology.load(from: "ontology", world: world)
/// let validator = try Validator(ontology: ontology)            // ontology/shapes.ttl + ontology checks
/// let report = validator.validate(data: triples)               // a ValidationReport
/// let split = validator.partition(triples)                     // what may be written, what is rejected, and why
/// ```
///
/// Class membership in SHACL follows `rdfs:subClassOf` in the data and in the
/// ontology (without mixing the ontology's other triples into the data graph).
public struct Validator: Sendable {
    public let engine: SHACLEngine
    public let rules: OntologyRules?

    /// Validates against `shapes`; with an ontology, also makes the ontology checks.
    public init(ontology: Ontology?, shapes: [Triple], checks: OntologyRules.Checks = .all) throws(ShapesError) {
        self.engine = try SHACLEngine(shapesGraph: shapes)
        self.rules = ontology.map { OntologyRules(ontology: $0, checks: checks) }
    }

    /// Validates against the ontology's own shapes (`shapes.ttl` of its folder) and makes the ontology checks.
    public init(ontology: Ontology) throws(ShapesError) {
        try self.init(ontology: ontology, shapes: ontology.shapes)
    }

    /// SHACL results first (by shape, then focus node), then the ontology checks' (by triple).
    public func validate(data: [Triple]) -> ValidationReport {
        let graph = IndexedGraph(data)
        var report = engine.validate(data: graph, ontology: rules?.subclassTriples ?? [])
        if let rules { report.results += rules.check(graph) }
        return report
    }

    /// A short reason for a result that is the same for every node that fails
    /// the same way, for counting by reason: the shape and the message.
    public func reason(for result: ValidationResult) -> String {
        let shape = engine.shapes.shapes[result.sourceShape] != nil
            ? engine.shapes.describe(result.sourceShape) : SHACLText.compact(result.sourceShape)
        return "\(shape) [\(ReportRenderer.componentName(result.sourceConstraintComponent))]: \(result.message)"
    }

    /// A human name for the shape of a result ("ng:EventShape › ng:agent").
    public func describeShape(_ shape: Term) -> String {
        engine.shapes.shapes[shape] != nil ? engine.shapes.describe(shape) : SHACLText.compact(shape)
    }

    /// Splits `data` into what may be written and what violates, so that the
    /// accepted triples conform (no `sh:Violation` is left where removing
    /// triples can fix it). Each round validates what is left and takes out:
    /// for a result about one triple (a predicate path with a value, `sh:closed`,
    /// the ontology checks) that triple only; for any other violation (a missing
    /// or extra value, a node-level constraint) every triple whose subject is
    /// the focus node. References to what was taken out may
    /// then violate in turn and go in a later round. Warnings and infos keep their triples.
    public func partition(_ data: [Triple], maxRounds: Int = 32) -> ValidationPartition {
        let original = Set(data)
        var current = original
        var reasons: [Triple: [ValidationResult]] = [:]
        var order: [Triple] = []
        var all: [ValidationResult] = []
        var final = ValidationReport()
        for _ in 0..<maxRounds {
            let report = validate(data: current.sorted())
            final = report
            let violations = report.results.filter { $0.level == .violation }
            if violations.isEmpty { break }
            var removed = 0
            var bySubject: [Term: [Triple]] = [:]
            for t in current { bySubject[t.subject, default: []].append(t) }
            func take(_ t: Triple, _ r: ValidationResult) {
                if reasons[t] == nil { order.append(t) }
                reasons[t, default: []].append(r)
                if current.remove(t) != nil { removed += 1 }
            }
            for r in violations {
                all.append(r)
                if let t = r.offendingTriple {
                    // Only this triple, even when another result of this round took it already.
                    if original.contains(t) { take(t, r) }
                } else {
                    for t in (bySubject[r.focusNode] ?? []).sorted() where current.contains(t) { take(t, r) }
                }
            }
            if removed == 0 { break }
        }
        let rejected = order.map { t in
            RejectedTriple(triple: t, reason: reasons[t].map { rs in
                Array(Set(rs.map { reason(for: $0) })).sorted().joined(separator: "; ")
            } ?? "")
        }
        return ValidationPartition(accepted: current.sorted(), rejected: rejected.sorted { $0.triple < $1.triple },
                                   report: ValidationReport(results: all), remaining: final)
    }
}

/// What ``Validator/partition(_:maxRounds:)`` decided.
public struct ValidationPartition: Sendable {
    /// The triples that may be written, sorted.
    public var accepted: [Triple]
    /// The triples taken out, sorted, each with the reasons (``Validator/reason(for:)``, joined by "; ").
    public var rejected: [RejectedTriple]
    /// Every violation that caused a triple to be taken out, over all rounds.
    public var report: ValidationReport
    /// The report of the accepted triples: empty when they conform; warnings and infos otherwise,
    /// or violations that no removal of triples can fix (a `sh:targetNode` that is not in the data).
    public var remaining: ValidationReport
}
