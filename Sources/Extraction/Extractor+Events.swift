import Foundation
import Facts
import Language
import RDFModel

/// Events from the lexicon's event patterns, checked against their class's frame.
extension Extractor {

    func events(_ s: Sentence, _ f: inout DocumentFacts) {
        var used = Set<Int>()
        let start = f.events.count, relationStart = f.relations.count
        defer { mergeRetold(&f, events: start, relations: relationStart) }
        for e in lexicon.patterns.events {
            for cue in e.cues.sorted(by: { $0.count > $1.count }) {
                var from = 0
                while let i = s.has(cue, from: from) {
                    from = i + 1
                    let length = Cue.cueWords(cue).count
                    // Reported speech is the speaker's claim, not the article's fact.
                    guard !used.contains(i), !s.tokens[i].quoted else { continue }
                    guard let fact = event(e, s, at: i, length: length, nominal: nil) else {
                        if let j = anaphoricEvent(e, s, at: i, f) {
                            for k in i..<(i + length) { used.insert(k) }
                            dateAnaphor(j, e, s, at: i, after: i + length, &f)
                        }
                        continue
                    }
                    do {
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
        if nounOfAnotherSense(t, i) { return nil }
        let nominal = forced ?? (isVerbForm ? false : before.map { b in
            grammar.eventNounMarkers.contains(b.lower)
                || s.mentions.contains { $0.range.upperBound == i && ($0.role == .demonym || $0.ref.kind == .country) }
                || b.isNumber || dates.months[b.lower] != nil
        } ?? true)
        let frame = lexicon.frame(e.class)
        var fact = EventFact(cls: e.class, cameo: e.cameo, evidence: s.evidence)
        // The modality may close on the cue itself: "agreed to meet", "will host".
        // So may a modality further back in the cue's clause, over a chain of verbs: "is expected to
        // travel to A in November to attend the summit", "is expected to visit A and meet B".
        fact.planned = planned(s, max(0, i - 5), after) || planned(s, clauseStart(t, before: i), i)
        if fact.planned, let c = e.plannedCameo { fact.cameo = c }
        let actorKinds: Set<EntityKind> = [.person, .country, .organization]

        // Who acts.
        let phraseStart = d >= 0 && d < i - 1 && determiners.contains(t[d].lower) ? d : (i > 0 && determiners.contains(t[i - 1].lower) ? i - 1 : i)
        let verbAt = phraseStart - 1
        // "thanked X for hosting the talks": the gerund, and the event noun it governs, are X's.
        let controlled = controlledSubjects(s, at: i) ?? (nominal && verbAt >= 0 ? controlledSubjects(s, at: verbAt) : nil)
        var subjects = controlled ?? actors(e, s, at: i, after: after, nominal: nominal, before: before, isVerbForm: isVerbForm, frame: frame, &fact)
        governed(s, nominal: nominal, verbAt: verbAt, &subjects, &fact)
        let agentsBefore = fact.agents
        fillRoles(e, s, after: after, nominal: nominal, &fact)
        if fact.location == nil { fact.location = purposePlace(s, before: nominal && verbAt >= 0 ? verbAt : i) }
        // "X attends the inauguration of Y", "X welcomed the visit by Y": an agent named after the cue is the
        // one who acts; the subject only takes part.
        let agentAfterCue = !fact.agents.subtracting(agentsBefore).isEmpty
        if agentAfterCue, e.subjectRole == "agent" {
            for subj in subjects where actorKinds.contains(subj.kind) && !fact.agents.contains(subj) { fact.participants.insert(subj) }
            subjects = []
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
            case "host": fact.hosts.insert(subj)
            default: fact.participants.insert(subj)
            }
        }
        // "thanked X on Monday for hosting the talks": the day before a controlled gerund is the thanks'.
        date(&fact, s, at: i, limit: nextCue(e, s, after: after), earliest: controlled == nil ? 0 : i)
        if frame.named == true, !name(&fact, s, at: i) { return nil }
        return satisfies(frame, &fact) ? fact : nil
    }

    /// The subjects of an event noun that another word governs: "X witnessed the signing" takes part,
    /// "X welcomed the signing" has none, nor has "X expressed its support of the signing".
    func governed(_ s: Sentence, nominal: Bool, verbAt: Int, _ subjects: inout [EntityRef], _ fact: inout EventFact) {
        let t = s.tokens
        let actorKinds: Set<EntityKind> = [.person, .country, .organization]
        // "X witnessed the signing" takes part; "X welcomed the signing" has no part in it.
        if nominal, verbAt >= 0, grammar.witnessVerbs.contains(t[verbAt].lower) || grammar.onlookerVerbs.contains(t[verbAt].lower) {
            if grammar.witnessVerbs.contains(t[verbAt].lower) {
                for subj in subjects where actorKinds.contains(subj.kind) { fact.participants.insert(subj) }
            }
            for subj in subjects { fact.agents.remove(subj) }
            subjects = []
        }
        // "X expressed its support of the signing": an event noun that is the object of another noun has
        // none of the clause's subjects; "a package of sanctions", "a round of talks" is the event itself.
        if nominal, verbAt >= 1, ["of", "about"].contains(t[verbAt].lower), t[verbAt - 1].text.allSatisfy(\.isLetter),
           !t[verbAt - 1].isCapitalized, !t[verbAt - 1].lower.hasSuffix("ed"), !grammar.quantityNouns.contains(t[verbAt - 1].lower),
           s.mentions.allSatisfy({ !$0.range.contains(verbAt - 1) }) {
            for subj in subjects { fact.agents.remove(subj); fact.participants.remove(subj) }
            subjects = []
        }
    }

    /// A verb cue that is no event noun, after a determiner, is a noun of another sense: "the sign",
    /// and, for a base form no singular subject takes, "a positive sign".
    func nounOfAnotherSense(_ t: [Token], _ i: Int) -> Bool {
        guard grammar.bareEventVerbs.contains(t[i].lower), i > 0 else { return false }
        let article: (Token) -> Bool = { grammar.determiners.contains($0.lower) && $0.text != "'s" && $0.text != "'" }
        let base = grammar.baseEventVerbs?.contains(t[i].lower) ?? false
        return article(t[i - 1]) || (base && i > 1 && ["a", "an"].contains(t[i - 2].lower) && t[i - 1].isWord && !t[i - 1].isCapitalized)
    }

    /// Who acts: the possessor, modifier or subject of a noun cue, the subject of a verb cue.
    func actors(_ e: Lexicon.EventPattern, _ s: Sentence, at i: Int, after: Int, nominal: Bool, before: Token?, isVerbForm: Bool,
                frame: Lexicon.EventFrame, _ fact: inout EventFact) -> [EntityRef] {
        let t = s.tokens
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
                subjects = controlledSubjects(s, at: k) ?? subject(s, before: k)
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
                if let verb, let k = s.has(verb, from: max(0, i - 5)) { subjects = controlledSubjects(s, at: k) ?? subject(s, before: k) }
            } else {
                subjects = subject(s, before: i)
            }
        }
        return subjects
    }

    /// "thanked X for hosting", "gratitude to A and B for hosting", "congratulated X on joining": the
    /// subject of a gerund after "for"/"on" is the object of the word of thanks, praise or blame before
    /// it, not the clause's subject. Nil when the verb at `i` is no such gerund, or when the controlling
    /// word has no object ("X was praised for hosting": the subject does it); no one when its object
    /// names no actor ("thanked them for hosting").
    func controlledSubjects(_ s: Sentence, at i: Int) -> [EntityRef]? {
        let t = s.tokens
        guard i >= 2, t[i].lower.hasSuffix("ing"), ["for", "on"].contains(t[i - 1].lower),
              let words = grammar.objectControlWords else { return nil }
        let p = i - 1
        guard let c = (max(0, p - 40)..<p).last(where: { words.contains(t[$0].lower) }), !boundary(t, c, p) else { return nil }
        if c + 1 == p { return nil }
        var from = c + 1
        // "gratitude to A for hosting the talks, and to B for hosting …": a second object after an
        // earlier controlled gerund starts at the "and" that coordinates it.
        if let g = (from..<(p - 1)).last(where: { ["for", "on"].contains(t[$0].lower) && t[$0 + 1].lower.hasSuffix("ing") }) {
            guard let and = ((g + 2)..<p).first(where: { t[$0].lower == "and" && (t[$0 - 1].text == "," || grammar.prepositions.contains(t[$0 + 1].lower)) })
            else { return nil }
            from = and + 1
        } else if p - c > 16 {
            return nil
        }
        return s.actors.filter { $0.range.lowerBound >= from && $0.range.upperBound <= p }.map(\.ref)
    }

    /// Objects and prepositional roles after the cue: hosts, participants, targets, the place.
    func fillRoles(_ e: Lexicon.EventPattern, _ s: Sentence, after: Int, nominal: Bool, _ fact: inout EventFact) {
        let t = s.tokens
        let actorKinds: Set<EntityKind> = [.person, .country, .organization]
        var k = after
        let qualifiers = qualifyingTokens(s)
        let end = nextCue(e, s, after: after)
        // "signed by A and B", "talks with A and B": a conjunct takes the role of the one before it.
        var lastRole: String?
        // The role of the last preposition of the event's, even before a phrase that names no one.
        var openedRole: String?
        // A list of the parties an actor's role began may run on past the usual window ("between the
        // Egyptian President, X, and the President of the Commission, Y"): ten tokens past the last one.
        var limit = after + 14
        while k < end, k < limit, !(k > after && boundary(t, k - 1, k)) {
            let word = t[k].lower
            // "sanctions on members of the judiciary, including X and Y": the list goes on past the comma.
            if nominal, word == ",", !(k + 1 < t.count && t[k + 1].lower == "including") { break }
            if let r = e.preps[word] { openedRole = r }
            if let m = s.mentions.first(where: { $0.range.lowerBound == k && $0.role == .entity }) {
                // The institution of a title ("Chairman of the National Assembly X") fills no role of its own.
                if qualifiers.contains(k) { k = m.range.upperBound; continue }
                var prep = ""
                var b = k - 1
                // Skip what modifies the name: articles, titles, demonyms, forms of address ("with Chilean President Dr X").
                while b >= after, ["the", "both", "his", "its", "former", "'s", "'"].contains(t[b].lower) || honorificWords.contains(t[b].lower)
                        || s.mentions.contains(where: { $0.role != .entity && $0.range.contains(b) }) || qualifiers.contains(b)
                        // "with the Egyptian President, X": the comma of a title's apposition.
                        || (t[b].text == "," && b > after && s.mentions.contains { $0.role == .title && $0.range.upperBound == b }) { b -= 1 }
                if b >= after { prep = t[b].lower }
                if b < after { prep = "" }
                // "with the leaders of A and B": the states whose leaders the preposition names take its role.
                if prep == "of", b - 1 > after, grammar.leaderNouns.contains(t[b - 1].lower) || grammar.leaderNouns.contains(String(t[b - 1].lower.dropLast())) {
                    // Definite and of states only: "visits by heads of the White House" name no one.
                    let p = b - 3
                    if p >= after, t[p + 1].lower == "the", m.ref.kind == .country, e.preps[t[p].lower] != nil { prep = t[p].lower }
                }
                // "a ceremony presided over by X", "a truce brokered by X": the by-phrase is another participle's.
                if prep == "by", byPhraseOfAnotherVerb(e, t, after: after, by: b) { k = m.range.upperBound; continue }
                // "A, B and C": a comma coordinates when an "and" closes the list later in the clause.
                let listGoesOn = prep == "," && (m.range.upperBound..<min(t.count, m.range.upperBound + 12))
                    .prefix { !boundary(t, $0, $0 + 1) || t[$0].text == "," }.contains { t[$0].lower == "and" }
                let role = prep.isEmpty ? e.objectRole : (e.preps[prep] ?? (prep == "and" || listGoesOn ? "same" : (prep == "including" ? openedRole : nil)))
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
                case "agent": if actorKinds.contains(ref.kind) { fact.agents.insert(ref) }
                case "participant": if actorKinds.contains(ref.kind) { fact.participants.insert(ref) }
                case "target": if ref.kind != .city { fact.targets.insert(ref) }
                case "same":
                    if lastRole == "agent", actorKinds.contains(ref.kind) { fact.agents.insert(ref) }
                    else if lastRole == "host", ref.kind == .country || ref.kind == .organization { fact.hosts.insert(ref) }
                    else if !fact.participants.isEmpty, actorKinds.contains(ref.kind) { fact.participants.insert(ref) }
                    else if !fact.targets.isEmpty, ref.kind != .city { fact.targets.insert(ref) }
                default: break
                }
                if let role, role != "same" { lastRole = role }
                if role != nil, actorKinds.contains(ref.kind) { limit = max(limit, min(after + 26, m.range.upperBound + 10)) }
                k = m.range.upperBound
                continue
            }
            if ["which", "who", "while", "whereas"].contains(word) { break }
            k += 1
        }
        // "with A, B and C – the O bloc": the organization the list restates takes the list's role.
        for (members, whole) in listAppositions(s) where !members.isEmpty {
            for role in [EventFact.Role.agent, .host, .participant, .target] where Set(members).isSubset(of: fact.role(role)) {
                fact.setRole(role, fact.role(role).union([whole]))
            }
        }
    }

    /// A named event is the named thing at its cue ("the … Expo"); false when there is none.
    func name(_ fact: inout EventFact, _ s: Sentence, at i: Int) -> Bool {
        guard let named = s.mentions.first(where: { $0.range.contains(i) && $0.ref.kind != .person }) ?? s.mentions.first(where: { $0.range.upperBound == i + 1 }) else { return false }
        fact.name = named.ref.name
        fact.participants = fact.participants.filter { $0 != named.ref }
        if let loc = s.mentions.first(where: { $0.range.lowerBound >= named.range.upperBound && $0.ref.kind == .city }) { fact.location = loc.ref }
        return true
    }

    /// Applies the class's frame to an event: filters its targets, drops roles filled twice, and
    /// says whether what remains is a fact worth writing.
    func satisfies(_ frame: Lexicon.EventFrame, _ fact: inout EventFact) -> Bool {
        if let kinds = frame.targetKinds {
            fact.targets = fact.targets.filter { t in kinds.contains(t.kind.rawValue) || (kinds.contains("actor") && t.kind.isActor) }
        }
        for (name, otherName) in (frame.drop ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let role = EventFact.Role(rawValue: name), let other = EventFact.Role(rawValue: otherName) else { continue }
            fact.setRole(role, fact.role(role).subtracting(fact.role(other)))
        }
        if let n = (fact.location != nil ? frame.minPartiesWithLocation : nil) ?? frame.minParties, fact.everyone.count < n { return false }
        for requirement in frame.requires ?? [] {
            let met = requirement.split(separator: "|").contains { alternative in
                let parts = alternative.split(separator: ":", maxSplits: 1).map(String.init)
                let filled = EventFact.Role(rawValue: parts[0]).map(fact.role) ?? []
                return parts.count == 2 ? filled.contains { $0.kind.rawValue == parts[1] } : !filled.isEmpty
            }
            if !met { return false }
        }
        return true
    }
}
