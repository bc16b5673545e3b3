import RDFModel

/// The `turtle` format: the node's concise bounded description (its triples,
/// and the `rdf:Statement`s that reify them), the events, observations,
/// quotations and partnerships it is in, with the main class and the name of
/// every other node they mention, so that the result reads on its own. Written by
/// Raptor, with the standard prefixes. With `--limit`, only the facts and the
/// reifications of the relations the report shows.
enum LookupTurtle {
    static func render(graph: LookupGraph, entity e: UInt32, report: LookupReport, limited: Bool) throws(LookupError) -> String {
        let index = graph.index
        var subjects: [UInt32] = [e]
        // Reifications of the node's own triples (CBD: "all reifications of each statement").
        let shown = Set(report.relations.outgoing.flatMap { g in g.items.map { g.property + " " + $0.iri } })
        if let pSubject = index.find(RDF.subject.value) {
            let pPredicate = index.find(RDF.predicate.value), pObject = index.find(RDF.object.value)
            for (p, s) in index.inEdges(e) where p == pSubject && graph.classIRI(s) == RDF.statement {
                if limited {
                    let edges = index.outEdges(s)
                    guard let property = edges.first(where: { $0.predicate == pPredicate })?.object,
                          let object = edges.first(where: { $0.predicate == pObject })?.object,
                          shown.contains(LV.curie(index.text(property)) + " " + index.text(object))
                    else { continue }
                }
                subjects.append(s)
            }
        }
        let facts = report.events.items.map(\.iri) + report.observations.items.map(\.iri)
            + report.quotations.items.map(\.iri) + report.partnerships.items.map(\.iri)
        subjects += facts.compactMap { index.find($0) }
        var triples = Set<Triple>()
        let described = try graph.triples(of: subjects)
        for s in subjects { triples.formUnion(described[s] ?? []) }
        // The class and name of every other node mentioned.
        let subjectTerms = Set(subjects.map { index.rdfTerm($0) })
        var mentioned = Set<UInt32>()
        for t in triples where t.predicate != RDF.predicate && t.predicate != RDF.type {
            if !t.object.isLiteral, !subjectTerms.contains(t.object), let id = graph.id(t.object), index.isSubject(id) { mentioned.insert(id) }
        }
        // Their main class and name, from the index: no need to read their triples.
        for id in mentioned {
            let node = index.rdfTerm(id)
            if let cls = index.primaryClass(id) { triples.insert(Triple(node, RDF.type, index.rdfTerm(cls))) }
            if let property = index.labelProperty(id), let label = index.label(id) {
                triples.insert(Triple(node, property, .literal(Literal(label))))
            }
        }
        return try graph.serializeTurtle(triples.sorted())
    }
}
