import Foundation

/// The knowledge of the world the extractor uses, loaded at run time from
/// `ontology/lexicon/` (see its README): countries, organizations, initiatives,
/// places, titles, and the language patterns of `patterns.json`.
public struct Lexicon: Sendable {
    public struct Country: Decodable, Sendable {
        public let name: String
        public let official: String?
        public let alt: [String]?
        public let iso2: String?
        public let iso3: String?
        public let demonyms: [String]?
        public let capital: String?
        public let capitalAlt: [String]?
        public let wikidata: String?
    }

    public struct Named: Decodable, Sendable {
        public let name: String
        public let alt: [String]?
        public let kind: String?
        public let seat: String?
        public let country: String?
        public let wikidata: String?
    }

    public struct Title: Decodable, Sendable {
        public let title: String
        public let alt: [String]?
        public let headOf: Bool
        public let scope: String?
    }

    public struct Currency: Decodable, Sendable {
        public let cue: String
        public let code: String
        public let prefix: Bool
    }

    public struct Measure: Decodable, Sendable {
        public let cue: String
        public let measure: String
    }
    /// The frame of an event class; an empty one for a class the lexicon gives none.
    public func frame(_ eventClass: String) -> EventFrame { patterns.eventFrames[eventClass] ?? EventFrame() }

    public enum EntryKind: String, Sendable {
        case country, demonym, capital, organization, initiative, place, title
    }

    /// One name the gazetteer knows, with what it stands for.
    public struct Entry: Sendable {
        public let kind: EntryKind
        /// The canonical name of the entity it names (for a demonym or a capital: the country).
        public let canonical: String
        /// For a capital or place: the country it lies in; for a title: the title itself.
        public let extra: String?
        public let caseSensitive: Bool
    }

    public let countries: [Country]
    public let organizations: [Named]
    public let initiatives: [Named]
    public let places: [Named]
    public let titles: [Title]
    public let patterns: Patterns
    /// Who held which office when (offices.json; empty when the file is absent).
    public internal(set) var offices = OfficeTable([])
    /// The people known by full name (`people.json`).
    public internal(set) var people = KnownPeople([])
    /// Folded surface form (token sequence joined by single spaces) → entries.
    public let index: [String: [Entry]]
    public let maxTokens: Int
    /// The most tokens of any surface form starting with this folded word: how far a match at
    /// a word can reach, so that the gazetteer tries only lengths that exist (a one-level trie).
    public let maxTokensByFirst: [String: Int]

    public enum LoadError: Error, CustomStringConvertible {
        case file(String, String)
        public var description: String {
            switch self {
            case .file(let path, let reason): return "\(path): \(reason)"
            }
        }
    }

    public static func load(from folder: String) throws(LoadError) -> Lexicon {
        func decode<T: Decodable>(_ name: String, _ type: T.Type, optional: Bool = false) throws(LoadError) -> T? {
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                if optional { return nil }
                throw .file(path, "no such file (the lexicon folder is ontology/lexicon)")
            }
            do { return try JSONDecoder().decode(T.self, from: data) } catch { throw .file(path, "not a valid lexicon file: \(error)") }
        }
        guard let patterns = try decode("patterns.json", Patterns.self) else { throw .file(folder + "/patterns.json", "missing") }
        if let problem = patterns.eventFrames.sorted(by: { $0.key < $1.key }).lazy.compactMap({ $0.value.problem(class: $0.key) }).first {
            throw .file(folder + "/patterns.json", problem)
        }
        // Organizations: the curated file, then the generated actors (PETRARCH2's international and
        // non-state actors) whose names are long enough not to be words ("AN", "LT").
        let curated = try decode("organizations.json", [Named].self, optional: true) ?? []
        let actors = (try decode("actors.json", [Named].self, optional: true) ?? []).compactMap { a -> Named? in
            let names = ([a.name] + (a.alt ?? [])).filter { $0.count >= 3 }
            guard names.contains(a.name) else { return nil }
            return Named(name: a.name, alt: names.filter { $0 != a.name }, kind: a.kind, seat: nil, country: nil, wikidata: nil)
        }
        var lexicon = Lexicon(
            countries: try decode("countries.json", [Country].self, optional: true) ?? [],
            organizations: curated + actors,
            initiatives: try decode("initiatives.json", [Named].self, optional: true) ?? [],
            places: try decode("places.json", [Named].self, optional: true) ?? [],
            titles: try decode("titles.json", [Title].self, optional: true) ?? [],
            patterns: patterns)
        lexicon.offices = OfficeTable(try decode("offices.json", [OfficeTable.Office].self, optional: true) ?? [])
        lexicon.people = KnownPeople(try decode("people.json", [KnownPeople.Entry].self, optional: true) ?? [])
        return lexicon
    }

    public init(countries: [Country], organizations: [Named], initiatives: [Named], places: [Named], titles: [Title], patterns: Patterns) {
        self.countries = countries
        self.organizations = organizations
        self.initiatives = initiatives
        self.places = places
        self.titles = titles
        self.patterns = patterns
        var index: [String: [Entry]] = [:]
        var maxTokens = 1
        var byFirst: [String: Int] = [:]
        func add(_ surface: String, _ entry: Entry) {
            let tokens = Tokenizer.words(surface)
            guard !tokens.isEmpty else { return }
            let key = Lexicon.fold(tokens.joined(separator: " "))
            // A word that ends in "s" may be written with an apostrophe, one token more: "Peoples", "People 's".
            let reach = tokens.count + tokens.dropFirst().filter { $0.count > 2 && $0.hasSuffix("s") }.count
            maxTokens = max(maxTokens, reach)
            byFirst[Lexicon.fold(tokens[0]), default: 0] = max(byFirst[Lexicon.fold(tokens[0]), default: 0], reach)
            if index[key]?.contains(where: { $0.kind == entry.kind && $0.canonical == entry.canonical }) == true { return }
            index[key, default: []].append(entry)
        }
        func isAcronym(_ s: String) -> Bool { s.count <= 6 && s == s.uppercased() && s.contains(where: \.isLetter) }
        for c in countries {
            for name in [c.name] + (c.official.map { [$0] } ?? []) + (c.alt ?? []) {
                add(name, Entry(kind: .country, canonical: c.name, extra: nil, caseSensitive: isAcronym(name)))
            }
            for d in c.demonyms ?? [] { add(d, Entry(kind: .demonym, canonical: c.name, extra: nil, caseSensitive: false)) }
            if let capital = c.capital, !capital.isEmpty {
                for name in [capital] + (c.capitalAlt ?? []) {
                    add(name, Entry(kind: .capital, canonical: capital, extra: c.name, caseSensitive: false))
                }
            }
        }
        for o in organizations {
            for name in [o.name] + (o.alt ?? []) {
                add(name, Entry(kind: .organization, canonical: o.name, extra: o.seat, caseSensitive: isAcronym(name)))
            }
        }
        for i in initiatives {
            for name in [i.name] + (i.alt ?? []) {
                add(name, Entry(kind: .initiative, canonical: i.name, extra: nil, caseSensitive: isAcronym(name)))
            }
        }
        for p in places {
            for name in [p.name] + (p.alt ?? []) {
                add(name, Entry(kind: .place, canonical: p.name, extra: p.country, caseSensitive: false))
            }
        }
        for t in titles {
            for name in [t.title] + (t.alt ?? []) {
                add(name, Entry(kind: .title, canonical: t.title, extra: t.headOf ? "head" : nil, caseSensitive: false))
            }
        }
        self.index = index
        self.maxTokens = maxTokens
        self.maxTokensByFirst = byFirst
        // "President of the European Commission": a title that names its institution heads it.
        // Every run of two or more words of the title is looked up in the index: linear in the titles.
        var owners: [String: String] = [:]
        for t in titles {
            let words = Tokenizer.words(t.title)
            var best: (length: Int, name: String)?
            for start in words.indices {
                for end in stride(from: words.count, through: start + 2, by: -1) {
                    let key = Lexicon.fold(words[start..<end].joined(separator: " "))
                    if let org = index[key]?.first(where: { $0.kind == .organization }), end - start > (best?.length ?? 0) {
                        best = (end - start, org.canonical)
                    }
                }
            }
            if let best { owners[t.title] = best.name }
        }
        self.titleOwners = owners
    }

    /// The organization a title names as its own ("President of the European Commission"), by title.
    public let titleOwners: [String: String]

    /// The entries a word or phrase names as written: an acronym entry ("ANA") names only its
    /// upper-case form, never the name "Ana".
    public func entries(_ surface: String) -> [Entry] {
        (index[Lexicon.fold(surface)] ?? []).filter { !$0.caseSensitive || $0.kind == .title || surface == surface.uppercased() }
    }

    /// Case- and diacritic-insensitive form used as the index key.
    public static func fold(_ s: String) -> String {
        // Plain ASCII folds to its lower case; only other text needs Foundation's folding.
        var folded = s.utf8.allSatisfy({ $0 < 0x80 }) ? s.lowercased()
            : s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        // (Scalars, not Foundation's substring search, which costs more than the folding.)
        guard folded.unicodeScalars.contains(where: { $0 == "'" || $0 == "\u{2019}" }) else { return folded }
        // "People's", "People 's" (as tokens) and "Peoples" (as dictionaries without punctuation write it) are one name.
        folded = folded.replacingOccurrences(of: "’", with: "'")
        return folded.replacingOccurrences(of: " 's", with: "s").replacingOccurrences(of: "'s", with: "s").replacingOccurrences(of: " '", with: "")
            .replacingOccurrences(of: "'", with: "")
    }

    public func country(named name: String) -> Country? { countries.first { $0.name == name } }
}
