import Foundation
import RDFModel
import Testing
@testable import Extraction
@testable import Facts
@testable import Language

/// Events that news on international relations reports and the first lexicon lacked:
/// taking office, votes, ceasefires. Sentences written for the test.
@Suite struct EventCoverageTests {
    func events(_ text: String) -> [EventFact] { ExtractionTests.extract([text]).facts[0].events }

    @Test func aPersonSwornInIsTheAgentOfAnInauguration() {
        let e = events("Date: 2024-06-04\n\nNote\n\nKenyan President Juma Otieno was sworn in on 3 June 2024 in Nairobi.\n")
        let inauguration = e.first { $0.cls == "Inauguration" }
        #expect(inauguration?.role(.agent).map(\.name) == ["Juma Otieno"])
        #expect(inauguration?.date == TextDate(year: 2024, month: 6, day: 3))
    }

    @Test func aBodyThatAdoptsAResolutionVotes() {
        let e = events("Date: 2022-10-13\n\nNote\n\nThe UN General Assembly adopted a resolution on Wednesday. Chile abstained.\n")
        let votes = e.filter { $0.cls == "Vote" }
        #expect(votes.contains { $0.date == TextDate(year: 2022, month: 10, day: 12) && !$0.everyone.isEmpty })
        #expect(votes.contains { $0.everyone.map(\.name) == ["Chile"] })
    }

    @Test func sidesThatAgreeToACeasefireAgree() {
        let e = events("Date: 2023-05-02\n\nNote\n\nChile and Peru agreed to a ceasefire on 1 May 2023.\n")
        let deal = e.first { $0.cls == "AgreementSigning" }
        #expect(Set(deal?.role(.agent).map(\.name) ?? []) == ["Chile", "Peru"])
        #expect(deal?.cameo == "0871")
    }

    @Test func aNegatedVoteIsNoEvent() {
        #expect(!events("Date: 2022-10-13\n\nNote\n\nChile did not vote on Wednesday.\n").contains { $0.cls == "Vote" })
    }
}

extension EventCoverageTests {
    @Test func todayIsTheArticlesDay() {
        let e = events("Date: 2025-03-07\n\nNote\n\nChile today imposed sanctions on Peru.\n")
        #expect(e.contains { $0.cls == "Sanction" && $0.date == TextDate(year: 2025, month: 3, day: 7) })
    }

    @Test func reachingADealIsAnAgreement() {
        let e = events("Date: 2024-12-07\n\nNote\n\nChile reached a free trade agreement with Peru on 6 December 2024.\n")
        #expect(e.contains { $0.cls == "AgreementSigning" && $0.everyone.map(\.name).sorted() == ["Chile", "Peru"] })
    }

    @Test func aHostAndAGuestMeet() {
        let e = events("Date: 2024-12-07\n\nNote\n\nChile hosts Peru for talks on 8 December 2024.\n")
        #expect(e.contains { $0.cls == "Meeting" && $0.hosts.map(\.name) == ["Chile"] && $0.everyone.contains { $0.name == "Peru" } })
    }
}

extension EventCoverageTests {
    @Test func theOneSwornInActsAndWhoAttendsTakesPart() {
        let e = events("Date: 2024-05-24\n\nNote\n\nPresident Juma Otieno attended the inauguration of President Tomas Ferrer on 3 May 2024.\n")
        let i = e.first { $0.cls == "Inauguration" }
        #expect(i?.agents.map(\.name) == ["Tomas Ferrer"] && i?.participants.map(\.name) == ["Juma Otieno"])
    }

    @Test func aSecondVisitInTheSentenceKeepsItsOwnHostAndDate() {
        let e = events("Date: 2024-05-24\n\nNote\n\nPresident Tomas Ferrer’s visit reciprocates former president Ana Llosa’s state visit to Chile in May 2023.\n")
        #expect(!e.contains { $0.cls == "Visit" && $0.agents.contains { $0.name == "Tomas Ferrer" } && $0.date == TextDate(year: 2023, month: 5) })
        #expect(e.contains { $0.cls == "Visit" && $0.agents.map(\.name) == ["Ana Llosa"] && $0.hosts.map(\.name) == ["Chile"] })
    }

    @Test func agreeingToMeetIsPlanned() {
        let e = events("Date: 2023-06-10\n\nNote\n\nChile and Peru agreed to meet again in Lima in August.\n")
        #expect(e.contains { $0.cls == "Meeting" && $0.planned && $0.date == TextDate(year: 2023, month: 8) })
    }
}

extension EventCoverageTests {
    @Test func theOneWhoInvitesIsNotTheVisitor() {
        let e = events("Date: 2018-05-11\n\nNote\n\nAt the invitation of His Excellency Juma Otieno, President of Kenya, His Excellency Tomas Ferrer, President of Chile made a State Visit to Kenya on 8 May 2018.\n")
        #expect(e.contains { $0.cls == "Visit" && $0.agents.map(\.name) == ["Tomas Ferrer"] })
        #expect(!e.contains { $0.cls == "Visit" && $0.agents.contains { $0.name == "Juma Otieno" } })
    }
}

extension EventCoverageTests {
    @Test func anAttemptIsNoEvent() {
        #expect(!events("Date: 2022-10-13\n\nNote\n\nChile unsuccessfully tried to get the resolution voted on in a closed session.\n").contains { $0.cls == "Vote" })
    }
}

extension OpenWorldTests {
    @Test func noWordOfATitleStartsTheNameOfAnApposition() {
        let (_, registry) = facts("Note\n\nMinister for Economic Affairs Juma Otieno, Chile's Vice President (Operations 1) Ana Llosa and others attended on 3 May 2023.\n")
        #expect(!registry.people.contains { $0.name.hasPrefix("Affairs") })
    }
}
