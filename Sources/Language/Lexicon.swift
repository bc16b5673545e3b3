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

    public struct RelationPattern: Decodable, Sendable {
        public let id: String
        public let property: String
        /// How the cue's sides are read (``RelationForm``).
        public let form: RelationForm
        public let symmetric: Bool?
        public let cues: [String]
        public let confidence: Double
    }

    /// How a relation cue's two sides are found. A new relation in data picks one of these.
    public enum RelationForm: String, Decodable, Sendable, CaseIterable {
        /// "A and B are allies", "A, B's close partner", "the two allies": both sides actors of one kind.
        case mutual
        /// "A's membership of the O", "A is a member of the O": a country or organization in an organization.
        case membership
        /// "A, which chairs the O": a country at the head of an organization.
        case chair
        /// "A supports B", "A opposes the sanctions": an actor for or against an actor, initiative or event.
        case stance
        /// "the X Initiative proposed by A": read by the proposal rule, not by cue.
        case proposal
        /// "A <cue> B": the clause's subject and the actors right after the cue.
        case relation
    }

    /// What makes an event of one class a fact, and how it is labelled (`patterns.json` "eventFrames";
    /// the lexicon README explains each key). A class with no frame needs nothing.
    public struct EventFrame: Decodable, Sendable {
        /// Roles that must be filled: "agent", "host|location" (either), "target:initiative" (a target of that kind).
        public var requires: [String]? = nil
        /// Agents and participants together, at least.
        public var minParties: Int? = nil
        /// The kinds a target may have; "actor" is a person, country or organization.
        public var targetKinds: [String]? = nil
        /// role → other role: members of the first also in the second are removed from the first.
        public var drop: [String: String]? = nil
        /// "{agents}", "{hosts}", "{targets}", "{everyone}", "{name}", "{class}"; a [part] only when its roles are filled.
        public var label: String? = nil
        /// A noun cue ("the talks") takes the clause's subject.
        public var nominalSubject: Bool? = nil
        /// A noun cue's side comes only from an imposing verb ("imposed sanctions"), never from the clause's subject.
        public var sideFromVerb: Bool? = nil
        /// The event is the named thing at its cue ("the … Expo").
        public var named: Bool? = nil
        /// It can be what an actor supports or opposes.
        public var stanceObject: Bool? = nil
        /// The relation from each agent to each target of an event that is not planned.
        public var implies: String? = nil
        /// Other classes a node of this class also has, written out for stores that draw no
        /// inference: a class that extends the contract also says it is an `ng:Event`.
        public var alsoTypes: [String]? = nil

        public init() {}

        static let roles = Set(EventRole.allCases.map(\.rawValue))
        /// What `drop` may remove from: every role but the derived "everyone".
        static let settableRoles = roles.subtracting([EventRole.everyone.rawValue])
        static let kinds = Set(EntityKind.allCases.map(\.rawValue) + ["actor"])
        static let placeholders: Set<String> = ["agents", "hosts", "targets", "participants", "everyone", "name", "class"]

        /// What is wrong with this frame, in words, or nil: an unknown role, kind or placeholder
        /// would otherwise make a requirement that nothing meets, or a label with braces in it.
        func problem(class cls: String) -> String? {
            for requirement in requires ?? [] {
                for alternative in requirement.split(separator: "|") {
                    let parts = alternative.split(separator: ":", maxSplits: 1).map(String.init)
                    if !Self.roles.contains(parts[0]) { return "eventFrames.\(cls).requires: unknown role \"\(parts[0])\" (roles: \(Self.roles.sorted().joined(separator: ", ")))" }
                    if parts.count == 2, !Self.kinds.contains(parts[1]) { return "eventFrames.\(cls).requires: unknown kind \"\(parts[1])\"" }
                }
            }
            for kind in targetKinds ?? [] where !Self.kinds.contains(kind) { return "eventFrames.\(cls).targetKinds: unknown kind \"\(kind)\"" }
            for (a, b) in (drop ?? [:]).sorted(by: { $0.key < $1.key }) {
                if !Self.roles.contains(a) || !Self.roles.contains(b) { return "eventFrames.\(cls).drop: unknown role in \"\(a)\": \"\(b)\"" }
                if !Self.settableRoles.contains(a) { return "eventFrames.\(cls).drop: \"\(a)\" is made of the other roles and cannot be dropped from" }
            }
            var rest = Substring(label ?? "")
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let key = String(rest[rest.index(after: open)..<close])
                if !Self.placeholders.contains(key) { return "eventFrames.\(cls).label: unknown placeholder {\(key)}" }
                rest = rest[rest.index(after: close)...]
            }
            return nil
        }
    }

    public struct EventPattern: Decodable, Sendable {
        public let id: String
        public let `class`: String
        public let cameo: String
        public let plannedCameo: String?
        public let cues: [String]
        public let subjectRole: String
        public let objectRole: String
        public let preps: [String: String]
    }

    /// The closed-class words of `patterns.json`'s "grammar": what the stages look for around a cue.
    public struct Grammar: Decodable, Sendable {
        public let prepositions: Set<String>
        public let pronouns: Set<String>
        /// After a comma, these open a new clause: ", while", ", which".
        public let clauseConnectives: Set<String>
        /// Words that make what follows a claim, not a fact: "alleged", "reportedly".
        public let hedges: Set<String>
        /// Words that may stand between coordinated objects: "A, B and other bodies such as C".
        public let objectFillers: Set<String>
        /// "A views B as an ally": the words that make B the other side of the relation.
        public let regardCues: Set<String>
        /// "its participation in the invasion": nouns that make the owner a participant.
        public let participationNouns: Set<String>
        /// Words that close the modifiers before an event noun: "its decades-old embargo".
        public let determiners: Set<String>
        /// Verb forms of event cues that never head a noun phrase ("met", "sign").
        public let bareEventVerbs: Set<String>
        /// Words right before a cue that make it a noun: "the visit", "a second meeting".
        public let eventNounMarkers: Set<String>
        /// "met 13 times": a count, not an event.
        public let countNouns: Set<String>
        /// "the Ruritanian leader": nouns that name the head of the country before them.
        public let leaderNouns: Set<String>
        /// "a 5 % increase": nouns after a number that make it a change, not a level.
        public let changeNouns: Set<String>
        /// Forms of address that stand before a name and are no part of it: "Dr", "His Excellency".
        public let honorifics: [String]
        /// Plural nouns without an "s" that can follow a count: "35 people".
        public let irregularPlurals: Set<String>
        /// Auxiliary verbs and adverbs that may stand between a count and its verb: "35 people have been killed".
        public let auxiliaries: Set<String>
        /// "X is the Chair of Y", "X became President": verbs that make their subject the title's holder.
        public let copulas: Set<String>
        /// Words that may stand between a copula and a title: "the current Chair".
        public let titleFillers: Set<String>
        /// "Minister for Economic Affairs": the words of a portfolio that a title may take after "of"/"for".
        public let portfolioWords: Set<String>
        /// Portfolio words that qualify another and never end a portfolio: "Economic" in "Economic Affairs".
        public let portfolioModifiers: Set<String>
        /// "X witnessed the signing": the subject of these verbs before an event noun takes part, but does not act.
        public let witnessVerbs: Set<String>
        /// "X welcomed the signing": the subject of these verbs before an event noun has no part in it.
        public let onlookerVerbs: Set<String>
        /// Words that open a question: a headline that starts with one asks and states nothing.
        public let questionWords: Set<String>
        /// "a package of sanctions", "a round of talks": nouns of quantity whose "of" phrase is the event itself.
        public let quantityNouns: Set<String>
    }

    public struct Patterns: Decodable, Sendable {
        public let months: [String]
        public let monthAbbreviations: [String: Int]
        public let weekdays: [String]
        public let ordinals: [String: Int]
        public let numberWords: [String: Int]
        public let abbreviations: [String]
        public let furniture: [String]
        public let metadataKeys: [String: String]
        public let currencies: [Currency]
        public let scales: [String: Double]
        public let percentCues: [String]
        public let bounds: [String: String]
        public let measures: [Measure]
        /// "35 people were killed", "over 270,000 displaced": verbs after a count that say what it counts.
        public let countVerbs: [Measure]?
        public let modality: [String]
        public let negation: [String]
        public let reporting: [String]
        public let titleModifiers: [String]
        public let givenNameVariants: [[String]]
        public let organizationShapes: [String]
        public let initiativeShapes: [String]
        public let exhibitionShapes: [String]
        public let partnershipLevels: [String]
        public let pairPhrases: [String]
        /// Words that introduce an author's name on a line of its own: "By", "Reporting by".
        public let bylineCues: [String]?
        /// Nouns that, after "the <demonym>", name that country's capital: "the Kazakh capital".
        public let capitalWords: [String]?
        /// Lower-case particles inside personal names: "de la", "van der", "bin".
        public let nameParticles: [String]?
        /// Verbs whose object noun names the event they do: "paid a visit", "imposed sanctions".
        public let lightVerbs: [String]?
        /// "the two leaders": the heads of the pair of countries in focus.
        public let leaderPhrases: [String]?
        /// Words after which the subject undergoes the event: "A has been facing sanctions".
        public let undergoVerbs: [String]?
        /// Verbs that, followed by "by X", make X the proposer of the initiative before them.
        public let proposalVerbs: [String]?
        /// "the same day", "hours later": the day of the previous sentence; "the next day": the day after it.
        public let sameDayPhrases: [String]?
        /// "today", "yesterday": the article's own day, and the day before it.
        public let todayPhrases: [String]?
        public let yesterdayPhrases: [String]?
        public let nextDayPhrases: [String]?
        /// Closed-class words the stages read: prepositions, pronouns, determiners, hedges …
        public let grammar: Grammar
        public let relations: [RelationPattern]
        /// Event class (local name) → its frame.
        public let eventFrames: [String: EventFrame]
        public let events: [EventPattern]
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
            maxTokens = max(maxTokens, tokens.count)
            byFirst[Lexicon.fold(tokens[0]), default: 0] = max(byFirst[Lexicon.fold(tokens[0]), default: 0], tokens.count)
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
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.contains("’") ? folded.replacingOccurrences(of: "’", with: "'") : folded
    }

    public func country(named name: String) -> Country? { countries.first { $0.name == name } }
}
