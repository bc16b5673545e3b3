import Foundation
import Facts
import Language
import RDFModel

/// Relations stated by cue words, read in the form their pattern names, and proposals.
extension Extractor {

    func relations(_ s: Sentence, _ f: inout DocumentFacts) {
        for pattern in lexicon.patterns.relations where pattern.form != .proposal {
            var seen = Set<Int>()
            for cue in pattern.cues.sorted(by: { $0.count > $1.count }) {
                var from = 0
                while let i = s.has(cue, from: from) {
                    from = i + 1
                    guard !seen.contains(i), !s.tokens[i].quoted else { continue }
                    // A capitalized cue inside a sentence is part of a name ("the resolution Aggression Against
                    // Ruritania"), except in a title-case headline.
                    if i > 0, s.tokens[i].isCapitalized, !Cue.isHeadline(s.tokens) { continue }
                    let cueLength = Cue.cueWords(cue).count
                    for k in i..<(i + cueLength) { seen.insert(k) }
                    if negated(s, max(0, i - 4), i) || reported(s, before: i) { continue }
                    relation(pattern, s, at: i, length: cueLength, &f)
                }
            }
        }
        proposals(s, &f)
        partyMembers(s, &f)
        for (members, whole) in listAppositions(s) {
            for m in members {
                f.relations.append(RelationFact(subject: m, property: "memberOf", object: whole, objectEvent: nil,
                                                rule: "member.list-apposition", confidence: 0.7, evidence: s.evidence))
            }
        }
    }

    /// "X of the Y Party", "X of Z's Y Party": a person named with a party is its member.
    func partyMembers(_ s: Sentence, _ f: inout DocumentFacts) {
        let t = s.tokens, shapes = Set(lexicon.patterns.memberShapes ?? [])
        for m in s.mentions where m.role == .entity && m.ref.kind == .person {
            var k = m.range.upperBound
            guard k + 1 < t.count, t[k].lower == "of" else { continue }
            k += 1
            if t[k].lower == "the" { k += 1 }
            // "of Z's Y Party": the possessor is the party's leader, not its name.
            let ownerEnd = s.mentions.first(where: { $0.range.lowerBound == k && $0.ref.kind == .person })?.range.upperBound ?? (t[k].isCapitalized ? k + 1 : k)
            if ownerEnd > k, ownerEnd < t.count, ["'s", "'"].contains(t[ownerEnd].text) { k = ownerEnd + 1 }
            guard let party = s.mentions.first(where: { $0.range.lowerBound == k && $0.role == .entity && $0.ref.kind == .organization }),
                  let last = party.ref.name.split(separator: " ").last, shapes.contains(String(last)) else { continue }
            f.relations.append(RelationFact(subject: m.ref, property: "memberOf", object: party.ref, objectEvent: nil,
                                            rule: "member.party", confidence: 0.75, evidence: s.evidence))
        }
    }

    /// "A, B, C and D – the O bloc", "A and B (the O)": a list of two or more countries that a
    /// dash, comma or parenthesis restates as an organization, which they are members of. The
    /// organization may take a collective noun ("bloc", "member states"), then end its phrase: "A and
    /// B, the O's largest economies" restates no O.
    func listAppositions(_ s: Sentence) -> [(members: [EntityRef], whole: EntityRef)] {
        let t = s.tokens
        var out: [(members: [EntityRef], whole: EntityRef)] = []
        for m in s.mentions where m.role == .entity && m.ref.kind == .organization && m.range.lowerBound >= 4 {
            let j = m.range.lowerBound
            guard t[j - 1].lower == "the", ["–", "—", ",", "("].contains(t[j - 2].text) else { continue }
            var a = m.range.upperBound
            if let noun = collectiveNounWords.first(where: { w in
                a + w.count <= t.count && t[a..<(a + w.count)].map(\.lower) == w
            }) { a += noun.count }
            guard a == t.count || grammar.prepositions.contains(t[a].lower) || (!t[a].isWord && t[a].text != "'s" && t[a].text != "'") else { continue }
            // The countries before the mark, back to the first that no comma or "and" coordinates.
            var members: [EntityRef] = [], k = j - 2
            while let c = s.mentions.last(where: { $0.range.upperBound == k && $0.role == .entity && $0.ref.kind == .country }) {
                members.insert(c.ref, at: 0)
                k = c.range.lowerBound
                if k >= 2, t[k - 1].lower == "and", t[k - 2].text == "," { k -= 2 } else if k >= 1, t[k - 1].lower == "and" || t[k - 1].text == "," { k -= 1 } else { break }
            }
            // A list that goes on with another kind of conjunct ("the EU, A and B") restates no members.
            if members.count >= 2, !s.mentions.contains(where: { $0.range.upperBound == k && $0.role == .entity }) {
                out.append((members, m.ref))
            }
        }
        return out
    }

    /// A relation cue at a token, with what stands right before it.
    private struct RelationCue {
        let pattern: Lexicon.RelationPattern
        /// The cue's first token, and the first token after it.
        let at: Int
        let after: Int
        /// The token before the cue's modifiers ("A's major ally": the "'s").
        let before: Int
        /// The actor whose relation the cue names ("A's ally", "its membership").
        let possessor: EntityRef?
    }

    private static let actorKinds: Set<EntityKind> = [.person, .country, .organization]

    private func relation(_ p: Lexicon.RelationPattern, _ s: Sentence, at i: Int, length: Int, _ f: inout DocumentFacts) {
        let t = s.tokens
        let (b, possessor) = possessor(s, before: i)
        let cue = RelationCue(pattern: p, at: i, after: i + length, before: b, possessor: possessor)
        // "between A and B"
        if cue.after < t.count, t[cue.after].lower == "between" {
            let os = objects(s, after: cue.after, kinds: Self.actorKinds)
            if os.count == 2 { addRelation(cue, os[0].ref, os[1].ref, rule: "between", s, &f) }
            return
        }
        switch p.form {
        case .membership: membership(cue, s, &f)
        case .mutual: mutual(cue, s, &f)
        case .chair: chair(cue, s, &f)
        case .stance: stance(cue, s, &f)
        case .relation:
            for a in subject(s, before: i) {
                for o in objects(s, after: cue.after, kinds: Self.actorKinds, window: 4) { addRelation(cue, a, o.ref, rule: "verb", s, &f) }
            }
        case .proposal:
            break
        }
    }

    /// The relation from `a` to `b` (and back, for a symmetric one), when the form allows the two kinds.
    private func addRelation(_ cue: RelationCue, _ a: EntityRef, _ b: EntityRef, rule: String, _ s: Sentence, _ f: inout DocumentFacts) {
        let p = cue.pattern
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

    /// The possessor before the cue at `i`: "A's major ally", "the Ruritanian membership", "its membership";
    /// with the token before the cue's modifiers. Only a noun has a possessor; a verb cue ("founded",
    /// "belongs to") has a subject.
    private func possessor(_ s: Sentence, before i: Int) -> (Int, EntityRef?) {
        let t = s.tokens
        var b = i - 1
        while b >= 0, t[b].isWord, !t[b].isCapitalized, !grammar.pronouns.contains(t[b].lower), b > i - 4,
              !["a", "an", "the", "and", "of", "as", "is", "its", "his", "their"].contains(t[b].lower) { b -= 1 }
        let isVerb = t[i].lower.hasSuffix("ed") || t[i].lower.hasPrefix("belong")
        if isVerb {
            return (b, nil)
        } else if b >= 0, t[b].text == "'s" || t[b].text == "'" {
            return (b, s.mentions.last { $0.range.upperBound == b && Self.actorKinds.contains($0.ref.kind) }?.ref)
        } else if b >= 0, let m = s.mentions.last(where: { $0.range.upperBound == b + 1 && $0.ref.kind.isActor && $0.role != .title }) {
            return (b, m.ref)
        } else if b >= 0, ["its", "his", "her", "their"].contains(t[b].lower) {
            return (b, subject(s, before: b).first ?? s.actors.first(where: { $0.range.upperBound <= b })?.ref)
        }
        return (b, nil)
    }

    /// "A's membership of the O", "A is a member of the O": the owner in each organization after the cue.
    /// Becoming a member is an accession, not yet membership.
    private func membership(_ cue: RelationCue, _ s: Sentence, _ f: inout DocumentFacts) {
        let t = s.tokens, i = cue.at
        if planned(s, max(0, i - 6), i) { return }
        // "calls from some members of O": members in a prepositional phrase are no clause subject's
        // ("one of the members of O" still is).
        var k = i - 1
        while k >= 0, k > i - 4, t[k].isWord, !t[k].isCapitalized, !grammar.prepositions.contains(t[k].lower) { k -= 1 }
        if cue.possessor == nil, k >= 0, grammar.prepositions.contains(t[k].lower), !["of", "among"].contains(t[k].lower) { return }
        let owners = cue.possessor.map { [$0] } ?? (t[i].lower.hasPrefix("member") || !t[i].lower.hasPrefix("membership") ? pairOrSubject(s, before: i) : [])
        for owner in owners {
            for o in objects(s, after: cue.after, kinds: [.organization], window: 4) { addRelation(cue, owner, o.ref, rule: "noun", s, &f) }
        }
    }

    /// "A remains B's ally", "A is an ally of B", "A and B are allies", "A views B as an ally".
    private func mutual(_ cue: RelationCue, _ s: Sentence, _ f: inout DocumentFacts) {
        let t = s.tokens, i = cue.at, after = cue.after, b = cue.before
        // "will sign a defence pact with B", "is negotiating one": no alliance yet ("has been and will remain
        // a partner" still is one).
        if planned(s, max(0, i - 6), i), !t[max(0, i - 6)..<i].contains(where: { ["remain", "remains", "continue", "continues"].contains($0.lower) }) { return }
        let target = objects(s, after: after, kinds: Self.actorKinds, window: 3).filter { m in
            m.range.lowerBound > after && ["of", "for", "to", "with", "both"].contains(t[m.range.lowerBound - 1].lower)
                || (m.range.lowerBound > after + 1 && t[m.range.lowerBound - 1].lower == "both")
        }
        if let possessor = cue.possessor, b >= 0, ["its", "their", "his", "her"].contains(t[b].lower),
           !t[(b + 1)..<i].contains(where: { ["former", "erstwhile", "one-time", "onetime"].contains($0.lower) }),
           let named = s.actors.first(where: { $0.range.lowerBound == after && $0.ref != possessor }) {
            // "A, supporting its ally B": the name after the cue is the owner's ally.
            addRelation(cue, possessor, named.ref, rule: "possessive-pronoun", s, &f)
        } else if let possessor = cue.possessor {
            // "A remains B's ally", "X, Y's close ally"
            let before = s.actors.last { $0.range.upperBound <= b - 1 && $0.ref != possessor && !(b - 1 > 0 && $0.range.upperBound > b - 1) }
            if let other = subject(s, before: b).first(where: { $0 != possessor }) ?? before?.ref { addRelation(cue, other, possessor, rule: "possessive", s, &f) }
        } else if !target.isEmpty {
            for other in subject(s, before: i) { for o in target { addRelation(cue, other, o.ref, rule: "prepositional", s, &f) } }
        } else if let pair = pairBefore(s, i) {
            addRelation(cue, pair[0], pair[1], rule: "pair", s, &f)
        } else {
            // "A views B as an ally": the two actors before the cue in its clause.
            let subj = subject(s, before: i)
            let between = s.actors.filter { m in
                m.range.lowerBound < i && m.range.lowerBound > (s.actors.first { subj.contains($0.ref) }?.range.upperBound ?? Int.max)
                    && grammar.regardCues.contains(where: { w in t[m.range.lowerBound..<i].contains { $0.lower == w } })
            }
            if let a = subj.first, let o = between.first { addRelation(cue, a, o.ref, rule: "views-as", s, &f) }
        }
    }

    /// "A, which chairs the O", "A chairs the O": a country at the head of an organization.
    private func chair(_ cue: RelationCue, _ s: Sentence, _ f: inout DocumentFacts) {
        let t = s.tokens, i = cue.at
        if planned(s, max(0, i - 6), i) { return }
        let org = cue.possessor.flatMap { $0.kind == .organization ? $0 : nil }
            ?? objects(s, after: cue.after, kinds: [.organization], window: 3).first?.ref
        guard let org else { return }
        var holder: EntityRef?
        if let w = (max(0, i - 5)..<i).last(where: { ["which", "who"].contains(t[$0].lower) }) {
            var a = w - 1
            if a >= 0, t[a].text == "," { a -= 1 }
            holder = s.mentions.last { $0.range.upperBound == a + 1 && $0.ref.kind == .country }?.ref
        } else {
            holder = subject(s, before: i).first { $0.kind == .country }
        }
        if let holder { addRelation(cue, holder, org, rule: "noun", s, &f) }
    }

    /// "A supports B", "A opposes the sanctions", "his support for B": an actor for or against an
    /// actor, initiative or event.
    private func stance(_ cue: RelationCue, _ s: Sentence, _ f: inout DocumentFacts) {
        let t = s.tokens, i = cue.at, p = cue.pattern
        var subj = cue.possessor.map { [$0] } ?? subject(s, before: i)
        if ["his", "her", "its", "their"].contains(i > 0 ? t[i - 1].lower : ""), subj.isEmpty, let p = s.lastPerson { subj = [p] }
        let kinds: Set<EntityKind> = [.person, .country, .organization, .initiative]
        // "the US and Israel opposed, and Ukraine abstained": a verb followed by a comma has no object.
        let hasObject = cue.after < t.count && t[cue.after].text != ","
        var targets = hasObject ? objects(s, after: cue.after, kinds: kinds, window: 5).map(\.ref) : []
        // "critic of Western sanctions on X": the event named right after the cue.
        var event: EventFact?
        if let e = eventAfter(s, cue.after, recent: f.events), targets.isEmpty || e.1 < (s.mentions.first { $0.ref == targets.first }?.range.lowerBound ?? Int.max) {
            event = e.0
            targets = []
        }
        for a in subj where a.kind.isActor {
            if let event {
                f.relations.append(RelationFact(subject: a, property: p.property, object: nil, objectEvent: event, rule: p.id + ".event",
                                                confidence: p.confidence, evidence: s.evidence))
            }
            for o in targets where o != a { addRelation(cue, a, o, rule: "verb", s, &f) }
        }
    }

    /// An event cue within three words after `i` (a sanction, an invasion), as an event.
    /// "the new sanctions" with nothing in the sentence to say whose: the document's latest such event.
    func eventAfter(_ s: Sentence, _ i: Int, recent: [EventFact] = []) -> (EventFact, Int)? {
        for e in lexicon.patterns.events where lexicon.frame(e.class).stanceObject == true {
            for cue in e.cues {
                guard let k = s.has(cue, from: i), k - i <= 3 else { continue }
                if let fact = event(e, s, at: k, length: Cue.cueWords(cue).count, nominal: true) { return (fact, k) }
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
}
