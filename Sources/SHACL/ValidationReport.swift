import RDFModel

/// How serious a result is: `sh:Violation`, `sh:Warning`, `sh:Info`.
/// Any other `sh:severity` IRI counts as a violation.
public enum SeverityLevel: Int, Comparable, Sendable, CaseIterable {
    case info, warning, violation

    public init(_ iri: IRI) {
        switch iri {
        case SH.Info: self = .info
        case SH.Warning: self = .warning
        default: self = .violation
        }
    }

    public static func < (a: SeverityLevel, b: SeverityLevel) -> Bool { a.rawValue < b.rawValue }
}

/// One validation result (SHACL 3.6.2).
public struct ValidationResult: Hashable, Sendable {
    public var focusNode: Term
    /// `sh:resultPath`: the path of the property shape, or the predicate for `sh:closed`.
    public var resultPath: PropertyPath?
    /// `sh:value`, for the components that report one.
    public var value: Term?
    public var sourceShape: Term
    public var sourceConstraintComponent: IRI
    /// `sh:resultSeverity`.
    public var severity: IRI
    /// The shape's `sh:message` values (`sh:resultMessage`).
    public var messages: [Literal]
    /// A message made by the validator that names the values involved.
    public var detail: String

    public init(focusNode: Term, resultPath: PropertyPath?, value: Term?, sourceShape: Term,
                sourceConstraintComponent: IRI, severity: IRI, messages: [Literal], detail: String) {
        self.focusNode = focusNode
        self.resultPath = resultPath
        self.value = value
        self.sourceShape = sourceShape
        self.sourceConstraintComponent = sourceConstraintComponent
        self.severity = severity
        self.messages = messages
        self.detail = detail
    }

    public var level: SeverityLevel { SeverityLevel(severity) }

    /// The message for people: the shape's `sh:message` (English or untagged
    /// first) where it has one, else the generated detail.
    public var message: String {
        let preferred = messages.first { $0.language == nil || $0.language == "en" || $0.language?.hasPrefix("en-") == true }
        return (preferred ?? messages.first)?.lexicalForm ?? detail
    }

    /// The data triple the result is about, where there is one: for a
    /// predicate (or inverse predicate) path with a value, or for `sh:closed`.
    public var offendingTriple: Triple? {
        guard let value, let path = resultPath else { return nil }
        switch path {
        case .predicate(let p):
            guard !focusNode.isLiteral else { return nil }
            return Triple(focusNode, p, value)
        case .inverse(.predicate(let p)):
            guard !value.isLiteral else { return nil }
            return Triple(value, p, focusNode)
        default:
            return nil
        }
    }
}

/// A validation report (SHACL 3.6): a value type, convertible to the
/// standard `sh:ValidationReport` graph.
public struct ValidationReport: Sendable {
    public var results: [ValidationResult]

    public init(results: [ValidationResult] = []) { self.results = results }

    /// `sh:conforms`: true when there is no result of any severity.
    public var conforms: Bool { results.isEmpty }

    public func count(_ level: SeverityLevel) -> Int { results.filter { $0.level == level }.count }

    /// True when a result is a violation, or with `strict` also a warning.
    public func fails(strict: Bool = false) -> Bool {
        results.contains { $0.level == .violation || (strict && $0.level == .warning) }
    }

    /// The report as RDF: one `sh:ValidationReport` blank node with
    /// `sh:conforms` and a `sh:result` blank node per result; paths other than
    /// predicates are written as blank-node paths as in a shapes graph.
    /// Results without `sh:message` get the generated detail as
    /// `sh:resultMessage` when `generatedMessages` is true.
    public func triples(generatedMessages: Bool = true) -> [Triple] {
        // Report nodes must not collide with blank nodes of the data or shapes.
        var used: Set<String> = []
        for r in results {
            for t in [r.focusNode, r.value, r.sourceShape].compactMap({ $0 }) {
                if case .blank(let b) = t { used.insert(b.label) }
            }
        }
        var prefix = "report"
        while used.contains(where: { $0.hasPrefix(prefix) }) { prefix += "x" }
        var counter = 0
        func fresh() -> BlankNode {
            counter += 1
            return try! BlankNode(prefix + String(counter))
        }
        var out: [Triple] = []
        let report = Term.blank(fresh())
        out.append(Triple(report, RDF.type, .iri(SH.ValidationReport)))
        out.append(Triple(report, SH.conforms, .literal(.boolean(conforms))))
        for r in results {
            let node = Term.blank(fresh())
            out.append(Triple(report, SH.result, node))
            out.append(Triple(node, RDF.type, .iri(SH.ValidationResult)))
            out.append(Triple(node, SH.focusNode, r.focusNode))
            if let path = r.resultPath { out.append(Triple(node, SH.resultPath, path.node(into: &out, fresh: fresh))) }
            if let value = r.value { out.append(Triple(node, SH.value, value)) }
            out.append(Triple(node, SH.sourceShape, r.sourceShape))
            out.append(Triple(node, SH.sourceConstraintComponent, .iri(r.sourceConstraintComponent)))
            out.append(Triple(node, SH.resultSeverity, .iri(r.severity)))
            for m in r.messages { out.append(Triple(node, SH.resultMessage, .literal(m))) }
            if r.messages.isEmpty && generatedMessages { out.append(Triple(node, SH.resultMessage, .literal(Literal(r.detail)))) }
        }
        return out
    }
}
