import Foundation
import Language
import RDFModel

/// The clause around a cue: boundaries, subjects, objects, negation, modality and hedges.
extension Extractor {
    /// The closed-class words of the lexicon's patterns.
    var grammar: Lexicon.Grammar { lexicon.patterns.grammar }

    /// Whether the words between `a` and `b` hold a clause boundary.
    func boundary(_ t: [Token], _ a: Int, _ b: Int) -> Bool {
        guard a < b else { return false }
        for k in a..<min(b, t.count) {
            if [";", ":", "–", "—"].contains(t[k].text) { return true }
            // A parenthesis is a boundary, unless it holds a short form: "The European Union (EU) signed".
            if t[k].text == "(", shortParenthesisClose(t, opening: k) == nil { return true }
            if t[k].text == ")", !(max(0, k - 4)..<k).contains(where: { t[$0].text == "(" }) { return true }
            if t[k].text == ",", k + 1 < t.count, grammar.clauseConnectives.contains(t[k + 1].lower) { return true }
            if ["while", "whereas", "but", "although", "because"].contains(t[k].lower) { return true }
            if t[k].text == ",", coordinatesClauses(t, comma: k) { return true }
        }
        return false
    }

    /// ", and" between two clauses, each with a verb of its own: "A signed an accord with B on Monday,
    /// and C met D". A list with a serial comma ("A, B, and C signed") has no verb before the comma.
    func coordinatesClauses(_ t: [Token], comma k: Int) -> Bool {
        guard k + 2 < t.count, t[k + 1].lower == "and" else { return false }
        func isVerb(_ x: Token) -> Bool {
            x.isWord && !x.isCapitalized && (x.lower.count > 3 && x.lower.hasSuffix("ed") || finiteVerbs.contains(x.lower))
        }
        // After "and": a name (with "the" and titles, all in capitals), up to two auxiliaries, a verb.
        var j = k + 2
        if t[j].lower == "the" { j += 1 }
        let nameStart = j
        while j < t.count, t[j].isCapitalized, t[j].isWord || t[j].text == "'s" { j += 1 }
        guard j > nameStart else { return false }
        var aux = 0
        while j < t.count, aux < 2, grammar.auxiliaries.contains(t[j].lower) { j += 1; aux += 1 }
        guard j < t.count, isVerb(t[j]) else { return false }
        // Before the comma, back to the last boundary mark: a verb of the first clause.
        var b = k - 1
        while b >= max(0, k - 40), ![";", ":", "–", "—", "."].contains(t[b].text) {
            if isVerb(t[b]) { return true }
            b -= 1
        }
        return false
    }

    /// The closing parenthesis of a short parenthetical opened at `k`, at most three tokens inside:
    /// "(EU)", "(JICA)".
    func shortParenthesisClose(_ t: [Token], opening k: Int) -> Int? {
        guard k < t.count, t[k].text == "(" else { return nil }
        return (k + 1..<min(t.count, k + 5)).first { t[$0].text == ")" }
    }

    /// Where the clause of the token at `i` starts: after the nearest comma or clause boundary before
    /// it, at most 40 tokens back, so that the work stays linear.
    func clauseStart(_ t: [Token], before i: Int) -> Int {
        let floor = max(0, i - 40)
        for k in stride(from: i - 1, through: floor, by: -1) where t[k].text == "," || boundary(t, k, k + 1) { return k + 1 }
        return floor
    }

    /// Where the clause that holds a cue's subject starts; nil when that clause's subject is no actor.
    /// - Parameter hasActors: whether actors stand between a token and the cue.
    func subjectClauseStart(_ s: Sentence, before cue: Int, hasActors: (Int) -> Bool) -> Int? {
        // A clause is looked at no further back than a bounded window, so that the work stays linear.
        var start = max(0, cue - 40)
        for k in stride(from: cue - 1, through: start, by: -1) where boundary(s.tokens, k, k + 1) { start = k + 1; break }
        // "… witnessing a ceremony where agreements are to be signed": a clause that "where" opens has its subject after it.
        if let w = (start..<cue).last(where: { ["where", "wherein"].contains(s.tokens[$0].lower) }) { start = w + 1 }
        // "X said Y had imposed …": the reported clause has a subject of its own, which acts.
        guard let r = (start..<cue).last(where: { !s.tokens[$0].isCapitalized && reportingWords.contains(s.tokens[$0].lower) }) else { return start }
        if hasActors(r + 1) { return r + 1 }
        // "X said the deal calls for a truce": a reported clause whose subject is a noun phrase of its
        // own is not the reporter's doing ("X urged the assembly to support Y" is X's, through "to").
        var k = r + 1
        if k < cue, s.tokens[k].lower == "that" { k += 1 }
        if k < cue, ["the", "a", "an", "this"].contains(s.tokens[k].lower), !s.tokens[k..<cue].contains(where: { $0.lower == "to" }) { return nil }
        return start
    }

    /// The subject of a cue: the first actor of its clause that is not inside a
    /// prepositional phrase or an appositive; a pronoun resolves to the last person.
    func subject(_ s: Sentence, before cue: Int) -> [EntityRef] {
        // Names inside quoted words are the speaker's, not the subject of the article's own clause.
        let cueQuoted = cue < s.tokens.count && s.tokens[cue].quoted
        let before = { (from: Int) in s.actors.filter { $0.range.lowerBound >= from && $0.range.upperBound <= cue && (cueQuoted || !s.tokens[$0.range.lowerBound].quoted) } }
        guard let start = subjectClauseStart(s, before: cue, hasActors: { !before($0).isEmpty }) else { return [] }
        let inClause = before(start)
        // "of His Excellency President X": titles, honorifics and demonyms stand between a preposition and its name.
        let qualifiers = qualifyingTokens(s)
        var candidates = inClause.filter { m in
            var b = m.range.lowerBound - 1
            while b >= 0, qualifiers.contains(b) || honorificWords.contains(s.tokens[b].lower) { b -= 1 }
            if b >= 0, grammar.prepositions.contains(s.tokens[b].lower) { return false }
            if b >= 1, s.tokens[b].lower == "the", grammar.prepositions.contains(s.tokens[b - 1].lower) { return false }
            if m.role == .demonym, m.note != "compound" { return false }
            var a = m.range.upperBound
            if a < s.tokens.count, s.tokens[a].text == "'s" || s.tokens[a].text == "'" { a += 1 }
            if s.mentions.contains(where: { $0.role == .title && $0.range.lowerBound == a }) { return false }
            // "Ruritania's statistics office reported": the possessor qualifies the actor after it.
            if a > m.range.upperBound, s.actors.contains(where: { $0.range.lowerBound == a }) { return false }
            return true
        }
        // "The foreign ministers of Chile and Peru met", "officials from A and B met": with no bare
        // subject, the countries whose people act.
        let ofPhrase = inClause.first(where: { m in
            let b = m.range.lowerBound - 1
            return b >= 0 && ["of", "from"].contains(s.tokens[b].lower) && m.ref.kind != .person
        })
        if let first = ofPhrase, candidates.isEmpty || candidates.first.map({ c in
            // "… of Chile and Peru met": Peru is coordinated with Chile, not a subject of its own.
            c.range.lowerBound > first.range.upperBound && s.tokens[first.range.upperBound..<c.range.lowerBound].map(\.lower) == ["and"]
        }) == true {
            candidates = inClause.filter { $0.range.lowerBound >= first.range.lowerBound && $0.ref.kind != .person }
        }
        if let first = candidates.first {
            // "X and Y signed": a coordinated subject.
            var out = [first.ref]
            var end = first.range.upperBound
            // What introduces a coordinated person is no break: "X and Ruritania's acting President Y".
            for next in candidates.dropFirst() where next.range.lowerBound >= end {
                // A short form in parentheses ("the Agency (JICA) and B") stands for the name before it.
                var from = end
                if from < next.range.lowerBound, let shut = shortParenthesisClose(s.tokens, opening: from) { from = shut + 1 }
                if next.range.lowerBound < from { continue }
                // "A and India's Ministry of Finance": the possessor qualifies the conjunct.
                var to = next.range.lowerBound
                if to - 1 > from, ["'s", "'"].contains(s.tokens[to - 1].text),
                   let owner = s.actors.first(where: { $0.range.upperBound == to - 1 && $0.range.lowerBound > from }) { to = owner.range.lowerBound }
                // "A and the B signed": the article is the conjunct's own.
                if to - 1 > from, s.tokens[to - 1].lower == "the" { to -= 1 }
                let between = (from..<to).filter { !qualifiers.contains($0) }.map { s.tokens[$0].lower }
                // "X, Ruritanian President Y's close ally, met": Y owns the apposition and is no second subject.
                let a = next.range.upperBound
                if a < s.tokens.count, s.tokens[a].text == "'s" || s.tokens[a].text == "'" { break }
                if between == ["and"] || between == [","] || between == [",", "and"] { out.append(next.ref); end = next.range.upperBound } else { break }
            }
            // An appositive right after the subject ("X, Y's close ally, met") is skipped by taking the first.
            return out
        }
        let words = s.tokens[start..<cue].map(\.lower)
        if let pronoun = words.first(where: { grammar.pronouns.contains($0) }) {
            if ["he", "she", "his", "her"].contains(pronoun), let p = s.lastPerson { return [p] }
            if ["it", "its"].contains(pronoun), let c = s.actors.last(where: { $0.range.upperBound <= cue && $0.ref.kind != .person }) { return [c.ref] }
        }
        if let phrase = (lexicon.patterns.leaderPhrases ?? []).first(where: { s.has($0, from: start) != nil && s.has($0, from: start)! < cue }),
           !phrase.isEmpty, s.pairLeaders.count == 2 {
            return s.pairLeaders
        }
        if let phrase = lexicon.patterns.pairPhrases.first(where: { s.has($0) != nil && s.has($0)! < cue }), !phrase.isEmpty, s.pair.count == 2 {
            return s.pair
        }
        return []
    }

    /// Tokens that only qualify the person after them: titles, demonyms, modifiers ("acting"), and a
    /// state or organization in the possessive before a title ("Ruritania's").
    func qualifyingTokens(_ s: Sentence) -> Set<Int> {
        let t = s.tokens
        var out = Set<Int>()
        for m in s.mentions where m.role == .title || m.role == .demonym {
            out.formUnion(m.range)
            // "Chairman of the National Assembly X": the title's institution qualifies X too.
            var k = m.range.upperBound
            guard m.role == .title, k + 1 < t.count, t[k].lower == "of" else { continue }
            k += t[k + 1].lower == "the" ? 2 : 1
            if let owner = s.mentions.first(where: { $0.range.lowerBound == k && $0.role == .entity && $0.ref.kind != .person }),
               owner.range.upperBound < t.count, s.mentions.contains(where: { $0.range.lowerBound == owner.range.upperBound && $0.ref.kind == .person }) {
                out.formUnion(m.range.upperBound..<owner.range.upperBound)
            }
        }
        for k in t.indices where lexicon.patterns.titleModifiers.contains(t[k].lower) || grammar.titleFillers.contains(t[k].lower) { out.insert(k) }
        for m in s.mentions where m.role == .entity && m.ref.kind != .person {
            let a = m.range.upperBound
            if a + 1 < t.count, t[a].text == "'s" || t[a].text == "'", out.contains(a + 1) { out.formUnion(m.range); out.insert(a) }
        }
        return out
    }

    /// "both countries", "the two allies" (or "both" alone) right before `i`: the pair in focus.
    func pairBefore(_ s: Sentence, _ i: Int) -> [EntityRef]? {
        guard s.pair.count == 2 else { return nil }
        let window = s.tokens[max(0, i - 5)..<min(s.tokens.count, i + 1)].map(\.lower).joined(separator: " ")
        if lexicon.patterns.pairPhrases.contains(where: { window.contains($0) }) { return s.pair }
        if i > 0, s.tokens[i - 1].lower == "both" || (i > 1 && s.tokens[i - 2].lower == "both" && s.tokens[i - 1].lower == "now") { return s.pair }
        return nil
    }

    /// The pair in focus when the cue's subject is "both countries"; else the clause's subject.
    func pairOrSubject(_ s: Sentence, before i: Int) -> [EntityRef] {
        let subjects = subject(s, before: i)
        if subjects.isEmpty || (i > 0 && s.tokens[i - 1].lower == "both"), let pair = pairBefore(s, i) { return pair }
        return subjects
    }

    /// The actors (or, with `anyKind`, initiatives too) named right after `i`,
    /// coordinated by "and" or commas, up to a clause boundary.
    func objects(_ s: Sentence, after i: Int, kinds: Set<EntityKind>, window: Int = 6) -> [Mention] {
        var out: [Mention] = []
        var pos = i
        for m in s.mentions where m.range.lowerBound >= i && m.role != .title && kinds.contains(m.ref.kind) {
            guard m.range.lowerBound >= pos else { continue }
            if boundary(s.tokens, pos, m.range.lowerBound) { break }
            let gap = m.range.lowerBound - pos
            let fillers = grammar.objectFillers
            let onlyFillers = !out.isEmpty && s.tokens[pos..<m.range.lowerBound].allSatisfy { fillers.contains($0.lower) || $0.lower.hasPrefix("post-") }
            if out.isEmpty ? gap > window : (gap > 3 && !(onlyFillers && gap <= 10)) { break }
            if !out.isEmpty {
                let between = s.tokens[pos..<m.range.lowerBound].map(\.lower).filter { $0 != "the" }
                let joined = between.isEmpty || between.allSatisfy { fillers.contains($0) || $0.hasPrefix("post-") }
                if !joined { break }
            }
            out.append(m)
            pos = m.range.upperBound
            // Skip a parenthesised acronym: "(EAEU)".
            if pos + 2 < s.tokens.count, s.tokens[pos].text == "(", s.tokens[pos + 2].text == ")" { pos += 3 }
        }
        return out
    }

    /// Whether tokens `from..<to` of the sentence hold one of `cues` as whole words.
    func hasCue(_ cues: [String], _ tokens: ArraySlice<Token>) -> Bool {
        let t = Array(tokens)
        return cues.contains { Cue.find($0, in: t) != nil }
    }

    func negated(_ s: Sentence, _ from: Int, _ to: Int) -> Bool {
        hasCue(lexicon.patterns.negation, s.tokens[max(0, from)..<min(to, s.tokens.count)])
    }

    func planned(_ s: Sentence, _ from: Int, _ to: Int) -> Bool {
        planned(s.tokens, in: max(0, from)..<min(to, s.tokens.count))
    }

    /// Whether the event at cue `i` is told in the present or the present perfect, the tenses of the
    /// article's own news: "the Council imposes sanctions", "the EU is imposing", "the two sides have
    /// agreed". A headline's present tells of the past ("X Signs Deal", written the day after), and a
    /// clause of what recurs or lasts ("meets every year", "has met three times") has no one day.
    func toldAsNews(_ s: Sentence, at i: Int) -> Bool {
        let t = s.tokens
        guard Cue.endsAsSentence(t), !Cue.isHeadline(t) else { return false }
        let start = clauseStart(t, before: i)
        var end = i + 1
        while end < t.count, t[end].text != ",", !boundary(t, end, end + 1) { end += 1 }
        if hasCue(grammar.habitualCues ?? [], t[start..<end]) { return false }
        // The verb group: the lower-case words before the cue, back to its subject.
        var k = i
        while k > start, k > i - 4, t[k - 1].isWord, !t[k - 1].isCapitalized, !grammar.pronouns.contains(t[k - 1].lower) { k -= 1 }
        let group = t[k...i].map(\.lower)
        if let a = group.firstIndex(where: { (grammar.perfectAuxiliaries ?? []).contains($0) }), a + 1 < group.count, group[a + 1] != "to" { return true }
        if let a = group.firstIndex(where: { (grammar.progressiveAuxiliaries ?? []).contains($0) }),
           group[(a + 1)...].contains(where: { $0.hasSuffix("ing") }) { return true }
        // "The Council imposes": a light verb in the present, right after its subject.
        return k > 0 && (t[k - 1].isCapitalized || grammar.pronouns.contains(t[k - 1].lower)) && presentLightVerbs.contains(group[0])
    }

    /// "X was in A on 30 July to attend a meeting", "X is in A for talks": the place where the subject
    /// is, stated by a copula, is where the event of the purpose clause at `verb` takes place.
    func purposePlace(_ s: Sentence, before verb: Int) -> EntityRef? {
        let t = s.tokens
        guard verb >= 4 else { return nil }
        // The purpose's "to" or "for": right before the verb, or the word the event noun follows ("for talks").
        guard let mark = [verb, verb - 1].first(where: { ["to", "for"].contains(t[$0].lower) }) else { return nil }
        var k = mark - 1
        while k > mark - 13, k > 0 {
            if t[k].lower == "in", grammar.copulas.contains(t[k - 1].lower) || (grammar.auxiliaries.contains(t[k - 1].lower) && t[k - 1].lower != "also"),
               let place = s.mentions.first(where: { $0.range.lowerBound == k + 1 && [.city, .country, .place].contains($0.ref.kind) }) {
                return place.ref
            }
            // "in A, B on 30 July": only a date and the place's own country may stand between.
            if boundary(t, k, k + 1) || t[k].lower == "and" || reportingWords.contains(t[k].lower) { return nil }
            k -= 1
        }
        return nil
    }

    /// A reported claim: "X said that …" makes what follows the speaker's, not the article's.
    func reported(_ s: Sentence, before cue: Int) -> Bool {
        let words = s.tokens[0..<cue].map(\.lower)
        return words.contains { grammar.hedges.contains($0) }
    }

    /// Whether the "by" at `by` belongs to a participle other than the cue's: the word before it
    /// ("over" skipped) is a verb, and not the event's own verb in the passive with only auxiliaries
    /// and adverbs between ("the embargo was first imposed by X", "the accord, signed by X").
    func byPhraseOfAnotherVerb(_ e: Lexicon.EventPattern, _ t: [Token], after: Int, by: Int) -> Bool {
        var p = by - 1
        if p > after, t[p].lower == "over" { p -= 1 }
        guard p >= after, t[p].isWord, !t[p].isCapitalized else { return false }
        let light = (lexicon.patterns.lightVerbs ?? []).contains(t[p].lower) || e.cues.contains(t[p].lower)
        guard light || t[p].lower.hasSuffix("ed") else { return false }
        guard light else { return true }
        let auxiliaryOrAdverb = { (j: Int) in
            self.grammar.auxiliaries.contains(t[j].lower) || t[j].lower.hasSuffix("ly") || t[j].lower == "first" || t[j].text == ","
        }
        if (after..<p).allSatisfy(auxiliaryOrAdverb) { return false }
        // "The last visit by A to B was made by C": a passive with its auxiliary has the clause's subject,
        // the event; "the referendums held by X", a participle after a noun, is that noun's.
        var q = p - 1
        while q >= after, t[q].lower.hasSuffix("ly") || t[q].lower == "first" { q -= 1 }
        return !(q >= after && grammar.auxiliaries.contains(t[q].lower))
    }
}
