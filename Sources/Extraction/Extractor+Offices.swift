import Language

extension Extractor {
    /// "the president of Ruritania", "Ruritania's foreign minister", "the Ruritanian prime minister"
    /// with no name beside them: the person who held that office on `date`, from the office table.
    /// Nothing when the article names someone for it, when a modifier ("former") stands before it,
    /// or when the table does not give one holder for that day.
    func officeHolders(_ t: [Token], _ ms: [Mention], on date: TextDate, heads: [EntityRef: EntityRef]) -> [Mention] {
        var out: [Mention] = []
        let covered = Set(ms.filter { $0.role == .entity && $0.ref.kind == .person }.flatMap { Array($0.range) })
        for m in ms where m.role == .title {
            var owner: EntityRef?
            var range = m.range
            let before = m.range.lowerBound - 1
            let after = m.range.upperBound
            if before >= 0, let d = ms.first(where: { $0.range.upperBound == before + 1 && ($0.role == .demonym || $0.role == .entity) && $0.ref.kind == .country }) {
                // "the Ruritanian president", "Ruritanian President"
                owner = d.ref
                range = d.range.lowerBound..<m.range.upperBound
            } else if before >= 1, t[before].text == "'s" || t[before].text == "'",
                      let c = ms.first(where: { $0.range.upperBound == before && $0.role == .entity && ($0.ref.kind == .country || $0.ref.kind == .organization) }) {
                // "Ruritania's foreign minister"
                owner = c.ref
                range = c.range.lowerBound..<m.range.upperBound
            } else if after + 1 < t.count, t[after].lower == "of" {
                // "the president of Ruritania"
                let at = t[after + 1].lower == "the" ? after + 2 : after + 1
                if let c = ms.first(where: { $0.range.lowerBound == at && $0.role == .entity && ($0.ref.kind == .country || $0.ref.kind == .organization) }) {
                    owner = c.ref
                    range = m.range.lowerBound..<c.range.upperBound
                }
            }
            guard let owner, heads[owner] == nil else { continue }
            // A name beside the office ("… President X Y", "…, X Y,") is the article's own answer.
            let next = range.upperBound < t.count && t[range.upperBound].text == "," ? range.upperBound + 1 : range.upperBound
            if covered.contains(next) || (next < t.count && t[next].isCapitalized && t[next].isWord) { continue }
            if range.lowerBound > 0, lexicon.patterns.titleModifiers.contains(t[range.lowerBound - 1].lower) { continue }
            if range.lowerBound > 1, t[range.lowerBound - 1].text == ",", covered.contains(range.lowerBound - 2) { continue }
            guard let name = lexicon.offices.holder(title: m.ref.name, of: owner, on: date) else { continue }
            let person = EntityRef(kind: .person, name: registry.resolve(name)?.name ?? name)
            var mention = Mention(range: range, ref: person, role: .entity, note: nil)
            if m.note == "head" { mention.owner = owner }
            out.append(mention)
        }
        return out
    }
}
