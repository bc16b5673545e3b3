/// What a stage of the pipeline reads from a document and what it adds to it.
/// The pipeline checks, when it is made, that every stage reads only what an
/// earlier stage has added (after spaCy's component "requires"/"assigns").
public enum Layer: String, Sendable, Hashable, Comparable, CaseIterable {
    /// The article's lines, cleaned, with its header lines told apart; its sentences and their tokens.
    case lines, sentences, tokens
    /// The people of the whole corpus, learnt before any document is read for facts: not a stage's
    /// but the corpus pass's (`Extractor.learnPeople`).
    case people
    /// The article's title, date, authors and publisher, and the day its relative dates count from.
    case metadata
    /// Gazetteer mentions in each sentence; titles resolved to heads and descriptions ("the
    /// Ruritanian leader") to the people they name; dates resolved against the article's date.
    case mentions, heads, dates
    /// Facts.
    case relations, events, observations, quotations, partnerships

    public static func < (a: Layer, b: Layer) -> Bool { a.rawValue < b.rawValue }
}

/// What every stage declares: a short name (for messages and `ng:rule` prefixes), the layers
/// it reads and the layers it adds.
public protocol Stage: Sendable {
    var name: String { get }
    var reads: Set<Layer> { get }
    var adds: Set<Layer> { get }
}

/// A stage over one whole document: it reads and adds to the document's ``Reading``.
public protocol DocumentStage: Stage {
    func run(_ extractor: Extractor, _ document: inout Reading)
}

/// A stage over one sentence of a document: it reads the sentence (tokens, mentions, dates, the
/// document's focus) and what earlier sentences left in the reading, and may refine the sentence
/// for the stages after it. Each can be run alone on a marked sentence.
public protocol SentenceStage: Stage {
    /// Whether it runs on a question too. A question states nothing ("How can Ruritania support
    /// Freedonia?"): stages that add facts skip it; those that resolve what later sentences refer to do not.
    var readsQuestions: Bool { get }
    func run(_ extractor: Extractor, _ sentence: inout Extractor.Sentence, _ document: inout Reading)
}

extension SentenceStage {
    public var readsQuestions: Bool { false }
}

// MARK: - Document stages

/// The article's lines, cleaned (``TextCleaner``), and which of them are a header: YAML front
/// matter, or "Key: value" lines whose key is a metadata key of the lexicon.
public struct CleaningStage: DocumentStage {
    public let name = "cleaning", reads: Set<Layer> = [], adds: Set<Layer> = [.lines]
    public func run(_ x: Extractor, _ d: inout Reading) { x.clean(&d) }
}

/// The article's sentences and their tokens: the headline of a "Title:" header, then the sentences
/// of every line that is not a header.
public struct SentenceSplittingStage: DocumentStage {
    public let name = "sentences", reads: Set<Layer> = [.lines], adds: Set<Layer> = [.sentences, .tokens]
    public func run(_ x: Extractor, _ d: inout Reading) { x.split(&d) }
}

/// Title, date, authors and publisher from the header and by-lines; the day relative dates count
/// from (the article's date, else the latest date it states of the past).
public struct MetadataStage: DocumentStage {
    public let name = "metadata", reads: Set<Layer> = [.lines, .tokens, .people], adds: Set<Layer> = [.metadata]
    public func run(_ x: Extractor, _ d: inout Reading) { x.metadata(&d) }
}

/// Every sentence's mentions, with short forms the document defines and surnames resolved, and the
/// pair of countries in focus.
public struct MentionStage: DocumentStage {
    public let name = "mentions", reads: Set<Layer> = [.tokens, .people], adds: Set<Layer> = [.mentions]
    public func run(_ x: Extractor, _ d: inout Reading) { x.documentMentions(&d) }
}

/// The sentence stages, run on each sentence in order.
public struct EachSentence: DocumentStage {
    public let stages: [any SentenceStage]
    public let name = "each-sentence"
    public var reads: Set<Layer> { stages.reduce(into: []) { $0.formUnion($1.reads) } }
    public var adds: Set<Layer> { stages.reduce(into: []) { $0.formUnion($1.adds) } }

    public init(_ stages: [any SentenceStage]) { self.stages = stages }

    public func run(_ x: Extractor, _ d: inout Reading) {
        for index in d.tokens.indices {
            var s = x.sentence(index, of: d)
            for stage in stages where !s.isQuestion || stage.readsQuestions { stage.run(x, &s, &d) }
        }
    }
}

// MARK: - Sentence stages

/// Titles resolved to the people who hold them (`headOf`), descriptions ("the Ruritanian leader")
/// to the people they name, offices named without a name to their holders on the article's day;
/// and the person the sentence is about, for a pronoun in the next one.
public struct ResolutionStage: SentenceStage {
    public let name = "resolution", reads: Set<Layer> = [.mentions, .metadata], adds: Set<Layer> = [.heads, .relations]
    public let readsQuestions = true
    public func run(_ x: Extractor, _ s: inout Extractor.Sentence, _ d: inout Reading) { x.resolve(&s, &d) }
}

/// The sentence's dates, resolved against the article's day and the day the sentence before named
/// ("the next day").
public struct DateStage: SentenceStage {
    public let name = "dates", reads: Set<Layer> = [.tokens, .metadata], adds: Set<Layer> = [.dates]
    public let readsQuestions = true
    public func run(_ x: Extractor, _ s: inout Extractor.Sentence, _ d: inout Reading) { x.date(&s, &d) }
}

/// Relations stated by a cue ("ally of", "member of", "supports") and proposals ("proposed by").
public struct RelationStage: SentenceStage {
    /// It also looks at the events found so far, when an event stage runs ("critic of the sanctions").
    public let name = "relations", reads: Set<Layer> = [.mentions, .dates], adds: Set<Layer> = [.relations]
    public func run(_ x: Extractor, _ s: inout Extractor.Sentence, _ d: inout Reading) { x.relations(s, &d.facts) }
}

/// Events from the lexicon's event patterns (visits, meetings, signings, sanctions …),
/// with their roles, dates and places, and the relations they imply ("sanctions", "participatesIn").
public struct EventStage: SentenceStage {
    public let name = "events", reads: Set<Layer> = [.mentions, .heads, .dates], adds: Set<Layer> = [.events, .relations]
    public func run(_ x: Extractor, _ s: inout Extractor.Sentence, _ d: inout Reading) { x.events(s, &d.facts) }
}

/// Numbers with their measure, unit, period and what they are about.
public struct NumberStage: SentenceStage {
    public let name = "numbers", reads: Set<Layer> = [.mentions, .dates], adds: Set<Layer> = [.observations]
    public func run(_ x: Extractor, _ s: inout Extractor.Sentence, _ d: inout Reading) { x.numbers(s, &d.facts) }
}

/// Quoted words and who said them: the sentence's speaker, or the one the sentence before named.
public struct QuotationStage: SentenceStage {
    public let name = "quotations", reads: Set<Layer> = [.mentions, .dates], adds: Set<Layer> = [.quotations]
    public func run(_ x: Extractor, _ s: inout Extractor.Sentence, _ d: inout Reading) {
        x.quotations(s, &d.facts, lastReporter: &d.lastReporter)
    }
}

/// Partnerships with their level ("comprehensive strategic partnership").
public struct PartnershipStage: SentenceStage {
    public let name = "partnerships", reads: Set<Layer> = [.mentions, .dates], adds: Set<Layer> = [.partnerships]
    public func run(_ x: Extractor, _ s: inout Extractor.Sentence, _ d: inout Reading) { x.partnerships(s, &d.facts) }
}

// MARK: - The pipeline

/// The stages in the order they run: the one list that says it. The stages before the first that
/// reads `.people` prepare each document once; the corpus pass learns people from all of them;
/// the rest read each prepared document for facts.
public struct Pipeline: Sendable {
    public let stages: [any DocumentStage]
    /// How many leading stages prepare a document before the corpus pass.
    public let preparation: Int

    /// The sentence stages of the standard pipeline, in order.
    public static let standardSentenceStages: [any SentenceStage] = [
        ResolutionStage(), DateStage(), RelationStage(), EventStage(), NumberStage(), QuotationStage(), PartnershipStage(),
    ]

    public static let standard = Pipeline(checked: standardDocumentStages(EachSentence(standardSentenceStages)))

    /// The standard document stages, reading each sentence with `sentences`.
    public static func standard(sentences: [any SentenceStage]) throws(OrderError) -> Pipeline {
        try Pipeline(standardDocumentStages(EachSentence(sentences)))
    }

    private static func standardDocumentStages(_ each: EachSentence) -> [any DocumentStage] {
        [CleaningStage(), SentenceSplittingStage(), MetadataStage(), MentionStage(), each]
    }

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

    /// A pipeline whose every stage reads only what an earlier stage (or the corpus pass) adds.
    /// A sentence stage may read a layer that a later sentence stage adds, from earlier sentences,
    /// as relations do with events.
    public init(_ stages: [any DocumentStage]) throws(OrderError) {
        let preparation = stages.prefix { !$0.reads.contains(.people) }.count
        var available = Set<Layer>()
        for (k, stage) in stages.enumerated() {
            if k == preparation { available.insert(.people) }
            if let each = stage as? EachSentence {
                let later = each.adds
                for s in each.stages {
                    let missing = s.reads.subtracting(available).subtracting(later)
                    guard missing.isEmpty else { throw .unmet(stage: s.name, needs: missing.sorted()) }
                    available.formUnion(s.adds)
                }
            } else {
                let missing = stage.reads.subtracting(available)
                guard missing.isEmpty else { throw .unmet(stage: stage.name, needs: missing.sorted()) }
                available.formUnion(stage.adds)
            }
        }
        self.stages = stages
        self.preparation = preparation
    }

    private init(checked stages: [any DocumentStage]) {
        do { try self.init(stages) } catch { preconditionFailure("the standard pipeline is out of order: \(error)") }
    }
}
