/// What a stage of the pipeline reads from a document and what it adds to it.
/// The pipeline checks, when it is made, that every stage reads only what an
/// earlier stage (or the preparation of the document) has added (after spaCy's
/// component "requires"/"assigns").
public enum Layer: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Made by preparation: cleaned lines, metadata, sentences and tokens.
    case lines, metadata, sentences, tokens
    /// Made by preparation for each sentence: gazetteer mentions, titles resolved to heads,
    /// descriptions ("the Ruritanian leader") resolved, dates against the article's date.
    case mentions, heads, dates
    /// Added by the sentence stages.
    case relations, events, observations, quotations, partnerships

    public static func < (a: Layer, b: Layer) -> Bool { a.rawValue < b.rawValue }

    /// What preparing a document and its sentences gives before any sentence stage runs.
    public static let prepared: Set<Layer> = [.lines, .metadata, .sentences, .tokens, .mentions, .heads, .dates]
}

/// One stage over one sentence of a document: it reads the sentence (tokens,
/// mentions, dates, the document's focus) and the facts found so far, and adds
/// facts of its own. Each stage can be run alone on a marked sentence.
public protocol SentenceStage: Sendable {
    /// A short name for messages and `ng:rule` prefixes.
    var name: String { get }
    var reads: Set<Layer> { get }
    var adds: Set<Layer> { get }
    func run(_ extractor: Extractor, _ sentence: Extractor.Sentence, _ facts: inout DocumentFacts)
}

/// Relations stated by a cue ("ally of", "member of", "supports") and proposals ("proposed by").
public struct RelationStage: SentenceStage {
    public let name = "relations"
    /// It also looks at the events found so far, when an event stage runs ("critic of the sanctions").
    public let reads: Set<Layer> = [.mentions, .dates]
    public let adds: Set<Layer> = [.relations]
    public func run(_ x: Extractor, _ s: Extractor.Sentence, _ f: inout DocumentFacts) { x.relations(s, &f) }
}

/// Events from the lexicon's event patterns (visits, meetings, signings, sanctions …),
/// with their roles, dates and places, and the relations they imply ("sanctions", "participatesIn").
public struct EventStage: SentenceStage {
    public let name = "events"
    public let reads: Set<Layer> = [.mentions, .heads, .dates]
    public let adds: Set<Layer> = [.events, .relations]
    public func run(_ x: Extractor, _ s: Extractor.Sentence, _ f: inout DocumentFacts) { x.events(s, &f) }
}

/// Numbers with their measure, unit, period and what they are about.
public struct NumberStage: SentenceStage {
    public let name = "numbers"
    public let reads: Set<Layer> = [.mentions, .dates]
    public let adds: Set<Layer> = [.observations]
    public func run(_ x: Extractor, _ s: Extractor.Sentence, _ f: inout DocumentFacts) { x.numbers(s, &f) }
}

/// Quoted words and who said them.
public struct QuotationStage: SentenceStage {
    public let name = "quotations"
    public let reads: Set<Layer> = [.mentions, .dates]
    public let adds: Set<Layer> = [.quotations]
    public func run(_ x: Extractor, _ s: Extractor.Sentence, _ f: inout DocumentFacts) { x.quotations(s, &f) }
}

/// Partnerships with their level ("comprehensive strategic partnership").
public struct PartnershipStage: SentenceStage {
    public let name = "partnerships"
    public let reads: Set<Layer> = [.mentions, .dates]
    public let adds: Set<Layer> = [.partnerships]
    public func run(_ x: Extractor, _ s: Extractor.Sentence, _ f: inout DocumentFacts) { x.partnerships(s, &f) }
}

/// The sentence stages in the order they run: the one list that says it.
public struct Pipeline: Sendable {
    public let stages: [any SentenceStage]

    public static let standard = Pipeline(checked: [RelationStage(), EventStage(), NumberStage(), QuotationStage(), PartnershipStage()])

    public enum OrderError: Error, Equatable, CustomStringConvertible {
        /// A stage reads a layer that no earlier stage adds.
        case unmet(stage: String, needs: [Layer])

        public var description: String {
            switch self {
            case .unmet(let stage, let needs):
                return "the stage \"\(stage)\" reads \(needs.map(\.rawValue).joined(separator: ", ")), which no stage before it adds"
            }
        }
    }

    /// A pipeline whose every stage reads only what preparation or an earlier stage adds.
    /// A stage may read a layer that it adds itself from earlier sentences, as relations do with events.
    public init(_ stages: [any SentenceStage]) throws(OrderError) {
        var available = Layer.prepared
        var later = Set<Layer>()
        for stage in stages { later.formUnion(stage.adds) }
        for stage in stages {
            // What a later stage adds exists from the second sentence on: earlier sentences' facts.
            let missing = stage.reads.subtracting(available).subtracting(later)
            guard missing.isEmpty else { throw .unmet(stage: stage.name, needs: missing.sorted()) }
            available.formUnion(stage.adds)
        }
        self.stages = stages
    }

    private init(checked stages: [any SentenceStage]) {
        do { try self.init(stages) } catch { preconditionFailure("the standard pipeline is out of order: \(error)") }
    }
}
