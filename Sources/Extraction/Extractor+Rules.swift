import Foundation
import Facts
import Language
import RDFModel

extension Extractor {
    /// The corpus pass: registers the people of every prepared document before any is read for
    /// facts, so that a surname in one article resolves to the full name another gives.
    public mutating func learnPeople(from documents: [Reading]) {
        var counts: [String: Int] = [:]
        for p in documents {
            for (name, rule) in personNames(in: p) {
                registry.add(name, rule: rule)
                counts[name, default: 0] += 1
            }
        }
        registry.finish(counts: counts)
    }

    /// Every sentence's mentions, with short forms defined in the document and surnames resolved,
    /// and the pair in focus: the two countries mentioned most. Records the short forms and the
    /// names found only by their shape.
    func documentMentions(_ d: inout Reading) {
        var countryCounts: [EntityRef: Int] = [:]
        let found = d.tokens.map { mentions($0) }
        let defined = definitions(d.tokens, found)
        let allMentions = Self.resolvingShortenedNames(resolvingSurnames(d.tokens, zip(d.tokens, found).map { applying(defined, to: $0, $1) }))
        for (short, ref) in defined { d.facts.shortForms[ref, default: []].insert(short) }
        for ms in allMentions {
            for m in ms where m.note == "shape" && m.role == .entity && lexicon.index[Lexicon.fold(m.ref.name)] == nil {
                d.facts.entityRules[m.ref, default: []].insert("shape.\(m.ref.kind.rawValue)")
            }
        }
        for ms in allMentions { for m in ms where m.ref.kind == .country { countryCounts[m.ref, default: 0] += 1 } }
        // A country named once (a dateline's "Luxembourg, 14 April 2025") is no country the document is about.
        d.pair = countryCounts.filter { $0.value >= 2 }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(2).map(\.key)
        d.mentions = allMentions
    }

    /// The holders of the offices a sentence names without a name, on the article's day, as mentions
    /// in order, each with its `headOf` relation.
    func addOfficeHolders(_ t: [Token], _ ms: inout [Mention], on day: TextDate, heads: [EntityRef: EntityRef],
                                  _ evidence: Evidence, _ facts: inout DocumentFacts) {
        for m in officeHolders(t, ms, on: day, heads: heads) {
            ms.append(m)
            if let owner = m.owner {
                facts.relations.append(RelationFact(subject: m.ref, property: "headOf", object: owner, objectEvent: nil,
                                                    rule: "office.holder-on-date", confidence: 0.8, evidence: evidence))
            }
        }
        ms.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A sentence's dates: those it writes, resolved against the reference (`stated`: the article gives
    /// its date), and the phrases that name a day only by another one: "the same day", "the next day"
    /// (the last day of the sentence before), "today", "yesterday" (the article's day).
    func sentenceDates(_ t: [Token], reference: TextDate?, lastDay: TextDate?, stated: Bool) -> [DateMention] {
        var found = dates.find(in: t, reference: reference, past: stated && !planned(t), future: planned(t))
        let p = lexicon.patterns
        // "the same day", "hours later", "the next day": a day named in the sentence before.
        if let day = lastDay {
            addDayPhrases([(p.sameDayPhrases ?? [], 0), (p.nextDayPhrases ?? [], 1)], from: day, t, quotedToo: true, &found)
        }
        // "today", "yesterday": the article's day, when it has one.
        if let day = reference, day.day != nil {
            addDayPhrases([(p.todayPhrases ?? [], 0), (p.yesterdayPhrases ?? [], -1)], from: day, t, quotedToo: false, &found)
        }
        return found
    }

    /// Adds each phrase of a sentence that names a day by its offset from `day` ("the next day": 1),
    /// where no date found already covers it, and keeps the dates in sentence order.
    /// - Parameter quotedToo: a phrase inside quotation marks counts as well.
    func addDayPhrases(_ groups: [([String], Int)], from day: TextDate, _ t: [Token], quotedToo: Bool, _ found: inout [DateMention]) {
        for (phrases, offset) in groups {
            for phrase in phrases {
                guard let k = Cue.find(phrase, in: t), quotedToo || !t[k].quoted, let date = day.adding(days: offset),
                      !found.contains(where: { $0.range.contains(k) }) else { continue }
                found.append(DateMention(range: k..<(k + Cue.cueWords(phrase).count), date: date, end: nil, since: false, relative: true))
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The person in subject position: not a possessive, not inside a prepositional phrase.
    func subjectPerson(_ t: [Token], _ ms: [Mention]) -> Mention? {
        ms.first { m in
            guard m.ref.kind == .person, m.role == .entity else { return false }
            let a = m.range.upperBound
            var b = m.range.lowerBound - 1
            if a < t.count, t[a].text == "'s" || t[a].text == "'" { return false }
            // "met with President X": the title and any form of address stand between the preposition and X.
            while b >= 0, honorificWords.contains(t[b].lower) || ms.contains(where: { $0.role != .entity && $0.range.contains(b) }) { b -= 1 }
            if b >= 0, grammar.prepositions.contains(t[b].lower) { return false }
            return true
        }
    }

    /// Whether the sentence's subject is "he" or "she", before any person it names: "He met President X"
    /// is still about the person the pronoun stands for, and X is the object.
    func opensWithPersonalPronoun(_ t: [Token], _ ms: [Mention]) -> Bool {
        let firstPerson = ms.first { $0.ref.kind == .person && $0.role == .entity }?.range.lowerBound ?? t.count
        var k = 0
        // Past an opening adverbial: "On Monday, he met …", "During the trip he met …".
        if let comma = t.prefix(min(firstPerson, 12)).firstIndex(where: { $0.text == "," }) { k = comma + 1 }
        while k < min(firstPerson, t.count), !t[k].isWord || grammar.auxiliaries.contains(t[k].lower) { k += 1 }
        return k < min(firstPerson, t.count) && ["he", "she"].contains(t[k].lower)
    }

    /// A sentence that asks: it ends in "?", or it is a headline that opens with a question word.
    func isQuestion(_ t: [Token]) -> Bool {
        if Cue.closingMark(t) == "?" { return true }
        guard Cue.isHeadline(t), let first = t.first else { return false }
        return grammar.questionWords.contains(first.lower)
    }

    /// Whether a sentence speaks of what is planned or expected.
    func planned(_ t: [Token]) -> Bool { planned(t, in: t.indices) }

    /// Whether the tokens of `window` speak of what is planned: a modality cue ("is expected to"),
    /// or a headline's "X to visit Y", what X will do.
    func planned(_ t: [Token], in window: Range<Int>) -> Bool {
        if hasCue(lexicon.patterns.modality, t[window]) { return true }
        return !Cue.endsAsSentence(t) && window.contains { k in Cue.headlineInfinitive(t, k) && k + 1 < window.upperBound }
    }


    // MARK: Metadata

    func metadata(_ d: inout Reading) {
        var facts = d.facts
        metadata(d, &facts)
        d.facts = facts
        d.reference = d.facts.date ?? inferReference(d)
        if d.facts.date == nil, d.reference != nil { d.facts.dateInferred = true }
    }

    private func metadata(_ p: Reading, _ f: inout DocumentFacts) {
        let lines = p.lines.map(\.text).filter { !$0.isEmpty }
        var counts: [String: Int] = [:]
        for l in lines.prefix(15) { counts[l, default: 0] += 1 }
        for l in lines.prefix(12) {
            let parts = l.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, let key = lexicon.patterns.metadataKeys[parts[0].lowercased()], !parts[1].isEmpty {
                switch key {
                case "title": f.title = f.title ?? parts[1]
                case "date": f.date = f.date ?? dates.find(in: Tokenizer.tokens(parts[1]), reference: nil).first { $0.date.day != nil }?.date
                case "creator": f.creators.append(parts[1])
                case "publisher": f.publisher = EntityRef(kind: .organization, name: parts[1])
                default: break
                }
            }
        }
        if f.title == nil {
            // A title may hold a colon ("Fortifying Ties: …"); a "Key: value" header line is not a title.
            let isHeader = { (l: String) in
                l.split(separator: ":", maxSplits: 1).first.map { self.lexicon.patterns.metadataKeys[$0.lowercased()] != nil } ?? false
            }
            let candidates = lines.prefix(15).filter { $0.split(separator: " ").count >= 3 && !$0.hasSuffix(".") && !isHeader($0) }
            f.title = candidates.first { counts[$0, default: 0] > 1 } ?? candidates.first
        }
        if f.date == nil {
            for l in lines.prefix(8) where l.split(separator: " ").count <= 4 {
                if let d = dates.find(in: Tokenizer.tokens(l), reference: nil).first(where: { $0.date.day != nil }) { f.date = d.date; break }
            }
        }
        for l in p.lines.prefix(10).map(\.text) where l.lowercased().hasPrefix("originally published by") {
            let ms = mentions(Tokenizer.tokens(l)).filter { $0.ref.kind == .organization }
            if let org = ms.first { f.publisher = org.ref }
        }
        for b in byline(p) {
            if !f.creators.contains(b.name) { f.creators.append(b.name) }
            if let title = b.title, let org = b.org {
                let person = EntityRef(kind: .person, name: registry.resolve(b.name)?.name ?? b.name)
                let orgName = org.replacingOccurrences(of: #"\s*\(.*\)$"#, with: "", options: .regularExpression)
                f.positions[person, default: []].insert(title)
                let isHead = lexicon.index[Lexicon.fold(title)]?.contains { $0.kind == .title && $0.extra == "head" } ?? false
                if isHead {
                    let ev = Evidence(document: f.document, sentence: b.name + " / " + title + ", " + org)
                    f.relations.append(RelationFact(subject: person, property: "headOf", object: EntityRef(kind: .organization, name: orgName),
                                                    objectEvent: nil, rule: "byline.title-of-organization", confidence: 0.9, evidence: ev))
                }
            }
        }
    }

    /// The latest date the article states outside planned or future statements.
    func inferReference(_ p: Reading) -> TextDate? {
        var best: TextDate?
        for t in p.tokens {
            if planned(t) { continue }
            for d in dates.find(in: t, reference: nil) where !d.relative && d.date.year >= 1990 {
                let candidate = d.end ?? d.date
                if best == nil || best! < candidate { best = candidate }
            }
        }
        // A day or month the article names without a year ("met on December 4") that falls later in
        // that year happened before the article was written: the reference moves up to it.
        if let year = best?.year {
            for t in p.tokens where !planned(t) {
                for d in dates.find(in: t, reference: TextDate(year: year)) where d.relative && d.date.year == year && d.date.month != nil {
                    if best! < d.date { best = d.date }
                }
            }
        }
        return best
    }

    // MARK: Titles → headOf, position

    func headOf(_ t: [Token], _ ms: [Mention], _ ev: Evidence, _ f: inout DocumentFacts, _ heads: inout [EntityRef: EntityRef],
                reference: TextDate? = nil) {
        for m in ms where m.role == .title {
            // The person named right after the title (or after a comma: "the acting prime minister, X Y"),
            // or after "of COUNTRY,".
            // "Foreign Minister Sheikh X": a form of address stands between the title and the name.
            let after = pastHonorifics(t, m.range.upperBound < t.count && t[m.range.upperBound].text == "," ? m.range.upperBound + 1 : m.range.upperBound)
            var personMention = ms.first { $0.range.lowerBound == after && $0.ref.kind == .person && $0.role == .entity }
            var scope: EntityRef?
            var k = m.range.upperBound
            let ownerStart = k + 1 < t.count && t[k + 1].lower == "the" ? k + 2 : k + 1
            if personMention == nil, k < t.count, t[k].lower == "of",
               let owner = ms.first(where: { $0.range.lowerBound == ownerStart && $0.role == .entity && ($0.ref.kind == .country || $0.ref.kind == .organization) }) {
                scope = owner.ref
                k = owner.range.upperBound
                // "the President of Ruritania, X Y" and "Speaker of the National Assembly X Y".
                let at = k < t.count && t[k].text == "," ? k + 1 : k
                personMention = ms.first { $0.range.lowerBound == at && $0.ref.kind == .person && $0.role == .entity }
            }
            // "Ruritania's ambassador to Osterlich, X Y": the post's destination is no scope of the title.
            if personMention == nil, k < t.count, t[k].lower == "to",
               let post = ms.first(where: { $0.range.lowerBound == k + 1 && $0.role == .entity && $0.ref.kind == .country }),
               post.range.upperBound + 1 < t.count, t[post.range.upperBound].text == "," {
                personMention = ms.first { $0.range.lowerBound == post.range.upperBound + 1 && $0.ref.kind == .person && $0.role == .entity }
            }
            // "X, the General Secretary of Y", "X, Ruritania's trade minister": the person before the apposition.
            if personMention == nil, let comma = appositionComma(t, ms, title: m) {
                personMention = ms.first { $0.range.upperBound == comma && $0.ref.kind == .person && $0.role == .entity }
            }
            // "X is the current Chairperson of Y", "X took office as President": the subject of a copula.
            if personMention == nil, let verb = copula(t, before: m) {
                personMention = ms.last { $0.range.upperBound == verb && $0.ref.kind == .person && $0.role == .entity }
            }
            guard let person = personMention?.ref else { continue }
            // The country or organization named right before the title ("Ruritanian President", "Ruritania' President").
            var modifierAt = m.range.lowerBound - 1
            if scope == nil {
                var b = m.range.lowerBound - 1
                while b >= 0, lexicon.patterns.titleModifiers.contains(t[b].lower) { b -= 1 }
                if b >= 0, t[b].text == "'s" || t[b].text == "'" { b -= 1 }
                if let owner = ms.first(where: { $0.range.upperBound == b + 1 && ($0.ref.kind == .country || $0.ref.kind == .organization) && $0.note != "compound" }) {
                    scope = owner.ref
                    // "Former Chilean President": the modifier stands before the country.
                    if !lexicon.patterns.titleModifiers.contains(t[max(0, modifierAt)].lower) { modifierAt = owner.range.lowerBound - 1 }
                }
            }
            if scope == nil, let owner = lexicon.titleOwners[m.ref.name] { scope = EntityRef(kind: .organization, name: owner) }
            let title = t[m.range].map(\.text).joined(separator: " ")
            let modifier = modifierAt >= 0 && lexicon.patterns.titleModifiers.contains(t[modifierAt].lower)
            let position = modifier ? t[modifierAt].lower + " " + title : title
            f.positions[person, default: []].insert(position.prefix(1).uppercased() + position.dropFirst())
            guard m.note == "head", !modifier else { continue }
            var rule = "title.head-of"
            // "President X Y" with no state named: the state whose president X Y was on the article's date.
            if scope == nil {
                let owners = lexicon.offices.owners(title: m.ref.name, person: person.name, on: reference)
                if owners.count == 1 { scope = owners[0]; rule = "title.office-table" }
            }
            guard let scope else { continue }
            heads[scope] = person
            f.relations.append(RelationFact(subject: person, property: "headOf", object: scope, objectEvent: nil,
                                            rule: rule, confidence: rule == "title.head-of" ? 0.9 : 0.85, evidence: ev))
        }
    }

    /// The index of the copula before a title ("is the current Chair", "became President", "as Vice
    /// President"), when only an article and fillers stand between.
    func copula(_ t: [Token], before m: Mention) -> Int? {
        // "X is the president's adviser": the title is someone else's.
        if m.range.upperBound < t.count, t[m.range.upperBound].text == "'s" || t[m.range.upperBound].text == "'" { return nil }
        var b = m.range.lowerBound - 1
        while b >= 0, grammar.titleFillers.contains(t[b].lower) || grammar.determiners.contains(t[b].lower) { b -= 1 }
        guard b >= 1, grammar.copulas.contains(t[b].lower) else { return nil }
        // "X was sworn in as President": the verb phrase before "as".
        var v = b
        if t[b].lower == "as" {
            while v > 0, !t[v - 1].isCapitalized, t[v - 1].isWord, b - v < 4 { v -= 1 }
        }
        return v
    }

    /// "the Ruritanian leader", "the Ruritanian president": the person the document names in that role.
    func resolveDescriptions(_ t: [Token], _ ms: [Mention], heads: [EntityRef: EntityRef]) -> [Mention] {
        var out = ms
        let capitalWords = Set(lexicon.patterns.capitalWords ?? [])
        for m in ms where m.role == .demonym {
            let after = m.range.upperBound
            // "the Kazakh capital": that country's capital, as a place.
            if m.range.lowerBound > 0, t[m.range.lowerBound - 1].lower == "the", after < t.count, capitalWords.contains(t[after].lower),
               let capital = lexicon.country(named: m.ref.name)?.capital, !capital.isEmpty {
                out.append(Mention(range: m.range.lowerBound..<(after + 1), ref: EntityRef(kind: .city, name: capital), role: .entity, note: "place"))
                continue
            }
            guard m.range.lowerBound > 0, t[m.range.lowerBound - 1].lower == "the", after < t.count,
                  grammar.leaderNouns.contains(t[after].lower),
                  let person = heads[m.ref] else { continue }
            out.append(Mention(range: m.range.lowerBound..<(after + 1), ref: person, role: .entity, note: nil))
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
