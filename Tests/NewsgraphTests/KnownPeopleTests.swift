import Testing
@testable import Extraction
@testable import Language

/// Full names the lexicon knows (`people.json`) are people wherever they stand, with no title,
/// attribution or apposition to introduce them.
@Suite struct KnownPeopleTests {
    let known = KnownPeople([
        .init(name: "Amara Tello Viana", alt: ["Amara Viana"]),
        .init(name: "Jorin da Costa Belo", alt: nil),
        .init(name: "Suharso", alt: nil),
    ])

    func matches(_ text: String) -> [String] {
        let t = Tokenizer.tokens(text)
        return known.matches(in: t, particles: ["da", "von"]).map { t[$0.range].map(\.text).joined(separator: " ") + " → " + $0.name }
    }

    @Test func theLongestKnownNameAtAWordIsTaken() {
        #expect(matches("Amara Tello Viana met Amara Viana.") == ["Amara Tello Viana → Amara Tello Viana", "Amara Viana → Amara Tello Viana"])
    }

    @Test func particlesMayStandInsideAName() {
        #expect(matches("Talks with Jorin da Costa Belo ended.") == ["Jorin da Costa Belo → Jorin da Costa Belo"])
    }

    @Test func aNameMustBeCapitalizedAsWrittenAndHaveTwoWords() {
        #expect(matches("amara viana and Suharso met; Amara alone did not.").isEmpty)
        #expect(matches("Viana Amara arrived.").isEmpty)
    }

    @Test func theExtractorLearnsAKnownNameWithItsRule() throws {
        // A name from the generated people.json, in a sentence that gives no other cue that it is a person.
        let read = ExtractionTests.extract(["Note\n\nBaldwin Spencer and the delegation arrived on 3 May 2023.\n"])
        let person = try #require(read.extractor.registry.person(named: "Baldwin Spencer"))
        #expect(person.rules.contains("person.lexicon"))
        let reversed = ExtractionTests.extract(["Note\n\nSpencer Baldwin and the delegation arrived on 3 May 2023.\n"])
        #expect(reversed.extractor.registry.person(named: "Spencer Baldwin") == nil)
    }
}
