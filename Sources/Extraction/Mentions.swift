import Language

/// Stage 4 and 5: mentions of entities in a sentence, resolved to entities.

/// A mention of an entity, a title or a demonym in a sentence's tokens.
public struct Mention: Sendable {
    public enum Role: Sendable { case entity, demonym, title }
    public let range: Range<Int>
    public let ref: EntityRef
    public let role: Role
    /// "head" for titles that make their holder head of a state or organization.
    public let note: String?
    /// For a person read from an office ("the president of Ruritania"): the state or organization
    /// they head, when the office is a head's.
    public var owner: EntityRef? = nil
}

extension Extractor {
    /// Surnames that fit several people of the corpus ("Wong") read as the one this document
    /// names in full; each sentence's mentions with those added.
    func resolvingSurnames(_ tokens: [[Token]], _ mentions: [[Mention]]) -> [[Mention]] {
        let named = Set(mentions.joined().filter { $0.ref.kind == .person && $0.role == .entity && $0.range.count >= 2 }.map(\.ref.name))
        guard !named.isEmpty else { return mentions }
        return zip(tokens, mentions).map { t, ms in
            var out = ms
            for i in t.indices where t[i].isCapitalized && t[i].isWord {
                guard !out.contains(where: { $0.range.contains(i) }), lexicon.entries(t[i].text).isEmpty,
                      !(i + 1 < t.count && t[i + 1].isCapitalized && t[i + 1].isWord),
                      registry.resolve(t[i].text) == nil,
                      let p = registry.resolve(t[i].text, preferring: named) else { continue }
                out.append(Mention(range: i..<(i + 1), ref: EntityRef(kind: .person, name: p.name), role: .entity, note: t[i].text))
            }
            return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
    }
}

extension Extractor {
    /// Gazetteer matches, longest first, left to right; then shapes (organizations,
    /// initiatives) and known people.
    func mentions(_ t: [Token]) -> [Mention] {
        var out: [Mention] = []
        var i = 0
        while i < t.count {
            var matched = false
            let reach = lexicon.maxTokensByFirst[Lexicon.fold(t[i].text)] ?? 0
            for n in stride(from: min(reach, t.count - i), through: 1, by: -1) {
                let slice = t[i..<(i + n)]
                guard slice.first?.isWord == true, slice.last?.isWord == true else { continue }
                let surface = slice.map(\.text).joined(separator: " ")
                guard let entries = lexicon.index[Lexicon.fold(surface)] else { continue }
                let usable = entries.filter { e in
                    if e.caseSensitive { return e.kind == .title ? true : surface == surface.uppercased() }
                    if e.kind == .title { return true }
                    return slice.first!.isCapitalized
                }
                guard let e = usable.first else { continue }
                if let m = mention(for: e, range: i..<(i + n), tokens: t) {
                    // A longer shape ("the X Industrial Park") may contain this name: checked below.
                    out.append(m)
                    i += n
                    matched = true
                }
                break
            }
            if !matched {
                // "Ruritania-Freedonia": a compound of two countries or demonyms.
                let parts = t[i].text.split(separator: "-").map(String.init)
                if parts.count == 2, t[i].isCapitalized {
                    let ms = parts.compactMap { p in lexicon.index[Lexicon.fold(p)]?.first { $0.kind == .country || $0.kind == .demonym || $0.kind == .capital } }
                    if ms.count == 2 {
                        for e in ms {
                            let country = e.kind == .capital ? (e.extra ?? e.canonical) : e.canonical
                            out.append(Mention(range: i..<(i + 1), ref: EntityRef(kind: .country, name: country), role: .demonym, note: "compound"))
                        }
                    }
                }
                i += 1
            }
        }
        out = withPortfolios(t, out)
        out = shapes(t, out)
        out += people(t, out)
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func mention(for e: Lexicon.Entry, range: Range<Int>, tokens t: [Token]) -> Mention? {
        switch e.kind {
        case .country: return Mention(range: range, ref: EntityRef(kind: .country, name: e.canonical), role: .entity, note: nil)
        case .demonym: return Mention(range: range, ref: EntityRef(kind: .country, name: e.canonical), role: .demonym, note: nil)
        case .organization: return Mention(range: range, ref: EntityRef(kind: .organization, name: e.canonical), role: .entity, note: nil)
        case .initiative: return Mention(range: range, ref: EntityRef(kind: .initiative, name: e.canonical), role: .entity, note: nil)
        case .place: return Mention(range: range, ref: EntityRef(kind: .city, name: e.canonical), role: .entity, note: "place")
        case .title: return Mention(range: range, ref: EntityRef(kind: .person, name: e.canonical), role: .title, note: e.extra)
        case .capital:
            // Metonymy: a capital that acts is its country; after a preposition of place it stays a city.
            let before = range.lowerBound > 0 ? t[range.lowerBound - 1].lower : ""
            let before2 = range.lowerBound > 1 ? t[range.lowerBound - 2].lower : ""
            let isPlace = ["in", "at", "near", "from", "to", "into", "outside", "visiting", "visited", "visit", "toured"].contains(before)
                || (before == "," && ["in", "at"].contains(before2))
            if isPlace { return Mention(range: range, ref: EntityRef(kind: .city, name: e.canonical), role: .entity, note: "place") }
            return Mention(range: range, ref: EntityRef(kind: .country, name: e.extra ?? e.canonical), role: .entity, note: "metonymy")
        }
    }

    /// Organizations and initiatives not in the lexicon, by their shape: a run of
    /// capitalized words ending in a shape word ("… Council", "… Initiative"),
    /// with "of"/"and"/"for"/"on" inside, optionally a quoted name after "Park".
    private func shapes(_ t: [Token], _ known: [Mention]) -> [Mention] {
        var out = known
        // A headline in title case capitalizes common words ("Foreign Policy Approach"): no shapes there.
        if Cue.isHeadline(t) { return out }
        let orgShapes = Set(lexicon.patterns.organizationShapes.map { $0.lowercased() })
        let iniShapes = Set((lexicon.patterns.initiativeShapes + lexicon.patterns.exhibitionShapes).map { $0.lowercased() })
        var i = 0
        while i < t.count {
            // A run starts at a capitalized word that is no sentence-initial article, preposition, month or weekday.
            guard t[i].isCapitalized, t[i].isWord, !["The", "A", "An"].contains(t[i].text), !notNames.contains(t[i].lower) else { i += 1; continue }
            var j = i
            var lastShape: (Int, EntityKind)?
            while j < t.count {
                let w = t[j]
                if w.isCapitalized && w.isWord && !(j > i && notNames.contains(w.lower) && !["the", "of", "and", "for", "on", "de"].contains(w.lower)) {
                    if orgShapes.contains(w.lower) { lastShape = (j, .organization) }
                    if iniShapes.contains(w.lower) { lastShape = (j, .initiative) }
                    j += 1
                } else if ["of", "and", "for", "on", "the", "de"].contains(w.text), j + 1 < t.count, t[j + 1].isCapitalized {
                    j += 1
                } else {
                    break
                }
            }
            // "Ministry of Coastal Affairs", "Treaty of Ruritania", "Agreement on Trade in Services": a shape word
            // that starts the run names it when an "of"/"on" phrase follows.
            let headFirst = lastShape.map { $0.0 == i } == true && i + 2 < t.count && ["of", "on"].contains(t[i + 1].lower)
                && t[i + 2].isCapitalized && !(i > 0 && t[i - 1].isCapitalized && t[i - 1].isWord)
                // "the Government of Ruritania" is the state itself, not an institution of its own.
                && !out.contains { $0.range.lowerBound == i + 2 && $0.ref.kind == .country && !($0.range.upperBound < t.count && t[$0.range.upperBound].isCapitalized) }
            if let (shapeEnd, kind) = lastShape, shapeEnd > i || headFirst {
                var end = shapeEnd
                // "Communist Party of Vietnam", "Council of the European Union": the "of" phrase belongs to the name.
                var k = end + 1
                if k < t.count, t[k].lower == "of" {
                    k += 1
                    if k < t.count, t[k].lower == "the" { k += 1 }
                    var last = k
                    while last < t.count, t[last].isCapitalized, t[last].isWord { last += 1 }
                    if last > k { end = last - 1 }
                }
                let range = i..<(end + 1)
                let name = t[range].map(\.text).joined(separator: " ")
                // Keep lexicon matches that cover the whole run; replace those inside it.
                let covered = out.contains { $0.range.lowerBound <= range.lowerBound && $0.range.upperBound >= range.upperBound }
                if !covered && range.count >= 2 {
                    let entry = lexicon.index[Lexicon.fold(name)]?.first
                    // "Ruritania's Ministry of Finance": every state has one, so the state is part of its name.
                    var owned = name
                    if kind == .organization, i >= 2, t[i - 1].text == "'s" || t[i - 1].text == "'",
                       let owner = out.first(where: { $0.range.upperBound == i - 1 && $0.ref.kind == .country && $0.role == .entity }) {
                        owned = "\(name) (\(owner.ref.name))"
                    }
                    let ref = entry.map { EntityRef(kind: $0.kind == .initiative ? .initiative : .organization, name: $0.canonical) }
                        ?? EntityRef(kind: kind, name: owned)
                    out.removeAll { $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= range.upperBound }
                    out.append(Mention(range: range, ref: ref, role: .entity, note: "shape"))
                }
                i = end + 1
            } else {
                i = max(j, i + 1)
            }
        }
        // "the 12-point peace plan": lower-case plans by shape.
        for k in t.indices where t[k].lower == "plan" && k > 0 && t[k - 1].lower == "peace" {
            var start = k - 1
            if start > 0, t[start - 1].lower.hasSuffix("-point") { start -= 1 }
            let range = start..<(k + 1)
            if !out.contains(where: { $0.range.overlaps(range) }) {
                out.append(Mention(range: range, ref: EntityRef(kind: .initiative, name: t[range].map(\.lower).joined(separator: " ")), role: .entity, note: "shape"))
            }
        }
        return out
    }

    /// "Minister for Economic Affairs X Y": a title takes the portfolio after "of"/"for", so that the
    /// portfolio's last word is never read as the first word of the name after it.
    func withPortfolios(_ t: [Token], _ ms: [Mention]) -> [Mention] {
        let portfolio = grammar.portfolioWords
        return ms.map { m in
            guard m.role == .title, m.range.upperBound + 1 < t.count, ["of", "for"].contains(t[m.range.upperBound].lower) else { return m }
            var k = m.range.upperBound + 1
            while k < t.count, portfolio.contains(t[k].lower), t[k].isCapitalized || ["and", "the"].contains(t[k].text) { k += 1 }
            while k > m.range.upperBound + 1, ["and", "the"].contains(t[k - 1].text) || grammar.portfolioModifiers.contains(t[k - 1].lower) { k -= 1 }
            guard k > m.range.upperBound + 1, !ms.contains(where: { $0.range.lowerBound > m.range.upperBound && $0.range.lowerBound < k }) else { return m }
            return Mention(range: m.range.lowerBound..<k, ref: m.ref, role: .title, note: m.note)
        }
    }


    /// People: known names (full or one token), and new ones after titles.
    private func people(_ t: [Token], _ known: [Mention]) -> [Mention] {
        var out: [Mention] = []
        var taken = Set(known.filter { $0.role != .title }.flatMap { Array($0.range) })
        var i = 0
        while i < t.count {
            guard !taken.contains(i), t[i].isCapitalized, t[i].isWord, t[i].text.count >= 2 else { i += 1; continue }
            var j = i
            let particles = Set(lexicon.patterns.nameParticles ?? [])
            while j < t.count, j - i < 6, !taken.contains(j) {
                if t[j].isCapitalized, t[j].isWord, lexicon.entries(t[j].text).isEmpty || j == i {
                    j += 1
                } else if j > i, particles.contains(t[j].text), j + 1 < t.count, t[j + 1].isCapitalized {
                    j += 1  // "Lula da Silva", "von der Leyen"
                } else if j > i, particleJoined(t[j], particles) {
                    j += 1  // "Abdel Fattah al-Sissi"
                } else {
                    break
                }
            }
            while j > i + 1, particles.contains(t[j - 1].text) { j -= 1 }
            var matched = false
            for end in stride(from: j, to: i, by: -1) {
                // "Marcos Galvão" is not "Marcos" of another full name: one word of a longer unknown name is no match.
                if end == i + 1, j > i + 1 { break }
                let surface = t[i..<end].map(\.text).joined(separator: " ")
                if let p = registry.resolve(surface) {
                    out.append(Mention(range: i..<end, ref: EntityRef(kind: .person, name: p.name), role: .entity, note: surface))
                    for k in i..<end { taken.insert(k) }
                    i = end
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        return out
    }
}
