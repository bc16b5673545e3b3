import Facts
import Language

/// One event told twice in a sentence is one event: "Signed on Friday by A and B, the ceasefire …"
/// reads a signing from "Signed … by A and B" and another from "the ceasefire", which has only the
/// nearer B. An analyst would read two signings, one of them with a single signer.
extension Extractor {
    /// Merges each event found in a sentence (from index `start` of `f.events`) into an earlier one of
    /// the same sentence that tells the same event: same class and planned flag, no conflicting date,
    /// end, place or name, and the actors of one all among the other's. The merged event keeps the
    /// roles of both and the code of the one with more actors (the earlier on a tie). Relations read
    /// in the sentence (from `relationStart`) that point at a merged event point at the merged one.
    func mergeRetold(_ f: inout DocumentFacts, events start: Int, relations relationStart: Int) {
        guard f.events.count - start >= 2 else { return }
        var kept: [EventFact] = []
        var replaced: [(old: EventFact, new: Int)] = []
        for e in f.events[start...] {
            if let j = kept.firstIndex(where: { Self.tellsSame($0, e) }) {
                let old = kept[j]
                kept[j] = Self.merged(old, e)
                replaced.append((old, j))
                replaced.append((e, j))
            } else {
                kept.append(e)
            }
        }
        guard !replaced.isEmpty else { return }
        f.events.replaceSubrange(start..., with: kept)
        for r in relationStart..<f.relations.count {
            let rel = f.relations[r]
            guard let ev = rel.objectEvent, let j = replaced.last(where: { $0.old == ev })?.new else { continue }
            f.relations[r] = RelationFact(subject: rel.subject, property: rel.property, object: nil, objectEvent: kept[j],
                                          rule: rel.rule, confidence: rel.confidence, evidence: rel.evidence)
        }
    }

    static func tellsSame(_ a: EventFact, _ b: EventFact) -> Bool {
        func agree<T: Equatable>(_ x: T?, _ y: T?) -> Bool { x == nil || y == nil || x == y }
        guard a.cls == b.cls, a.planned == b.planned, agree(a.date, b.date), agree(a.endDate, b.endDate),
              agree(a.location, b.location), agree(a.name, b.name) else { return false }
        let x = a.everyone.union(a.targets), y = b.everyone.union(b.targets)
        // Each side stays a side: a target of one is never an actor of the other.
        guard a.targets.isDisjoint(with: b.everyone), b.targets.isDisjoint(with: a.everyone) else { return false }
        return x.isSubset(of: y) || y.isSubset(of: x)
    }

    static func merged(_ a: EventFact, _ b: EventFact) -> EventFact {
        var out = b.everyone.union(b.targets).count > a.everyone.union(a.targets).count ? b : a
        let other = out == a ? b : a
        out.agents.formUnion(other.agents)
        out.hosts.formUnion(other.hosts)
        out.participants.formUnion(other.participants)
        out.targets.formUnion(other.targets)
        out.location = out.location ?? other.location
        out.date = out.date ?? other.date
        out.endDate = out.endDate ?? other.endDate
        out.name = out.name ?? other.name
        return out
    }

    /// "The visit from September 10-11 marked …": a definite event noun that names no party of its own
    /// refers to the document's last event of its class from an earlier sentence; the index of that event.
    func anaphoricEvent(_ e: Lexicon.EventPattern, _ s: Sentence, at i: Int, _ f: DocumentFacts) -> Int? {
        let t = s.tokens
        guard i > 0, ["the", "this"].contains(t[i - 1].lower), !t[i].lower.hasSuffix("s") || t[i].lower.hasSuffix("ss") else { return nil }
        guard let j = f.events.lastIndex(where: { $0.cls == e.class }), f.events[j].evidence != s.evidence else { return nil }
        return j
    }

    /// The date the anaphor's sentence gives its event noun fills the event it refers to, when that event
    /// has none; a date it already has is never replaced. Relations that point at the event follow it.
    func dateAnaphor(_ j: Int, _ e: Lexicon.EventPattern, _ s: Sentence, at i: Int, after: Int, _ f: inout DocumentFacts) {
        guard f.events[j].date == nil else { return }
        var probe = EventFact(cls: e.class, cameo: e.cameo, evidence: s.evidence)
        probe.planned = f.events[j].planned
        date(&probe, s, at: i, limit: nextCue(e, s, after: after))
        // Only a date the sentence writes, never the article's day.
        // Only a date the sentence writes right after the noun ("the visit from 10 to 11 September", "the
        // talks on Monday"), never the article's day or a date of another clause ("that signed in July").
        guard let day = probe.date, s.dates.contains(where: { $0.date == day && (after...after + 1).contains($0.range.lowerBound) }) else { return }
        let old = f.events[j]
        // Every telling of that event so far (the headline's, the lead's) is dated with it.
        for k in f.events.indices {
            var same = f.events[k]
            same.evidence = old.evidence
            guard same == old else { continue }
            f.events[k].date = day
            f.events[k].endDate = probe.endDate
        }
        // The anaphor's sentence is evidence of the event too: the same event, told again.
        var again = f.events[j]
        again.evidence = s.evidence
        f.events.append(again)
        for r in f.relations.indices {
            guard var ev = f.relations[r].objectEvent else { continue }
            let evidence = ev.evidence
            ev.evidence = old.evidence
            guard ev == old else { continue }
            ev = f.events[j]
            ev.evidence = evidence
            let rel = f.relations[r]
            f.relations[r] = RelationFact(subject: rel.subject, property: rel.property, object: nil, objectEvent: ev,
                                          rule: rel.rule, confidence: rel.confidence, evidence: rel.evidence)
        }
    }
}
