import Foundation
import RDFModel
import Testing
@testable import Extraction
@testable import Facts

/// Who said the quoted words: across a sentence break, an organization, never a name inside
/// the quotation, and a surname that two people of the corpus share. Made-up sentences.
@Suite struct QuotationTests {
    func quotations(_ texts: [String]) -> [QuotationFact] { ExtractionTests.extract(texts).facts.flatMap(\.quotations) }

    @Test func aQuotationOfItsOwnFollowsTheSentenceThatNamedItsSpeaker() {
        let q = quotations(["Note\n\nThe talks ended on Monday, said Foreign Minister Ana Llosa.\n“This is a first step towards peace and security for everyone.”\n"])
        #expect(q.contains { $0.speaker.name == "Ana Llosa" && $0.text.hasPrefix("This is a first step") })
    }

    @Test func aQuotationOfItsOwnWithNoSpeakerBeforeItHasNone() {
        let q = quotations(["Note\n\nThe talks ended on Monday.\n“This is a first step towards peace and security for everyone.”\n"])
        #expect(q.isEmpty)
    }

    @Test func anOrganizationCanSpeakButANameInsideTheQuoteCannot() {
        let q = quotations(["Note\n\nThe International Monetary Fund said: “President Tomas Ferrer has kept his word on the budget.”\n"])
        #expect(q.map(\.speaker.name) == ["International Monetary Fund"])
    }

    @Test func theOneWarnedIsNotTheSpeaker() {
        let q = quotations(["Note\n\nThe embassy warned Chile against “playing with fire in the region”.\n"])
        #expect(!q.contains { $0.speaker.name == "Chile" })
    }

    @Test func aSharedSurnameIsThePersonTheDocumentNames() {
        let q = quotations([
            "Note\n\nForeign Minister Penelope Kato met Chile's president on 3 May 2023. “We are ready to help our friends,” Kato said.\n",
            "Note\n\nPrime Minister Lars Kato spoke in Lima on 4 May 2023.\n",
        ])
        #expect(q.contains { $0.speaker.name == "Penelope Kato" })
    }
}
