import Testing
@testable import RDFModel

@Suite struct TermTests {
    @Test func canonicalOrderIsIRIsThenBlanksThenLiterals() throws {
        let terms: [Term] = [.literal(Literal("a")), .blank(try BlankNode("b1")), .iri(try IRI("http://e.org/z")),
                             .iri(try IRI("http://e.org/a")), .literal(try Literal("a", language: "en"))]
        let sorted = terms.sorted()
        #expect(sorted.first == .iri(try IRI("http://e.org/a")))
        #expect(sorted[2].description == "_:b1")
        #expect(sorted.last?.literal != nil)
    }

    @Test func languageTagsAreCheckedAndLowerCased() throws {
        #expect(try Literal("x", language: "EN-gb").language == "en-gb")
        #expect(throws: TermError.self) { try Literal("x", language: "en_GB") }
        #expect(throws: TermError.self) { try Literal("x", language: "") }
        #expect(throws: TermError.self) { try Literal("x", language: "en-") }
    }

    @Test func nTriplesQuotingEscapesWhatItMust() {
        #expect(NTriples.quote("a\"b\\c\nd\re\tf\u{1}") == "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\"")
        #expect(NTriples.quote("é😀") == "\"é😀\"")
    }
}
