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
}
