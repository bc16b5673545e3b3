import Foundation
import RDFModel
import Testing
@testable import Extraction
@testable import Facts
@testable import Language

/// Who held an office on the article's date, from a made-up office table: the state of
/// "President X Y" when the text names none, and the person of "the president of Ruritania"
/// when the text names no one.
@Suite struct OfficeTableTests {
    static let table = OfficeTable([
        .init(country: "Chile", organization: "", office: "President", holders: [
            .init(person: "Marta Quispe Rojas", from: "2019-03-11", to: "2023-03-10"),
            .init(person: "Tomas Ferrer", from: "2023-03-11", to: ""),
        ]),
        .init(country: "Peru", organization: "", office: "Foreign Minister", holders: [
            .init(person: "Ana Llosa", from: "2020", to: "2022"),
            .init(person: "Bruno Castañeda", from: "2022", to: ""),
        ]),
    ])

    func facts(_ text: String) -> DocumentFacts {
        var lexicon = ExtractionTests.lexicon
        lexicon.offices = Self.table
        return ExtractionTests.extract([text], lexicon: lexicon).facts[0]
    }

    func heads(_ f: DocumentFacts) -> Set<String> {
        Set(f.relations.filter { $0.property == "headOf" }.map { "\($0.subject.name)->\($0.object!.name)" })
    }

    @Test func holdersAreFoundByDayAndAChangeYearIsAmbiguous() {
        let chile = EntityRef(kind: .country, name: "Chile"), peru = EntityRef(kind: .country, name: "Peru")
        #expect(Self.table.holder(title: "President", of: chile, on: TextDate(year: 2023, month: 3, day: 10)) == "Marta Quispe Rojas")
        #expect(Self.table.holder(title: "President", of: chile, on: TextDate(year: 2023, month: 3, day: 11)) == "Tomas Ferrer")
        #expect(Self.table.holder(title: "President", of: chile, on: TextDate(year: 2023)) == nil)
        #expect(Self.table.holder(title: "Foreign Minister", of: peru, on: TextDate(year: 2022, month: 6, day: 1)) == nil)
        #expect(Self.table.holder(title: "Foreign Minister", of: peru, on: TextDate(year: 2021, month: 6, day: 1)) == "Ana Llosa")
        #expect(Self.table.owners(title: "President", person: "Tomas Ferrer", on: nil) == [chile])
        #expect(Self.table.owners(title: "President", person: "Tomas Ferrer", on: TextDate(year: 2020, month: 1, day: 1)).isEmpty)
    }

    @Test func aPresidentWithNoStateNamedHeadsTheStateHeHeadedThatDay() {
        let f = facts("Date: 2024-05-02\n\nNote\n\nPresident Tomas Ferrer met Kenyan President Juma Otieno in Nairobi on 1 May 2024.\n")
        #expect(heads(f).contains("Tomas Ferrer->Chile"))
        let rule = f.relations.first { $0.subject.name == "Tomas Ferrer" && $0.property == "headOf" }?.rule
        #expect(rule == "title.office-table")
    }

    @Test func theSameTitleOnAnotherDayGivesNoState() {
        let f = facts("Date: 2020-05-02\n\nNote\n\nPresident Tomas Ferrer met Kenyan President Juma Otieno in Nairobi on 1 May 2020.\n")
        #expect(!heads(f).contains { $0.hasPrefix("Tomas Ferrer->") })
    }

    @Test func thePresidentOfAStateWithNoNameIsItsHolderOnTheDay() {
        let f = facts("Date: 2024-05-02\n\nNote\n\nThe president of Chile travelled to Peru on 1 May 2024.\n")
        let ferrer = EntityRef(kind: .person, name: "Tomas Ferrer")
        #expect(f.events.contains { $0.cls == "Visit" && $0.role(.agent).contains(ferrer) })
        #expect(heads(f).contains("Tomas Ferrer->Chile"))
        // A former president is not the holder of the day.
        let g = facts("Date: 2024-05-02\n\nNote\n\nThe former president of Chile travelled to Peru on 1 May 2024.\n")
        #expect(!g.events.contains { $0.role(.agent).contains(ferrer) })
    }

    @Test func theTextsOwnNameWinsOverTheTable() {
        let f = facts("Date: 2024-05-02\n\nNote\n\nChile's president, Marta Quispe Rojas, travelled to Peru on 1 May 2024.\n")
        #expect(!heads(f).contains("Tomas Ferrer->Chile"))
    }
}

/// Names that look like people and are not.
@Suite struct NotAPersonTests {
    func registry(_ text: String) -> PersonRegistry { ExtractionTests.extract([text]).extractor.registry }

    @Test func aNameAfterAnArticleIsNoPerson() {
        #expect(registry("Note\n\n\"The talks went well,\" the Green House said on Monday.\n").people.isEmpty)
    }

    @Test func aTitleIsNoPartOfTheNameAfterIt() {
        let names = registry("Note\n\n\"It is over,\" Treasury Secretary Paul Imre said.\n").people.map(\.name)
        #expect(names == ["Paul Imre"])
    }

    @Test func anOrganizationsShapeWordIsNoPartOfAName() {
        let names = registry("Note\n\n\"We won,\" said Renewal Party leader Oskar Bem.\n").people.map(\.name)
        #expect(!names.contains { $0.contains("Party") })
    }

    @Test func oneWordOfALongerUnknownNameIsNotAnotherPerson() {
        let extractor = ExtractionTests.extract(["Note\n\nPresident Pedro Almeida Costa spoke. Pedro Vaz, an adviser, left.\n"]).extractor
        let ms = extractor.mentions(Tokenizer.tokens("Pedro Vaz, an adviser, left."))
        #expect(!ms.contains { $0.ref.name == "Pedro Almeida Costa" })
    }

    @Test func aTitleThatNamesAPersonIsNoApposition() {
        let f = ExtractionTests.extract(["Note\n\nThe deal was announced with Chile's President Tomas Ferrer, Peru's President Ana Llosa and others on 2 May 2023.\n"]).facts[0]
        let heads = Set(f.relations.filter { $0.property == "headOf" }.map { "\($0.subject.name)->\($0.object!.name)" })
        #expect(heads == ["Tomas Ferrer->Chile", "Ana Llosa->Peru"])
    }
}
