import Foundation
import RDFModel
import Testing
@testable import Extraction

/// The sentence stages as components: each runs alone, and the pipeline refuses an order
/// in which a stage reads what nothing adds. Sentences are written for the tests.
@Suite struct StageTests {
    static let lexicon = ExtractionTests.lexicon
    static let text = """
        Ruritania and Chile signed a trade agreement in Santiago on 4 March 2021.
        Bilateral trade between Chile and Ruritania rose 12 percent in 2020, to $2.5 billion.
        "We are partners," Chilean President Ana Ruiz said.
        """

    func facts(_ stages: [any SentenceStage]) throws -> DocumentFacts {
        var x = Extractor(lexicon: Self.lexicon, pipeline: try Pipeline(stages))
        let doc = SourceDocument(relativePath: "t.txt", displayPath: "t.txt", text: Self.text, sha256: "0")
        x.learnPeople(from: [doc])
        return x.extract(doc, iri: ExtractionTests.docIRI)
    }

    @Test func eachStageAddsOnlyItsOwnLayer() throws {
        let all = try facts(Pipeline.standard.stages)
        #expect(!all.events.isEmpty && !all.observations.isEmpty && !all.quotations.isEmpty)

        let events = try facts([EventStage()])
        #expect(events.events.map(\.cls) == all.events.map(\.cls))
        #expect(events.observations.isEmpty && events.quotations.isEmpty && events.partnerships.isEmpty)

        let numbers = try facts([NumberStage()])
        #expect(numbers.events.isEmpty && numbers.quotations.isEmpty)
        #expect(numbers.observations.map(\.value) == all.observations.map(\.value))

        let quotes = try facts([QuotationStage()])
        #expect(quotes.quotations.map(\.text) == all.quotations.map(\.text))
        #expect(quotes.events.isEmpty && quotes.observations.isEmpty)
        // Titles give "headOf" while the sentence is prepared, before any stage runs.
        #expect(quotes.relations.allSatisfy { $0.property == "headOf" })

        #expect(try facts([]).events.isEmpty)
    }

    struct NeedsQuotations: SentenceStage {
        let name = "needs-quotations"
        let reads: Set<Layer> = [.tokens, .quotations]
        let adds: Set<Layer> = [.relations]
        func run(_ x: Extractor, _ s: Extractor.Sentence, _ f: inout DocumentFacts) {}
    }

    @Test func anOrderWhoseStageReadsWhatNothingAddsIsRefused() throws {
        #expect(throws: Pipeline.OrderError.unmet(stage: "needs-quotations", needs: [.quotations])) {
            try Pipeline([RelationStage(), NeedsQuotations()])
        }
        // With a stage that adds quotations, the order holds.
        _ = try Pipeline([QuotationStage(), NeedsQuotations()])
        // Every standard stage reads only layers that preparation or a stage adds.
        _ = try Pipeline(Pipeline.standard.stages)
    }
}
