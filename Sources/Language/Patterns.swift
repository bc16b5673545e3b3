import Foundation

/// The schema of `patterns.json`: how the language reads (relation and event cues, event frames,
/// the closed-class words of the grammar, date words, measures). The file is data; these types
/// say what each key means.
extension Lexicon {
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
        /// Agents and participants together, at least, when the event has a place: "a summit in X"
        /// names one of its parties and leaves the others to the place.
        public var minPartiesWithLocation: Int? = nil
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
        /// Those of them in the base form ("sign", "meet"), which no singular subject takes: after
        /// "a positive" they are the noun of another sense.
        public let baseEventVerbs: Set<String>?
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
        /// "thanked X for hosting", "congratulated X on joining": words of thanks, praise and blame
        /// whose object is the one who does what the gerund after "for"/"on" says.
        public let objectControlWords: Set<String>?
        /// "a total of $5 billion": nouns before "of" an amount that say only that it is an amount.
        public let amountNouns: Set<String>?
        /// "have agreed", "is imposing": the auxiliaries of the present perfect and of the present
        /// progressive, which tell the article's own news.
        public let perfectAuxiliaries: Set<String>?
        public let progressiveAuxiliaries: Set<String>?
        /// "meets every year", "has met three times", "has long supported": words that make a clause in the
        /// present tell of what recurs or lasts, not of what happened on the article's day.
        public let habitualCues: [String]?
        /// "A, B and C – the O bloc": nouns that may follow an organization that restates a list of its members.
        public let collectiveNouns: [String]?
        /// "35 nations who abstained": the words that open a relative clause.
        public let relativePronouns: Set<String>?
        /// Reporting verbs whose telling is itself an act ("announced sanctions", "declared a truce"): the day
        /// after them dates what they tell, as "said Saturday" does not.
        public let performativeVerbs: Set<String>?
    }

    public struct Patterns: Decodable, Sendable {
        /// The measures that are amounts of money ("loans", "aid"): "1.8 billion in investments" after a
        /// figure in euros is in euros too.
        public let moneyMeasures: [String]?
        /// The last words of the names of bodies a person named "X of the Y Party" is a member of.
        public let memberShapes: [String]?
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
        /// "187 in favour", "12 against": words after a bare count that say what the votes were.
        public let tallies: [Measure]?
        /// "the release of 150 prisoners", "sanctions against 13 officials": a noun and its preposition
        /// before a count that say what befalls what it counts.
        public let countNominals: [Measure]?
        /// "up from 185", "compared with 40": a bare number after these is a figure of the measure the
        /// clause names.
        public let comparisonCues: [String]?
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
}
