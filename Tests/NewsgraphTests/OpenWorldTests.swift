import Foundation
import RDFModel
import Testing
@testable import Extraction
@testable import Facts
@testable import Language

/// Names the lexicon lacks, found by their shape, by the short forms a document
/// defines, and by how people are introduced (titles of an institution, apposition,
/// attribution). Every sentence is written for the test with made-up names.
@Suite struct OpenWorldTests {
    func facts(_ text: String) -> (DocumentFacts, PersonRegistry) {
        let read = ExtractionTests.extract([text])
        return (read.facts[0], read.extractor.registry)
    }

    @Test func anOrganizationNamedByTheEndOfItsNameIsTheOneTheDocumentNamesInFull() {
        let (f, _) = facts("""
        Note

        Chile asked the United Nations Security Council to meet on 2 May 2023.
        The Security Council voted on 3 May 2023 to condemn Peru.
        """)
        let votes = f.events.filter { $0.cls == "Vote" }
        #expect(votes.contains { $0.everyone.contains { $0.name == "United Nations Security Council" } })
        #expect(!votes.contains { $0.everyone.contains { $0.name == "Security Council" } })
        // The end of a name that is its complement, not its head, is another organization.
        let (g, _) = facts("""
        Note

        The Council of the European Union met in Brussels on 2 May 2023. The European Union imposed sanctions on Peru on 3 May 2023.
        """)
        #expect(g.events.contains { $0.cls == "Sanction" && $0.agents.contains { $0.name == "European Union" } })
    }

    @Test func aShortFormDefinedInParenthesesStandsForItsNameEverywhere() {
        let (f, _) = facts("""
        Note

        Kenya and Chad signed the Lake Basin Water Corridor (LBWC) in Nairobi on 3 May 2023.
        Egypt supports the LBWC, officials said.
        """)
        let corridor = EntityRef(kind: .initiative, name: "Lake Basin Water Corridor")
        #expect(f.shortForms[corridor] == ["LBWC"])
        #expect(f.relations.contains { $0.property == "supports" && $0.subject.name == "Egypt" && $0.object == corridor })
        #expect(f.entityRules[corridor] == ["shape.initiative"])
    }

    @Test func aShortFormMayBeDefinedInWords() {
        let (f, _) = facts("Note\n\nThe Lake Basin Water Corridor, known by its initials in French as CEBL, was signed by Kenya and Chad on 3 May 2023. Egypt supports the CEBL.\n")
        let corridor = EntityRef(kind: .initiative, name: "Lake Basin Water Corridor")
        #expect(f.shortForms[corridor] == ["CEBL"])
        #expect(f.relations.contains { $0.property == "supports" && $0.subject.name == "Egypt" && $0.object == corridor })
        // "known as" before a word that goes on naming something is no definition.
        let (g, _) = facts("Note\n\nThe Lake Basin Water Corridor, known as CEBL Phase One, was signed by Kenya and Chad on 3 May 2023.\n")
        #expect(g.shortForms[corridor] == nil)
    }

    @Test func theShortFormMayComeFirst() {
        let (f, _) = facts("Note\n\nThe TSGC (Trans-Sahel Gas Corridor) was proposed by Niger on 2 June 2022.\n")
        #expect(f.shortForms[EntityRef(kind: .initiative, name: "Trans-Sahel Gas Corridor")] == ["TSGC"])
    }

    @Test func parenthesesThatAreNoInitialsDefineNothing() {
        let (f, _) = facts("Note\n\nThe Lake Basin Water Corridor (WHO) and the Northern Grain Council (NGX) met.\n")
        #expect(f.shortForms.isEmpty)
    }

    @Test func aShapeWordFirstNamesAnInstitution() {
        let (f, _) = facts("Note\n\nOn Monday the Ministry of Coastal Affairs opposed the Lake Basin Water Corridor.\n")
        #expect(f.relations.contains { $0.property == "opposes" && $0.subject == EntityRef(kind: .organization, name: "Ministry of Coastal Affairs") })
    }

    @Test func aTitleOfAnInstitutionIntroducesItsHolder() {
        let (f, registry) = facts("Note\n\nSpeaker of the National Assembly Ana Petrovna met Kenyan President Tomas Odera in Nairobi on 3 May 2023.\n")
        #expect(registry.people.contains { $0.name == "Ana Petrovna" && $0.rules.contains("person.title-of") })
        #expect(f.positions[EntityRef(kind: .person, name: "Ana Petrovna")] == ["Speaker"])
    }

    @Test func anAppositionIntroducesThePersonBeforeIt() {
        let (f, registry) = facts("Note\n\nMirela Sandor, Romania's trade minister, said the talks had ended.\nJuma Otieno, the Kenyan president, travelled to Chad on 4 May 2023.\n")
        #expect(registry.people.contains { $0.name == "Mirela Sandor" && $0.rules.contains("person.apposition") })
        let otieno = EntityRef(kind: .person, name: "Juma Otieno")
        #expect(f.relations.contains { $0.property == "headOf" && $0.subject == otieno && $0.object?.name == "Kenya" })
        #expect(f.events.contains { $0.cls == "Visit" && $0.role(.agent).contains(otieno) })
    }

    @Test func aPlaceOrDayBeforeACommaIsNoPerson() {
        let (_, registry) = facts("Note\n\nIn Nairobi, Kenya's trade minister spoke. On Monday, the country's envoy left.\n")
        #expect(registry.people.isEmpty)
    }
}

extension OpenWorldTests {
    @Test func aStatesOwnInstitutionIsNamedWithTheState() {
        let (f, _) = facts("Note\n\nChile's Ministry of Coastal Affairs opposed the Lake Basin Water Corridor. Peru's Ministry of Coastal Affairs opposed it too.\n")
        let subjects = Set(f.relations.filter { $0.property == "opposes" }.map(\.subject.name))
        #expect(subjects.contains("Ministry of Coastal Affairs (Chile)") && !subjects.contains("Chile"))
    }
}

extension OpenWorldTests {
    @Test func aTitleThenACommaThenANameNamesTheHolder() {
        let (f, registry) = facts("Note\n\nChile's acting prime minister, Tomas Ferrer, travelled to Peru on 4 May 2023.\n")
        #expect(registry.people.contains { $0.name == "Tomas Ferrer" })
        #expect(f.positions[EntityRef(kind: .person, name: "Tomas Ferrer")] == ["Acting prime minister"])
    }

    @Test func theSubjectOfACopulaHoldsTheTitle() {
        let (f, _) = facts("Note\n\nPresident Tomas Ferrer met Peru's leaders on 4 May 2023. Ferrer is the current Chairperson of the African Union.\n")
        #expect(f.relations.contains { $0.property == "headOf" && $0.subject.name == "Tomas Ferrer" && $0.object?.name == "African Union" })
        let (g, _) = facts("Note\n\nPresident Tomas Ferrer met Peru's leaders on 4 May 2023. Ferrer is the President's adviser.\n")
        #expect(!g.relations.contains { $0.property == "headOf" && $0.evidence.sentence.contains("adviser") })
    }

    @Test func aTitleHeaderIsReadAsAHeadlineAndItsInfinitiveIsPlanned() {
        let (f, _) = facts("Title: Ferrer to visit Peru for talks\nDate: 2023-05-02\n\nPresident Tomas Ferrer of Chile spoke on Monday.\n")
        let visit = f.events.first { $0.cls == "Visit" }
        #expect(visit?.planned == true)
        #expect(visit?.evidence.sentence == "Ferrer to visit Peru for talks")
    }
}

extension OpenWorldTests {
    @Test func aHeadlineTeachesNoNameItCannotDelimit() {
        let (_, registry) = facts("Title: Kenyan President Juma Otieno Attends Inauguration Of Tomas Ferrer\n\nThe ceremony took place in Nairobi.\n")
        #expect(!registry.people.contains { $0.name.contains("Attends") })
    }

    @Test func titledPeopleAreCoordinatedAndATitlesInstitutionFillsNoRole() {
        let (f, _) = facts("Note\n\nVice President Ana Llosa and Chilean opposition leader Tomas Ferrer met in Lima on 3 May 2023. Llosa also met with Chairman of the National Assembly Juma Otieno on 4 May 2023.\n")
        let meetings = f.events.filter { $0.cls == "Meeting" }
        #expect(meetings.contains { Set($0.everyone.map(\.name)) == ["Ana Llosa", "Tomas Ferrer"] })
        #expect(meetings.contains { Set($0.everyone.map(\.name)) == ["Ana Llosa", "Juma Otieno"] })
    }
}

extension OpenWorldTests {
    @Test func aTitleTakesItsPortfolioAndTheNameStartsAfterIt() {
        let (f, registry) = facts("Note\n\nMinister for Economic Affairs Juma Otieno met Chile's president on 3 May 2023.\n")
        #expect(registry.people.map(\.name).contains("Juma Otieno"))
        #expect(f.positions[EntityRef(kind: .person, name: "Juma Otieno")] == ["Minister for Economic Affairs"])
        // A portfolio never ends on a modifier: "the leader of the National Rally" names no portfolio.
        let (_, other) = facts("Note\n\nAna Llosa, the leader of the National Renewal Party, denounced the plan.\n")
        #expect(other.people.map(\.name).contains("Ana Llosa"))
    }

    @Test func aSideNamedWithAgainstIsNoOpposition() {
        let (f, _) = facts("Note\n\nChile condemned Peru's aggression against Bolivia on 3 May 2023.\n")
        #expect(!f.relations.contains { $0.property == "opposes" && $0.subject.name == "Peru" })
    }
}

extension EventCoverageTests {
    @Test func aWitnessTakesPartAndAnOnlookerDoesNot() {
        let witnessed = events("Date: 2024-05-24\n\nNote\n\nPresident Juma Otieno witnessed the signing on 3 May 2024.\n")
        #expect(!witnessed.contains { $0.cls == "AgreementSigning" && $0.agents.contains { $0.name == "Juma Otieno" } })
        let welcomed = events("Date: 2024-05-24\n\nNote\n\nChile welcomed the signing of the deal by Peru and Bolivia on 3 May 2024.\n")
        #expect(!welcomed.contains { $0.everyone.contains { $0.name == "Chile" } })
    }
}

extension OpenWorldTests {
    @Test func aVerbFollowedByACommaHasNoObject() {
        let (f, _) = facts("Note\n\nChile and Peru opposed, and Bolivia abstained, on 3 May 2023.\n")
        #expect(!f.relations.contains { $0.property == "opposes" && $0.object?.name == "Bolivia" })
    }
}
