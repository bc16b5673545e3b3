import Foundation
import Testing
@testable import Extraction
@testable import Facts
@testable import Language

/// The dates a sentence gives an event without writing one: the tenses of the article's own news
/// (the present, the present progressive, the present perfect) take the day the article states,
/// and "this week", "last week" the month the week falls in. Every sentence is written for the test.
@Suite struct NewsDateTests {
    func events(_ text: String, _ cls: String) -> [EventFact] {
        ExtractionTests.extract([text]).facts[0].events.filter { $0.cls == cls }
    }

    static let day = TextDate(year: 2024, month: 6, day: 12)

    /// The events of one sentence in an article dated `day`: its sanctions, else its signings.
    func dated(_ sentence: String) -> [EventFact] {
        events("Title: Note\nDate: 2024-06-12\n\n\(sentence)\n", sentence.contains("sanctions") ? "Sanction" : "AgreementSigning")
    }

    @Test(arguments: [
        "The Council of the African Union is imposing sanctions on Eritrea.",
        "The Council of the African Union imposes sanctions on Eritrea.",
        "Kenya and Uganda have agreed to a ceasefire along their border.",
        "Kenya and Uganda have now agreed to a ceasefire, officials said.",
    ])
    func theNewsOfTheArticleHappensOnItsDay(sentence: String) {
        let found = dated(sentence)
        #expect(!found.isEmpty, "\(sentence)")
        #expect(found.allSatisfy { $0.date == Self.day }, "\(sentence)")
    }

    @Test(arguments: [
        // The past tense may be a day or more before a wire story's date.
        "Kenya and Uganda agreed to a ceasefire along their border.",
        // What recurs or lasts has no one day.
        "Kenya and Uganda have agreed to a ceasefire three times.",
        "The Council of the African Union regularly imposes sanctions on Eritrea.",
    ])
    func thePastAndTheHabitualTakeNoDayOfTheArticle(sentence: String) {
        let found = dated(sentence)
        #expect(!found.isEmpty, "\(sentence)")
        #expect(found.allSatisfy { $0.date != Self.day }, "\(sentence)")
    }

    @Test func aHeadlineOrAnArticleWithoutADateGivesNone() {
        let headline = events("Title: Note\nDate: 2024-06-12\n\nAfrican Union imposes sanctions on Eritrea\n\nOfficials spoke.\n", "Sanction")
        #expect(!headline.isEmpty)
        #expect(headline.allSatisfy { $0.date == nil })
        // No stated date: the reference the dates count from is inferred, and is no day of the news.
        let undated = events("Note\n\nKenya and Uganda met on 3 May 2024. The Council of the African Union is imposing sanctions on Eritrea.\n", "Sanction")
        #expect(!undated.isEmpty)
        #expect(undated.allSatisfy { $0.date == nil })
    }

    @Test func aSpanOfDaysInOneMonthHasItsFirstAndLastDay() throws {
        let v = try #require(events("Title: Note\nDate: 2023-09-12\n\nPresident Amara Diallo of Guinea visited Senegal on September 10-11.\n", "Visit").first)
        #expect(v.date == TextDate(year: 2023, month: 9, day: 10))
        #expect(v.endDate == TextDate(year: 2023, month: 9, day: 11))
        let y = try #require(events("Title: Note\nDate: 2024-01-02\n\nPresident Amara Diallo of Guinea visited Senegal on March 3 – 5, 2021.\n", "Visit").first)
        #expect(y.date == TextDate(year: 2021, month: 3, day: 3))
        #expect(y.endDate == TextDate(year: 2021, month: 3, day: 5))
    }

    @Test func theEventNounThatRefersBackDatesTheEventItRefersTo() throws {
        let text = "Title: Note\nDate: 2023-09-12\n\nPresident Amara Diallo of Guinea paid a state visit to Senegal. The visit on September 10 marked a decade of partnership.\n"
        let visits = events(text, "Visit")
        #expect(!visits.isEmpty)
        #expect(visits.allSatisfy { $0.date == TextDate(year: 2023, month: 9, day: 10) })
        // A date of another clause ("as that signed in July") dates nothing it refers back to.
        let other = events("Title: Note\nDate: 2023-09-12\n\nPresident Amara Diallo of Guinea paid a state visit to Senegal. The visit was of the same kind as one in July.\n", "Visit")
        #expect(other.allSatisfy { $0.date == nil })
    }

    @Test func aWeekIsTheMonthItFallsInAndNoneWhenItSpansTwo() {
        // 30 April 2023 is a Sunday: its week, 24 to 30 April, is April's.
        let april = events("Title: Note\nDate: 2023-04-30\n\nPresident Amara Diallo of Guinea visited Senegal this week.\n", "Visit")
        #expect(april.first?.date == TextDate(year: 2023, month: 4))
        // 1 May 2024 is a Wednesday: its week runs from 29 April to 5 May.
        let spanning = events("Title: Note\nDate: 2024-05-01\n\nPresident Amara Diallo of Guinea visited Senegal this week.\n", "Visit")
        #expect(!spanning.isEmpty)
        #expect(spanning.allSatisfy { $0.date == nil })
        // "last week" of Monday 11 September 2023: 4 to 10 September.
        let last = events("Title: Note\nDate: 2023-09-11\n\nPresident Amara Diallo of Guinea visited Senegal last week.\n", "Visit")
        #expect(last.first?.date == TextDate(year: 2023, month: 9))
    }
}
