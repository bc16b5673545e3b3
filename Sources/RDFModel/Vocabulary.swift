/// IRIs of the standard vocabularies and of the newsgraph contract
/// (`../shared/vocabulary.md`). Only namespaces and terms: no knowledge of the world.

public enum RDF {
    public static let ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let type = IRI(constant: ns + "type")
    public static let langString = IRI(constant: ns + "langString")
    public static let statement = IRI(constant: ns + "Statement")
    public static let subject = IRI(constant: ns + "subject")
    public static let predicate = IRI(constant: ns + "predicate")
    public static let object = IRI(constant: ns + "object")
}

public enum RDFS {
    public static let ns = "http://www.w3.org/2000/01/rdf-schema#"
    public static let label = IRI(constant: ns + "label")
    public static let comment = IRI(constant: ns + "comment")
    public static let subClassOf = IRI(constant: ns + "subClassOf")
    public static let subPropertyOf = IRI(constant: ns + "subPropertyOf")
    public static let domain = IRI(constant: ns + "domain")
    public static let range = IRI(constant: ns + "range")
    public static let `class` = IRI(constant: ns + "Class")
    public static let literal = IRI(constant: ns + "Literal")
}

public enum XSD {
    public static let ns = "http://www.w3.org/2001/XMLSchema#"
    public static let string = IRI(constant: ns + "string")
    public static let boolean = IRI(constant: ns + "boolean")
    public static let decimal = IRI(constant: ns + "decimal")
    public static let integer = IRI(constant: ns + "integer")
    public static let date = IRI(constant: ns + "date")
    public static let gYearMonth = IRI(constant: ns + "gYearMonth")
    public static let gYear = IRI(constant: ns + "gYear")
    public static let dateTime = IRI(constant: ns + "dateTime")
}

public enum OWL {
    public static let ns = "http://www.w3.org/2002/07/owl#"
    public static let sameAs = IRI(constant: ns + "sameAs")
    public static let `class` = IRI(constant: ns + "Class")
    public static let objectProperty = IRI(constant: ns + "ObjectProperty")
    public static let datatypeProperty = IRI(constant: ns + "DatatypeProperty")
}

public enum SKOS {
    public static let ns = "http://www.w3.org/2004/02/skos/core#"
    public static let altLabel = IRI(constant: ns + "altLabel")
}

public enum PROV {
    public static let ns = "http://www.w3.org/ns/prov#"
    public static let wasDerivedFrom = IRI(constant: ns + "wasDerivedFrom")
}

public enum DCTerms {
    public static let ns = "http://purl.org/dc/terms/"
    public static let title = IRI(constant: ns + "title")
    public static let date = IRI(constant: ns + "date")
    public static let creator = IRI(constant: ns + "creator")
    public static let publisher = IRI(constant: ns + "publisher")
}

public enum Schema {
    public static let ns = "https://schema.org/"
}

public enum Wikidata {
    public static let ns = "http://www.wikidata.org/entity/"
}

/// The newsgraph ontology namespace and its terms.
public enum NG {
    public static let ns = "https://w3id.org/newsgraph/ontology#"
    public static func term(_ local: String) -> IRI { IRI(constant: ns + local) }

    // Classes
    public static let Actor = term("Actor"), Person = term("Person"), Country = term("Country")
    public static let Organization = term("Organization"), Place = term("Place"), City = term("City")
    public static let Initiative = term("Initiative"), Event = term("Event")
    public static let Meeting = term("Meeting"), Visit = term("Visit"), AgreementSigning = term("AgreementSigning")
    public static let Accession = term("Accession"), Exhibition = term("Exhibition")
    public static let DiplomaticRelationsEstablishment = term("DiplomaticRelationsEstablishment")
    public static let MilitaryAction = term("MilitaryAction"), Sanction = term("Sanction"), Announcement = term("Announcement")
    public static let Observation = term("Observation"), Quotation = term("Quotation"), Partnership = term("Partnership")
    public static let Document = term("Document")

    // Document properties
    public static let sourceFile = term("sourceFile"), sha256 = term("sha256"), dateInferred = term("dateInferred")
    // Provenance
    public static let evidence = term("evidence"), confidence = term("confidence"), rule = term("rule")
    public static let conflictsWith = term("conflictsWith")
}

/// The common prefixes, in the order they are written.
public let standardPrefixes: [(prefix: String, namespace: String)] = [
    ("rdf", RDF.ns), ("rdfs", RDFS.ns), ("owl", OWL.ns), ("xsd", XSD.ns), ("skos", SKOS.ns),
    ("prov", PROV.ns), ("dcterms", DCTerms.ns), ("schema", Schema.ns), ("wd", Wikidata.ns), ("ng", NG.ns),
]
