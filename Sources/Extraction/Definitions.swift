import Language

/// Short forms that a document defines for itself, wherever it defines them:
/// "the Ruritanian Gas Corridor (RGC)" and "RGC (Ruritanian Gas Corridor)".
/// A definition holds for the whole document, before and after the place that
/// gives it, and wins over the lexicon's reading of the same short form.
extension Extractor {
    /// Each short form the document defines, with the entity it stands for. A short form
    /// defined twice for different entities is ambiguous and stands for neither.
    func definitions(_ tokens: [[Token]], _ mentions: [[Mention]]) -> [String: EntityRef] {
        var found: [String: EntityRef] = [:]
        var ambiguous = Set<String>()
        func record(_ short: String, _ ref: EntityRef) {
            if let old = found[short], old != ref { ambiguous.insert(short) }
            found[short] = ref
        }
        for (t, ms) in zip(tokens, mentions) {
            for k in t.indices where t[k].text == "(" {
                // NAME (SHORT)
                if k + 2 < t.count, t[k + 2].text == ")", Cue.isShortForm(t[k + 1].text),
                   let m = ms.last(where: { $0.range.upperBound == k && Self.canBeDefined($0) }),
                   Cue.abbreviates(t[k + 1].text, t[m.range]) {
                    record(t[k + 1].text, m.ref)
                }
                // SHORT (NAME)
                if k > 0, Cue.isShortForm(t[k - 1].text),
                   let m = ms.first(where: { $0.range.lowerBound == k + 1 && Self.canBeDefined($0) }),
                   m.range.upperBound < t.count, t[m.range.upperBound].text == ")",
                   Cue.abbreviates(t[k - 1].text, t[m.range]) {
                    record(t[k - 1].text, m.ref)
                }
            }
            // "NAME (guerrilla group), (also) known (by its initials in Spanish) as SHORT": a definition in words,
            // which need not abbreviate the name.
            for k in t.indices where t[k].lower == "known" {
                guard let a = (k + 1..<min(t.count - 1, k + 7)).first(where: { t[$0].lower == "as" }), Cue.isShortForm(t[a + 1].text),
                      a + 2 == t.count || !t[a + 2].isWord else { continue }
                var b = k - 1
                if b >= 0, t[b].lower == "also" { b -= 1 }
                if b >= 0, t[b].text == "," { b -= 1 }
                while b >= 0, b > k - 6, t[b].isWord, !t[b].isCapitalized { b -= 1 }
                if let m = ms.last(where: { $0.range.upperBound == b + 1 && Self.canBeDefined($0) }) { record(t[a + 1].text, m.ref) }
            }
        }
        for short in ambiguous { found[short] = nil }
        return found
    }

    /// The mentions of a sentence with every defined short form read as its definition says.
    func applying(_ definitions: [String: EntityRef], to t: [Token], _ ms: [Mention]) -> [Mention] {
        guard !definitions.isEmpty else { return ms }
        var out = ms
        for i in t.indices {
            guard let ref = definitions[t[i].text] else { continue }
            let range = i..<(i + 1)
            if let k = out.firstIndex(where: { $0.range == range && $0.role == .entity }) {
                if out[k].ref != ref { out[k] = Mention(range: range, ref: ref, role: .entity, note: "acronym") }
            } else if !out.contains(where: { $0.range.overlaps(range) }) {
                out.append(Mention(range: range, ref: ref, role: .entity, note: "acronym"))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Organizations, initiatives and states can be given a short form; people and places are not.
    static func canBeDefined(_ m: Mention) -> Bool {
        m.role == .entity && [.organization, .initiative, .country].contains(m.ref.kind) && m.range.count >= 2
    }


    /// "the Security Council" in a document that names the United Nations Security Council is that
    /// council: an organization whose name (two words or more) ends exactly one longer organization's
    /// name in the document stands for it, as a surname does for a person named in full.
    static func resolvingShortenedNames(_ mentions: [[Mention]]) -> [[Mention]] {
        let orgs = Set(mentions.joined().filter { $0.role == .entity && $0.ref.kind == .organization }.map(\.ref))
        guard orgs.count >= 2 else { return mentions }
        let words = Dictionary(uniqueKeysWithValues: orgs.map { ($0, $0.name.split(separator: " ").map { $0.lowercased() }) })
        var longer: [EntityRef: EntityRef] = [:]
        for short in orgs where words[short]!.count >= 2 {
            let w = words[short]!
            // The shorter name is the longer one's head, not its complement: "Council of the European Union"
            // is no European Union.
            let ends = orgs.filter { o in
                let ow = words[o]!
                guard o != short, ow.count > w.count, Array(ow.suffix(w.count)) == w else { return false }
                let before = o.name.split(separator: " ")[ow.count - w.count - 1]
                return before.first?.isUppercase == true
            }
            if ends.count == 1 { longer[short] = ends.first! }
        }
        guard !longer.isEmpty else { return mentions }
        return mentions.map { ms in
            ms.map { m in
                guard m.role == .entity, let to = longer[m.ref] else { return m }
                var out = Mention(range: m.range, ref: to, role: m.role, note: m.note)
                out.owner = m.owner
                return out
            }
        }
    }
}
