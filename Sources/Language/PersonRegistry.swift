/// Stage 5 of the pipeline, the people of a corpus: every full name the first pass learns, and the
/// variants and single words that resolve to each.
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

    package init(variantGroups: [[String]]) {
        var classes: [String: String] = [:]
        for group in variantGroups {
            for name in group where classes[name] == nil { classes[name] = group[0] }
        }
        self.classes = classes
    }

    /// The given-name class of a token ("aleksandr" and "alexander" are one).
    package func nameClass(_ token: String) -> String {
        let f = Lexicon.fold(token)
        return classes[f] ?? f
    }

    /// The key of a full name: the classes of its first and last words.
    private func key(_ parts: [String]) -> String {
        nameClass(parts[0]) + "\u{0}" + nameClass(parts[parts.count - 1])
    }

    /// Adds a full name; a name whose surname and given name match a known person's joins it.
    package mutating func add(_ fullName: String, rule: String? = nil) {
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
    package mutating func finish(counts: [String: Int]) {
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
    package func resolve(_ surface: String) -> Person? {
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
    package func resolve(_ surface: String, preferring named: Set<String>) -> Person? {
        if let one = resolve(surface) { return one }
        let only = Lexicon.fold(surface)
        guard !surface.utf8.contains(UInt8(ascii: " ")), !named.isEmpty else { return nil }
        let matches = (byEdgeWord[only] ?? []).filter { named.contains(people[$0].name) }
        return matches.count == 1 ? people[matches.first!] : nil
    }
}
