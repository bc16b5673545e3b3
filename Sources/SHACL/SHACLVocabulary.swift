import RDFModel

/// The SHACL vocabulary (`http://www.w3.org/ns/shacl#`): the terms the engine reads and writes.
public enum SH {
    public static let ns = "http://www.w3.org/ns/shacl#"
    static func term(_ local: String) -> IRI { IRI(constant: ns + local) }

    // Shapes and targets
    public static let NodeShape = term("NodeShape"), PropertyShape = term("PropertyShape")
    public static let targetClass = term("targetClass"), targetNode = term("targetNode")
    public static let targetSubjectsOf = term("targetSubjectsOf"), targetObjectsOf = term("targetObjectsOf")
    public static let path = term("path"), severity = term("severity"), message = term("message")
    public static let deactivated = term("deactivated"), name = term("name")

    // Paths
    public static let inversePath = term("inversePath"), alternativePath = term("alternativePath")
    public static let zeroOrMorePath = term("zeroOrMorePath"), oneOrMorePath = term("oneOrMorePath")
    public static let zeroOrOnePath = term("zeroOrOnePath")

    // Constraint parameters
    public static let `class` = term("class"), datatype = term("datatype"), nodeKind = term("nodeKind")
    public static let minCount = term("minCount"), maxCount = term("maxCount")
    public static let minExclusive = term("minExclusive"), minInclusive = term("minInclusive")
    public static let maxExclusive = term("maxExclusive"), maxInclusive = term("maxInclusive")
    public static let minLength = term("minLength"), maxLength = term("maxLength")
    public static let pattern = term("pattern"), flags = term("flags")
    public static let languageIn = term("languageIn"), uniqueLang = term("uniqueLang")
    public static let equals = term("equals"), disjoint = term("disjoint")
    public static let lessThan = term("lessThan"), lessThanOrEquals = term("lessThanOrEquals")
    public static let not = term("not"), and = term("and"), or = term("or"), xone = term("xone")
    public static let node = term("node"), property = term("property")
    public static let qualifiedValueShape = term("qualifiedValueShape")
    public static let qualifiedMinCount = term("qualifiedMinCount"), qualifiedMaxCount = term("qualifiedMaxCount")
    public static let qualifiedValueShapesDisjoint = term("qualifiedValueShapesDisjoint")
    public static let closed = term("closed"), ignoredProperties = term("ignoredProperties")
    public static let hasValue = term("hasValue"), `in` = term("in")

    // Node kinds
    /// `sh:IRI` (named so because `IRI` is the term type).
    public static let BlankNode = term("BlankNode"), IRINodeKind = term("IRI"), Literal = term("Literal")
    public static let BlankNodeOrIRI = term("BlankNodeOrIRI"), BlankNodeOrLiteral = term("BlankNodeOrLiteral")
    public static let IRIOrLiteral = term("IRIOrLiteral")

    // Severities
    public static let Violation = term("Violation"), Warning = term("Warning"), Info = term("Info")

    // Reports
    public static let ValidationReport = term("ValidationReport"), ValidationResult = term("ValidationResult")
    public static let conforms = term("conforms"), result = term("result"), focusNode = term("focusNode")
    public static let resultPath = term("resultPath"), value = term("value"), sourceShape = term("sourceShape")
    public static let sourceConstraintComponent = term("sourceConstraintComponent")
    public static let resultSeverity = term("resultSeverity"), resultMessage = term("resultMessage")

    /// The constraint components of SHACL Core.
    public enum Component {
        public static let `class` = term("ClassConstraintComponent"), datatype = term("DatatypeConstraintComponent")
        public static let nodeKind = term("NodeKindConstraintComponent")
        public static let minCount = term("MinCountConstraintComponent"), maxCount = term("MaxCountConstraintComponent")
        public static let minExclusive = term("MinExclusiveConstraintComponent")
        public static let minInclusive = term("MinInclusiveConstraintComponent")
        public static let maxExclusive = term("MaxExclusiveConstraintComponent")
        public static let maxInclusive = term("MaxInclusiveConstraintComponent")
        public static let minLength = term("MinLengthConstraintComponent"), maxLength = term("MaxLengthConstraintComponent")
        public static let pattern = term("PatternConstraintComponent"), languageIn = term("LanguageInConstraintComponent")
        public static let uniqueLang = term("UniqueLangConstraintComponent")
        public static let equals = term("EqualsConstraintComponent"), disjoint = term("DisjointConstraintComponent")
        public static let lessThan = term("LessThanConstraintComponent")
        public static let lessThanOrEquals = term("LessThanOrEqualsConstraintComponent")
        public static let not = term("NotConstraintComponent"), and = term("AndConstraintComponent")
        public static let or = term("OrConstraintComponent"), xone = term("XoneConstraintComponent")
        public static let node = term("NodeConstraintComponent"), property = term("PropertyConstraintComponent")
        public static let qualifiedMinCount = term("QualifiedMinCountConstraintComponent")
        public static let qualifiedMaxCount = term("QualifiedMaxCountConstraintComponent")
        public static let closed = term("ClosedConstraintComponent"), hasValue = term("HasValueConstraintComponent")
        public static let `in` = term("InConstraintComponent")
    }
}

/// `rdf:` list terms and the few other RDF terms the engine needs beyond `RDFModel`'s.
package enum RDFTerms {
    package static let first = IRI(constant: RDF.ns + "first")
    package static let rest = IRI(constant: RDF.ns + "rest")
    package static let `nil` = IRI(constant: RDF.ns + "nil")
    package static let html = IRI(constant: RDF.ns + "HTML")
    package static let xmlLiteral = IRI(constant: RDF.ns + "XMLLiteral")
}

/// Components of the checks that go beyond SHACL (like `sord_validate`), in their own namespace.
public enum NGV {
    public static let ns = "https://w3id.org/newsgraph/validation#"
    static func term(_ local: String) -> IRI { IRI(constant: ns + local) }
    /// An `ng:` class or property that the ontology does not define.
    public static let UndefinedTermComponent = term("UndefinedTermComponent")
    /// A subject that is not an instance of the property's `rdfs:domain`.
    public static let DomainComponent = term("DomainComponent")
    /// An object that is not in the property's `rdfs:range`.
    public static let RangeComponent = term("RangeComponent")
    /// A typed literal whose lexical form is not legal for its datatype.
    public static let LexicalFormComponent = term("LexicalFormComponent")
    /// The "shapes" the ontology checks report as `sh:sourceShape`.
    public static let DefinedTerms = term("DefinedTerms"), Domains = term("Domains"), Ranges = term("Ranges")
    public static let LexicalForms = term("LexicalForms")
}
