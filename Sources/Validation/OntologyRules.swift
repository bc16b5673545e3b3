import RDFModel
import SHACL

/// The checks beyond SHACL that the ontology itself implies, after
/// `sord_validate`: every `ng:` class and property the data uses is defined
/// (with the nearest defined term suggested), subjects are in the
/// `rdfs:domain` and objects in the `rdfs:range` of their property (an
/// `owl:unionOf` list means any of its classes; several domain or range
/// statements must all hold), and every typed literal has a legal lexical form.
///
/// Each problem is a ``ValidationResult`` about one triple (focus node = its
/// subject, path = its predicate, value = its object) with a component in the
/// `ngv:` namespace (``NGV``).
public struct OntologyRules: Sendable {
    /// Which checks to make.
    public struct Checks: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let definedTerms = Checks(rawValue: 1)
        public static let domains = Checks(rawValue: 2)
        public static let ranges = Checks(rawValue: 4)
        public static let lexicalForms = Checks(rawValue: 8)
        public static let all: Checks = [.definedTerms, .domains, .ranges, .lexicalForms]
    }

    /// A class expression of a domain or range: a named class or datatype, or a union.
    enum ClassExpression: Hashable, Sendable {
        case named(IRI)
        case union([IRI])

        var members: [IRI] {
            switch self {
            case .named(let i): return [i]
            case .union(let l): return l
            }
        }
    }

    public let ontology: Ontology
    public let checks: Checks
    let domains: [IRI: [ClassExpression]]
    let ranges: [IRI: [ClassExpression]]
    let datatypes: Set<IRI>

    public init(ontology: Ontology, checks: Checks = .all) {
        self.ontology = ontology
        self.checks = checks
        let g = IndexedGraph(ontology.triples)
        func expression(_ t: Term) -> ClassExpression? {
            if let iri = t.iri { return .named(iri) }
            let unions = g.objects(t, IRI(constant: OWL.ns + "unionOf"))
            guard unions.count == 1, let members = g.list(unions[0]) else { return nil }
            let iris = members.compactMap(\.iri)
            return iris.count == members.count ? .union(iris) : nil
        }
        var domains: [IRI: [ClassExpression]] = [:]
        var ranges: [IRI: [ClassExpression]] = [:]
        for t in g.triples(withPredicate: RDFS.domain) {
            if let p = t.subject.iri, let e = expression(t.object) { domains[p, default: []].append(e) }
        }
        for t in g.triples(withPredicate: RDFS.range) {
            if let p = t.subject.iri, let e = expression(t.object) { ranges[p, default: []].append(e) }
        }
        self.domains = domains
        self.ranges = ranges
        self.datatypes = Set(g.subjects(RDF.type, .iri(IRI(constant: RDFS.ns + "Datatype"))).compactMap(\.iri))
    }

    /// The `rdfs:subClassOf` triples of the ontology, for class membership in SHACL.
    public var subclassTriples: [Triple] { ontology.triples.filter { $0.predicate == RDFS.subClassOf } }

    func isDatatype(_ iri: IRI) -> Bool {
        iri.value.hasPrefix(XSD.ns) || iri == RDFS.literal || iri == RDF.langString || iri == RDFTerms.html
            || iri == RDFTerms.xmlLiteral || datatypes.contains(iri)
    }

    public func check(_ data: IndexedGraph) -> [ValidationResult] {
        let hierarchy = ClassHierarchy(data.triples(withPredicate: RDFS.subClassOf) + subclassTriples)
        var ancestorCache: [Term: Set<Term>] = [:]
        func isInstance(_ node: Term, of cls: IRI) -> Bool {
            for type in data.objects(node, RDF.type) {
                if type == .iri(cls) { return true }
                let all = ancestorCache[type] ?? hierarchy.ancestors(of: type)
                ancestorCache[type] = all
                if all.contains(.iri(cls)) { return true }
            }
            return false
        }
        func result(_ t: Triple, _ component: IRI, _ shape: IRI, _ detail: String) -> ValidationResult {
            ValidationResult(focusNode: t.subject, resultPath: .predicate(t.predicate), value: t.object, sourceShape: .iri(shape),
                             sourceConstraintComponent: component, severity: SH.Violation, messages: [], detail: detail)
        }
        func q(_ i: IRI) -> String { SHACLText.compact(i) }
        func either(_ e: ClassExpression) -> String {
            let names = e.members.map(q)
            return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
        }

        var results: [ValidationResult] = []
        for t in data.triples.sorted() {
            if checks.contains(.definedTerms) {
                var terms: [IRI] = []
                for term in [t.subject, .iri(t.predicate), t.object] {
                    if let iri = term.iri, iri.value.hasPrefix(NG.ns), !ontology.isDefined(iri), !terms.contains(iri) { terms.append(iri) }
                }
                for iri in terms {
                    let role = iri == t.predicate ? "property" : (t.predicate == RDF.type && t.object == .iri(iri) ? "class" : "term")
                    let hint = ontology.nearestTerm(to: iri).map { " (did you mean \(q($0))?)" } ?? ""
                    results.append(result(t, NGV.UndefinedTermComponent, NGV.DefinedTerms,
                                          "the \(role) \(q(iri)) is not defined in the ontology\(hint)"))
                }
            }
            if checks.contains(.domains) {
                for e in domains[t.predicate] ?? [] where !e.members.contains(where: { isInstance(t.subject, of: $0) }) {
                    results.append(result(t, NGV.DomainComponent, NGV.Domains,
                                          "the subject of \(q(t.predicate)) must be an instance of \(either(e)) (its rdfs:domain)"))
                }
            }
            if checks.contains(.ranges) {
                for e in ranges[t.predicate] ?? [] where !inRange(t.object, e, isInstance) {
                    let kind = e.members.allSatisfy(isDatatype) ? "a literal of type" : "an instance of"
                    results.append(result(t, NGV.RangeComponent, NGV.Ranges,
                                          "the value of \(q(t.predicate)) must be \(kind) \(either(e)) (its rdfs:range)"))
                }
            }
            if checks.contains(.lexicalForms), case .literal(let l) = t.object, let problem = XSDDatatype.problem(in: l) {
                results.append(result(t, NGV.LexicalFormComponent, NGV.LexicalForms, "ill-typed literal: \(problem)"))
            }
        }
        return results
    }

    private func inRange(_ object: Term, _ e: ClassExpression, _ isInstance: (Term, IRI) -> Bool) -> Bool {
        e.members.contains { range in
            if isDatatype(range) {
                guard let l = object.literal else { return false }
                if range == RDFS.literal { return true }
                return l.datatype == range || XSDDatatype.isDerived(l.datatype, from: range)
            }
            return !object.isLiteral && isInstance(object, range)
        }
    }
}
