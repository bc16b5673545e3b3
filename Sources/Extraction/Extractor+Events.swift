import Foundation
import RDFModel

extension Extractor {
    /// The closed-class words of the lexicon's patterns.
    var grammar: Lexicon.Grammar { lexicon.patterns.grammar }

    /// Whether the words between `a` and `b` hold a clause boundary.
    func boundary(_ t: [Token], _ a: Int, _ b: Int) -> Bool {
        guard a < b else { return false }
        for k in a..<min(b, t.count) {
            if [";", ":", "–", "—", "(", ")"].contains(t[k].text) { return true }
            if t[k].text == ",", k + 1 < t.count, grammar.clauseConnectives.contains(t[k + 1].lower) { return true }
            if ["while", "whereas", "but", "although", "because"].contains(t[k].lower) { return true }
        }
        return false
    }

    /// The subject of a cue: the first actor of its clause that is not inside a
    /// prepositional phrase or an appositive; a pronoun resolves to the last person.
    func subject(_ s: Sentence, before cue: Int) -> [EntityRef] {
        // A clause is looked at no further back than a bounded window, so that the work stays linear.
        var start = max(0, cue - 40)
        for k in stride(from: cue - 1, through: start, by: -1) where boundary(s.tokens, k, k + 1) { start = k + 1; break }
        let inClause = s.actors.filter { $0.range.lowerBound >= start && $0.range.upperBound <= cue }
        var candidates = inClause.filter { m in
            let b = m.range.lowerBound - 1
            if b >= 0, grammar.prepositions.contains(s.tokens[b].lower) { return false }
            if b >= 1, s.tokens[b].lower == "the", grammar.prepositions.contains(s.tokens[b - 1].lower) { return false }
            if m.role == .demonym, m.note != "compound" { return false }
            var a = m.range.upperBound
            if a < s.tokens.count, s.tokens[a].text == "'s" || s.tokens[a].text == "'" { a += 1 }
            if s.mentions.contains(where: { $0.role == .title && $0.range.lowerBound == a }) { return false }
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
            for next in candidates.dropFirst() where next.range.lowerBound >= end {
                let between = s.tokens[end..<next.range.lowerBound].map(\.lower)
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
        let text = " " + tokens.map(\.lower).joined(separator: " ") + " "
        return cues.contains { text.contains(" " + $0 + " ") }
    }

    func negated(_ s: Sentence, _ from: Int, _ to: Int) -> Bool {
        hasCue(lexicon.patterns.negation, s.tokens[max(0, from)..<min(to, s.tokens.count)])
    }

    func planned(_ s: Sentence, _ from: Int, _ to: Int) -> Bool {
        hasCue(lexicon.patterns.modality, s.tokens[max(0, from)..<min(to, s.tokens.count)])
    }

    /// A reported claim: "X said that …" makes what follows the speaker's, not the article's.
    func reported(_ s: Sentence, before cue: Int) -> Bool {
        let words = s.tokens[0..<cue].map(\.lower)
        return words.contains { grammar.hedges.contains($0) }
    }

    // MARK: Relations

    func relations(_ s: Sentence, _ f: inout DocumentFacts) {
        for pattern in lexicon.patterns.relations where pattern.form != .proposal {
            var seen = Set<Int>()
            for cue in pattern.cues.sorted(by: { $0.count > $1.count }) {
                var from = 0
                while let i = s.has(cue, from: from) {
                    from = i + 1
                    guard !seen.contains(i), !s.tokens[i].quoted else { continue }
                    let cueLength = Tokenizer.tokens(cue).count
                    for k in i..<(i + cueLength) { seen.insert(k) }
                    if negated(s, max(0, i - 4), i) || reported(s, before: i) { continue }
                    relation(pattern, s, at: i, length: cueLength, &f)
                }
            }
        }
        proposals(s, &f)
    }

    private func relation(_ p: Lexicon.RelationPattern, _ s: Sentence, at i: Int, length: Int, _ f: inout DocumentFacts) {
        let t = s.tokens
        let after = i + length
        let actorKinds: Set<EntityKind> = [.person, .country, .organization]
        func add(_ a: EntityRef, _ b: EntityRef, rule: String) {
            guard a != b else { return }
            if p.form == .membership && (b.kind != .organization || a.kind == .person) { return }
            if p.form == .mutual && (a.kind == .person) != (b.kind == .person) { return }
            f.relations.append(RelationFact(subject: a, property: p.property, object: b, objectEvent: nil, rule: p.id + "." + rule,
                                            confidence: p.confidence, evidence: s.evidence))
            if p.symmetric == true {
                f.relations.append(RelationFact(subject: b, property: p.property, object: a, objectEvent: nil, rule: p.id + "." + rule,
                                                confidence: p.confidence, evidence: s.evidence))
            }
        }
        // The possessor before the cue: "A's major ally", "the Ruritanian membership", "its membership".
        var b = i - 1
        while b >= 0, t[b].isWord, !t[b].isCapitalized, !grammar.pronouns.contains(t[b].lower), b > i - 4,
              !["a", "an", "the", "and", "of", "as", "is", "its", "his", "their"].contains(t[b].lower) { b -= 1 }
        var possessor: EntityRef?
        // Only a noun has a possessor; a verb cue ("founded", "belongs to") has a subject.
        let isVerb = t[i].lower.hasSuffix("ed") || t[i].lower.hasPrefix("belong")
        if isVerb {
            possessor = nil
        } else if b >= 0, t[b].text == "'s" || t[b].text == "'" {
            possessor = s.mentions.last { $0.range.upperBound == b && actorKinds.contains($0.ref.kind) }?.ref
        } else if b >= 0, let m = s.mentions.last(where: { $0.range.upperBound == b + 1 && $0.ref.kind.isActor && $0.role != .title }) {
            possessor = m.ref
        } else if b >= 0, ["its", "his", "her", "their"].contains(t[b].lower) {
            possessor = subject(s, before: b).first ?? s.actors.first(where: { $0.range.upperBound <= b })?.ref
        }
        // "between A and B"
        if after < t.count, t[after].lower == "between" {
            let os = objects(s, after: after, kinds: actorKinds)
            if os.count == 2 { add(os[0].ref, os[1].ref, rule: "between") }
            return
        }
        switch p.form {
        case .membership:
            // Becoming a member is an accession, not yet membership.
            if planned(s, max(0, i - 6), i) { return }
            let owners = possessor.map { [$0] } ?? (t[i].lower.hasPrefix("member") || !t[i].lower.hasPrefix("membership") ? pairOrSubject(s, before: i) : [])
            for owner in owners {
                for o in objects(s, after: after, kinds: [.organization], window: 4) { add(owner, o.ref, rule: "noun") }
            }
        case .mutual:
            let target = objects(s, after: after, kinds: actorKinds, window: 3).filter { m in
                m.range.lowerBound > after && ["of", "for", "to", "with", "both"].contains(t[m.range.lowerBound - 1].lower)
                    || (m.range.lowerBound > after + 1 && t[m.range.lowerBound - 1].lower == "both")
            }
            if let possessor {
                // "A remains B's ally", "X, Y's close ally"
                let before = s.actors.last { $0.range.upperBound <= b - 1 && $0.ref != possessor && !(b - 1 > 0 && $0.range.upperBound > b - 1) }
                if let other = subject(s, before: b).first(where: { $0 != possessor }) ?? before?.ref { add(other, possessor, rule: "possessive") }
            } else if !target.isEmpty {
                for other in subject(s, before: i) { for o in target { add(other, o.ref, rule: "prepositional") } }
            } else if let pair = pairBefore(s, i) {
                add(pair[0], pair[1], rule: "pair")
            } else {
                // "A views B as an ally": the two actors before the cue in its clause.
                let subj = subject(s, before: i)
                let between = s.actors.filter { m in
                    m.range.lowerBound < i && m.range.lowerBound > (s.actors.first { subj.contains($0.ref) }?.range.upperBound ?? Int.max)
                        && grammar.regardCues.contains(where: { w in t[m.range.lowerBound..<i].contains { $0.lower == w } })
                }
                if let a = subj.first, let o = between.first { add(a, o.ref, rule: "views-as") }
            }
        case .chair:
            if planned(s, max(0, i - 6), i) { return }
            let org = possessor.flatMap { $0.kind == .organization ? $0 : nil }
                ?? objects(s, after: after, kinds: [.organization], window: 3).first?.ref
            guard let org else { return }
            var holder: EntityRef?
            if let w = (max(0, i - 5)..<i).last(where: { ["which", "who"].contains(t[$0].lower) }) {
                var a = w - 1
                if a >= 0, t[a].text == "," { a -= 1 }
                holder = s.mentions.last { $0.range.upperBound == a + 1 && $0.ref.kind == .country }?.ref
            } else {
                holder = subject(s, before: i).first { $0.kind == .country }
            }
            if let holder { add(holder, org, rule: "noun") }
        case .stance:
            var subj = possessor.map { [$0] } ?? subject(s, before: i)
            if ["his", "her", "its", "their"].contains(i > 0 ? t[i - 1].lower : ""), subj.isEmpty, let p = s.lastPerson { subj = [p] }
            let kinds: Set<EntityKind> = [.person, .country, .organization, .initiative]
            var targets = objects(s, after: after, kinds: kinds, window: 5).map(\.ref)
            // "critic of Western sanctions on X": the event named right after the cue.
            var event: EventFact?
            if let e = eventAfter(s, after, recent: f.events), targets.isEmpty || e.1 < (s.mentions.first { $0.ref == targets.first }?.range.lowerBound ?? Int.max) {
                event = e.0
                targets = []
            }
            for a in subj where a.kind.isActor {
                if let event {
                    f.relations.append(RelationFact(subject: a, property: p.property, object: nil, objectEvent: event, rule: p.id + ".event",
                                                    confidence: p.confidence, evidence: s.evidence))
                }
                for o in targets where o != a { add(a, o, rule: "verb") }
            }
        case .relation:
            for a in subject(s, before: i) {
                for o in objects(s, after: after, kinds: actorKinds, window: 4) { add(a, o.ref, rule: "verb") }
            }
        case .proposal:
            break
        }
    }

    /// An event cue within three words after `i` (a sanction, an invasion), as an event.
    /// "the new sanctions" with nothing in the sentence to say whose: the document's latest such event.
    func eventAfter(_ s: Sentence, _ i: Int, recent: [EventFact] = []) -> (EventFact, Int)? {
        for e in lexicon.patterns.events where lexicon.frame(e.class).stanceObject == true {
            for cue in e.cues {
                guard let k = s.has(cue, from: i), k - i <= 3 else { continue }
                if let fact = event(e, s, at: k, length: Tokenizer.tokens(cue).count, nominal: true) { return (fact, k) }
                if let previous = recent.last(where: { $0.cls == e.class }) { return (previous, k) }
            }
        }
        return nil
    }

    /// "the X put forward by A", "A's Y Initiative", "launched by".
    func proposals(_ s: Sentence, _ f: inout DocumentFacts) {
        let t = s.tokens
        for m in s.mentions where m.ref.kind == .initiative {
            var proposers: [EntityRef] = []
            var a = m.range.upperBound
            // Skip "(FCAS)".
            if a + 2 < t.count, t[a].text == "(", t[a + 2].text == ")" { a += 3 }
            // "… launched by France and Germany", "… first set out in 2016 by the late Prime Minister X"
            for verb in lexicon.patterns.proposalVerbs ?? [] {
                guard let k = s.has(verb, from: a), k - a <= 8,
                      !t[a..<k].contains(where: { [";", ":", "–", "—", "(", ")"].contains($0.text) }),
                      let by = (k..<min(t.count, k + 6)).first(where: { t[$0].lower == "by" }) else { continue }
                proposers = objects(s, after: by + 1, kinds: [.country, .organization, .person], window: 4).map(\.ref)
                if !proposers.isEmpty { break }
            }
            var proposer = proposers.first
            var b = m.range.lowerBound - 1
            if b >= 0, t[b].lower == "the" { b -= 1 }
            if proposer == nil, b >= 1, t[b].text == "'s", let owner = s.mentions.last(where: { $0.range.upperBound == b && $0.ref.kind == .country }) {
                proposer = owner.ref
            }
            if proposer == nil, b >= 0, let owner = s.mentions.last(where: { $0.range.upperBound == b + 1 && $0.role == .demonym }),
               t[m.range].first?.lower != owner.ref.name.lowercased() {
                proposer = owner.ref
            }
            if proposers.isEmpty, let proposer { proposers = [proposer] }
            for p in proposers where p != m.ref {
                f.relations.append(RelationFact(subject: m.ref, property: "proposedBy", object: p, objectEvent: nil,
                                                rule: "propose.by", confidence: 0.8, evidence: s.evidence))
            }
        }
    }

    // MARK: Events

    func events(_ s: Sentence, _ f: inout DocumentFacts) {
        var used = Set<Int>()
        for e in lexicon.patterns.events {
            for cue in e.cues.sorted(by: { $0.count > $1.count }) {
                var from = 0
                while let i = s.has(cue, from: from) {
                    from = i + 1
                    let length = Tokenizer.tokens(cue).count
                    // Reported speech is the speaker's claim, not the article's fact.
                    guard !used.contains(i), !s.tokens[i].quoted else { continue }
                    if let fact = event(e, s, at: i, length: length, nominal: nil) {
                        for k in i..<(i + length) { used.insert(k) }
                        f.events.append(fact)
                        participation(s, i, fact, &f)
                        // An event that is not planned may imply a direct relation: a sanction imposed "sanctions".
                        if let property = lexicon.frame(fact.cls).implies, !fact.planned {
                            for a in fact.agents where a.kind.isActor {
                                for target in fact.targets where target != a {
                                    f.relations.append(RelationFact(subject: a, property: property, object: target, objectEvent: nil,
                                                                    rule: e.id + ".event", confidence: 0.75, evidence: s.evidence))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// "its participation in the invasion of Ukraine": participatesIn.
    func participation(_ s: Sentence, _ i: Int, _ e: EventFact, _ f: inout DocumentFacts) {
        let t = s.tokens
        guard i >= 3, let k = (max(0, i - 5)..<i).last(where: { grammar.participationNouns.contains(t[$0].lower) }) else { return }
        var owner: EntityRef?
        if k > 0, ["its", "his", "their"].contains(t[k - 1].lower) {
            owner = s.actors.last { $0.range.upperBound <= k - 1 && $0.ref.kind == .country }?.ref ?? subject(s, before: k).first
        } else if k > 0, t[k - 1].text == "'s" || t[k - 1].text == "'" {
            owner = s.actors.last { $0.range.upperBound == k - 1 }?.ref
        }
        guard let owner, !e.everyone.contains(owner) else { return }
        f.relations.append(RelationFact(subject: owner, property: "participatesIn", object: nil, objectEvent: e,
                                        rule: "participation.noun", confidence: 0.7, evidence: s.evidence))
    }

    func event(_ e: Lexicon.EventPattern, _ s: Sentence, at i: Int, length: Int, nominal forced: Bool?) -> EventFact? {
        let t = s.tokens
        let after = i + length
        if negated(s, max(0, i - 6), i) || reported(s, before: i) { return nil }
        // "met 13 times" is a count, not an event.
        if after + 1 < t.count, t[after].isNumber, grammar.countNouns.contains(t[after + 1].lower) { return nil }
        // Skip lower-case modifiers back to a determiner: "its decades-old economic embargo".
        var d = i - 1
        let determiners = grammar.determiners
        while d > i - 4, d > 0, t[d].isWord, !t[d].isCapitalized, !t[d].isNumber, !determiners.contains(t[d].lower),
              !(lexicon.patterns.lightVerbs ?? []).contains(t[d].lower), !grammar.prepositions.contains(t[d].lower),
              !["and", "or", "to", "of"].contains(t[d].lower) { d -= 1 }
        let before = i > 0 ? (d >= 0 && d < i - 1 && determiners.contains(t[d].lower) ? t[d] : t[i - 1]) : nil
        // A past-tense or bare verb ("met", "signed", "join") is never the head of a noun phrase.
        let isVerbForm = t[i].lower.hasSuffix("ed") || grammar.bareEventVerbs.contains(t[i].lower)
        let nominal = forced ?? (isVerbForm ? false : before.map { b in
            grammar.eventNounMarkers.contains(b.lower)
                || s.mentions.contains { $0.range.upperBound == i && ($0.role == .demonym || $0.ref.kind == .country) }
                || b.isNumber || dates.months[b.lower] != nil
        } ?? true)
        let frame = lexicon.frame(e.class)
        var fact = EventFact(cls: e.class, cameo: e.cameo, evidence: s.evidence)
        fact.planned = planned(s, max(0, i - 5), i)
        if fact.planned, let c = e.plannedCameo { fact.cameo = c }
        let actorKinds: Set<EntityKind> = [.person, .country, .organization]

        // Who acts.
        var subjects: [EntityRef] = []
        if nominal {
            // "X's visit", "A's sanctions", "his visit", "the invasion it launched"
            if let b = before, b.text == "'s" || b.text == "'", let m = s.actors.last(where: { $0.range.upperBound == i - 1 }) {
                subjects = [m.ref]
            } else if let m = s.mentions.last(where: { $0.range.upperBound == i && ($0.ref.kind.isActor) && $0.role != .title }) {
                let b = m.range.lowerBound - 1
                if e.objectRole == "host", b > 0, t[b].text == "'s" || t[b].text == "'",
                   let owner = s.actors.last(where: { $0.range.upperBound == b && $0.ref.kind == .person }) {
                    subjects = [owner.ref]
                    if m.ref.kind == .country { fact.hosts.insert(m.ref) }
                } else {
                    subjects = [m.ref]
                }
            } else if i >= 2, t[i - 2].text == "'s" || t[i - 2].text == "'", let m = s.actors.last(where: { $0.range.upperBound == i - 2 }) {
                subjects = [m.ref]
            } else if let b = before, ["his", "her"].contains(b.lower) || (i >= 2 && ["his", "her"].contains(t[i - 2].lower)) {
                subjects = s.actors.last(where: { $0.range.upperBound <= i && $0.ref.kind == .person }).map { [$0.ref] } ?? s.lastPerson.map { [$0] } ?? []
            } else if after + 1 < t.count, ["it", "they"].contains(t[after].lower),
                      t[after + 1].lower.hasSuffix("ed") || (lexicon.patterns.lightVerbs ?? []).contains(t[after + 1].lower) {
                // "the invasion it launched": the pronoun is the one who acted.
                subjects = s.actors.last(where: { $0.range.upperBound <= i && $0.ref.kind == .country }).map { [$0.ref] } ?? []
            } else if let b = before, ["its", "their"].contains(b.lower) {
                subjects = s.actors.last(where: { $0.range.upperBound <= i && $0.ref.kind != .person }).map { [$0.ref] } ?? []
            } else if frame.nominalSubject == true {
                subjects = subject(s, before: i)
            }
            // "X paid a working visit", "X imposed new sanctions": the light verb's subject acts.
            if subjects.isEmpty, let verb = (lexicon.patterns.lightVerbs ?? []).first(where: { v in
                guard let k = s.has(v, from: max(0, i - 5)), k < i else { return false }
                return !boundary(t, k, i)
            }), let k = s.has(verb, from: max(0, i - 5)) {
                subjects = subject(s, before: k)
            }
        } else {
            // "…, which A joined": the relative clause's subject and antecedent.
            if let w = (max(0, i - 6)..<i).last(where: { ["which", "that"].contains(t[$0].lower) }),
               let agent = s.actors.first(where: { $0.range.lowerBound > w && $0.range.upperBound <= i }) {
                subjects = [agent.ref]
                var a = w - 1
                while a >= 0, [",", "("].contains(t[a].text) { a -= 1 }
                if let antecedent = s.mentions.last(where: { $0.range.upperBound == a + 1 && $0.role == .entity }) {
                    fact.targets.insert(antecedent.ref)
                }
            } else if frame.sideFromVerb == true && !isVerbForm && !t[i].lower.hasSuffix("es") {
                // A sanction noun's side is named by a possessive, a modifier or an imposing verb, never
                // by whoever happens to be the clause's subject ("the capital aims to ease the sanctions").
                let verb = (lexicon.patterns.lightVerbs ?? []).first { v in
                    guard let k = s.has(v, from: max(0, i - 5)), k < i else { return false }
                    return !boundary(t, k, i)
                }
                if let verb, let k = s.has(verb, from: max(0, i - 5)) { subjects = subject(s, before: k) }
            } else {
                subjects = subject(s, before: i)
            }
        }
        // Objects and prepositional roles after the cue.
        var k = after
        while k < t.count, k < after + 14, !(k > after && boundary(t, k - 1, k)) {
            let word = t[k].lower
            if nominal, word == "," { break }
            if let m = s.mentions.first(where: { $0.range.lowerBound == k && $0.role == .entity }) {
                var prep = ""
                var b = k - 1
                // Skip what modifies the name: articles, titles, demonyms ("with Chilean President X").
                while b >= after, ["the", "both", "his", "its", "former", "'s", "'"].contains(t[b].lower)
                        || s.mentions.contains(where: { $0.role != .entity && $0.range.contains(b) }) { b -= 1 }
                if b >= after { prep = t[b].lower }
                if b < after { prep = "" }
                let role = prep.isEmpty ? e.objectRole : (e.preps[prep] ?? (prep == "and" ? "same" : nil))
                var ref = m.ref
                if role == "host" || role == "location" || (role == "same" && fact.location != nil) {
                    if m.ref.kind == .city, let country = lexicon.index[Lexicon.fold(m.ref.name)]?.first(where: { $0.kind == .capital || $0.kind == .place })?.extra, role == "host" {
                        fact.location = m.ref
                        ref = EntityRef(kind: .country, name: country)
                    }
                }
                switch role {
                case "host": if ref.kind == .country || ref.kind == .organization { fact.hosts.insert(ref) } else if ref.kind == .city { fact.location = ref }
                case "location": if ref.kind == .city || ref.kind == .country || ref.kind == .place { fact.location = fact.location ?? ref }
                case "participant": if actorKinds.contains(ref.kind) { fact.participants.insert(ref) }
                case "target": if ref.kind != .city { fact.targets.insert(ref) }
                case "same":
                    if !fact.participants.isEmpty, actorKinds.contains(ref.kind) { fact.participants.insert(ref) }
                    else if !fact.targets.isEmpty, ref.kind != .city { fact.targets.insert(ref) }
                default: break
                }
                k = m.range.upperBound
                continue
            }
            if ["which", "who", "while", "whereas"].contains(word) { break }
            k += 1
        }
        // "X has been facing sanctions": the subject undergoes the event.
        let undergoes = (lexicon.patterns.undergoVerbs ?? []).contains { v in
            guard let k = s.has(v, from: max(0, i - 7)), k < i else { return false }
            return !boundary(t, k, i)
        }
        if undergoes {
            for subj in subjects where actorKinds.contains(subj.kind) { fact.targets.insert(subj) }
            subjects = []
        }
        // Subjects take the subject role; meetings count everyone as participants.
        for subj in subjects where actorKinds.contains(subj.kind) {
            switch e.subjectRole {
            case "agent": fact.agents.insert(subj)
            default: fact.participants.insert(subj)
            }
        }
        // Dates: the nearest date expression after the cue, else before it; none from another clause.
        let candidates = s.dates.filter { !boundary(t, min($0.range.lowerBound, i), max($0.range.lowerBound, i)) }
        // The nearest date expression in the clause; after the cue wins a tie.
        let dateMention = candidates.min { a, b in
            let da = a.range.lowerBound >= i ? a.range.lowerBound - i : i - a.range.upperBound
            let db = b.range.lowerBound >= i ? b.range.lowerBound - i : i - b.range.upperBound
            return da != db ? da < db : a.range.lowerBound > b.range.lowerBound
        }
        if let d = dateMention, !d.since {
            fact.date = d.date
            if let end = d.end, end != d.date, d.date < end { fact.endDate = end }
        }

        // Named events: an exhibition is the named "… Expo" itself.
        if frame.named == true {
            guard let named = s.mentions.first(where: { $0.range.contains(i) && $0.ref.kind != .person }) ?? s.mentions.first(where: { $0.range.upperBound == i + 1 }) else { return nil }
            fact.name = named.ref.name
            fact.participants = fact.participants.filter { $0 != named.ref }
            if let loc = s.mentions.first(where: { $0.range.lowerBound >= named.range.upperBound && $0.ref.kind == .city }) { fact.location = loc.ref }
        }
        return satisfies(frame, &fact) ? fact : nil
    }

    /// Applies the class's frame to an event: filters its targets, drops roles filled twice, and
    /// says whether what remains is a fact worth writing.
    func satisfies(_ frame: Lexicon.EventFrame, _ fact: inout EventFact) -> Bool {
        if let kinds = frame.targetKinds {
            fact.targets = fact.targets.filter { t in kinds.contains(t.kind.rawValue) || (kinds.contains("actor") && t.kind.isActor) }
        }
        for (role, other) in (frame.drop ?? [:]).sorted(by: { $0.key < $1.key }) {
            let remove = fact.role(other)
            fact.setRole(role, fact.role(role).subtracting(remove))
        }
        if let n = frame.minParties, fact.participants.union(fact.agents).count < n { return false }
        for requirement in frame.requires ?? [] {
            let met = requirement.split(separator: "|").contains { alternative in
                let parts = alternative.split(separator: ":", maxSplits: 1).map(String.init)
                let filled = fact.role(parts[0])
                return parts.count == 2 ? filled.contains { $0.kind.rawValue == parts[1] } : !filled.isEmpty
            }
            if !met { return false }
        }
        return true
    }
}
