import Foundation
import Facts
import Language
import RDFModel

extension Extractor {
    /// A figure being read: its value, the tokens it spans, and what has been read of it so far.
    private struct Figure {
        var value: Double
        var valueMax: Double?
        /// A scale was written onto the number ("1.4bn").
        let scaleWritten: Bool
        var unit: String?
        var measure: String?
        var start: Int
        var end: Int
        /// Counted by a verb ("killed", "displaced"): its date is only one written right beside it.
        var counted = false
    }

    /// The currencies of the lexicon, by where they stand: before the number, and after it (longest first).
    private struct Currencies {
        let prefix: [String: String]
        let suffix: [Lexicon.Currency]

        init(_ p: Lexicon.Patterns) {
            prefix = Dictionary(p.currencies.filter(\.prefix).map { ($0.cue, $0.code) }, uniquingKeysWith: { a, _ in a })
            suffix = p.currencies.filter { !$0.prefix }.sorted { $0.cue.count > $1.cue.count }
        }
    }

    func numbers(_ s: Sentence, _ f: inout DocumentFacts) {
        let t = s.tokens
        let dateTokens = Set(s.dates.flatMap { Array($0.range) })
        let currencies = Currencies(lexicon.patterns)
        var lastEnd = -1
        var last: Figure?
        for i in t.indices where !dateTokens.contains(i) {
            guard var n = writtenFigure(t, at: i, currencies) else { continue }
            readCurrencyAndScale(&n, t, currencies)
            // "5 billion euros in loans, 1.8 billion in investments": an amount with a scale and no currency
            // of its own, in or of a measure of money after one that has a currency, is in that currency.
            if n.unit == nil, n.end - n.start >= 2 || n.scaleWritten, let unit = last?.unit, unit != "count", unit != "percent",
               n.end + 1 < t.count, ["in", "of", "for"].contains(t[n.end].lower),
               lexicon.patterns.measures.contains(where: { $0.cue == t[n.end + 1].lower && (lexicon.patterns.moneyMeasures ?? []).contains($0.measure) }) { n.unit = unit }
            guard readCount(&n, t, at: i) || readRelated(&n, s, after: last, dateTokens, f) else { continue }
            defer { lastEnd = n.end; last = n }
            let (bound, boundLength) = bound(t, before: n.start) ?? (nil, 0)
            // "1.4bn Australian dollars (around $878.3m)": a figure in parentheses right after another restates it.
            let opening = n.start - 1 - boundLength
            if opening >= 0, opening == lastEnd, t[opening].text == "(" { continue }
            // "supported by 143": a count its verb says is a level, not a change by that much.
            let change = !n.counted && isChange(t, n.start, n.end)
            if n.measure == nil { n.measure = clauseMeasure(s, n, f) }
            guard let measureName = n.measure, let unitName = n.unit else { continue }
            let about = about(s, unit: unitName, counted: n.counted, figure: n.start..<n.end)
            guard !about.isEmpty else { continue }
            f.observations.append(ObservationFact(measure: measureName, value: n.value, valueMax: n.valueMax, bound: bound, unit: unitName,
                                                  change: change, period: period(s, n), about: about, aboutEvent: nil, evidence: s.evidence))
        }
    }

    /// The number written at token `i`, with a currency and scale written onto it ("R167", "1.4bn",
    /// "Rs500m"); nil for no number, a span of years ("a 1991-94 war") or a footnote ("[3]").
    private func writtenFigure(_ t: [Token], at i: Int, _ currencies: Currencies) -> Figure? {
        guard let written = WrittenNumber.read(t[i].text, currencies: currencies.prefix, scales: lexicon.patterns.scales) else { return nil }
        // "a 1991-94 war": a span of years is a date, not a number.
        if let max = written.value.1, DateParser.isYear(Int(written.value.0)), max < 100 || DateParser.isYear(Int(max)) { return nil }
        let (raw, rawMax) = written.value
        if i > 0, t[i - 1].text == "[" { return nil }  // a footnote
        return Figure(value: raw * (written.scale ?? 1), valueMax: rawMax.map { $0 * (written.scale ?? 1) }, scaleWritten: written.scale != nil,
                      unit: written.currency, start: i, end: i + 1)
    }

    /// The words around the number that give its unit and scale: a currency before ("$5.08", "US$ 3"),
    /// a scale word ("billion"), a currency after ("3.5 billion dollars"), a percent ("5 per cent").
    private func readCurrencyAndScale(_ n: inout Figure, _ t: [Token], _ currencies: Currencies) {
        let p = lexicon.patterns
        let i = n.start
        // Currency before: "$5.08", "US$ 3", "RMB 10", "A$ 46".
        if n.unit == nil, i > 0, let code = currencies.prefix[t[i - 1].lower] {
            n.unit = code; n.start = i - 1
        }
        // Scale: "billion".
        if !n.scaleWritten, n.end < t.count, let scale = p.scales[t[n.end].lower], t[n.end].lower.count > 1 || n.unit != nil {
            n.value *= scale; n.valueMax = n.valueMax.map { $0 * scale }; n.end += 1
        }
        // Currency after: "3.5 billion dollars".
        if n.unit == nil {
            for c in currencies.suffix {
                let words = Cue.cueWords(c.cue)
                if Cue.matches(words, at: n.end, in: t) { n.unit = c.code; n.end += words.count; break }
            }
        }
        let end = n.end
        if n.unit == nil, end < t.count, p.percentCues.contains(t[end].lower) || (end + 1 < t.count && p.percentCues.contains(t[end].lower + " " + t[end + 1].lower)) {
            n.unit = "percent"; n.end += t[end].lower == "per" ? 2 : 1
        }
    }

    /// A number with no unit yet is a count, of the measure named before "of", of a counted noun
    /// after it, or of what a verb beside it says. False when it is none of these, or a bare year.
    private func readCount(_ n: inout Figure, _ t: [Token], at i: Int) -> Bool {
        let p = lexicon.patterns
        // "a vote of 185", "a total of 35 projects": the measure named before "of".
        if n.unit == nil, n.start >= 2, t[n.start - 1].lower == "of", let m = p.measures.first(where: { $0.cue == t[n.start - 2].lower }) {
            n.unit = "count"
            n.measure = m.measure
        }
        guard n.unit == nil else { return true }
        // A count: the number is followed (within three words) by a counted noun: "13 senior Ruritanian government officials".
        var k = n.end
        // "143 out of 193 members": the part counts what the whole does.
        if k + 2 < t.count, t[k].lower == "out", t[k + 1].lower == "of", t[k + 2].isNumber { k += 3 }
        let first = k
        var adjectives: [String] = []
        while k < t.count, k < first + 4 {
            if let m = p.measures.first(where: { $0.cue == t[k].lower }),
               t[k].lower.hasSuffix("s") || t[k].lower == "times" || grammar.irregularPlurals.contains(t[k].lower) {
                n.measure = adjectives.filter { $0 == $0.lowercased() }.isEmpty ? m.measure : (adjectives.filter { $0 == $0.lowercased() } + [t[k].lower]).joined(separator: " ")
                n.unit = "count"; n.end = k + 1
                break
            }
            // "1.8 billion in investments": a preposition ends what could modify a counted noun.
            guard t[k].isWord, !t[k].isNumber, !grammar.prepositions.contains(t[k].lower) else { break }
            adjectives.append(t[k].text)
            k += 1
        }
        // "over 270,000 displaced", "35 people were killed": a verb after the count says what it counts.
        if let verb = countVerb(t, after: n.end, limit: 4) {
            n.measure = n.measure.map { $0 + " " + verb.measure } ?? verb.measure
            if n.unit == nil { n.unit = "count"; n.end = verb.end }
            n.counted = true
        } else if n.unit == "count", let verb = countVerb(before: n.start, t) ?? countNominal(before: n.start, t) {
            // "killed more than 6,000 civilians", "the release of 50 hostages and 150 prisoners": the verb or
            // the noun before the count.
            n.measure = n.measure.map { $0 + " " + verb } ?? verb
            n.counted = true
        }
        // "11 votes in favour": the tally after the counted votes.
        if n.unit == "count", n.measure == "votes", let tally = (lexicon.patterns.tallies ?? []).first(where: { Cue.matches(Cue.cueWords($0.cue), at: n.end, in: t) }) {
            n.measure = tally.measure
            n.end += Cue.cueWords(tally.cue).count
        }
        if n.unit == nil { return false }
        if Int(t[i].text) != nil, DateParser.year(t[i]) != nil { return false }
        return true
    }

    /// A bare number that another figure or the clause gives its measure: "187 in favour", "up from
    /// 185" (the measure the clause names), "… 185 last year and 184 in 2021" (the figure before it, with
    /// nothing but dates and a conjunction between). False when it is none of these or a year.
    private func readRelated(_ n: inout Figure, _ s: Sentence, after last: Figure?, _ dateTokens: Set<Int>, _ f: DocumentFacts) -> Bool {
        let t = s.tokens, p = lexicon.patterns
        guard n.unit == nil, Int(t[n.start].text) == nil || DateParser.year(t[n.start]) == nil else { return false }
        if let tally = (p.tallies ?? []).first(where: { Cue.matches(Cue.cueWords($0.cue), at: n.end, in: t) }) {
            n.unit = "count"; n.measure = tally.measure; n.end += Cue.cueWords(tally.cue).count
            return true
        }
        if (p.comparisonCues ?? []).contains(where: { c in let w = Cue.cueWords(c); return Cue.matches(w, at: n.start - w.count, in: t) }),
           let measure = clauseMeasure(s, n, f) {
            n.unit = "count"; n.measure = measure
            return true
        }
        if let last, let unit = last.unit, let measure = last.measure, last.end < n.start,
           (last.end..<n.start).allSatisfy({ dateTokens.contains($0) || ["and", "or", ",", "to"].contains(t[$0].lower) }),
           (last.end..<n.start).contains(where: { ["and", "or", "to"].contains(t[$0].lower) }) {
            n.unit = unit; n.measure = measure; n.counted = last.counted
            return true
        }
        return false
    }

    /// A bound right before the figure: "at least", "over", "surpassing", "about".
    private func bound(_ t: [Token], before start: Int) -> (meaning: String, length: Int)? {
        for (words, meaning) in boundCues where Cue.matches(words, at: start - words.count, in: t) { return (meaning, words.count) }
        return nil
    }

    /// A change, not a level: "by 77 percent", "a 33 percent increase", "growth of 5%".
    private func isChange(_ t: [Token], _ start: Int, _ end: Int) -> Bool {
        let beforeWord = start > 0 ? t[start - 1].lower : ""
        let beforeTwo = start > 1 ? t[start - 2].lower : ""
        let afterWords = t[end..<min(t.count, end + 3)].map(\.lower)
        let changeNouns = grammar.changeNouns
        return beforeWord == "by" || afterWords.contains { changeNouns.contains($0) } || (beforeWord == "of" && changeNouns.contains(beforeTwo))
    }

    /// What is measured when nothing beside the number says: the nearest measure word in the
    /// clause, before the number first, else the measure of the sentence's last figure when "it" refers to it.
    private func clauseMeasure(_ s: Sentence, _ n: Figure, _ f: DocumentFacts) -> String? {
        let t = s.tokens, p = lexicon.patterns
        var clauseStart = 0
        for k in stride(from: n.start - 1, through: 0, by: -1) where boundary(t, k, k + 1) { clauseStart = k + 1; break }
        let before = (clauseStart..<n.start).reversed().compactMap { k in p.measures.first { $0.cue == t[k].lower }?.measure }
        let after = (n.end..<min(t.count, n.end + 8)).compactMap { k in p.measures.first { $0.cue == t[k].lower }?.measure }
        // "5 billion euros in loans", "$300 million of aid": the measure the amount is in or of comes first.
        if n.end + 1 < t.count, ["in", "of", "for"].contains(t[n.end].lower),
           let m = p.measures.first(where: { $0.cue == t[n.end + 1].lower }) { return m.measure }
        // "a grant of approximately R500 million", "equipment worth R167 million": the noun an amount of
        // money is of, or is the worth of; a measure word's measure, else the noun itself.
        let of = n.start - 1 - (bound(t, before: n.start)?.length ?? 0)
        if n.unit != "count", n.unit != "percent", of >= 1, ["of", "worth"].contains(t[of].lower) {
            let noun = t[of - 1]
            if let m = p.measures.first(where: { $0.cue == noun.lower }) { return m.measure }
            if noun.isWord, !noun.isCapitalized, noun.text.allSatisfy(\.isLetter), !(grammar.amountNouns ?? []).contains(noun.lower),
               !grammar.determiners.contains(noun.lower), !grammar.prepositions.contains(noun.lower), !noun.lower.hasSuffix("ed"),
               !grammar.auxiliaries.contains(noun.lower), !grammar.copulas.contains(noun.lower) {
                return noun.lower
            }
        }
        // "… $5.08 billion, while it topped $5.83 billion": the same measure as the sentence's last figure.
        if let found = before.first ?? after.first { return found }
        if t[clauseStart..<n.start].contains(where: { $0.lower == "it" }), let last = f.observations.last, last.evidence == s.evidence { return last.measure }
        return nil
    }

    /// The period: the nearest date expression in the clause (for a figure counted by a verb, only
    /// one right beside it); else last year, when the sentence says "last … year".
    private func period(_ s: Sentence, _ n: Figure) -> String? {
        let t = s.tokens, start = n.start, end = n.end
        let clauseDates = s.dates.filter { !boundary(t, min($0.range.upperBound, start), max($0.range.lowerBound, end)) }
        // "5 billion in loans, including one billion paid before the end of 2024": a date nearer to
        // another figure of the sentence is that figure's.
        let dateTokens = Set(s.dates.flatMap { Array($0.range) })
        let others = t.indices.filter { k in
            !(start..<end).contains(k) && !dateTokens.contains(k) && (t[k].isNumber || lexicon.patterns.numberWords[t[k].lower] != nil)
        }
        // At equal distance the date after the figure is its own: "$1.2 billion in 2021 and $900 million in 2020".
        let nearness = { (d: DateMention) in (distance(d.range, start..<end), d.range.lowerBound >= end ? 0 : 1) }
        // A figure counted by a verb takes a date right beside it, or the "since" after it that it counts from.
        // So does a span of years in its clause ("a 1991-94 war which killed 30,000").
        let nearest = clauseDates.filter {
            !n.counted || distance($0.range, start..<end) <= 3 || ($0.since && $0.range.lowerBound >= end) || ($0.end != nil && $0.date.month == nil && !$0.since)
        }
            .filter { d in !others.contains { distance(d.range, $0..<($0 + 1)) < distance(d.range, start..<end) } }
            .min { nearness($0) < nearness($1) }
        if let nearest { return nearest.period }
        if t.contains(where: { $0.lower == "last" }), t.contains(where: { $0.lower == "year" }), let r = s.reference { return String(format4(r.year - 1)) }
        return nil
    }

    /// Who or what a figure is about: the states and organizations of the sentence (and people, for a
    /// count), not the source that gives the figure ("according to Ruritania's statistics office", up
    /// to the end of that phrase); else the pair in focus.
    /// Who or what a figure is about: not the source that gives it ("according to Ruritania's statistics
    /// office", "the UN reported that …"), and no person for a count said by a verb ("35 people were killed"
    /// is not about the leaders named in the sentence).
    private func about(_ s: Sentence, unit: String, counted: Bool = false, figure: Range<Int>) -> Set<EntityRef> {
        let t = s.tokens
        var sourced = Set<Int>()
        // "five states (A, B, C) voted against": what a parenthesis lists is about a figure inside it only.
        var aside = Set<Int>()
        for open in t.indices where t[open].text == "(" {
            guard let close = t[open...].firstIndex(where: { $0.text == ")" }), !(open..<close).contains(figure.lowerBound) else { continue }
            aside.formUnion(open..<close)
        }
        for k in t.indices.dropLast() where t[k].lower == "according" && t[k + 1].lower == "to" {
            var j = k + 2
            while j < t.count, ![",", ";", ".", ":"].contains(t[j].text) { sourced.insert(j); j += 1 }
        }
        let reporting = Set(lexicon.patterns.reporting + ["reported", "reports"])
        for k in t.indices where reporting.contains(t[k].lower) {
            for m in s.mentions where m.range.upperBound <= k && k - m.range.upperBound <= 1 { sourced.insert(m.range.lowerBound) }
        }
        let people = unit == "count" && !counted
        let actors = s.mentions.filter { ($0.ref.kind == .country || $0.ref.kind == .organization || ($0.ref.kind == .person && people)) && $0.role != .title }
            .filter { m in !sourced.contains(m.range.lowerBound) }
        let outside = actors.filter { !aside.contains($0.range.lowerBound) }
        var about = Set((outside.isEmpty ? actors : outside).map(\.ref))
        // "X won 52 percent": a person right before the verb of the figure is what it is about.
        let v = figure.lowerBound - 1 - (bound(t, before: figure.lowerBound)?.length ?? 0)
        if !counted, v > 0, t[v].isWord, !t[v].isCapitalized, !reporting.contains(t[v].lower), !grammar.prepositions.contains(t[v].lower),
           !grammar.determiners.contains(t[v].lower), !grammar.auxiliaries.contains(t[v].lower), !grammar.copulas.contains(t[v].lower),
           let person = s.mentions.first(where: { $0.range.upperBound == v && $0.ref.kind == .person && $0.role == .entity }) {
            about.insert(person.ref)
        }
        return about.isEmpty ? Set(s.pair) : about
    }

    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        if a.upperBound <= b.lowerBound { return b.lowerBound - a.upperBound }
        if b.upperBound <= a.lowerBound { return a.lowerBound - b.upperBound }
        return 0
    }

    /// A count verb ("killed", "voted against") starting within `limit` tokens after `after`,
    /// with only auxiliaries, adverbs and "people"-like nouns between.
    func countVerb(_ t: [Token], after: Int, limit: Int) -> (measure: String, end: Int)? {
        let verbs = countVerbWords
        var k = after
        while k < t.count, k <= after + limit {
            for (words, measure) in verbs where Cue.matches(words, at: k, in: t) {
                return (measure, k + words.count)
            }
            // "35 people have been killed", "35 nations who abstained".
            guard grammar.auxiliaries.contains(t[k].lower) || grammar.irregularPlurals.contains(t[k].lower)
                    || (k == after && (grammar.relativePronouns ?? []).contains(t[k].lower)) else { return nil }
            k += 1
        }
        return nil
    }

    /// A count noun with its preposition before a count ("the release of", "sanctions against"), with
    /// only lower-case words, or another count it coordinates ("of 50 hostages and 150 prisoners"), between.
    func countNominal(before start: Int, _ t: [Token]) -> String? {
        let nominals = lexicon.patterns.countNominals ?? []
        guard !nominals.isEmpty else { return nil }
        var b = start - 1
        while b >= 1, b >= start - 8 {
            for m in nominals {
                let words = Cue.cueWords(m.cue)
                if Cue.matches(words, at: b - words.count + 1, in: t) { return m.measure }
            }
            guard t[b].isWord || t[b].text == ",", !finiteVerbs.contains(t[b].lower), !t[b].lower.hasSuffix("ed") else { return nil }
            b -= 1
        }
        return nil
    }

    /// A one-word count verb right before a count, with only lower-case words (bounds) between:
    /// "killed more than 6,000", "displaced an estimated 1,000".
    func countVerb(before start: Int, _ t: [Token]) -> String? {
        let verbs = oneWordCountVerbs
        var b = start - 1
        while b >= 0, b >= start - 4 {
            if let m = verbs[t[b].lower] { return m }
            guard t[b].isWord, !t[b].isCapitalized, !t[b].isNumber else { return nil }
            b -= 1
        }
        return nil
    }
}
