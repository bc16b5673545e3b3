import Foundation
import RDFModel

/// Gathers a ``LookupReport`` for one node. It walks the index's edges to
/// find and order everything around the node, and reads the triples of only
/// the items it shows (at most `limit` per list), so its cost follows the
/// size of the answer, not of the graph.
struct ReportBuilder {
    let graph: LookupGraph
    let evidence: Bool
    /// Items shown per list; nil for all.
    let limit: Int?

    private var index: IndexReader { graph.index }

    private func cut<T>(_ items: [T]) -> [T] { limit.map { Array(items.prefix($0)) } ?? items }

    /// The ids of the vocabulary terms used in the graph (nil: the graph never uses the term).
    private struct Ids {
        let subject, object, predicate, derivedFrom, sameAs: UInt32?
        let about, speaker, party, location: UInt32?
        let roles: [UInt32: String]
        init(_ index: IndexReader) {
            subject = index.find(RDF.subject.value)
            object = index.find(RDF.object.value)
            predicate = index.find(RDF.predicate.value)
            derivedFrom = index.find(PROV.wasDerivedFrom.value)
            sameAs = index.find(OWL.sameAs.value)
            about = index.find(LV.about.value)
            speaker = index.find(LV.speaker.value)
            party = index.find(LV.party.value)
            location = index.find(LV.location.value)
            var roles: [UInt32: String] = [:]
            for r in LV.roles { if let id = index.find(r.value) { roles[id] = LV.localName(r.value) } }
            self.roles = roles
        }
    }

    private struct RelationKey: Hashable {
        var outgoing: Bool
        var property: UInt32
        var other: UInt32
    }

    /// Everything around a node, sorted into kinds of fact.
    private struct Neighbourhood {
        var statements: [UInt32] = []
        /// Events, with the roles the node has in each.
        var events: [UInt32: Set<String>] = [:]
        var observations: [UInt32] = [], quotations: [UInt32] = [], partnerships: [UInt32] = []
        var relationKeys = Set<RelationKey>()
        /// Reified statements: which relation each supports.
        var support: [RelationKey: [UInt32]] = [:]
        /// Documents with an edge to the node.
        var publishedBy: [UInt32] = []

        /// Every node whose sources count as the documents stating something about `e`.
        func factNodes(_ e: UInt32) -> [UInt32] {
            statements + Array(events.keys) + observations + quotations + partnerships + [e]
        }
    }

    func build(entity e: UInt32, query: String, match: EntityFinder.Candidate) throws(LookupError) -> LookupReport {
        let ids = Ids(index)
        let own = try graph.triples(e)
        let around = neighbourhood(of: e, ids)

        var titles: [String: String] = [:]
        func sources(_ node: UInt32) -> [String] {
            var out: [String] = []
            for (p, o) in index.outEdges(node) where p == ids.derivedFrom {
                let iri = index.text(o)
                titles[iri] = graph.label(o)
                out.append(iri)
            }
            return out.sorted()
        }

        let entity = describe(e, own)
        let relations = try relationSections(around.relationKeys, around.support, sources: sources)
        let eventSection = try eventItems(e, around.events, sources: sources)
        let observationSection = try observationItems(e, around.observations, sources: sources)
        let quotationSection = try quotationItems(around.quotations, sources: sources)
        let partnershipSection = try partnershipItems(e, around.partnerships, sources: sources)
        let documents = try documentSection(e, around, ids, titles: &titles)

        var report = LookupReport(
            query: query, graph: graph.path,
            match: .init(how: match.how, name: match.name, distance: match.distance),
            entity: entity,
            documents: documents,
            relations: relations,
            events: eventSection, observations: observationSection,
            quotations: quotationSection, partnerships: partnershipSection)
        report.documentTitles = titles
        return report
    }

    /// Walks the edges into and out of `e` and sorts the nodes found into kinds of fact.
    private func neighbourhood(of e: UInt32, _ ids: Ids) -> Neighbourhood {
        var around = Neighbourhood()
        for (p, s) in index.inEdges(e) {
            let cls = graph.classIRI(s)
            if (p == ids.subject || p == ids.object) && cls == RDF.statement {
                around.statements.append(s)
            } else if p == ids.predicate {
                continue
            } else if p == ids.about || cls == NG.Observation {
                around.observations.append(s)
            } else if p == ids.speaker || cls == NG.Quotation {
                around.quotations.append(s)
            } else if p == ids.party || cls == NG.Partnership {
                around.partnerships.append(s)
            } else if let role = ids.roles[p] {
                around.events[s, default: []].insert(role)
            } else if let cls, LV.eventClasses.contains(cls) {
                around.events[s, default: []].insert(LV.phrase(IRI(constant: index.text(p))))
            } else {
                around.relationKeys.insert(RelationKey(outgoing: false, property: p, other: s))
                if cls == NG.Document { around.publishedBy.append(s) }
            }
        }
        let descriptive = Set(LV.descriptive.compactMap { index.find($0.value) })
        for (p, o) in index.outEdges(e) where !descriptive.contains(p) {
            around.relationKeys.insert(RelationKey(outgoing: true, property: p, other: o))
        }
        for s in around.statements {
            guard let key = relationKey(ofStatement: s, about: e, ids) else { continue }
            around.support[key, default: []].append(s)
            around.relationKeys.insert(key)
        }
        return around
    }

    /// The relation a reified statement about `e` supports, or nil when it lacks a part.
    private func relationKey(ofStatement s: UInt32, about e: UInt32, _ ids: Ids) -> RelationKey? {
        var subject: UInt32?, property: UInt32?, object: UInt32?
        for (p, o) in index.outEdges(s) {
            if p == ids.subject { subject = o } else if p == ids.predicate { property = o } else if p == ids.object { object = o }
        }
        guard let subject, let property, let object else { return nil }
        return subject == e ? RelationKey(outgoing: true, property: property, other: object)
                            : RelationKey(outgoing: false, property: property, other: subject)
    }

    /// The documents that state anything about the node, by how much they state; their titles go to `titles`.
    private func documentSection(_ e: UInt32, _ around: Neighbourhood, _ ids: Ids,
                                 titles: inout [String: String]) throws(LookupError) -> LookupReport.Section<LookupReport.DocumentItem> {
        var facts: [UInt32: Int] = [:]
        for node in around.factNodes(e) {
            for (p, o) in index.outEdges(node) where p == ids.derivedFrom { facts[o, default: 0] += 1 }
        }
        for d in around.publishedBy { facts[d, default: 0] += 1 }
        let ranked = facts.map { Ranked(key: $0.key, count: $0.value, label: graph.label($0.key), id: $0.key) }.sorted(by: Ranked.before)
        let shownDocuments = cut(ranked)
        let documentTriples = try graph.triples(of: shownDocuments.map(\.key))
        let documents = shownDocuments.map { r -> LookupReport.DocumentItem in
            let d = r.key, count = r.count
            let t = documentTriples[d] ?? []
            titles[index.text(d)] = graph.label(d)
            return LookupReport.DocumentItem(iri: index.text(d), title: first(t, DCTerms.title),
                                             file: first(t, NG.sourceFile), date: first(t, DCTerms.date), facts: count)
        }
        return .init(total: ranked.count, items: documents)
    }

    /// Items ranked by a count (more first), then by label, then by id; the keys are computed once.
    private struct Ranked<Key> {
        var key: Key
        var count: Int
        var label: String
        var id: UInt32

        static func before(_ a: Ranked, _ b: Ranked) -> Bool {
            if a.count != b.count { return a.count > b.count }
            if a.label != b.label { return a.label < b.label }
            return a.id < b.id
        }
    }

    // MARK: - The node itself

    private func describe(_ e: UInt32, _ own: [Triple]) -> LookupReport.Entity {
        var types: [String] = []
        if let main = graph.classCURIE(e) { types.append(main) }
        for t in own where t.predicate == RDF.type {
            if let c = t.object.iri.map({ LV.curie($0.value) }), !types.contains(c) { types.append(c) }
        }
        let label = own.first { $0.predicate == RDFS.label }?.object.literal?.lexicalForm ?? graph.label(e)
        let otherNames = own.filter { $0.predicate == SKOS.altLabel }.compactMap { $0.object.literal?.lexicalForm }.sorted()
        let sameAs = own.filter { $0.predicate == OWL.sameAs }.compactMap { $0.object.iri.map { LV.curie($0.value) } }.sorted()
        var attributes: [String: [String]] = [:]
        let skipped: Set<IRI> = evidence ? [RDFS.label, SKOS.altLabel] : [RDFS.label, SKOS.altLabel, NG.evidence]
        for t in own where !skipped.contains(t.predicate) {
            if let l = t.object.literal { attributes[LV.curie(t.predicate.value), default: []].append(l.lexicalForm) }
        }
        return .init(iri: index.text(e), label: label, types: types, otherNames: otherNames, sameAs: sameAs,
                     attributes: attributes.sorted { $0.key < $1.key }.map { .init(property: $0.key, values: $0.value.sorted()) })
    }

    // MARK: - Relations

    private func relationSections(_ keys: Set<RelationKey>, _ support: [RelationKey: [UInt32]],
                                  sources: (UInt32) -> [String]) throws(LookupError) -> LookupReport.Relations {
        struct GroupKey: Hashable { var outgoing: Bool; var property: UInt32 }
        let groups = Dictionary(grouping: keys) { GroupKey(outgoing: $0.outgoing, property: $0.property) }
        var outgoing: [LookupReport.RelationGroup] = [], incoming: [LookupReport.RelationGroup] = []
        var shownStatements: [UInt32] = []
        var pending: [(group: GroupKey, total: Int, shown: [RelationKey])] = []
        for (group, members) in groups {
            let ranked = members.map { Ranked(key: $0, count: support[$0]?.count ?? 0, label: graph.label($0.other), id: $0.other) }
                .sorted(by: Ranked.before).map(\.key)
            let shown = cut(ranked)
            for k in shown { shownStatements += support[k] ?? [] }
            pending.append((group, ranked.count, shown))
        }
        let statementTriples = evidence ? try graph.triples(of: shownStatements) : [:]
        for (group, total, shown) in pending {
            let items = shown.map { k -> LookupReport.RelationItem in
                let statements = support[k] ?? []
                let docs = Array(Set(statements.flatMap(sources))).sorted()
                var ev: [LookupReport.Evidence]?
                if evidence {
                    ev = statements.flatMap { s -> [LookupReport.Evidence] in
                        let t = statementTriples[s] ?? []
                        let doc = sources(s).first
                        let confidence = first(t, NG.confidence).flatMap { Decimal(string: $0) }
                        return literals(t, NG.evidence).map { .init(sentence: $0, document: doc, confidence: confidence, rule: first(t, NG.rule)) }
                    }.sorted { ($0.document ?? "", $0.sentence) < ($1.document ?? "", $1.sentence) }
                }
                let ref = graph.ref(k.other)
                return .init(iri: ref.iri, label: ref.label, type: ref.type, sources: docs, evidence: ev)
            }
            let section = LookupReport.RelationGroup(property: LV.curie(index.text(group.property)), total: total, items: items)
            if group.outgoing { outgoing.append(section) } else { incoming.append(section) }
        }
        let byProperty = { (a: LookupReport.RelationGroup, b: LookupReport.RelationGroup) in a.property < b.property }
        return .init(outgoing: outgoing.sorted(by: byProperty), incoming: incoming.sorted(by: byProperty))
    }

    // MARK: - Events, numbers, quotations, partnerships

    /// Newest first (by `ng:date`, `ng:period` or `dcterms:date`), undated last.
    private func newestFirst(_ ids: [UInt32]) -> [UInt32] {
        let keyed = ids.map { (id: $0, key: index.sortKey($0), label: graph.label($0)) }
        return keyed.sorted { a, b in
            switch (a.key, b.key) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.label != b.label ? a.label < b.label : a.id < b.id
            }
        }.map(\.id)
    }

    private func evidenceOf(_ t: [Triple], _ docs: [String]) -> [LookupReport.Evidence]? {
        guard evidence else { return nil }
        return literals(t, NG.evidence).map { .init(sentence: $0, document: docs.count == 1 ? docs[0] : nil) }
    }

    private func eventItems(_ e: UInt32, _ events: [UInt32: Set<String>],
                            sources: (UInt32) -> [String]) throws(LookupError) -> LookupReport.Section<LookupReport.EventItem> {
        let shown = cut(newestFirst(Array(events.keys)))
        let triples = try graph.triples(of: shown)
        let me = index.rdfTerm(e)
        let items = shown.map { ev -> LookupReport.EventItem in
            let t = triples[ev] ?? []
            var others: [String: LookupReport.Participant] = [:]
            var order: [String] = []
            for role in LV.roles where role != LV.location {
                for o in objects(t, role) where o != me {
                    guard let id = graph.id(o) else { continue }
                    let ref = graph.ref(id)
                    if others[ref.iri] == nil { order.append(ref.iri); others[ref.iri] = .init(iri: ref.iri, label: ref.label, type: ref.type, roles: []) }
                    others[ref.iri]!.roles.append(LV.localName(role.value))
                }
            }
            let place = objects(t, LV.location).compactMap { graph.id($0) }.first.map { graph.ref($0) }
            let roles = LV.roles.map { LV.localName($0.value) }.filter { events[ev]!.contains($0) }
                + events[ev]!.filter { r in !LV.roles.contains { LV.localName($0.value) == r } }.sorted()
            let docs = sources(ev)
            return .init(iri: index.text(ev), label: first(t, RDFS.label) ?? graph.label(ev), type: graph.classCURIE(ev),
                         date: first(t, LV.date), endDate: first(t, LV.endDate), planned: first(t, LV.planned) == "true",
                         roles: roles, place: place, others: order.compactMap { others[$0] }.sorted { $0.label < $1.label },
                         sources: docs, evidence: evidenceOf(t, docs))
        }
        return .init(total: events.count, items: items)
    }

    private func observationItems(_ e: UInt32, _ observations: [UInt32],
                                  sources: (UInt32) -> [String]) throws(LookupError) -> LookupReport.Section<LookupReport.ObservationItem> {
        let shown = cut(newestFirst(Array(Set(observations))))
        let triples = try graph.triples(of: shown)
        let conflictIds = shown.flatMap { objects(triples[$0] ?? [], NG.conflictsWith).compactMap { graph.id($0) } }
        let conflictTriples = try graph.triples(of: conflictIds)
        let me = index.rdfTerm(e)
        let items = shown.map { ob -> LookupReport.ObservationItem in
            let t = triples[ob] ?? []
            let docs = sources(ob)
            let conflicts = objects(t, NG.conflictsWith).compactMap { graph.id($0) }.map { c -> LookupReport.Conflict in
                let ct = conflictTriples[c] ?? []
                return .init(iri: index.text(c), value: decimal(first(ct, LV.value)), valueMax: decimal(first(ct, LV.valueMax)),
                             unit: first(ct, LV.unit), period: first(ct, LV.period), bound: first(ct, LV.bound), sources: sources(c))
            }.sorted { $0.iri < $1.iri }
            return .init(iri: index.text(ob), label: first(t, RDFS.label), measure: first(t, LV.measure),
                         value: decimal(first(t, LV.value)), valueMax: decimal(first(t, LV.valueMax)),
                         unit: first(t, LV.unit), period: first(t, LV.period), bound: first(t, LV.bound),
                         change: first(t, LV.change) == "true",
                         about: objects(t, LV.about).filter { $0 != me }.compactMap { graph.id($0) }.map { graph.ref($0) }.sorted { $0.label < $1.label },
                         conflictsWith: conflicts, sources: docs, evidence: evidenceOf(t, docs))
        }
        return .init(total: Set(observations).count, items: items)
    }

    private func quotationItems(_ quotations: [UInt32],
                                sources: (UInt32) -> [String]) throws(LookupError) -> LookupReport.Section<LookupReport.QuotationItem> {
        let shown = cut(newestFirst(Array(Set(quotations))))
        let triples = try graph.triples(of: shown)
        let items = shown.map { q -> LookupReport.QuotationItem in
            let t = triples[q] ?? []
            let docs = sources(q)
            return .init(iri: index.text(q), text: first(t, LV.text) ?? "", date: first(t, LV.date), sources: docs, evidence: evidenceOf(t, docs))
        }
        return .init(total: Set(quotations).count, items: items)
    }

    private func partnershipItems(_ e: UInt32, _ partnerships: [UInt32],
                                  sources: (UInt32) -> [String]) throws(LookupError) -> LookupReport.Section<LookupReport.PartnershipItem> {
        let shown = cut(newestFirst(Array(Set(partnerships))))
        let triples = try graph.triples(of: shown)
        let me = index.rdfTerm(e)
        let items = shown.map { p -> LookupReport.PartnershipItem in
            let t = triples[p] ?? []
            let docs = sources(p)
            return .init(iri: index.text(p), label: first(t, RDFS.label), level: first(t, LV.level), date: first(t, LV.date),
                         parties: objects(t, LV.party).filter { $0 != me }.compactMap { graph.id($0) }.map { graph.ref($0) }.sorted { $0.label < $1.label },
                         sources: docs, evidence: evidenceOf(t, docs))
        }
        return .init(total: Set(partnerships).count, items: items)
    }

    // MARK: - Reading triples

    private func first(_ t: [Triple], _ p: IRI) -> String? { literals(t, p).first }

    private func literals(_ t: [Triple], _ p: IRI) -> [String] {
        t.filter { $0.predicate == p }.compactMap { $0.object.literal?.lexicalForm }.sorted()
    }

    private func objects(_ t: [Triple], _ p: IRI) -> [Term] {
        t.filter { $0.predicate == p && !$0.object.isLiteral }.map(\.object).sorted()
    }

    private func decimal(_ s: String?) -> Decimal? { s.flatMap { Decimal(string: $0) } }
}
