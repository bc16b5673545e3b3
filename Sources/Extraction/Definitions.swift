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
                if k + 2 < t.count, t[k + 2].text == ")", Self.isShortForm(t[k + 1].text),
                   let m = ms.last(where: { $0.range.upperBound == k && Self.canBeDefined($0) }),
                   Self.abbreviates(t[k + 1].text, t[m.range]) {
                    record(t[k + 1].text, m.ref)
                }
                // SHORT (NAME)
                if k > 0, Self.isShortForm(t[k - 1].text),
                   let m = ms.first(where: { $0.range.lowerBound == k + 1 && Self.canBeDefined($0) }),
                   m.range.upperBound < t.count, t[m.range.upperBound].text == ")",
                   Self.abbreviates(t[k - 1].text, t[m.range]) {
                    record(t[k - 1].text, m.ref)
                }
            }
            // "NAME (guerrilla group), (also) known (by its initials in Spanish) as SHORT": a definition in words,
            // which need not abbreviate the name.
            for k in t.indices where t[k].lower == "known" {
                guard let a = (k + 1..<min(t.count - 1, k + 7)).first(where: { t[$0].lower == "as" }), Self.isShortForm(t[a + 1].text),
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

    /// Two to ten letters or digits, at least two of them capitals, starting with a letter: "NATO", "iCET", "G7".
    static func isShortForm(_ s: String) -> Bool {
        guard (2...10).contains(s.count), s.first?.isLetter == true,
              s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "&" || $0 == "-" }) else { return false }
        return s.filter(\.isUppercase).count >= 2
    }

    /// Whether `short` is made of the initials of `words`: of the capitalized words
    /// ("North Atlantic Treaty Organization"), or of every word but "the" and "and"
    /// ("Economic Community of West African States" gives ECOWAS). Hyphenated parts count
    /// as words ("Trans-Saharan" gives "TS").
    static func abbreviates(_ short: String, _ words: ArraySlice<Token>) -> Bool {
        let letters = String(short.uppercased().filter(\.isLetter))
        guard letters.count >= 2 else { return false }
        let parts = words.filter(\.isWord).flatMap { $0.text.split(separator: "-").map(String.init) }
        let capitalized = String(parts.compactMap { $0.first }.filter(\.isUppercase)).uppercased()
        let linking = String(parts.filter { !["the", "and", "&"].contains($0.lowercased()) }.compactMap(\.first)).uppercased()
        return letters == capitalized || letters == linking
    }
}
