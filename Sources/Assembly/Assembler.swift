import Corpus
import Extraction
import Foundation
import Facts
import Language
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
    /// The documents in which each entity was named.
    var mentionedIn: [EntityRef: Set<IRI>] = [:]
    /// Short forms that documents define, and the rules that found entities the lexicon lacks.
    var shortForms: [EntityRef: Set<String>] = [:]
    var entityRules: [EntityRef: Set<String>] = [:]

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
        current = [d]
        defer { current = [] }
        put(d, RDF.type, NG.Document)
        put(d, NG.sourceFile, string: document.sourceName)
        put(d, NG.sha256, string: document.sha256)
        if let title = facts.title { put(d, DCTerms.title, string: title) }
        if let date = facts.date, date.day != nil, date.isValid { put(d, DCTerms.date, date.literal) }
        if facts.dateInferred { put(d, NG.dateInferred, Literal.boolean(true)) }
        for c in facts.creators { put(d, DCTerms.creator, string: c) }
        if let p = facts.publisher { put(d, DCTerms.publisher, use(p)) }
        for (e, names) in facts.surfaceNames {
            entities[e, default: []].formUnion(names)
            mentionedIn[e, default: []].insert(d)
        }
        for (e, names) in facts.shortForms { shortForms[e, default: []].formUnion(names) }
        for (e, rules) in facts.entityRules { entityRules[e, default: []].formUnion(rules) }
        for (person, titles) in facts.positions {
            let p = use(person)
            for t in titles { put(p, NG.term("position"), string: t) }
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
        func names(_ s: Set<EntityRef>) -> String { s.sorted().map { "\($0.kind.rawValue):\($0.name)" }.joined(separator: ",") }
        // Roles kept apart: the side that acts and the side acted on never merge into one.
        let acting = names(e.agents.union(e.hosts).union(e.participants))
        return [e.cls, e.date?.iso ?? "", e.name ?? "", acting, names(e.targets), names(e.agents), e.planned ? "planned" : ""]
            .joined(separator: "|")
    }

    mutating func eventIRI(_ e: EventFact) -> IRI { minter.node(kind: "event", key: Assembler.eventKey(e)) }

    mutating func provenance(_ node: IRI, _ evidence: [Evidence]) {
        let outer = current
        for ev in evidence {
            current = [ev.document]
            put(node, PROV.wasDerivedFrom, ev.document)
            put(node, NG.evidence, string: ev.sentence)
        }
        current = outer
    }

    // MARK: Which documents state which triple (for the named graphs of graph.nq)

    /// The documents the triples being added come from.
    var current: Set<IRI> = []
    /// Every triple's source documents.
    public private(set) var sources: [Triple: Set<IRI>] = [:]

    mutating func put(_ t: Triple) {
        graph.add(t)
        sources[t, default: []].formUnion(current)
    }

    mutating func put(_ s: IRI, _ p: IRI, _ o: IRI) { put(Triple(s, p, o)) }
    mutating func put(_ s: IRI, _ p: IRI, _ o: Literal) { put(Triple(s, p, .literal(o))) }
    mutating func put(_ s: IRI, _ p: IRI, string: String) { put(Triple(s, p, .literal(Literal(string)))) }

    /// The graph as quads: each triple in the named graph of every document it
    /// comes from. Entity descriptions go with every document that names the entity.
    public func quads() -> [Quad] {
        var out: [Quad] = []
        for t in graph.sorted {
            for d in (sources[t] ?? []).sorted() { out.append(Quad(t, graph: d)) }
        }
        return out.sorted()
    }

    /// One event node: its class, label, CAMEO code, dates, roles and evidence. The one place
    /// event nodes are written, for the events of sentences and for events named only as
    /// the object of a relation ("Western sanctions").
    mutating func emit(_ e: EventFact, key: String, evidence: [Evidence]) {
        let node = minter.node(kind: "event", key: key)
        put(node, RDF.type, NG.term(e.cls))
        for also in lexicon.frame(e.cls).alsoTypes ?? [] { put(node, RDF.type, NG.term(also)) }
        put(node, RDFS.label, string: label(e))
        if !e.cameo.isEmpty { put(node, NG.term("cameoCode"), string: e.cameo) }
        if e.planned { put(node, NG.term("planned"), Literal.boolean(true)) }
        if let d = e.date, d.isValid { put(node, NG.term("date"), d.literal) }
        if let d = e.endDate, d.isValid { put(node, NG.term("endDate"), d.literal) }
        for a in e.agents { put(node, NG.term("agent"), use(a)) }
        for h in e.hosts { put(node, NG.term("host"), use(h)) }
        for p in e.everyone { put(node, NG.term("participant"), use(p)) }
        for t in e.targets { put(node, NG.term("target"), use(t)) }
        if let l = e.location { put(node, NG.term("location"), use(l)) }
        if let name = e.name { put(node, SKOS.altLabel, string: name) }
        provenance(node, evidence)
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
            current = Set(evidence[key, default: []].map(\.document))
            emit(e, key: key, evidence: evidence[key, default: []].sorted(by: evidenceOrder))
        }
        // Direct relations, each reified once per supporting sentence.
        for r in allRelations {
            current = [r.evidence.document]
            let s = use(r.subject)
            let o: IRI
            if let obj = r.object { o = use(obj) } else if let ev = r.objectEvent {
                let key = Assembler.eventKey(ev)
                if merged[key] == nil {
                    // An event named only as the object of a relation ("Western sanctions") is still an event node.
                    allEvents.append(ev)
                    emit(ev, key: key, evidence: [ev.evidence])
                }
                o = minter.node(kind: "event", key: key)
            } else { continue }
            let p = NG.term(r.property)
            put(s, p, o)
            let statement = minter.node(kind: "statement", key: [s.value, p.value, o.value, r.evidence.document.value, r.evidence.sentence].joined(separator: "|"))
            put(statement, RDF.type, RDF.statement)
            put(statement, RDF.subject, s)
            put(statement, RDF.predicate, p)
            put(statement, RDF.object, o)
            put(statement, NG.confidence, Literal.decimal(Decimal(string: String(format: "%.2f", r.confidence)) ?? 0))
            put(statement, NG.rule, string: r.rule)
            provenance(statement, [r.evidence])
        }
        observations()
        for q in allQuotations {
            current = [q.evidence.document]
            let node = minter.node(kind: "quotation", key: q.speaker.name + "|" + q.text)
            put(node, RDF.type, NG.Quotation)
            put(node, NG.term("speaker"), use(q.speaker))
            put(node, NG.term("text"), string: q.text)
            if let d = q.date, d.isValid { put(node, NG.term("date"), d.literal) }
            provenance(node, [q.evidence])
        }
        for p in allPartnerships {
            current = [p.evidence.document]
            let parties = p.parties.sorted()
            let node = minter.node(kind: "partnership", key: parties.map(\.name).joined(separator: ",") + "|" + p.level)
            put(node, RDF.type, NG.Partnership)
            put(node, RDFS.label, string: p.level.prefix(1).uppercased() + p.level.dropFirst() + " of " + parties.map(\.name).joined(separator: " and "))
            put(node, NG.term("level"), string: p.level)
            if let d = p.date, d.isValid { put(node, NG.term("date"), d.literal) }
            for x in parties { put(node, NG.term("party"), use(x)) }
            provenance(node, [p.evidence])
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
            current = [o.evidence.document]
            let about = o.about.sorted()
            let key = [o.measure, number(o.value), o.valueMax.map(number) ?? "", o.bound ?? "", o.unit, o.change ? "change" : "", o.period ?? "",
                       about.map(\.name).joined(separator: ",")].joined(separator: "|")
            let node = minter.node(kind: "observation", key: key)
            put(node, RDF.type, NG.Observation)
            put(node, RDFS.label, string: "\(o.measure): \(number(o.value)) \(o.unit)" + (o.period.map { ", \($0)" } ?? ""))
            put(node, NG.term("measure"), string: o.measure)
            put(node, NG.term("value"), decimal(o.value))
            if let m = o.valueMax { put(node, NG.term("valueMax"), decimal(m)) }
            if let b = o.bound { put(node, NG.term("bound"), string: b) }
            put(node, NG.term("unit"), string: o.unit)
            if o.change { put(node, NG.term("change"), Literal.boolean(true)) }
            if let p = o.period { put(node, NG.term("period"), string: p) }
            for a in about { put(node, NG.term("about"), use(a)) }
            provenance(node, [o.evidence])
            if let period = o.period {
                let k = Key(measure: o.measure, unit: o.unit, period: period, about: about, change: o.change)
                if !(nodes[k]?.contains(node) ?? false) { nodes[k, default: []].append(node) }
            }
        }
        for (_, list) in nodes where list.count > 1 {
            for a in list {
                for b in list where a != b {
                    current = (sources[Triple(a, RDF.type, NG.Observation)] ?? []).union(sources[Triple(b, RDF.type, NG.Observation)] ?? [])
                    put(a, NG.conflictsWith, b)
                }
            }
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
        var text = Assembler.fill(lexicon.frame(e.cls).label ?? "{class} of {everyone}", e)
        if e.planned { text = "Planned " + text.prefix(1).lowercased() + text.dropFirst() }
        if let d = e.date { text += ", \(d.iso)" }
        return text
    }

    /// A frame's label template filled from an event: "{agents}" … are names joined by "and";
    /// a "[bracketed part]" is kept only when every role it names is filled.
    static func fill(_ template: String, _ e: EventFact) -> String {
        let names = { (s: Set<EntityRef>) in s.sorted().map(\.name).joined(separator: " and ") }
        func value(_ key: Substring) -> String {
            switch key {
            case "agents": return names(e.agents)
            case "hosts": return names(e.hosts)
            case "targets": return names(e.targets)
            case "participants": return names(e.participants)
            case "everyone": return names(e.everyone)
            case "name": return e.name ?? e.cls
            case "class": return e.cls
            default: return "{" + key + "}"
            }
        }
        /// Replaces the placeholders of `part`; nil when one of them is empty and `optional`.
        func expand(_ part: Substring, optional: Bool) -> String? {
            var out = ""
            var rest = part[...]
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                out += rest[..<open]
                let v = value(rest[rest.index(after: open)..<close])
                if optional && v.isEmpty { return nil }
                out += v
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
        var text = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            text += expand(rest[..<open], optional: false) ?? ""
            text += expand(rest[rest.index(after: open)..<close], optional: true) ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return text + (expand(rest, optional: false) ?? "")
    }

    /// The surname of a full name, with the particles before it: "von der Leyen", "Le Pen", "da Silva".
    func surname(_ name: String) -> String? {
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        let particles = Set((lexicon.patterns.nameParticles ?? []).map { $0.lowercased() })
        var start = words.count - 1
        while start > 1, particles.contains(words[start - 1].lowercased()) { start -= 1 }
        return words[start...].joined(separator: " ")
    }

    /// Every entity used: its class, one label, its other names, its Wikidata id where the lexicon has one.
    mutating func describeEntities() {
        var naming: [IRI: Set<IRI>] = [:]
        for (t, docs) in sources {
            if let o = t.object.iri { naming[o, default: []].formUnion(docs) }
            if let s = t.subject.iri { naming[s, default: []].formUnion(docs) }
        }
        for (e, surfaces) in entities {
            let node = iri(e)
            current = (naming[node] ?? []).union(mentionedIn[e] ?? [])
            put(node, RDF.type, e.kind.cls)
            if e.kind == .city { put(node, RDF.type, NG.Place) }
            put(node, RDFS.label, string: e.name)
            var alts = surfaces
            var rules = entityRules[e] ?? []
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
                if let p = registry.person(named: e.name) {
                    alts.formUnion(p.variants)
                    if let surname = surname(e.name) { alts.insert(surname) }
                    rules.formUnion(p.rules)
                }
            }
            alts.formUnion(shortForms[e] ?? [])
            alts.remove(e.name)
            for a in alts where !a.isEmpty { put(node, SKOS.altLabel, string: a) }
            for r in rules.sorted() { put(node, NG.rule, string: r) }
            if let q = wikidata, !q.isEmpty, let id = try? IRI(Wikidata.ns + q) { put(node, OWL.sameAs, id) }
        }
    }
}
