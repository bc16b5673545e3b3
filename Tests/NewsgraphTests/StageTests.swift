import Foundation
import RDFModel
import Testing
@testable import Extraction
@testable import Facts
@testable import Language

/// The sentence stages as components: each runs alone, and the pipeline refuses an order
/// in which a stage reads what nothing adds. Sentences are written for the tests.
@Suite struct StageTests {
    static let lexicon = ExtractionTests.lexicon
    static let text = """
        Ruritania and Chile signed a trade agreement in Santiago on 4 March 2021.
        Bilateral trade between Chile and Ruritania rose 12 percent in 2020, to $2.5 billion.
        "We are partners," Chilean President Ana Ruiz said.
        """

    /// The facts of the test text through the standard document stages, reading each sentence with `stages`.
    func facts(_ stages: [any SentenceStage]) throws -> DocumentFacts {
        try facts(Pipeline.standard(sentences: stages))
    }

    func facts(_ pipeline: Pipeline) -> DocumentFacts {
        var x = Extractor(lexicon: Self.lexicon, pipeline: pipeline)
        let reading = x.prepare(Self.text, document: ExtractionTests.docIRI)
        x.learnPeople(from: [reading])
        return x.extract(reading)
    }

    /// The resolution and date stages, which the fact stages read.
    static let resolving: [any SentenceStage] = [ResolutionStage(), DateStage()]

    @Test func eachStageAddsOnlyItsOwnLayer() throws {
        let all = facts(Pipeline.standard)
        #expect(!all.events.isEmpty && !all.observations.isEmpty && !all.quotations.isEmpty)

        let events = try facts(Self.resolving + [EventStage()])
        #expect(events.events.map(\.cls) == all.events.map(\.cls))
        #expect(events.observations.isEmpty && events.quotations.isEmpty && events.partnerships.isEmpty)

        let numbers = try facts(Self.resolving + [NumberStage()])
        #expect(numbers.events.isEmpty && numbers.quotations.isEmpty)
        #expect(numbers.observations.map(\.value) == all.observations.map(\.value))

        let quotes = try facts(Self.resolving + [QuotationStage()])
        #expect(quotes.quotations.map(\.text) == all.quotations.map(\.text))
        #expect(quotes.events.isEmpty && quotes.observations.isEmpty)
        // Titles give "headOf" in the resolution stage, before any fact stage runs.
        #expect(quotes.relations.allSatisfy { $0.property == "headOf" })
        #expect(quotes.relations.contains { $0.property == "headOf" })

        let resolved = try facts(Self.resolving)
        #expect(resolved.events.isEmpty && resolved.relations.allSatisfy { $0.property == "headOf" })
        // Metadata and mentions are document stages: with no sentence stage at all, the title is read.
        #expect(try facts([]).events.isEmpty)
    }

    @Test func theResolutionStageRunsAloneOnAMarkedSentence() {
        var x = Extractor(lexicon: Self.lexicon)
        var d = x.prepare("Note\n\nChilean President Ana Ruiz met Ruritania's Foreign Minister Li Wen in Santiago.\n", document: ExtractionTests.docIRI)
        x.learnPeople(from: [d])
        for stage in x.pipeline.stages.dropFirst(x.pipeline.preparation) where !(stage is EachSentence) { stage.run(x, &d) }
        let index = d.sentences.firstIndex { $0.hasPrefix("Chilean") }!
        var s = x.sentence(index, of: d)
        ResolutionStage().run(x, &s, &d)
        #expect(d.facts.relations.map(\.property) == ["headOf"])
        #expect(d.facts.relations.first?.object == EntityRef(kind: .country, name: "Chile"))
        #expect(d.heads[EntityRef(kind: .country, name: "Chile")]?.name == "Ana Ruiz")
        // The sentence's subject is left for a pronoun in the next sentence, not for this one.
        #expect(s.lastPerson == nil && d.lastPerson?.name == "Ana Ruiz")
    }

    struct NeedsQuotations: SentenceStage {
        let name = "needs-quotations"
        let reads: Set<Layer> = [.tokens, .quotations]
        let adds: Set<Layer> = [.relations]
        func run(_ x: Extractor, _ s: inout Extractor.Sentence, _ d: inout Reading) {}
    }

    struct NeedsPeopleFirst: DocumentStage {
        let name = "needs-people"
        let reads: Set<Layer> = [.people, .mentions]
        let adds: Set<Layer> = []
        func run(_ x: Extractor, _ d: inout Reading) {}
    }

    @Test func anOrderWhoseStageReadsWhatNothingAddsIsRefused() throws {
        #expect(throws: Pipeline.OrderError.unmet(stage: "needs-quotations", needs: [.quotations])) {
            try Pipeline.standard(sentences: Self.resolving + [RelationStage(), NeedsQuotations()])
        }
        // With a stage that adds quotations, the order holds.
        _ = try Pipeline.standard(sentences: Self.resolving + [QuotationStage(), NeedsQuotations()])
        // A fact stage without the resolution stage before it lacks the heads it reads.
        #expect(throws: Pipeline.OrderError.unmet(stage: "events", needs: [.heads])) {
            try Pipeline.standard(sentences: [DateStage(), EventStage()])
        }
        // A document stage before the mentions are found: refused.
        #expect(throws: Pipeline.OrderError.unmet(stage: "needs-people", needs: [.mentions])) {
            try Pipeline([CleaningStage(), SentenceSplittingStage(), NeedsPeopleFirst(), MentionStage()])
        }
        // Every standard stage reads only layers that an earlier stage or the corpus pass adds, and
        // the stages before the corpus pass are those that clean and split.
        let standard = try Pipeline(Pipeline.standard.stages)
        #expect(standard.stages.prefix(standard.preparation).map(\.name) == ["cleaning", "sentences"])
    }
}
