import Foundation
import RDFModel

/// Stages 10 and 11: merging what every document stated into one graph, with
/// provenance on every fact. Nodes get IRIs from stable keys, so the same fact
/// from two articles is one node with two sources.
public struct Assembler {
    let minter: IRIMinter
    let lexicon: Lexicon
    let registry: PersonRegistry
    var graph = GraphBuffer()
    var entities: [EntityRef: Set<String>] = [:]

    public init(minter: IRIMinter, lexicon: Lexicon, registry: PersonRegistry) {
        self.minter = minter
        self.lexicon = lexicon
        self.registry = registry
    }

    func iri(_ e: EntityRef) -> IRI { minter.entity(kind: e.kind.rawValue, name: e.name) }

    mutating func use(_ e: EntityRef) -> IRI {
        if entities[e] == nil { entities[e] = [] }
        return iri(e)
    }

    public mutating func add(document: SourceDocument, facts: DocumentFacts) {
        let d = facts.document
        graph.add(d, RDF.type, NG.Document)
        graph.add(d, NG.sourceFile, string: document.relativePath)
        graph.add(d, NG.sha256, string: document.sha256)
        if let title = facts.title { graph.add(d, DCTerms.title, string: title) }
        if let date = facts.date, date.day != nil, date.isValid { graph.add(d, DCTerms.date, date.literal) }
        if facts.dateInferred { graph.add(d, NG.dateInferred, Literal.boolean(true)) }
        for c in facts.creators { graph.add(d, DCTerms.creator, string: c) }
        if let p = facts.publisher { graph.add(d, DCTerms.publisher, use(p)) }
        for (e, names) in facts.surfaceNames { entities[e, default: []].formUnion(names) }
        for (person, titles) in facts.positions {
            let p = use(person)
            for t in titles { graph.add(p, NG.term("position"), string: t) }
        }
        allRelations += facts.relations
        allEvents += facts.events
        allObservations += facts.observations
        allQuotations += facts.quotations
        allPartnerships += facts.partnerships
    }

    var allRelations: [RelationFact] = []
    var allEvents: [EventFact] = []
    var allObservations: [ObservationFact] = []
    var allQuotations: [QuotationFact] = []
    var allPartnerships: [PartnershipFact] = []

    static func eventKey(_ e: EventFact) -> String {
        let people = e.everyone.union(e.targets).sorted().map { "\($0.kind.rawValue):\($0.name)" }.joined(separator: ",")
        return [e.cls, e.date?.iso ?? "", e.name ?? "", people, e.planned ? "planned" : ""].joined(separator: "|")
    }

    mutating func eventIRI(_ e: EventFact) -> IRI { minter.node(kind: "event", key: Assembler.eventKey(e)) }

    func provenance(_ node: IRI, _ evidence: [Evidence], into g: inout GraphBuffer) {
        for ev in evidence {
            g.add(node, PROV.wasDerivedFrom, ev.document)
            g.add(node, NG.evidence, string: ev.sentence)
        }
    }

    /// The whole graph, after merging.
    public mutating func finish() -> GraphBuffer {
        // Events: merged by key.
        var merged: [String: EventFact] = [:]
        var evidence: [String: Set<Evidence>] = [:]
        for e in allEvents {
            let key = Assembler.eventKey(e)
            if var m = merged[key] {
                m.agents.formUnion(e.agents); m.hosts.formUnion(e.hosts); m.participants.formUnion(e.participants); m.targets.formUnion(e.targets)
                if m.location == nil || (e.location.map { $0 < m.location! } ?? false) { m.location = e.location ?? m.location }
                merged[key] = m
            } else {
                merged[key] = e
            }
            evidence[key, default: []].insert(e.evidence)
        }
        for (key, e) in merged {
            let node = minter.node(kind: "event", key: key)
            graph.add(node, RDF.type, NG.term(e.cls))
            graph.add(node, RDFS.label, string: label(e))
            if !e.cameo.isEmpty { graph.add(node, NG.term("cameoCode"), string: e.cameo) }
            if e.planned { graph.add(node, NG.term("planned"), Literal.boolean(true)) }
            if let d = e.date, d.isValid { graph.add(node, NG.term("date"), d.literal) }
            for a in e.agents { graph.add(node, NG.term("agent"), use(a)) }
            for h in e.hosts { graph.add(node, NG.term("host"), use(h)) }
            for p in e.everyone { graph.add(node, NG.term("participant"), use(p)) }
            for t in e.targets { graph.add(node, NG.term("target"), use(t)) }
            if let l = e.location { graph.add(node, NG.term("location"), use(l)) }
            if let name = e.name { graph.add(node, SKOS.altLabel, string: name) }
            provenance(node, evidence[key, default: []].sorted(by: evidenceOrder), into: &graph)
        }
        // Direct relations, each reified once per supporting sentence.
        for r in allRelations {
            let s = use(r.subject)
            let o: IRI
            if let obj = r.object { o = use(obj) } else if let ev = r.objectEvent {
                let key = Assembler.eventKey(ev)
                if merged[key] == nil {
                    // An event named only as the object of a relation ("Western sanctions") is still an event node.
                    allEvents.append(ev)
                    let node = minter.node(kind: "event", key: key)
                    graph.add(node, RDF.type, NG.term(ev.cls))
                    graph.add(node, RDFS.label, string: label(ev))
                    if !ev.cameo.isEmpty { graph.add(node, NG.term("cameoCode"), string: ev.cameo) }
                    for t in ev.targets { graph.add(node, NG.term("target"), use(t)) }
                    for a in ev.agents { graph.add(node, NG.term("agent"), use(a)) }
                    for p in ev.everyone { graph.add(node, NG.term("participant"), use(p)) }
                    if let d = ev.date, d.isValid { graph.add(node, NG.term("date"), d.literal) }
                    provenance(node, [ev.evidence], into: &graph)
                }
                o = minter.node(kind: "event", key: key)
            } else { continue }
            let p = NG.term(r.property)
            graph.add(s, p, o)
            let statement = minter.node(kind: "statement", key: [s.value, p.value, o.value, r.evidence.document.value, r.evidence.sentence].joined(separator: "|"))
            graph.add(statement, RDF.type, RDF.statement)
            graph.add(statement, RDF.subject, s)
            graph.add(statement, RDF.predicate, p)
            graph.add(statement, RDF.object, o)
            graph.add(statement, NG.confidence, Literal.decimal(Decimal(string: String(format: "%.2f", r.confidence)) ?? 0))
            graph.add(statement, NG.rule, string: r.rule)
            provenance(statement, [r.evidence], into: &graph)
        }
        observations()
        for q in allQuotations {
            let node = minter.node(kind: "quotation", key: q.speaker.name + "|" + q.text)
            graph.add(node, RDF.type, NG.Quotation)
            graph.add(node, NG.term("speaker"), use(q.speaker))
            graph.add(node, NG.term("text"), string: q.text)
            provenance(node, [q.evidence], into: &graph)
        }
        for p in allPartnerships {
            let parties = p.parties.sorted()
            let node = minter.node(kind: "partnership", key: parties.map(\.name).joined(separator: ",") + "|" + p.level)
            graph.add(node, RDF.type, NG.Partnership)
            graph.add(node, RDFS.label, string: p.level.prefix(1).uppercased() + p.level.dropFirst() + " of " + parties.map(\.name).joined(separator: " and "))
            graph.add(node, NG.term("level"), string: p.level)
            for x in parties { graph.add(node, NG.term("party"), use(x)) }
            provenance(node, [p.evidence], into: &graph)
        }
        describeEntities()
        return graph
    }

    func evidenceOrder(_ a: Evidence, _ b: Evidence) -> Bool {
        a.document != b.document ? a.document < b.document : a.sentence.utf8.lexicographicallyPrecedes(b.sentence.utf8)
    }

    mutating func observations() {
        struct Key: Hashable { let measure, unit, period: String; let about: [EntityRef]; let change: Bool }
        var nodes: [Key: [IRI]] = [:]
        for o in allObservations {
            let about = o.about.sorted()
            let key = [o.measure, number(o.value), o.valueMax.map(number) ?? "", o.bound ?? "", o.unit, o.change ? "change" : "", o.period ?? "",
                       about.map(\.name).joined(separator: ",")].joined(separator: "|")
            let node = minter.node(kind: "observation", key: key)
            graph.add(node, RDF.type, NG.Observation)
            graph.add(node, RDFS.label, string: "\(o.measure): \(number(o.value)) \(o.unit)" + (o.period.map { ", \($0)" } ?? ""))
            graph.add(node, NG.term("measure"), string: o.measure)
            graph.add(node, NG.term("value"), decimal(o.value))
            if let m = o.valueMax { graph.add(node, NG.term("valueMax"), decimal(m)) }
            if let b = o.bound { graph.add(node, NG.term("bound"), string: b) }
            graph.add(node, NG.term("unit"), string: o.unit)
            if o.change { graph.add(node, NG.term("change"), Literal.boolean(true)) }
            if let p = o.period { graph.add(node, NG.term("period"), string: p) }
            for a in about { graph.add(node, NG.term("about"), use(a)) }
            provenance(node, [o.evidence], into: &graph)
            if let period = o.period {
                let k = Key(measure: o.measure, unit: o.unit, period: period, about: about, change: o.change)
                if !(nodes[k]?.contains(node) ?? false) { nodes[k, default: []].append(node) }
            }
        }
        for (_, list) in nodes where list.count > 1 {
            for a in list { for b in list where a != b { graph.add(a, NG.conflictsWith, b) } }
        }
    }

    func number(_ v: Double) -> String {
        var s = String(format: "%.6f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    func decimal(_ v: Double) -> Literal { Literal.decimal(Decimal(string: number(v)) ?? 0) }

    func label(_ e: EventFact) -> String {
        let names = { (s: Set<EntityRef>) in s.sorted().map(\.name).joined(separator: " and ") }
        var text: String
        switch e.cls {
        case "Visit": text = "Visit of \(names(e.agents))" + (e.hosts.isEmpty ? "" : " to \(names(e.hosts))")
        case "Accession": text = "Accession of \(names(e.agents)) to \(names(e.targets))"
        case "Sanction": text = "Sanctions" + (e.agents.isEmpty ? "" : " by \(names(e.agents))") + " on \(names(e.targets))"
        case "MilitaryAction": text = "Military action" + (e.agents.isEmpty ? "" : " by \(names(e.agents))") + " against \(names(e.targets))"
        case "Exhibition": text = e.name ?? "Exhibition"
        case "AgreementSigning": text = "Agreement signed by \(names(e.everyone))"
        case "DiplomaticRelationsEstablishment": text = "Diplomatic relations established between \(names(e.everyone))"
        default: text = "\(e.cls) of \(names(e.everyone))"
        }
        if e.planned { text = "Planned " + text.prefix(1).lowercased() + text.dropFirst() }
        if let d = e.date { text += ", \(d.iso)" }
        return text
    }

    /// Every entity used: its class, one label, its other names, its Wikidata id where the lexicon has one.
    mutating func describeEntities() {
        for (e, surfaces) in entities {
            let node = iri(e)
            graph.add(node, RDF.type, e.kind.cls)
            if e.kind == .city { graph.add(node, RDF.type, NG.Place) }
            graph.add(node, RDFS.label, string: e.name)
            var alts = surfaces
            var wikidata: String?
            switch e.kind {
            case .country:
                if let c = lexicon.country(named: e.name) {
                    alts.formUnion([c.official].compactMap { $0 } + (c.alt ?? []))
                    wikidata = c.wikidata
                }
            case .organization, .initiative:
                let list = e.kind == .organization ? lexicon.organizations : lexicon.initiatives
                if let o = list.first(where: { $0.name == e.name }) { alts.formUnion(o.alt ?? []); wikidata = o.wikidata }
            case .city, .place:
                if let p = lexicon.places.first(where: { $0.name == e.name }) { alts.formUnion(p.alt ?? []) }
                if let c = lexicon.countries.first(where: { $0.capital == e.name }) { alts.formUnion(c.capitalAlt ?? []) }
            case .person:
                if let p = registry.people.first(where: { $0.name == e.name }) {
                    alts.formUnion(p.variants)
                    if let last = e.name.split(separator: " ").last { alts.insert(String(last)) }
                }
            }
            alts.remove(e.name)
            for a in alts where !a.isEmpty { graph.add(node, SKOS.altLabel, string: a) }
            if let q = wikidata, !q.isEmpty, let id = try? IRI(Wikidata.ns + q) { graph.add(node, OWL.sameAs, id) }
        }
    }
}
