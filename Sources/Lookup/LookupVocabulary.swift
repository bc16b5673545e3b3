import RDFModel

/// The terms of the output contract that lookup reads (`shared/vocabulary.md`).
enum LV {
    static let participant = NG.term("participant"), agent = NG.term("agent"), host = NG.term("host")
    static let target = NG.term("target"), location = NG.term("location"), partOf = NG.term("partOf")
    static let date = NG.term("date"), endDate = NG.term("endDate"), planned = NG.term("planned")
    static let cameoCode = NG.term("cameoCode")
    static let measure = NG.term("measure"), value = NG.term("value"), valueMax = NG.term("valueMax")
    static let unit = NG.term("unit"), period = NG.term("period"), bound = NG.term("bound"), change = NG.term("change")
    static let about = NG.term("about")
    static let speaker = NG.term("speaker"), text = NG.term("text")
    static let party = NG.term("party"), level = NG.term("level")
    static let position = NG.term("position")
    static let schemaPerson = IRI(constant: Schema.ns + "Person")

    /// An event's roles, in the order a role is named when an actor has several.
    static let roles: [IRI] = [agent, host, target, participant, location]
    static let roleSet = Set(roles)

    /// The contract's event classes. A node of another class is an event too when it has an event
    /// role (``roles``): that is how an event class added to the ontology is recognised.
    static let eventClasses: Set<IRI> = [
        NG.Event, NG.Meeting, NG.Visit, NG.AgreementSigning, NG.Accession, NG.Exhibition,
        NG.DiplomaticRelationsEstablishment, NG.MilitaryAction, NG.Sanction, NG.Announcement,
    ]

    /// Classes whose nodes are facts with generated labels: their labels are not names to look up.
    static let factClasses: Set<IRI> = eventClasses.union([RDF.statement, NG.Observation, NG.Quotation, NG.Partnership])

    /// Classes less telling than any subclass the node also has.
    static let genericClasses: Set<IRI> = [NG.Place, NG.Actor, NG.Event]

    /// Triples that say what a node is, not how it relates: not shown as relations.
    static let descriptive: Set<IRI> = [RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs, PROV.wasDerivedFrom, NG.evidence]

    /// `ng:headOf` → "head of"; `dcterms:title` → "title".
    static func phrase(_ property: IRI) -> String { phrase(local: localName(property.value)) }

    /// `headOf` → "head of".
    static func phrase(local: String) -> String {
        var out = ""
        for c in local {
            if c.isUppercase, !out.isEmpty { out += " " }
            out += c.lowercased()
        }
        return out
    }

    /// The part of an IRI after its last `#` or `/`.
    static func localName(_ iri: String) -> String {
        if let i = iri.lastIndex(where: { $0 == "#" || $0 == "/" }), iri.index(after: i) < iri.endIndex {
            return String(iri[iri.index(after: i)...])
        }
        return iri
    }

    /// `ng:Person`, `wd:Q184`, or the IRI in angle brackets.
    static func curie(_ iri: String) -> String {
        for (prefix, ns) in standardPrefixes where iri.hasPrefix(ns) && iri.count > ns.count {
            let local = iri.dropFirst(ns.count)
            if local.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) { return prefix + ":" + local }
        }
        return "<\(iri)>"
    }
}
