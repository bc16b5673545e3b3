import Foundation
import RDFModel
import Testing
@testable import Build
@testable import Extraction
@testable import Facts
@testable import Language
@testable import SHACL
@testable import Validation
@testable import Lookup
@testable import Load

/// Unit tests of the extraction stages on sentences written for the tests
/// (none comes from seeds/).
@Suite struct ExtractionTests {
    static let lexicon: Lexicon = try! Lexicon.load(from: repositoryRoot + "/ontology/lexicon")
    static let docIRI = IRI(constant: "https://example.org/doc/1")

    func facts(_ text: String) -> DocumentFacts { Self.extract([text]).facts[0] }

    /// The facts of each text as a corpus of its own (people learnt across all of them first), and
    /// the extractor after reading them: what every extraction test reads.
    static func extract(_ texts: [String], lexicon: Lexicon = lexicon) -> (facts: [DocumentFacts], extractor: Extractor) {
        var extractor = Extractor(lexicon: lexicon)
        let readings = texts.map { extractor.prepare($0, document: docIRI) }
        extractor.learnPeople(from: readings)
        return (readings.map { extractor.extract($0) }, extractor)
    }

    @Test func sentencesSplitAfterAbbreviationsAndDecimalsOnlyWhereTheyEnd() {
        let s = SentenceSplitter.split("Trade rose 4.5 percent on Mar. 3, 2021 in the U.S. market. Dr. Ana Ruiz spoke. Then it ended.",
                                       abbreviations: Set(Self.lexicon.patterns.abbreviations))
        #expect(s == ["Trade rose 4.5 percent on Mar. 3, 2021 in the U.S. market.", "Dr. Ana Ruiz spoke.", "Then it ended."])
    }

    @Test func tokensKeepNumbersAndSplitPossessives() {
        let t = Tokenizer.tokens("Chile’s exports of 0,404% and $1,250.5 million (U.S.) rose.").map(\.text)
        #expect(t == ["Chile", "'s", "exports", "of", "0,404", "%", "and", "$", "1,250.5", "million", "(", "U.S.", ")", "rose", "."])
    }

    @Test func cleaningStripsLinksEscapesAndFurniture() {
        let lines = TextCleaner.lines(of: "A [linked text](#) and \\(ABC\\)\r\nLeave a Reply\n[2] A reference\nKept", patterns: Self.lexicon.patterns)
        #expect(lines.map(\.text).filter { !$0.isEmpty } == ["A linked text and (ABC)", "Kept"])
        #expect(lines.first?.number == 1)
    }

    @Test(arguments: [
        ("on 20 January 1992", "1992-01-20"), ("Mar. 1, 2023", "2023-03-01"), ("14.02.2024", "2024-02-14"),
        ("in December 2023", "2023-12"), ("December 4", "2019-12-04"), ("last year", "2018"), ("in March", "2019-03"),
        ("from January to August 2023", "2023-01/2023-08"), ("the first six months of 2024", "2024-01/2024-06"),
    ])
    func datesResolveAtTheirPrecision(text: String, expected: String) {
        let parser = DateParser(patterns: Self.lexicon.patterns)
        let found = parser.find(in: Tokenizer.tokens(text), reference: TextDate(year: 2019, month: 6, day: 10))
        #expect(found.first?.period == expected)
    }

    @Test func weekdaysResolveAgainstADayPreciseReference() {
        let parser = DateParser(patterns: Self.lexicon.patterns)
        let wednesday = TextDate(year: 2021, month: 3, day: 17)
        #expect(wednesday.weekday == 2)
        #expect(parser.find(in: Tokenizer.tokens("on Monday"), reference: wednesday).first?.period == "2021-03-15")
        #expect(parser.find(in: Tokenizer.tokens("on Wednesday"), reference: wednesday).first?.period == "2021-03-17")
        #expect(parser.find(in: Tokenizer.tokens("next Monday"), reference: wednesday).first?.period == "2021-03-22")
        #expect(parser.find(in: Tokenizer.tokens("on 2021-02-28"), reference: nil).first?.period == "2021-02-28")
        #expect(parser.find(in: Tokenizer.tokens("on Monday"), reference: TextDate(year: 2021, month: 3)).isEmpty)
    }

    @Test func aBareWeekdayIsADateAfterAVerbOrAsAPossessive() {
        let parser = DateParser(patterns: Self.lexicon.patterns)
        let wednesday = TextDate(year: 2021, month: 3, day: 17)
        func period(_ text: String) -> String? { parser.find(in: Tokenizer.tokens(text), reference: wednesday).first?.period }
        #expect(period("The parliament voted Monday to approve it") == "2021-03-15")
        #expect(period("Tuesday's vote in the assembly") == "2021-03-16")
        #expect(period("after the assembly's Tuesday’s vote") == "2021-03-16")
        // A weekday inside a name, or after a preposition that makes it a span's end, is no date of its own.
        #expect(period("sales rose on Black Friday") == nil)
        #expect(period("the talks will last until Friday") == nil)
        #expect(period("Monday and Tuesday") == nil)
    }

    @Test func invalidDatesAreNotDates() {
        let parser = DateParser(patterns: Self.lexicon.patterns)
        #expect(parser.find(in: Tokenizer.tokens("on February 30, 2023"), reference: nil).isEmpty)
        #expect(TextDate(year: 2024, month: 2, day: 29).isValid && !TextDate(year: 2023, month: 2, day: 29).isValid)
    }

    @Test func numbersParseDecimalCommasAndRanges() {
        #expect(WrittenNumber.parse("0,404")?.0 == 0.404)
        #expect(WrittenNumber.parse("5,000")?.0 == 5000)
        #expect(WrittenNumber.parse("5-6").map { [$0.0, $0.1 ?? 0] } == [5, 6])
        #expect(WrittenNumber.parse("12-point") == nil)
    }

    @Test func titlesMakeHeadsOnlyOfTheirOwnCountry() {
        let f = facts("Ties Deepen\n\nPeruvian President Dina Boluarte met Chilean President Gabriel Boric in Lima on 3 May 2023.\n")
        let heads = f.relations.filter { $0.property == "headOf" }.map { "\($0.subject.name)->\($0.object!.name)" }
        #expect(Set(heads) == ["Dina Boluarte->Peru", "Gabriel Boric->Chile"])
        let meeting = f.events.first { $0.cls == "Meeting" }
        #expect(meeting?.date == TextDate(year: 2023, month: 5, day: 3))
        #expect(meeting?.everyone.map(\.name).sorted() == ["Dina Boluarte", "Gabriel Boric"])
        #expect(meeting?.location?.name == "Lima" && meeting?.location?.kind == .city)
    }

    @Test func aCapitalThatActsIsItsCountry() {
        let f = facts("Note\n\nTokyo supports the Paris Agreement, officials said in Tokyo on 2 June 2021.\n")
        let supports = f.relations.filter { $0.property == "supports" }
        #expect(supports.contains { $0.subject == EntityRef(kind: .country, name: "Japan") })
        #expect(!supports.contains { $0.subject.kind == .city })
    }

    @Test func plannedAccessionIsPlannedAndNegatedSigningIsNoEvent() {
        let f = facts("Note\n\nThe Eurasian Economic Union, which Uzbekistan is expected to join in 2026, met again. Peru did not sign the accord with Chile.\n")
        let accession = f.events.first { $0.cls == "Accession" }
        #expect(accession?.planned == true)
        #expect(accession?.date == TextDate(year: 2026))
        #expect(accession?.agents.map(\.name) == ["Uzbekistan"])
        #expect(!f.events.contains { $0.cls == "AgreementSigning" })
        #expect(!f.relations.contains { $0.property == "memberOf" })
    }

    @Test func membersNamedInAPrepositionalPhraseAreNoClauseSubjects() {
        let member = { (text: String) in self.facts("Note\n\n\(text)\n").relations.filter { $0.property == "memberOf" }.map(\.subject.name) }
        #expect(member("Chile rejected calls from some members of the World Trade Organization to act.").isEmpty)
        #expect(member("Chile is one of the founding members of the World Trade Organization.") == ["Chile"])
    }

    @Test func aConjunctWithAnArticleOrAQualifiedTitleIsPartOfTheCoordinatedSubject() {
        let signers = { (text: String) in
            Set(self.facts("Note\n\n\(text)\n").events.filter { $0.cls == "AgreementSigning" }.flatMap(\.agents).map(\.name))
        }
        #expect(signers("Kenya and the African Union signed a deal on 3 May 2023.") == ["Kenya", "African Union"])
        #expect(signers("Chile, Peru and the Philippines signed a deal on 3 May 2023.") == ["Chile", "Peru", "Philippines"])
        // A form of address between a title and its name is none: the name takes the title and the role.
        let f = facts("Note\n\nThe deal was signed by Omani Foreign Minister Sheikh Salim Al Harthi and Kenya on 3 May 2023.\n")
        #expect(f.positions[EntityRef(kind: .person, name: "Salim Al Harthi")]?.contains("Foreign Minister") == true)
        #expect(f.events.first { $0.cls == "AgreementSigning" }?.agents.contains(EntityRef(kind: .person, name: "Salim Al Harthi")) == true)
        // A word that qualifies a conjunct's title is no break either.
        #expect(signers("Chilean President Ana Ruiz and outgoing Peruvian President Luis Vega signed a deal on 3 May 2023.") == ["Ana Ruiz", "Luis Vega"])
        // An article that opens a phrase of its own is no conjunct: "the deal" is no signer.
        #expect(signers("Kenya and the deal's critics signed a deal on 3 May 2023.") == ["Kenya"])
    }

    @Test func aListThatAnOrganizationRestatesIsItsMembersAndTakesPartAsIt() {
        let f = facts("Note\n\nJapan signed a trade deal with Chile, Peru, and Colombia – the Andean Community bloc on 3 May 2023.\n")
        let members = f.relations.filter { $0.property == "memberOf" && $0.object?.name == "Andean Community" }.map(\.subject.name)
        #expect(Set(members) == ["Chile", "Peru", "Colombia"])
        #expect(f.events.first { $0.cls == "AgreementSigning" }?.participants.contains { $0.name == "Andean Community" } == true)
        // A possessive or another noun after the organization restates no list; nor does a list of one.
        for text in ["Japan met Chile and Peru, the Andean Community's largest economies, on 3 May 2023.",
                     "Japan met Chile and Peru, the Andean Community founders, on 3 May 2023.",
                     "Japan met Chile – the Andean Community on 3 May 2023."] {
            #expect(!facts("Note\n\n\(text)\n").relations.contains { $0.property == "memberOf" }, "\(text)")
        }
    }

    @Test func wherePurposeClausesSubjectIsIsWhereItsEventTakesPlace() {
        let meeting = { (text: String) in self.facts("Note\n\n\(text)\n").events.first { $0.cls == "Meeting" } }
        let m = meeting("President Amara Diallo was in Nairobi, Kenya on 3 May 2023 to attend an extraordinary meeting of regional leaders.")
        #expect(m?.location?.name == "Nairobi")
        #expect(m?.participants.contains { $0.name == "Amara Diallo" } == true)
        #expect(m?.date == TextDate(year: 2023, month: 5, day: 3))
        #expect(meeting("Chad is in Nairobi for talks.")?.location?.name == "Nairobi")
        // Where another subject is tells nothing of this one's meeting; one party with no place makes none.
        #expect(meeting("Chad was in Nairobi and Niger went to attend a meeting.") == nil)
    }

    @Test func theNameAfterAPossessivePronounAndARelationNounIsTheOwnersAlly() {
        let allies = { (text: String) in
            self.facts("Note\n\n\(text)\n").relations.filter { $0.property == "allyOf" }.map { "\($0.subject.name)-\($0.object?.name ?? "")" }.sorted()
        }
        #expect(allies("The war spread, with Chile supporting its ally Peru.") == ["Chile-Peru", "Peru-Chile"])
        #expect(allies("The war spread, with Chile criticising its former ally Peru.").isEmpty)
        // A defence pact makes allies; one still being negotiated or to be signed does not.
        #expect(allies("Chile has a defence pact with Peru.") == ["Chile-Peru", "Peru-Chile"])
        #expect(allies("Chile is negotiating a defence pact with Peru.").isEmpty)
        #expect(allies("Chile will sign a defence pact with Peru.").isEmpty)
        #expect(allies("Chile has been and will remain a steadfast ally of Peru.") == ["Chile-Peru", "Peru-Chile"])
    }

    @Test func anAmbassadorToACountryNamedAfterACommaHoldsThePost() {
        let f = facts("Note\n\nChile's ambassador to Peru, Ana Ruiz, said the talks went well.\n")
        #expect(f.positions[EntityRef(kind: .person, name: "Ana Ruiz")]?.contains { $0.lowercased() == "ambassador" } == true)
        // The destination is no country the ambassador heads.
        #expect(!f.relations.contains { $0.property == "headOf" && $0.subject.name == "Ana Ruiz" })
    }

    @Test func aNameWithAnApostropheMatchesTheDictionaryThatWritesNone() {
        // The PETRARCH2 dictionaries write "Peoples" where news writes "People's".
        let f = facts("Note\n\nThe Tigray People's Liberation Front signed the deal on 2 November 2022.\n")
        #expect(f.events.first { $0.cls == "AgreementSigning" }?.agents.map(\.name) == ["Tigray Peoples Liberation Front"])
        #expect(Lexicon.fold("People’s") == Lexicon.fold("Peoples"))
    }

    @Test func aPersonNamedWithAPartyIsItsMember() {
        let party = { (text: String) in
            self.facts("Note\n\n\(text)\n").relations.filter { $0.property == "memberOf" }.map { "\($0.subject.name) \($0.object?.name ?? "")" }
        }
        #expect(party("Speaker Amara Diallo of Juma's Unity Party said the vote was fair.") == ["Amara Diallo Unity Party"])
        #expect(party("Speaker Amara Diallo of the Unity Party said the vote was fair.") == ["Amara Diallo Unity Party"])
        // A body that is no party is no membership: "X of the Electoral Commission" may chair it.
        #expect(party("Chairman Amara Diallo of the Electoral Commission said the vote was fair.").isEmpty)
    }

    @Test func aFigureTakesTheDateAfterItAndARestatementInParenthesesIsNoSecondFigure() {
        let f = facts("Note\n\nTrade between Kenya and Ethiopia reached $1.2 billion in 2021 and $900 million in 2020.\n")
        #expect(Set(f.observations.map { "\($0.value) \($0.period ?? "")" }) == ["1200000000.0 2021", "900000000.0 2020"])
        let aid = facts("Note\n\nKenya will give Ethiopia aid of 1.4 billion Kenyan shillings (around $11 million) in 2024.\n")
        #expect(aid.observations.count == 1)
    }

    @Test func observationsCarryUnitBoundChangeAndPeriod() {
        let f = facts("Note\n\nIn 2021, bilateral trade between Kenya and Ethiopia reached more than $1.2 billion, a 14 percent year-on-year increase.\n")
        let money = f.observations.first { $0.unit == "USD" }
        #expect(money?.value == 1_200_000_000)
        #expect(money?.bound == "more than")
        #expect(money?.period == "2021")
        #expect(money?.change == false)
        let growth = f.observations.first { $0.unit == "percent" }
        #expect(growth?.value == 14 && growth?.change == true)
        #expect(Set(money?.about.map(\.name) ?? []) == ["Kenya", "Ethiopia"])
    }

    @Test func quotationsGoToTheSpeakerNamedOrTheLastPerson() {
        let f = facts("Note\n\nGhanaian President Nana Akufo-Addo arrived in Accra. “Our partnership will only grow stronger from here,” he said.\n")
        #expect(f.quotations.first?.speaker.name == "Nana Akufo-Addo")
        #expect(f.quotations.first?.text == "Our partnership will only grow stronger from here")
    }

    @Test func frontMatterAndHeaderLinesAreMetadataNotSentences() {
        let yaml = facts("---\ntitle: \"Ties Between Chile and Peru\"\ndate: 2021-05-04\nauthor: Ana Ruiz\n---\n\nThe foreign ministers of Chile and Peru met in Lima on Monday.\n")
        #expect(yaml.title == "Ties Between Chile and Peru")
        #expect(yaml.date == TextDate(year: 2021, month: 5, day: 4))
        #expect(yaml.creators == ["Ana Ruiz"])
        #expect(yaml.events.first { $0.cls == "Meeting" }?.date == TextDate(year: 2021, month: 5, day: 3))
        let header = facts("Title: Kenya Signs Accord\nDate: 9 March 2022\nSource: Nairobi Desk\n\nKenya and Ethiopia signed a trade accord on 8 March 2022.\n")
        #expect(header.title == "Kenya Signs Accord")
        #expect(header.publisher?.name == "Nairobi Desk")
        // The headline is read as a sentence too; the other header lines never are.
        let evidence = Set(header.events.filter { $0.cls == "AgreementSigning" }.map(\.evidence.sentence))
        #expect(evidence.contains { $0.hasPrefix("Kenya and Ethiopia") })
        #expect(evidence.isSubset(of: ["Kenya Signs Accord", "Kenya and Ethiopia signed a trade accord on 8 March 2022."]))
    }

    @Test func aFormerHolderKeepsTheTitleButIsNoHead() {
        let f = facts("Note\n\nFormer Chilean President Michelle Bachelet met Peruvian President Dina Boluarte in Lima on 3 May 2023.\n")
        #expect(!f.relations.contains { $0.property == "headOf" && $0.subject.name == "Michelle Bachelet" })
        #expect(f.relations.contains { $0.property == "headOf" && $0.subject.name == "Dina Boluarte" })
        #expect(f.positions[EntityRef(kind: .person, name: "Michelle Bachelet")]?.contains("Former President") == true)
    }

    @Test func theSameDayIsTheDayOfTheSentenceBefore() {
        let f = facts("Note\n\nPeruvian President Dina Boluarte arrived in Santiago on 3 May 2023. Hours after landing, she held talks with Chilean President Gabriel Boric. The next day she met Argentine President Alberto Fernández.\n")
        let meetings = f.events.filter { $0.cls == "Meeting" }
        #expect(meetings.contains { $0.date == TextDate(year: 2023, month: 5, day: 3) && $0.everyone.map(\.name).contains("Gabriel Boric") })
        #expect(meetings.contains { $0.date == TextDate(year: 2023, month: 5, day: 4) && $0.everyone.map(\.name).contains("Alberto Fernández") })
    }

    @Test func reportedSpeechIsNotTheArticlesFact() {
        let f = facts("Note\n\n\"Chile will join the Pacific Alliance and sign the accord,\" Peruvian Foreign Minister Ana Cecilia Gervasi said.\n")
        #expect(f.events.isEmpty)
        #expect(f.quotations.first?.speaker.name == "Ana Cecilia Gervasi")
    }

    @Test func aBareMonthLaterThanAStatedDateIsLastYear() {
        let f = facts("Note\n\n24.01.2023\n\nThe Council of the European Union imposed sanctions on Iran in September.\n")
        #expect(f.events.first { $0.cls == "Sanction" }?.date == TextDate(year: 2022, month: 9))
    }

    @Test func aVeryLongSentenceIsExtractedWhole() {
        // No stage may give up or blow up on a long sentence (its speed is measured by `make bench`).
        let sentence = (0..<300).map { _ in "Kenya and Ethiopia met" }.joined(separator: ", ") + "."
        let f = facts("Long\n\n" + sentence + "\n")
        let meetings = f.events.filter { $0.cls == "Meeting" }
        #expect(!meetings.isEmpty)
        #expect(meetings.allSatisfy { Set($0.everyone.map(\.name)) == ["Kenya", "Ethiopia"] })
    }
}
