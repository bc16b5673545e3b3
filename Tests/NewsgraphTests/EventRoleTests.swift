import Testing
@testable import Extraction
@testable import Facts
@testable import Language

/// How an event's roles are filled from the words around its cue: coordination, "between",
/// a place that stands for the parties a summit leaves unnamed, and the modality of a verb chain.
/// Every sentence is written for the test with made-up people and real states.
@Suite struct EventRoleTests {
    func events(_ sentence: String) -> [EventFact] {
        ExtractionTests.extract(["Note\n\n\(sentence)\n"]).facts[0].events
    }

    func names(_ refs: Set<EntityRef>) -> [String] { refs.map(\.name).sorted() }

    @Test func aConjunctTakesTheRoleOfTheOneBeforeIt() throws {
        let e = try #require(events("The accord was signed by Chile and Peru in Lima on 2 May 2023.").first { $0.cls == "AgreementSigning" })
        #expect(names(e.agents) == ["Chile", "Peru"])
        #expect(e.location?.name == "Lima")
    }

    @Test func aReporterOrAWitnessIsNoSignerOfWhatAnotherClauseSays() {
        let signers = { (sentence: String) in self.events(sentence).filter { $0.cls == "AgreementSigning" }.flatMap(\.agents).map(\.name) }
        // The reported clause has a subject of its own, "the deal".
        #expect(signers("The Office of the President of Kenya said the deal calls for a ceasefire.").isEmpty)
        // "where" opens a clause whose subject follows it; the passive names no signer.
        #expect(signers("President Amara Diallo of Guinea will attend a ceremony where agreements are slated to be signed.").isEmpty)
        // A pronoun after the reporting verb is the reporter: he still signed.
        #expect(signers("Chile said it signed the accord on 2 May 2023.") == ["Chile"])
    }

    @Test func aListAfterIncludingTakesTheRoleOfThePhraseItIsIn() throws {
        let e = try #require(events("Chile imposed sanctions on members of the bloc, including Peru and Bolivia, on 2 May 2023.").first { $0.cls == "Sanction" })
        #expect(names(e.targets) == ["Bolivia", "Peru"])
        #expect(names(e.agents) == ["Chile"])
    }

    @Test func theSidesOfASigningMayBeNamedWithBetween() throws {
        let e = try #require(events("The accord was signed in Lima between Chile and Peru on 2 May 2023.").first { $0.cls == "AgreementSigning" })
        #expect(names(e.agents) == ["Chile", "Peru"])
    }

    @Test func aSummitWithAPlaceNeedsOnlyOneNamedParty() throws {
        let e = try #require(events("Chile said after a two-day summit in Lima on 2 May 2023 that trade would grow.").first { $0.cls == "Meeting" })
        #expect(names(e.everyone) == ["Chile"])
        #expect(e.location?.name == "Lima")
        // Without a place, one party is no meeting.
        #expect(events("Chile said after a two-day summit on 2 May 2023 that trade would grow.").allSatisfy { $0.cls != "Meeting" })
    }

    @Test func aModalityGovernsTheVerbsChainedAfterIt() throws {
        let e = try #require(events("Chile is expected to travel to Peru in June to attend the regional summit in Lima.").first { $0.cls == "Meeting" })
        #expect(e.planned)
        let past = try #require(events("Chile travelled to Peru in June to attend the regional summit in Lima.").first { $0.cls == "Meeting" })
        #expect(!past.planned)
    }

    @Test func aReportedClauseHasASubjectOfItsOwn() throws {
        let e = try #require(events("Chile said Peru had imposed sanctions on Bolivia.").first { $0.cls == "Sanction" })
        #expect(names(e.agents) == ["Peru"])
        // With no actor after the reporting verb, the speaker is the one who acts ("said it was imposing").
        let own = try #require(events("Chile announced that it was imposing new sanctions on Bolivia.").first { $0.cls == "Sanction" })
        #expect(names(own.agents) == ["Chile"])
        // A reporting verb is written in lower case: "the United States" holds none.
        let states = try #require(events("The United States and Chile imposed sanctions on Bolivia.").first { $0.cls == "Sanction" })
        #expect(names(states.agents) == ["Chile", "United States"])
    }

    @Test func theObjectOfThanksOrPraiseDoesWhatTheGerundSays() throws {
        let joined = try #require(events("Chile congratulated Peru on joining the World Trade Organization.").first { $0.cls == "Accession" })
        #expect(names(joined.agents) == ["Peru"])
        // The event noun that the gerund governs ("the talks") is theirs too.
        let hosted = events("Chile and Peru thanked Bolivia and Ecuador for hosting the talks in 2021.").filter { $0.cls == "Meeting" }
        #expect(hosted.contains { names($0.hosts) == ["Bolivia", "Ecuador"] })
        #expect(!hosted.isEmpty && hosted.allSatisfy { names($0.everyone) == ["Bolivia", "Ecuador"] })
        // A second object, coordinated after the first gerund, hosts the second event.
        let second = events("Chile expressed its gratitude to Bolivia for hosting talks in 2021, and to Peru and Ecuador for hosting the summit.")
            .filter { $0.cls == "Meeting" }
        #expect(second.contains { names($0.hosts) == ["Ecuador", "Peru"] && $0.date == nil })
        #expect(second.allSatisfy { !$0.hosts.contains { $0.name == "Chile" } })
        // An object that names no actor gives the gerund no subject at all, not the clause's.
        #expect(events("Chile thanked them for hosting the talks with Peru.").allSatisfy { !$0.hosts.contains { $0.name == "Chile" } })
        // With no object ("was praised for"), the subject does it.
        let passive = try #require(events("Chile was praised for signing the accord with Peru.").first { $0.cls == "AgreementSigning" })
        #expect(passive.agents.contains { $0.name == "Chile" })
    }

    @Test func anIntentionDeniedIsNoEvent() {
        #expect(events("Chile said it had no intention of imposing sanctions on Peru.").allSatisfy { $0.cls != "Sanction" })
    }

    @Test func aVerbCueAfterADeterminerIsANounOfAnotherSense() {
        #expect(events("Chile called the talks with Peru a positive sign for the region.").allSatisfy { $0.cls != "AgreementSigning" })
        #expect(events("Chile and Peru will sign the accord in Lima.").contains { $0.cls == "AgreementSigning" })
    }

    @Test func aShortFormInParenthesesBreaksNoClause() throws {
        let e = try #require(events("The European Union (EU) signed on 2 May 2023 a partnership agreement with Peru.").first { $0.cls == "AgreementSigning" })
        #expect(names(e.everyone).contains("European Union"))
        // A short form and a possessor inside a coordinated subject: both sides sign.
        let two = try #require(events("The Andean Development Corporation (CAF) and Chile's Ministry of Finance signed a loan agreement.").first { $0.cls == "AgreementSigning" })
        #expect(two.agents.count == 2)
    }

    @Test func aListOfSidesRunsPastTheWindowThroughTitledAppositions() throws {
        let e = try #require(events("The accord was signed in Lima between the Peruvian President, Tomas Quispe Rojas, and the President of the European Commission, Ursula von der Leyen.").first { $0.cls == "AgreementSigning" })
        #expect(names(e.agents) == ["Tomas Quispe Rojas", "Ursula von der Leyen"])
        // Far from the last side named, a "by" belongs to another verb.
        let visit = try #require(events("Chilean President Ana Ruiz Soto landed in Lima on Sunday evening for a state visit that she had planned for many months and was received by Peruvian President Tomas Quispe Rojas.").first { $0.cls == "Visit" })
        #expect(names(visit.agents) == ["Ana Ruiz Soto"])
    }

    @Test func aParticleWrittenOntoASurnameIsPartOfTheName() {
        let f = ExtractionTests.extract(["Note\n\nThe Egyptian President, Abdel Karim al-Masri, met Chilean President Ana Ruiz Soto in Cairo on 3 May 2023.\n"]).facts[0]
        #expect(f.events.contains { $0.everyone.contains { $0.name == "Abdel Karim al-Masri" } })
    }

    @Test func oneEventToldTwiceInASentenceIsOneEvent() throws {
        // The signing cue names both signers; the ceasefire cue, nearer the second, only one.
        let signings = events("Signed on Friday 2 June 2023 by President Ivan Petrov of Chile and President Marco Silva of Peru, the ceasefire takes effect at once.")
            .filter { $0.cls == "AgreementSigning" }
        #expect(signings.count == 1)
        #expect(names(signings.first?.agents ?? []) == ["Ivan Petrov", "Marco Silva"])
        // Two signings with different parties stay two.
        let two = events("Chile signed a trade accord with Peru on 2 May 2023, and Bolivia signed a ceasefire with Brazil on 3 May 2023.")
            .filter { $0.cls == "AgreementSigning" }
        #expect(two.count == 2)
    }

    @Test func aCommaAndBeforeANewSubjectAndVerbOpensAClause() throws {
        let signings = events("Chile signed a trade accord with Peru on 2 May 2023, and Bolivia signed a ceasefire with Brazil on 3 May 2023.")
            .filter { $0.cls == "AgreementSigning" }
        let first = try #require(signings.first { $0.date?.iso == "2023-05-02" })
        let second = try #require(signings.first { $0.date?.iso == "2023-05-03" })
        #expect(names(first.everyone) == ["Chile", "Peru"])
        #expect(names(second.everyone) == ["Bolivia", "Brazil"])
        // A serial comma in a list of subjects opens no clause.
        let list = try #require(events("Chile, Peru, and Bolivia signed the accord on 2 May 2023.").first { $0.cls == "AgreementSigning" })
        #expect(names(list.agents) == ["Bolivia", "Chile", "Peru"])
    }

    @Test func aByPhraseOfAnotherParticipleNamesNoSigner() throws {
        let e = try #require(events("Chile and Peru signed the accord in a ceremony presided over by Brazil on 2 May 2023.").first { $0.cls == "AgreementSigning" })
        #expect(names(e.agents) == ["Chile", "Peru"])
        let brokered = try #require(events("The ceasefire, brokered by Qatar, was signed by Chile and Peru on 2 May 2023.").first { $0.cls == "AgreementSigning" })
        #expect(!brokered.agents.contains { $0.name == "Qatar" })
        // The event's own verb in the passive keeps its by-phrase, with or without words between.
        let imposed = try #require(events("The embargo was first imposed by Chile on 2 May 2023.").first { $0.cls == "Sanction" })
        #expect(names(imposed.agents) == ["Chile"])
        let made = try #require(events("The last visit by a Chilean president to Peru was made by Chilean President Ivan Petrov on 2 May 2023.").first { $0.cls == "Visit" })
        #expect(made.agents.contains { $0.name == "Ivan Petrov" })
        // A light verb after another noun is that noun's: "the elections held by Peru".
        #expect(!events("Chile at its meeting on 2 May 2023 adopted a resolution condemning the elections held by Peru in the region.")
            .contains { $0.cls == "Meeting" && $0.everyone.contains { $0.name == "Peru" } })
    }

    @Test func aLowerCaseWordBeforeATitleIsPartOfTheConjunct() throws {
        let e = try #require(events("Chilean President Ivan Petrov and rebel commander Marco Silva met in Lima on 2 May 2023.").first { $0.cls == "Meeting" })
        #expect(names(e.participants).contains("Marco Silva"))
        #expect(names(e.participants).contains("Ivan Petrov"))
    }

    @Test func aPronounSubjectKeepsItsReferentOverThePeopleItMeets() throws {
        let f = ExtractionTests.extract(["Note\n\nChilean President Ivan Petrov arrived in Lima on 2 May 2023. He met with President Ana Ruiz Soto of Peru and attended a banquet. He had a meeting with Prime Minister Marco Silva of Peru on 3 May 2023.\n"]).facts[0]
        let meetings = f.events.filter { $0.cls == "Meeting" }
        // The person met in the second sentence is its object, not what "he" of the third stands for.
        let third = try #require(meetings.first { $0.everyone.contains { $0.name == "Marco Silva" } })
        #expect(names(third.everyone) == ["Ivan Petrov", "Marco Silva"])
        #expect(meetings.contains { names($0.everyone) == ["Ana Ruiz Soto", "Ivan Petrov"] })
    }

    @Test func theDayOfTheTellingDatesNoOtherEvent() throws {
        let text = "Note\n\nDate: 2023-04-30\n\nPresident Ivan Petrov of Chile is expected to visit Peru in coming weeks, officials said Saturday, after a visit to Lima by the Peruvian leader last month.\n"
        let f = ExtractionTests.extract([text]).facts[0]
        let visit = try #require(f.events.first { $0.cls == "Visit" && $0.planned })
        // Neither the reporting Saturday nor the past "last month" dates what is planned.
        #expect(visit.date == nil)
        // An announcement that does the act dates it: sanctions announced on Monday were imposed then.
        let s = ExtractionTests.extract(["Note\n\nDate: 2023-05-03\n\nChile announced Monday that it was imposing sanctions on Peru.\n"]).facts[0]
        #expect(s.events.first { $0.cls == "Sanction" }?.date?.iso == "2023-05-01")
    }

    @Test func theLeadersOfStatesTakeTheRoleThatNamesThem() throws {
        let e = try #require(events("Chilean President Ivan Petrov said he has signed a deal with the leaders of Peru and Bolivia on 2 May 2023.").first { $0.cls == "AgreementSigning" })
        #expect(names(e.participants).contains("Peru"))
        #expect(names(e.participants).contains("Bolivia"))
        // Indefinite heads of an institution name no one.
        #expect(!events("The visit marked the continuity of visits to Peru by heads of the European Union on 2 May 2023.")
            .contains { $0.cls == "Visit" && $0.everyone.contains { $0.name == "European Union" } })
    }
}
