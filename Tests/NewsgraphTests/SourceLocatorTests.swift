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

@Suite struct ValidateSourceLocatorTests {
    @Test func turtleStatementsAreFoundPastStringsCommentsAndNesting() throws {
        let text = """
            PREFIX ex: <http://example.org/>
            @base <http://example.org/base/> .
            # ex:a ex:p "a comment is not a statement" .
            ex:a ex:p \"\"\"a long string
            over two lines . ex:fake ex:p ex:o .\"\"\" ;
                ex:q .5, 1.0e3, "x"@en-GB, "y"^^ex:t ;
                ex:r [ ex:inner ex:deep ] .
            <rel> a ex:Thing ;
                ex:list ( ex:one ex:two ) .
            _:b1 ex:p 'single \\' quote' .
            ex:a ex:s ex:late .
            """
        let base = "http://example.org/file.ttl"
        var triples: [Triple] = []
        try RaptorWorld().parse(string: text, syntax: .turtle, baseIRI: base) { triples.append($0.triple) }
        let locator = SourceLocator(text: text, file: "f.ttl", baseIRI: base)
        let graph = IndexedGraph(triples)
        func iri(_ s: String) -> Term { .iri(IRI(constant: s)) }
        let a = iri("http://example.org/a")
        #expect(locator.line(subject: a) == 4)
        #expect(locator.line(subject: a, predicate: IRI(constant: "http://example.org/q")) == 6)
        #expect(locator.line(subject: a, predicate: IRI(constant: "http://example.org/r")) == 7)
        #expect(locator.line(subject: a, predicate: IRI(constant: "http://example.org/s")) == 11)
        #expect(locator.line(subject: iri("http://example.org/fake")) == nil)
        #expect(locator.line(subject: iri("http://example.org/base/rel"), predicate: RDF.type) == 8)
        #expect(locator.line(subject: iri("http://example.org/base/rel"), predicate: IRI(constant: "http://example.org/list")) == 9)
        #expect(locator.line(subject: .blank(try BlankNode("b1"))) == 10)
        // The node inside [ … ] is found through the triple that refers to it.
        let inner = try #require(triples.first { $0.predicate == IRI(constant: "http://example.org/inner") })
        #expect(locator.line(of: inner, in: graph) == 7)
        // Every triple of the document gets a line.
        #expect(triples.allSatisfy { locator.line(of: $0, in: graph) != nil })
    }
}
