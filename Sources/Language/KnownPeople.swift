/// The people the lexicon knows by full name (`people.json`): what lets a name that no title,
/// attribution or apposition introduces still be read as a person ("X Y and Z W met in …").
/// Only names of two words or more count, and `people.json` leaves out names that are a
/// country, place, organization or initiative, or that people of two countries share.
public struct KnownPeople: Sendable {
    public struct Entry: Decodable, Sendable {
        public let name: String
        public let alt: [String]?
    }

    /// Folded words of a full name, joined by spaces → the name as `people.json` writes it.
    private let byKey: [String: String]
    /// The folded first word of a known name → the most words a name starting with it has.
    private let longestByFirst: [String: Int]

    public init(_ entries: [Entry]) {
        var byKey: [String: String] = [:]
        var longest: [String: Int] = [:]
        for e in entries {
            for name in [e.name] + (e.alt ?? []) {
                let words = Tokenizer.words(name).map(Lexicon.fold)
                guard words.count >= 2 else { continue }
                let key = words.joined(separator: " ")
                if byKey[key] == nil { byKey[key] = e.name }
                longest[words[0]] = max(longest[words[0]] ?? 0, words.count)
            }
        }
        self.byKey = byKey
        self.longestByFirst = longest
    }

    public var count: Int { byKey.count }

    /// The known full names in a run of tokens, longest first at each start, as token ranges
    /// with the name `people.json` gives. Every word of a match is capitalized as written,
    /// apart from name particles ("da", "von", "al-").
    public func matches(in t: [Token], particles: Set<String>) -> [(range: Range<Int>, name: String)] {
        var out: [(range: Range<Int>, name: String)] = []
        var i = 0
        while i < t.count {
            guard t[i].isCapitalized, t[i].isWord, let most = longestByFirst[Lexicon.fold(t[i].text)] else { i += 1; continue }
            var found: (range: Range<Int>, name: String)?
            var end = i + 1
            var words = [Lexicon.fold(t[i].text)]
            while end < t.count, end - i < most, t[end].isWord, t[end].isCapitalized || particles.contains(t[end].text) {
                words.append(Lexicon.fold(t[end].text))
                end += 1
                if t[end - 1].isCapitalized, let name = byKey[words.joined(separator: " ")] { found = (i..<end, name) }
            }
            if let found {
                out.append(found)
                i = found.range.upperBound
            } else {
                i += 1
            }
        }
        return out
    }
}
