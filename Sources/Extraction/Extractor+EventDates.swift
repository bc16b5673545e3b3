import Facts
import Language

/// The date of an event: the nearest date its clause writes, never the day of a telling, and for
/// what is planned never a day already over.
extension Extractor {
    /// Where the next cue of the same pattern starts after `after` ("X's visit reciprocates Y's state
    /// visit to Z"): what follows it belongs to that event, not this one.
    /// A cue inside a prepositional phrase ("expected to meet at the informal summit in X") is this
    /// event's own complement and cuts nothing.
    func nextCue(_ e: Lexicon.EventPattern, _ s: Sentence, after: Int) -> Int {
        let t = s.tokens
        let starts = e.cues.compactMap { s.has($0, from: after) }.filter { c in
            var b = c - 1
            while b > after, b > c - 4, t[b].isWord, !t[b].isCapitalized, !grammar.determiners.contains(t[b].lower),
                  !grammar.prepositions.contains(t[b].lower) { b -= 1 }
            if b >= 0, grammar.prepositions.contains(t[b].lower) { return false }
            if b >= 1, grammar.determiners.contains(t[b].lower), grammar.prepositions.contains(t[b - 1].lower) { return false }
            return true
        }
        return starts.min() ?? t.count
    }

    /// The nearest date expression in the cue's clause, after the cue first; none from another clause.
    func date(_ fact: inout EventFact, _ s: Sentence, at i: Int, limit: Int? = nil, earliest: Int = 0) {
        let t = s.tokens
        let planned = fact.planned
        let candidates = s.dates.filter { d in
            !boundary(t, min(d.range.lowerBound, i), max(d.range.lowerBound, i)) && d.range.lowerBound < (limit ?? t.count)
                && d.range.lowerBound >= earliest && !datesReporting(d, t, cue: i)
                // What is planned is not over before the day the text is told: "last month" is another event's.
                && !(planned && s.reference.map { Self.endsBefore(d.end ?? d.date, $0) } == true)
        }
        // The nearest date expression in the clause; after the cue wins a tie.
        let dateMention = candidates.min { a, b in
            let da = a.range.lowerBound >= i ? a.range.lowerBound - i : i - a.range.upperBound
            let db = b.range.lowerBound >= i ? b.range.lowerBound - i : i - b.range.upperBound
            return da != db ? da < db : a.range.lowerBound > b.range.lowerBound
        }
        if let d = dateMention, !d.since {
            fact.date = d.date
            if let end = d.end, end != d.date, d.date < end { fact.endDate = end }
        } else if dateMention == nil, !fact.planned, s.stated, let day = s.reference, toldAsNews(s, at: i) {
            fact.date = day
        }
    }

    /// "officials said Saturday", "X told reporters on Monday": the day of the telling, not of the event,
    /// unless the telling is the event's own cue.
    func datesReporting(_ d: DateMention, _ t: [Token], cue i: Int) -> Bool {
        var r = d.range.lowerBound - 1
        if r >= 0, t[r].lower == "on" { r -= 1 }
        if r >= 1, t[r].lower == "reporters" || t[r].lower == "journalists" { r -= 1 }
        return r >= 0 && r != i && reportingWords.contains(t[r].lower) && !(grammar.performativeVerbs ?? []).contains(t[r].lower)
    }

    /// Whether `date`, at its precision, is over before `day`: 2023-03 is, 2023-04 and 2023 are not, before 2023-04-30.
    static func endsBefore(_ date: TextDate, _ day: TextDate) -> Bool {
        if date.year != day.year { return date.year < day.year }
        guard let m = date.month, let dm = day.month else { return false }
        if m != dm { return m < dm }
        guard let d = date.day, let dd = day.day else { return false }
        return d < dd
    }
}
