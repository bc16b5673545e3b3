import Foundation
import Build
import Extraction
import SHACL
import Validation
import Lookup
import Load
import RDFModel
import RaptorIO
import Testing

@Suite struct ValidateOntologyRulesTests {
    func ontology() throws -> Ontology {
        try Ontology.load(from: validateOntologyFolder, world: RaptorWorld())
    }

    @Test func domainsAndRangesFollowUnionsAndSubclasses() throws {
        let rules = OntologyRules(ontology: try ontology())
        let country = IRI(constant: validateBelarus), event = IRI(constant: "https://w3id.org/newsgraph/id/event/e")
        let city = IRI(constant: "https://w3id.org/newsgraph/id/city/minsk")
        let data = [
            Triple(country, RDF.type, NG.Country),
            Triple(event, RDF.type, NG.Meeting),
            Triple(city, RDF.type, NG.City),
            Triple(country, NG.term("participatesIn"), event),      // range: Initiative or Event (Meeting ⊑ Event)
            Triple(country, NG.term("participatesIn"), city),       // a City is neither
            Triple(city, NG.term("locatedIn"), country),           // domain and range: Place or Country
            Triple(event, NG.term("locatedIn"), country),          // an event is not a place
            Triple(event, NG.term("planned"), .literal(Literal("yes", datatype: XSD.boolean))),
            Triple(event, NG.term("planned"), .literal(Literal("true"))),
            Triple(country, NG.term("position"), .literal(Literal("President"))), // domain: Person
        ]
        let results = rules.check(IndexedGraph(data))
        func find(_ component: IRI) -> [ValidationResult] { results.filter { $0.sourceConstraintComponent == component } }
        #expect(find(NGV.RangeComponent).map(\.offendingTriple) == [Triple(country, NG.term("participatesIn"), city),
                                                                    Triple(event, NG.term("planned"), .literal(Literal("true")))].sorted())
        #expect(find(NGV.RangeComponent).first?.detail == "the value of ng:participatesIn must be an instance of ng:Initiative or ng:Event (its rdfs:range)")
        #expect(Set(find(NGV.DomainComponent).compactMap(\.offendingTriple)) == [
            Triple(event, NG.term("locatedIn"), country), Triple(country, NG.term("position"), .literal(Literal("President")))])
        #expect(find(NGV.LexicalFormComponent).map(\.value) == [.literal(Literal("yes", datatype: XSD.boolean))])
        #expect(find(NGV.UndefinedTermComponent).isEmpty)
    }

    @Test func undefinedTermsSuggestTheNearestDefinedOne() throws {
        let rules = OntologyRules(ontology: try ontology())
        let s = IRI(constant: validateBelarus)
        let results = rules.check(IndexedGraph([
            Triple(s, RDF.type, NG.term("Contry")),
            Triple(s, NG.term("memberof"), .iri(IRI(constant: validateChina))),
        ]))
        #expect(results.map(\.detail).sorted() == [
            "the class ng:Contry is not defined in the ontology (did you mean ng:Country?)",
            "the property ng:memberof is not defined in the ontology (did you mean ng:memberOf?)",
        ])
    }

    @Test func partitionLeavesAConformingGraphAndLosesNothing() throws {
        let world = try RaptorWorld()
        let validator = try Validator(ontology: try Ontology.load(from: validateOntologyFolder, world: world))
        var graph: [Triple] = []
        try world.parse(file: validateRepositoryRoot + "/out/graph.nt") { graph.append($0.triple) }
        let chinaIRI = IRI(constant: validateChina), event = try #require(graph.first { $0.object == .iri(NG.Meeting) }?.subject)
        let bad = [
            Triple(chinaIRI, NG.term("memberof"), .iri(IRI(constant: validateBelarus))),          // undefined term
            Triple(event, NG.term("date"), .literal(Literal("2023-02-30", datatype: XSD.date))), // second, ill-typed date
            Triple(chinaIRI, NG.term("memberOf"), .iri(IRI(constant: validateBelarus))),          // not an organization
        ]
        let split = validator.partition(graph + bad)
        #expect(split.remaining.conforms)
        #expect(validator.validate(data: split.accepted).conforms)
        #expect(Set(split.accepted).union(split.rejected.map(\.triple)) == Set(graph + bad))
        #expect(Set(split.accepted).isDisjoint(with: split.rejected.map(\.triple)))
        // The event has two dates now (sh:maxCount 1): the event's own triples go, and with it what refers to it.
        #expect(Set(bad).isSubset(of: split.rejected.map(\.triple)))
        #expect(split.rejected.contains { $0.triple.subject == event && $0.reason.contains("ng:EventShape › ng:date [sh:maxCount]") })
        #expect(split.rejected.first { $0.triple == bad[0] }?.reason == "ngv:DefinedTerms [ngv:UndefinedTerm]: the property ng:memberof is not defined in the ontology (did you mean ng:memberOf?)")
        #expect(!split.report.conforms)
    }
}
