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

/// People found in a corpus, by full name, with the variants that resolve to them. Every lookup
/// goes through hashed keys, so learning and resolving a corpus's people costs the same per name
/// however many people it names.
public struct PersonRegistry: Sendable {
    public struct Person: Sendable {
        public var name: String
        public var variants: Set<String>
        public var tokens: Set<String>
        /// How the person was found: "person.title", "person.attribution", "person.byline" …
        public var rules: Set<String> = []
    }
    public private(set) var people: [Person] = []
    /// Folded given name → the first name of its variant group ("aleksandr" → "alexander").
    private let classes: [String: String]
    /// "given class ␀ surname class" of each person's name → the first person with it.
    private var byKey: [String: Int] = [:]
    /// A folded word → the people one of whose variants starts or ends with it.
    private var byEdgeWord: [String: Set<Int>] = [:]
    /// A folded word of four letters or more → the people one of whose variants holds it.
    private var byInnerWord: [String: Set<Int>] = [:]
    /// A canonical name → its person.
    private var byName: [String: Int] = [:]

    init(variantGroups: [[String]]) {
        var classes: [String: String] = [:]
        for group in variantGroups {
            for name in group where classes[name] == nil { classes[name] = group[0] }
        }
        self.classes = classes
    }

    /// The given-name class of a token ("aleksandr" and "alexander" are one).
    func nameClass(_ token: String) -> String {
        let f = Lexicon.fold(token)
        return classes[f] ?? f
    }

    /// The key of a full name: the classes of its first and last words.
    private func key(_ parts: [String]) -> String {
        nameClass(parts[0]) + "\u{0}" + nameClass(parts[parts.count - 1])
    }

    /// Adds a full name; a name whose surname and given name match a known person's joins it.
    mutating func add(_ fullName: String, rule: String? = nil) {
        let parts = fullName.split(separator: " ").map(String.init)
        guard parts.count >= 2 else { return }
        if let i = byKey[key(parts)] {
            people[i].variants.insert(fullName)
            people[i].tokens.formUnion(parts.map { Lexicon.fold($0) })
            if let rule { people[i].rules.insert(rule) }
            index(variant: fullName, of: i)
            return
        }
        people.append(Person(name: fullName, variants: [fullName], tokens: Set(parts.map { Lexicon.fold($0) }), rules: rule.map { [$0] } ?? []))
        byKey[key(parts)] = people.count - 1
        byName[fullName] = byName[fullName] ?? people.count - 1
        index(variant: fullName, of: people.count - 1)
    }

    private mutating func index(variant: String, of i: Int) {
        let words = variant.split(separator: " ").map { Lexicon.fold(String($0)) }
        guard let first = words.first, let last = words.last else { return }
        byEdgeWord[first, default: []].insert(i)
        byEdgeWord[last, default: []].insert(i)
        for w in words where w.count >= 4 { byInnerWord[w, default: []].insert(i) }
    }

    /// Chooses each person's canonical name: the variant seen most, then the first in byte order.
    mutating func finish(counts: [String: Int]) {
        for i in people.indices {
            people[i].name = people[i].variants.sorted { a, b in
                let ca = counts[a, default: 0], cb = counts[b, default: 0]
                return ca != cb ? ca > cb : a.utf8.lexicographicallyPrecedes(b.utf8)
            }[0]
        }
        people.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        byKey = [:]
        byEdgeWord = [:]
        byInnerWord = [:]
        byName = [:]
        for (i, p) in people.enumerated() {
            let k = key(p.name.split(separator: " ").map(String.init))
            if byKey[k] == nil { byKey[k] = i }
            if byName[p.name] == nil { byName[p.name] = i }
            for v in p.variants { index(variant: v, of: i) }
        }
    }

    /// The person whose canonical name is `name`.
    public func person(named name: String) -> Person? { byName[name].map { people[$0] } }

    /// The person a full name or single name token refers to, when exactly one matches.
    func resolve(_ surface: String) -> Person? {
        let parts = surface.split(separator: " ").map(String.init)
        if parts.count >= 2 { return byKey[key(parts)].map { people[$0] } }
        guard let first = parts.first else { return nil }
        let only = Lexicon.fold(first)
        // One word names a person as the first or last word of a known full name ("Mak" or "Wei" in "Mak Tann Wei"),
        // or as an inner word of four letters or more ("Lula" in "Luiz Inácio Lula da Silva").
        var matches = byEdgeWord[only] ?? []
        if only.count >= 4, let inner = byInnerWord[only] { matches.formUnion(inner) }
        return matches.count == 1 ? people[matches.first!] : nil
    }

    /// As ``resolve(_:)``, but a single word that fits several people stands for the one of them
    /// that `named` (the full names the document itself uses) holds, when exactly one.
    func resolve(_ surface: String, preferring named: Set<String>) -> Person? {
        if let one = resolve(surface) { return one }
        let only = Lexicon.fold(surface)
        guard !surface.utf8.contains(UInt8(ascii: " ")), !named.isEmpty else { return nil }
        let matches = (byEdgeWord[only] ?? []).filter { named.contains(people[$0].name) }
        return matches.count == 1 ? people[matches.first!] : nil
    }
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
        if Extractor.isHeadline(t) { return out }
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

    /// A headline in title case capitalizes common words ("Foreign Policy Approach", "X Attends
    /// Inauguration"), so no shape or name can be delimited in it. A sentence that ends in a full
    /// stop, a question or an exclamation is no headline.
    static func isHeadline(_ t: [Token]) -> Bool {
        let words = t.filter { $0.isWord && $0.text.count > 3 }
        return !endsAsSentence(t) && words.count >= 3 && words.filter(\.isCapitalized).count * 10 >= words.count * 7
    }

    /// The sentence's closing mark, behind any closing quotation mark or parenthesis.
    static func closingMark(_ t: [Token]) -> String? {
        t.last(where: { !["\"", "'", "”", ")"].contains($0.text) })?.text
    }

    /// Whether a sentence ends in a full stop, a question mark or an exclamation mark.
    static func endsAsSentence(_ t: [Token]) -> Bool { [".", "?", "!"].contains(closingMark(t) ?? "") }

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
