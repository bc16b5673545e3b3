import Foundation
import Facts
import Language
import RDFModel

/// One document as the stages read it: what the preparing stages made of its text, the facts the
/// other stages add, and what a sentence leaves for the sentences after it. Every stage reads and
/// adds to this one value (``DocumentStage``, ``SentenceStage``).
public struct Reading: Sendable {
    public let text: String
    /// Cleaned lines, with their line numbers in the file (`.lines`).
    public internal(set) var lines: [(number: Int, text: String)] = []
    /// The indices in `lines` of the header: front matter and "Key: value" lines (`.lines`).
    public internal(set) var headerLines: Set<Int> = []
    /// Sentences and their tokens (`.sentences`, `.tokens`).
    public internal(set) var sentences: [String] = []
    public internal(set) var tokens: [[Token]] = []
    /// The sentences too long to read at once, read in pieces (`Extractor.maxSentenceTokens`).
    public internal(set) var longSentences: [LongSentence] = []
    /// The facts found so far, metadata first (`.metadata` and the fact layers).
    public internal(set) var facts: DocumentFacts
    /// The day relative dates count from (`.metadata`).
    public internal(set) var reference: TextDate?
    /// Each sentence's mentions, and the two countries the document is about (`.mentions`).
    public internal(set) var mentions: [[Mention]] = []
    public internal(set) var pair: [EntityRef] = []

    // What a sentence leaves for the sentences after it.
    /// The head of each country or organization, as titles have named them so far (`.heads`).
    public internal(set) var heads: [EntityRef: EntityRef] = [:]
    /// The person the last sentence that had one was about: a pronoun's referent.
    public internal(set) var lastPerson: EntityRef?
    /// The last day a sentence named, while the sentences after it name none ("the next day").
    public internal(set) var lastDay: TextDate?
    /// The last sentence that said who spoke ("…, said X"), and who: the speaker of a quotation
    /// that follows it in a sentence of its own.
    public internal(set) var lastReporter: (sentence: String, speaker: EntityRef)?

    public init(text: String, document: IRI) {
        self.text = text
        self.facts = DocumentFacts(document: document)
    }
}

/// A sentence longer than ``Extractor/maxSentenceTokens``, read in pieces: reported in the build's summary.
public struct LongSentence: Sendable, Equatable {
    /// Its line in the file.
    public let line: Int
    public let tokens: Int
    public let pieces: Int
}

extension Extractor {
    /// One sentence as the sentence stages see it. The resolution and date stages fill in what they
    /// find for the stages after them.
    public struct Sentence: Sendable {
        let tokens: [Token]
        var mentions: [Mention]
        let evidence: Evidence
        /// The sentence before, in the document.
        var previous: String? = nil
        let reference: TextDate?
        let pair: [EntityRef]
        /// The heads of the pair's two countries, where the article names both.
        var pairLeaders: [EntityRef] = []
        /// The person the sentences before were about.
        var lastPerson: EntityRef? = nil
        var dates: [DateMention] = []
        let isQuestion: Bool
        /// Whether the article states its date (a header or a dateline), rather than the reference being inferred.
        var stated = false

        var actors: [Mention] { mentions.filter { $0.role != .title && $0.ref.kind.isActor } }

        func has(_ cue: String, from: Int = 0) -> Int? { Cue.find(cue, in: tokens, from: from) }
        func text(_ r: Range<Int>) -> String { tokens[r].map(\.lower).joined(separator: " ") }
    }

    /// Sentence `index` of a document, as the sentence stages start from it.
    func sentence(_ index: Int, of d: Reading) -> Sentence {
        let t = d.tokens[index]
        return Sentence(tokens: t, mentions: d.mentions[index], evidence: Evidence(document: d.facts.document, sentence: d.sentences[index]),
                        previous: index > 0 ? d.sentences[index - 1] : nil, reference: d.reference, pair: d.pair, isQuestion: isQuestion(t),
                        stated: d.facts.date != nil)
    }

    /// A document's stages up to the corpus pass (cleaning, sentences and tokens): made once per
    /// document and read by both passes.
    public func prepare(_ text: String, document: IRI) -> Reading {
        var d = Reading(text: text, document: document)
        for stage in pipeline.stages.prefix(pipeline.preparation) { stage.run(self, &d) }
        return d
    }

    /// The facts of one prepared document: the stages after the corpus pass.
    public func extract(_ prepared: Reading) -> DocumentFacts {
        var d = prepared
        for stage in pipeline.stages.dropFirst(pipeline.preparation) { stage.run(self, &d) }
        return d.facts
    }

    // MARK: Cleaning and sentences

    func clean(_ d: inout Reading) {
        var lines = TextCleaner.lines(of: d.text, patterns: lexicon.patterns)
        // YAML front matter ("---" … "---") and leading "Key: value" header lines are metadata,
        // read by the metadata stage, not sentences of the article.
        var header = Set<Int>()
        let nonEmpty = lines.indices.filter { !lines[$0].text.isEmpty }
        if let first = nonEmpty.first, lines[first].text == "---",
           let close = nonEmpty.dropFirst().prefix(40).first(where: { lines[$0].text == "---" }) {
            for k in first...close { header.insert(k) }
            for k in (first + 1)..<close {
                // "title: \"A Title\"" → "title: A Title"
                let parts = lines[k].text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2 {
                    lines[k].text = parts[0] + ": " + parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                }
            }
        }
        for k in nonEmpty.prefix(12) where !header.contains(k) {
            let key = lines[k].text.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            if lines[k].text.contains(":"), lexicon.patterns.metadataKeys[key] != nil { header.insert(k) }
        }
        d.lines = lines
        d.headerLines = header
    }

    /// The most tokens a sentence is read in at once. Every rule reads a sentence in time that
    /// grows faster than its length; a longer sentence (a run-on line, a list or a table pasted as
    /// text) is read in pieces, cut at clause marks where it can be, and reported. Real sentences
    /// of news and analysis run to about 90.
    public static let maxSentenceTokens = 150

    func split(_ d: inout Reading) {
        // A "Title:" header is metadata, and its headline states facts too ("X Visits Y").
        for k in d.headerLines.sorted() {
            let parts = d.lines[k].text.split(separator: ":", maxSplits: 1)
            if parts.count == 2, lexicon.patterns.metadataKeys[parts[0].lowercased()] == "title" {
                add(parts[1].trimmingCharacters(in: .whitespaces), line: d.lines[k].number, &d)
            }
        }
        for (k, line) in d.lines.enumerated() where !line.text.isEmpty && !d.headerLines.contains(k) {
            for sentence in SentenceSplitter.split(line.text, abbreviations: abbreviations) { add(sentence, line: line.number, &d) }
        }
    }

    /// A sentence and its tokens, in pieces when it is longer than `maxSentenceTokens`.
    private func add(_ sentence: String, line: Int, _ d: inout Reading) {
        let tokens = Tokenizer.tokens(sentence)
        guard tokens.count > Extractor.maxSentenceTokens else {
            d.sentences.append(sentence)
            d.tokens.append(tokens)
            return
        }
        let pieces = SentenceSplitter.pieces(sentence, maxTokens: Extractor.maxSentenceTokens)
        d.longSentences.append(LongSentence(line: line, tokens: tokens.count, pieces: pieces.count))
        for piece in pieces {
            d.sentences.append(piece)
            d.tokens.append(Tokenizer.tokens(piece))
        }
    }

    // MARK: Resolution and dates, sentence by sentence

    func resolve(_ s: inout Sentence, _ d: inout Reading) {
        let t = s.tokens
        var ms = s.mentions
        headOf(t, ms, s.evidence, &d.facts, &d.heads, reference: d.reference)
        ms = resolveDescriptions(t, ms, heads: d.heads)
        if let day = d.reference { addOfficeHolders(t, &ms, on: day, heads: d.heads, s.evidence, &d.facts) }
        let leaders = d.pair.compactMap { d.heads[$0] }
        s.mentions = ms
        s.pairLeaders = leaders.count == 2 ? leaders : []
        for m in ms where m.ref.kind == .person && m.role == .entity {
            if let surface = m.note { d.facts.surfaceNames[m.ref, default: []].insert(surface) }
        }
        s.lastPerson = d.lastPerson
        if d.lastPerson != nil, opensWithPersonalPronoun(t, ms) {
            // The pronoun's referent stays the one the next pronoun stands for.
        } else if let subject = subjectPerson(t, ms) { d.lastPerson = subject.ref }
    }

    func date(_ s: inout Sentence, _ d: inout Reading) {
        let found = sentenceDates(s.tokens, reference: d.reference, lastDay: d.lastDay, stated: d.facts.date != nil)
        d.lastDay = found.last(where: { $0.date.day != nil && $0.end == nil })?.date ?? (found.isEmpty ? d.lastDay : nil)
        s.dates = found
    }
}
