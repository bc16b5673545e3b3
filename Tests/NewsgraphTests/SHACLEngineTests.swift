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

/// Behaviour of the SHACL engine beyond the W3C suite: lexical forms, value
/// order, the ontology's class hierarchy, recursion, the report graph.

/// Parses Turtle text with the common prefixes of these tests.
func shaclTriples(_ turtle: String) throws -> [Triple] {
    let world = try RaptorWorld()
    let text = """
        @prefix ex: <http://example.org/> .
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

        """ + turtle
    var out: [Triple] = []
    try world.parse(string: text, syntax: .turtle, baseIRI: "http://example.org/") { out.append($0.triple) }
    return out
}

func shaclEx(_ local: String) -> Term { .iri(IRI(constant: "http://example.org/" + local)) }

@Suite struct SHACLLexicalFormTests {
    func literal(_ lexical: String, _ type: String) -> Literal { Literal(lexical, datatype: IRI(constant: XSD.ns + type)) }

    @Test(arguments: [
        ("2024-02-29", "date"), ("2000-02-29", "date"), ("2023-12-31Z", "date"), ("-0044-03-15", "date"), ("12023-01-01", "date"),
        ("2023-12-04T10:30:00", "dateTime"), ("2023-12-04T24:00:00", "dateTime"), ("2023-12-04T10:30:00.5+14:00", "dateTime"),
        ("2023", "gYear"), ("2023-02", "gYearMonth"), ("10:00:00", "time"), ("--02-29", "gMonthDay"),
        ("127", "byte"), ("-128", "byte"), ("255", "unsignedByte"), ("+0", "nonNegativeInteger"), ("-0", "nonPositiveInteger"),
        ("18446744073709551615", "unsignedLong"), ("-9223372036854775808", "long"), ("1", "positiveInteger"),
        ("5080000000.0", "decimal"), ("-.5", "decimal"), ("5.", "decimal"), ("1e10", "double"), ("-INF", "float"), ("NaN", "double"),
        ("true", "boolean"), ("0", "boolean"), ("http://example.org/a b", "anyURI"), ("en-GB", "language"), ("P1Y2M3DT4H5M6.5S", "duration"),
    ])
    func wellFormed(_ lexical: String, _ type: String) {
        #expect(XSDDatatype.problem(in: literal(lexical, type)) == nil, "\(lexical)^^xsd:\(type) is legal")
    }

    @Test(arguments: [
        ("2023-02-30", "date"), ("2023-02-29", "date"), ("1900-02-29", "date"), ("2023-13-01", "date"), ("2023-04-31", "date"),
        ("2023-1-01", "date"), ("23-01-01", "date"), ("02023-01-01", "date"), ("2023-01-01T00:00:00", "date"), ("2023-01-01+15:00", "date"),
        ("2023-12-04T25:00:00", "dateTime"), ("2023-12-04T24:00:01", "dateTime"), ("2023-12-04", "dateTime"), ("2023-12-04T10:60:00", "dateTime"),
        ("2023-00", "gYearMonth"), ("99", "gYear"), ("10:00", "time"),
        ("c", "byte"), ("300", "byte"), ("-129", "byte"), ("256", "unsignedByte"), ("-1", "nonNegativeInteger"), ("0", "positiveInteger"),
        ("1", "negativeInteger"), ("18446744073709551616", "unsignedLong"), ("2147483648", "int"), ("1.0", "integer"), (" 5", "integer"),
        ("", "integer"), ("1,5", "decimal"), (".", "decimal"), ("1e", "double"), ("inf", "double"), ("yes", "boolean"), ("TRUE", "boolean"),
        ("a%zz", "anyURI"), ("english language", "language"), ("P", "duration"), ("PT", "duration"), ("abc", "hexBinary"),
    ])
    func illFormed(_ lexical: String, _ type: String) {
        #expect(XSDDatatype.problem(in: literal(lexical, type)) != nil, "\(lexical)^^xsd:\(type) is illegal")
    }

    @Test func langStringNeedsATag() throws {
        #expect(XSDDatatype.problem(in: Literal("x", datatype: RDF.langString)) != nil)
        #expect(XSDDatatype.problem(in: try Literal("x", language: "en")) == nil)
        // A datatype the table does not know is not judged.
        #expect(XSDDatatype.problem(in: Literal("anything", datatype: IRI(constant: "http://example.org/code"))) == nil)
    }

    @Test func illTypedLiteralsFailDatatype() throws {
        let g = try shaclTriples("""
            ex:s a sh:NodeShape ; sh:targetNode ex:i ; sh:property [ sh:path ex:d ; sh:datatype xsd:date ] ,
                [ sh:path ex:b ; sh:datatype xsd:byte ] .
            ex:i ex:d "2023-02-30"^^xsd:date, "2024-02-29"^^xsd:date ; ex:b "c"^^xsd:byte, "7"^^xsd:byte, "7"^^xsd:integer .
            """)
        let report = try SHACLEngine(shapesGraph: g).validate(data: g)
        let failing = Set(report.results.compactMap(\.value))
        #expect(failing == [.literal(Literal("2023-02-30", datatype: XSD.date)), .literal(Literal("c", datatype: IRI(constant: XSD.ns + "byte"))),
                            .literal(Literal("7", datatype: XSD.integer))])
        #expect(report.results.allSatisfy { $0.sourceConstraintComponent == SH.Component.datatype })
    }
}

@Suite struct SHACLValueOrderTests {
    /// The values of ex:v on ex:i that fail `constraint` (a range constraint in Turtle).
    func failing(_ constraint: String, _ values: String) throws -> Set<String> {
        let g = try shaclTriples("""
            ex:s a sh:NodeShape ; sh:targetNode ex:i ; sh:property [ sh:path ex:v ; \(constraint) ] .
            ex:i ex:v \(values) .
            """)
        return Set(try SHACLEngine(shapesGraph: g).validate(data: g).results.compactMap { $0.value?.literal?.lexicalForm })
    }

    @Test func numbersCompareNumericallyAcrossTypes() throws {
        // 10 > 9.5 although "10" < "9.5" as text; 1e1 is 10; 9.75 and 9.5 are not.
        #expect(try failing("sh:minExclusive 9.6", "10, 9.5, \"1e1\"^^xsd:double, 9.75, \"0010\"^^xsd:integer, \"9.60\"^^xsd:decimal")
                == ["9.5", "9.60"])
        #expect(try failing("sh:maxInclusive 100", "100.0, 99, \"1e3\"^^xsd:double, \"255\"^^xsd:unsignedByte") == ["1e3", "255"])
        // Text and ill-typed numbers cannot be compared with a number: they fail.
        #expect(try failing("sh:minInclusive 0", "\"5\", \"x\"^^xsd:integer, 1") == ["5", "x"])
    }

    @Test func datesCompareChronologically() throws {
        #expect(try failing("sh:minInclusive \"2023-02-01\"^^xsd:date",
                            "\"2023-12-04\"^^xsd:date, \"2023-01-31\"^^xsd:date, \"2022-12-31\"^^xsd:date, \"2023-02-01\"^^xsd:date")
                == ["2023-01-31", "2022-12-31"])
        // 2023-12-04T23:00:00-05:00 is the instant 2023-12-05T04:00:00Z, so it is not before it.
        #expect(try failing("sh:maxExclusive \"2023-12-05T04:00:00Z\"^^xsd:dateTime",
                            "\"2023-12-04T23:00:00-05:00\"^^xsd:dateTime, \"2023-12-04T22:59:59-05:00\"^^xsd:dateTime")
                == ["2023-12-04T23:00:00-05:00"])
        // A date and a dateTime are different types: not comparable.
        #expect(try failing("sh:minInclusive \"2023-01-01\"^^xsd:date", "\"2023-06-01T00:00:00\"^^xsd:dateTime") == ["2023-06-01T00:00:00"])
        // Years compare as years, including across four and five digits.
        #expect(try failing("sh:maxInclusive \"2024\"^^xsd:gYear", "\"2023\"^^xsd:gYear, \"10000\"^^xsd:gYear") == ["10000"])
    }

    @Test func lessThanComparesValuesPairwise() throws {
        let g = try shaclTriples("""
            ex:s a sh:NodeShape ; sh:targetNode ex:i ; sh:property [ sh:path ex:start ; sh:lessThan ex:end ] .
            ex:i ex:start "2023-03-01"^^xsd:date, "2023-01-01"^^xsd:date ; ex:end "2023-02-01"^^xsd:date .
            """)
        let results = try SHACLEngine(shapesGraph: g).validate(data: g).results
        #expect(results.map(\.value) == [.literal(Literal("2023-03-01", datatype: XSD.date))])
    }
}

@Suite struct SHACLEngineBehaviourTests {
    @Test func subclassesComeFromTheDataAndFromTheOntology() throws {
        let shapes = try shaclTriples("""
            ex:ActorShape a sh:NodeShape ; sh:targetClass ex:Actor ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
            ex:MemberShape a sh:NodeShape ; sh:targetSubjectsOf ex:memberOf ; sh:property [ sh:path ex:memberOf ; sh:class ex:Organization ] .
            """)
        let data = try shaclTriples("""
            ex:p a ex:Person .
            ex:q a ex:Person ; ex:name "Q" ; ex:memberOf ex:eu .
            ex:eu a ex:Union .
            """)
        let ontology = try shaclTriples("ex:Person rdfs:subClassOf ex:Actor . ex:Union rdfs:subClassOf ex:Organization .")
        let engine = try SHACLEngine(shapesGraph: shapes)
        // Without the ontology, persons are not actors and a union is not an organization.
        let plain = engine.validate(data: data)
        #expect(plain.results.map(\.focusNode) == [shaclEx("q")])
        #expect(plain.results.first?.sourceConstraintComponent == SH.Component.class)
        // With it, ex:p lacks a name, and ex:q's membership is fine.
        let withOntology = engine.validate(data: data, ontology: ontology)
        #expect(withOntology.results.map(\.focusNode) == [shaclEx("p")])
        #expect(withOntology.results.first?.sourceConstraintComponent == SH.Component.minCount)
        // The same hierarchy stated in the data graph counts too.
        #expect(engine.validate(data: data + ontology).results.map(\.focusNode) == [shaclEx("p")])
    }

    @Test func recursiveShapesOnCyclicDataTerminate() throws {
        let g = try shaclTriples("""
            ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
                sh:property [ sh:path ex:knows ; sh:node ex:PersonShape ] ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
            ex:a a ex:Person ; ex:name "A" ; ex:knows ex:b .
            ex:b a ex:Person ; ex:name "B" ; ex:knows ex:a .
            ex:c a ex:Person ; ex:knows ex:c, ex:a .
            """)
        let results = try SHACLEngine(shapesGraph: g).validate(data: g).results
        // ex:a and ex:b know each other and conform; ex:c has no name, so it fails
        // the shape, and so does its ex:knows of itself (ex:a is fine).
        #expect(results.allSatisfy { $0.focusNode == shaclEx("c") })
        #expect(Set(results.map(\.sourceConstraintComponent)) == [SH.Component.minCount, SH.Component.node])
        #expect(results.first { $0.sourceConstraintComponent == SH.Component.node }?.value == shaclEx("c"))
        #expect(results.count == 2)
    }

    @Test func messagesSeveritiesAndDeactivation() throws {
        let g = try shaclTriples("""
            ex:s a sh:NodeShape ; sh:targetNode ex:i ; sh:severity sh:Warning ;
                sh:message "needs a label"@en, "braucht ein Label"@de ; sh:property ex:labelShape .
            ex:labelShape sh:path rdfs:label ; sh:minCount 1 ; sh:severity sh:Info .
            ex:t a sh:NodeShape ; sh:targetNode ex:i ; sh:class ex:Nothing ; sh:severity sh:Warning ; sh:message "typed"@en .
            ex:u a sh:NodeShape ; sh:targetNode ex:i ; sh:class ex:Nothing ; sh:deactivated true .
            """)
        let report = try SHACLEngine(shapesGraph: g).validate(data: g)
        #expect(report.results.count == 2)
        let info = try #require(report.results.first { $0.sourceShape == shaclEx("labelShape") })
        #expect(info.severity == SH.Info)
        #expect(info.messages.isEmpty)
        #expect(info.message.contains("rdfs:label has 0 values"))
        let warning = try #require(report.results.first { $0.sourceShape == shaclEx("t") })
        #expect(warning.level == .warning)
        #expect(warning.message == "typed")
        #expect(!report.conforms)
        #expect(!report.fails())
        #expect(report.fails(strict: true))
    }

    @Test func illFormedShapesAreRefusedWithTheReason() throws {
        let badList = try shaclTriples("ex:s a sh:NodeShape ; sh:in ex:notAList .")
        #expect(throws: ShapesError.self) { try SHACLEngine(shapesGraph: badList) }
        let badPattern = try shaclTriples("ex:s a sh:NodeShape ; sh:pattern \"(\" .")
        do {
            _ = try SHACLEngine(shapesGraph: badPattern)
            Issue.record("an unusable pattern was accepted")
        } catch {
            #expect(error.description.contains("sh:pattern"))
        }
    }

    @Test func reportGraphIsTheStandardVocabularyAndRoundTripsThroughTurtle() throws {
        let g = try shaclTriples("""
            ex:s a sh:PropertyShape ; sh:targetNode ex:i ; sh:path ( ex:p [ sh:inversePath ex:q ] ) ; sh:minCount 2 .
            ex:t a sh:NodeShape ; sh:targetNode ex:i ; sh:closed true ; sh:ignoredProperties ( rdf:type ) ; sh:property [ sh:path ex:p ] .
            ex:i ex:p ex:j ; ex:zzz "x" .
            ex:k ex:q ex:j .
            """)
        let report = try SHACLEngine(shapesGraph: g).validate(data: g)
        let triples = report.triples()
        let graph = IndexedGraph(triples)
        let reportNode = try #require(graph.subjects(RDF.type, .iri(SH.ValidationReport)).first)
        #expect(graph.object(reportNode, SH.conforms) == .literal(.boolean(false)))
        let results = graph.objects(reportNode, SH.result)
        #expect(results.count == 2)
        for r in results {
            #expect(graph.objects(r, RDF.type) == [.iri(SH.ValidationResult)])
            #expect(graph.object(r, SH.focusNode) == shaclEx("i"))
            #expect(graph.object(r, SH.resultSeverity) == .iri(SH.Violation))
            // Every result carries a message (generated where the shape has none).
            #expect(graph.object(r, SH.resultMessage)?.literal != nil)
        }
        // The sequence path is written as an rdf:List of blank nodes and reads back as the same path.
        let minCount = try #require(results.first { graph.object($0, SH.sourceConstraintComponent) == .iri(SH.Component.minCount) })
        let pathNode = try #require(graph.object(minCount, SH.resultPath))
        #expect(try PropertyPath.parse(pathNode, in: graph) == .sequence([.predicate(IRI(constant: "http://example.org/p")),
                                                                         .inverse(.predicate(IRI(constant: "http://example.org/q")))]))
        let closed = try #require(results.first { graph.object($0, SH.sourceConstraintComponent) == .iri(SH.Component.closed) })
        #expect(graph.object(closed, SH.resultPath) == shaclEx("zzz"))
        #expect(graph.object(closed, SH.value) == .literal(Literal("x")))

        let world = try RaptorWorld()
        let text = try world.serialize(triples, syntax: .turtle, prefixes: [("sh", SH.ns)])
        var back: [Triple] = []
        try world.parse(string: text, syntax: .turtle) { back.append($0.triple) }
        #expect(isIsomorphic(back, triples))
    }

    @Test func qualifiedValueShapesCountDisjointly() throws {
        let g = try shaclTriples("""
            ex:Hand a sh:NodeShape ; sh:targetNode ex:hand ;
                sh:property [ sh:path ex:digit ; sh:qualifiedValueShape [ sh:class ex:Thumb ] ; sh:qualifiedValueShapesDisjoint true ;
                              sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ] ;
                sh:property [ sh:path ex:digit ; sh:qualifiedValueShape [ sh:class ex:Finger ] ; sh:qualifiedValueShapesDisjoint true ;
                              sh:qualifiedMinCount 4 ; sh:qualifiedMaxCount 4 ] .
            ex:hand ex:digit ex:d1, ex:d2, ex:d3, ex:d4, ex:d5 .
            ex:d1 a ex:Thumb, ex:Finger . ex:d2 a ex:Finger . ex:d3 a ex:Finger . ex:d4 a ex:Finger . ex:d5 a ex:Finger .
            """)
        let results = try SHACLEngine(shapesGraph: g).validate(data: g).results
        // ex:d1 is both, so it counts for neither: no thumb (min 1 fails), four fingers (fine).
        #expect(results.map(\.sourceConstraintComponent) == [SH.Component.qualifiedMinCount])
    }
}
