import Foundation
import RDFModel
import Testing
@testable import Extraction
@testable import Facts
@testable import Language

/// Figures as news writes them: counts of people said by a verb, currencies and scales
/// written onto the number. Sentences written for the test.
@Suite struct CountTests {
    func observations(_ text: String) -> [ObservationFact] { ExtractionTests.extract([text]).facts[0].observations }

    @Test func aVerbAfterACountSaysWhatItCounts() {
        let o = observations("Date: 2024-05-02\n\nNote\n\nMore than 40 people have been killed and over 9,000 displaced in Chile and Peru.\n")
        #expect(o.contains { $0.value == 40 && $0.unit == "count" && $0.measure == "people killed" && $0.bound == "more than" })
        #expect(o.contains { $0.value == 9000 && $0.unit == "count" && $0.measure == "displaced" })
    }

    @Test func aVerbBeforeACountSaysItToo() {
        let o = observations("Note\n\nThe war between Chile and Peru killed an estimated 12,000 civilians.\n")
        #expect(o.contains { $0.value == 12000 && $0.measure == "civilians killed" && $0.bound == "about" })
    }

    @Test func aNounBeforeACountSaysWhatBefallsWhatItCounts() {
        let o = observations("Note\n\nChile said the deal includes the release of 50 hostages and 150 Peruvian prisoners. Peru imposed sanctions against 13 senior Chilean officials and 3 entities on Monday.\n")
        #expect(o.contains { $0.value == 50 && $0.measure == "hostages released" })
        // A count coordinated with the first is governed by the same noun.
        #expect(o.contains { $0.value == 150 && $0.measure == "prisoners released" })
        #expect(o.contains { $0.value == 13 && $0.measure == "senior officials sanctioned" })
        #expect(o.contains { $0.value == 3 && $0.measure == "entities sanctioned" })
        // A verb between the noun and the count starts a clause of its own.
        #expect(!observations("Note\n\nAfter the release of the hostages Chile deployed 300 soldiers.\n").contains { $0.measure.hasSuffix("released") })
    }

    @Test func votesCountedWithTheirTallyKeepIt() {
        let o = observations("Note\n\nThe resolution on Chile received 11 votes in favour and two against.\n")
        #expect(o.contains { $0.value == 11 && $0.measure == "votes in favour" })
    }

    @Test func aPartOfAWholeAndACountAfterModifiersCountWhatTheNounSays() {
        let o = observations("Note\n\nThe motion was supported by 120 out of 150 members of the African Union, four states (Chad, Mali, Niger and Sudan) voted against, and Kenya sanctioned 12 senior Ugandan army officers.\n")
        let part = o.first { $0.value == 120 }
        #expect(part?.unit == "count")
        #expect(part?.measure == "members in favour")
        // Counted by its verb, a figure after "by" is a level, not a change by that much.
        #expect(part?.change == false)
        // What a parenthesis lists is about the figure inside it only.
        #expect(part.map { $0.about.map(\.name).sorted() } == ["African Union", "Kenya", "Uganda"])
        #expect(o.contains { $0.value == 12 && $0.unit == "count" && $0.measure.hasSuffix("officers") })
    }

    @Test func aPersonRightBeforeTheVerbOfAFigureIsWhatItIsAbout() {
        let won = observations("Note\n\nKenyan President Juma Otieno won 52.5 percent of the vote.\n")
        #expect(won.first { $0.value == 52.5 }?.about.contains { $0.name == "Juma Otieno" } == true)
        // A reporter is no subject of the figure.
        let said = observations("Note\n\nKenyan President Juma Otieno said 35 percent of the vote was lost in Kenya.\n")
        #expect(said.first { $0.value == 35 }.map { !$0.about.contains { $0.name == "Juma Otieno" } } == true)
    }

    @Test func aCountryNamedOnceIsNoCountryTheDocumentIsAbout() {
        // The dateline names Luxembourg once; the article is about Chile and Peru.
        let o = observations("Note\n\nLuxembourg, 14 April 2025\n\nChile and Peru met. Chile and Peru signed a deal. The deal covers 35 projects.\n")
        #expect(o.first { $0.value == 35 }.map { Set($0.about.map(\.name)) } == ["Chile", "Peru"])
    }

    @Test func aCountVerbAfterARelativePronounSaysWhatItCounts() {
        let o = observations("Note\n\nKenya was among 35 nations who abstained.\n")
        #expect(o.contains { $0.value == 35 && $0.unit == "count" && $0.measure.contains("abstaining") })
    }

    @Test func anAmountInAListOfMoneyTakesTheCurrencyBeforeIt() {
        let o = observations("Note\n\nThe package for Chad includes 5 billion euros in loans, 1.8 billion in investments and 400 million in aid, for a population of 20 million.\n")
        #expect(o.contains { $0.value == 1_800_000_000 && $0.unit == "EUR" && $0.measure == "investment" })
        #expect(o.contains { $0.value == 400_000_000 && $0.unit == "EUR" && $0.measure == "aid" })
        #expect(!o.contains { $0.value == 20_000_000 && $0.unit == "EUR" })
    }

    @Test func aCountVerbFarFromTheNumberCountsNothing() {
        let o = observations("Note\n\nChile sent 40 trucks to the border, where Peru said soldiers killed a farmer.\n")
        #expect(!o.contains { $0.measure.contains("killed") })
    }

    @Test func aCountKeepsNoDateThatIsNotBesideItButTheSinceItCountsFrom() {
        // The day of the report is no period of the count; "since the 2021 coup" is where it starts.
        let o = observations("Note\n\nOn 2 May 2024 the UN said more than 6,000 civilians were killed in Chile since the 2021 coup.\n")
        #expect(o.contains { $0.value == 6000 && $0.period == "2021/2024" })
        let report = observations("Note\n\nOn 2 May 2024 the UN said more than 6,000 civilians were killed in Chile.\n")
        #expect(report.contains { $0.value == 6000 && $0.period == nil })
    }

    @Test func currenciesAndScalesWrittenOntoTheNumber() {
        let o = observations("Note\n\nChile pledged R167 million in aid to Peru, and A$1.4bn in loans.\n")
        #expect(o.contains { $0.value == 167_000_000 && $0.unit == "ZAR" })
        #expect(o.contains { $0.value == 1_400_000_000 && $0.unit == "AUD" })
    }

    @Test func aSpanOfYearsIsNoNumberButThePeriodOfTheCount() {
        let o = observations("Note\n\nThe 1991-94 war between Chile and Peru killed 900 soldiers.\n")
        #expect(!o.contains { $0.value == 1991 })
        #expect(o.contains { $0.value == 900 && $0.period == "1991/1994" })
        let full = observations("Note\n\nThe 2014-2016 epidemic in Chile and Peru killed 900 people.\n")
        #expect(full.contains { $0.value == 900 && $0.period == "2014/2016" })
    }
}

extension CountTests {
    @Test func theMeasureAnAmountIsInComesFirst() {
        let o = observations("Note\n\nThe agreement between Chile and Peru includes 5 billion euros in loans.\n")
        #expect(o.contains { $0.value == 5_000_000_000 && $0.measure == "loans" })
    }

    @Test func aCountSaidByAVerbIsAboutNoPersonAndNotItsReporter() {
        let o = observations("Note\n\nPresident Tomas Ferrer of Chile met Peru's leaders, and the Red Cross reported that 35 people were killed in Peru.\n")
        let killed = o.first { $0.value == 35 }
        #expect(killed?.about.contains { $0.kind == .person } == false)
        #expect(killed?.about.contains { $0.name == "Red Cross" } == false)
    }
}

extension EventCoverageTests {
    @Test func aPastVerbKeepsItsWeekdayInThePastInASentenceAboutTheFuture() {
        let e = events("Date: 2023-06-10\n\nNote\n\nSigned on Friday by Chile and Peru, the ceasefire is set to last for 180 days.\n")
        #expect(e.contains { $0.cls == "AgreementSigning" && $0.date == TextDate(year: 2023, month: 6, day: 9) })
    }

    @Test func aQuestionStatesNothing() {
        #expect(events("Date: 2023-06-10\n\nNote\n\nWill Chile sign the deal with Peru on Monday?\n").isEmpty)
        #expect(events("Title: How Can Chile Sign A Deal With Peru\nDate: 2023-06-10\n\nThe talks went on.\n").isEmpty)
    }

    @Test func aSpanOfDaysWithACommaBeforeTheYear() {
        let e = events("Date: 2018-05-11\n\nNote\n\nPresident Tomas Ferrer of Chile made a State Visit to Kenya from 8th to 10th May, 2018.\n")
        #expect(e.contains { $0.cls == "Visit" && $0.date == TextDate(year: 2018, month: 5, day: 8) && $0.endDate == TextDate(year: 2018, month: 5, day: 10) })
    }
}

extension CountTests {
    @Test func aDateNearerToAnotherFigureIsThatFiguresPeriod() {
        let o = observations("Note\n\nChile gives Peru 5 billion euros in loans, including one billion paid before the end of 2024.\n")
        #expect(o.contains { $0.value == 5_000_000_000 && $0.period == nil })
    }

    @Test func aBareNumberTakesItsMeasureFromATallyAComparisonOrTheFigureBeforeIt() {
        let tally = observations("Note\n\nThe vote on Chile's resolution was 120 in favour to 9 against.\n")
        #expect(tally.contains { $0.value == 120 && $0.measure == "votes in favour" && $0.unit == "count" })
        #expect(tally.contains { $0.value == 9 && $0.measure == "votes against" })
        let compared = observations("Date: 2024-05-02\n\nThe vote for Chile was up from 110 last year and 98 in 2021.\n")
        #expect(compared.contains { $0.value == 110 && $0.measure == "votes" && $0.period == "2023" })
        #expect(compared.contains { $0.value == 98 && $0.measure == "votes" && $0.period == "2021" })
        // A bare number with no measure near it, and a year, stay no figure.
        #expect(observations("Note\n\nChile said 40 of them came from Peru in 2021.\n").isEmpty)
    }

    @Test func anAmountOfMoneyIsOfTheNounItIsTheWorthOf() {
        let o = observations("Note\n\nChile gave Peru a grant of about $50 million and trucks worth $3 million.\n")
        #expect(o.contains { $0.value == 50_000_000 && $0.measure == "grant" && $0.bound == "about" })
        #expect(o.contains { $0.value == 3_000_000 && $0.measure == "trucks" })
        // A noun that says only that it is an amount, or a verb, names no measure.
        #expect(!observations("Note\n\nChile set a target of $9 million for Peru.\n").contains { $0.measure == "target" })
        #expect(!observations("Note\n\nThe port of Chile was worth $9 million to Peru.\n").contains { $0.measure == "was" })
    }

    @Test func bilnIsABillion() {
        let o = observations("Note\n\nChile lends Peru $5 bln in loans.\n")
        #expect(o.contains { $0.value == 5_000_000_000 && $0.unit == "USD" })
    }
}

extension EventCoverageTests {
    @Test func supportForASigningIsNoSigning() {
        #expect(!events("Date: 2018-12-01\n\nNote\n\nThe Chilean Mining Association expressed its support of the signing of the deal.\n").contains { $0.cls == "AgreementSigning" })
        #expect(events("Date: 2023-01-24\n\nNote\n\nChile on Monday adopted a package of sanctions against Peru.\n").contains { $0.cls == "Sanction" && $0.agents.contains { $0.name == "Chile" } })
    }

    @Test func aHeadlineVerbBeforeToIsNoPlan() {
        let e = events("Title: Chile, Peru agree to ceasefire\nDate: 2023-06-10\n\nThe talks went on.\n")
        #expect(!e.contains { $0.planned })
    }
}
