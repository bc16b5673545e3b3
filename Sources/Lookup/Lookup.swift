import Foundation
import RDFModel
import RaptorIO

/// The output formats of `newsgraph lookup`.
public enum LookupFormat: String, CaseIterable, Sendable {
    case text, json, turtle, dot
}

/// What `newsgraph lookup` is asked to do.
public struct LookupOptions: Sendable {
    public var query: String
    public var graphPath: String
    public var format: LookupFormat
    /// Show the sentence and document under each fact.
    public var evidence: Bool
    /// Items per list; nil for the format's default (text 20, dot 12, json and turtle all); 0 for all.
    public var limit: Int?
    /// False: read the whole graph and neither read nor write an index.
    public var useIndex: Bool
    /// Write a missing or stale index beside the graph (when the folder allows).
    public var writeIndex: Bool
    /// ANSI colors in the text format.
    public var color: Bool
    /// The text format's width.
    public var width: Int

    public static let defaultGraph = "out/graph.nt"

    public init(query: String, graphPath: String = LookupOptions.defaultGraph, format: LookupFormat = .text,
                evidence: Bool = false, limit: Int? = nil, useIndex: Bool = true, writeIndex: Bool = true,
                color: Bool = false, width: Int = 80) {
        self.query = query
        self.graphPath = graphPath
        self.format = format
        self.evidence = evidence
        self.limit = limit
        self.useIndex = useIndex
        self.writeIndex = writeIndex
        self.color = color
        self.width = width
    }

    /// The limit in force: nil for no limit.
    var effectiveLimit: Int? {
        if let limit { return limit == 0 ? nil : limit }
        switch format {
        case .text: return 20
        case .dot: return 12
        case .json, .turtle: return nil
        }
    }
}

/// What a lookup printed and how it ended.
public struct LookupOutcome: Sendable {
    public enum Status: String, Sendable {
        case found, ambiguous, notFound
    }

    public var status: Status
    /// 0 found, 1 nothing close, 3 ambiguous (2, an unusable graph, is thrown as ``LookupError``).
    public var exitCode: Int32 {
        switch status {
        case .found: return 0
        case .notFound: return 1
        case .ambiguous: return 3
        }
    }
    /// For standard output.
    public var output: String
    /// For standard error: what was done about the index, why nothing was shown.
    public var messages: [String]
    public var indexUse: IndexUse
    /// The report, when one node was found.
    public var report: LookupReport?
    /// The candidates (ambiguous) or suggestions (not found).
    public var candidates: LookupCandidates?
}

/// Why a lookup could not look: exit status 2.
public enum LookupError: Error, Sendable, CustomStringConvertible {
    /// The graph file cannot be opened: missing, a folder, not a regular file, not readable.
    case graphUnavailable(path: String, reason: String)
    /// The graph file was opened but its triples cannot be parsed or indexed.
    case graphUnreadable(path: String, reason: String)
    case indexUnwritable(path: String, reason: String)
    case indexMismatch(path: String)
    case output(String)

    public var description: String {
        switch self {
        case .graphUnavailable(let path, let reason): return "cannot open the graph \(path): \(reason)"
        case .graphUnreadable(let path, let reason): return "cannot parse the graph \(path): \(reason)"
        case .indexUnwritable(let path, let reason): return "cannot write the index \(path): \(reason)"
        case .indexMismatch(let path):
            return "the index of \(path) does not match it although its size and date do; delete \(LookupIndex.path(for: path)) or run `newsgraph build` again"
        case .output(let reason): return "cannot write the answer: \(reason)"
        }
    }
}

/// `newsgraph lookup`: find a node of the graph by name and show what the graph says about it.
public enum Lookup {
    public static func run(_ options: LookupOptions) throws(LookupError) -> LookupOutcome {
        var notes: [String] = []
        let graph = try LookupGraph.open(options.graphPath, useIndex: options.useIndex, writeIndex: options.writeIndex, notes: &notes)
        let finder = EntityFinder(graph: graph)
        switch finder.find(options.query) {
        case .found(let candidate):
            let builder = ReportBuilder(graph: graph, evidence: options.evidence, limit: options.effectiveLimit)
            let report = try builder.build(entity: candidate.id, query: options.query, match: candidate)
            let output: String
            switch options.format {
            case .text: output = LookupText(report: report, color: options.color, width: options.width, evidence: options.evidence).render()
            case .json: output = try json(report)
            case .dot: output = LookupDot(report: report).render()
            case .turtle:
                output = try LookupTurtle.render(graph: graph, entity: candidate.id, report: report, limited: options.effectiveLimit != nil)
            }
            return LookupOutcome(status: .found, output: output, messages: notes, indexUse: graph.indexUse, report: report)
        case .ambiguous(let list):
            let candidates = LookupCandidates(status: "ambiguous", query: options.query, graph: options.graphPath,
                                              candidates: list.prefix(options.effectiveLimit ?? list.count).map { describe($0, graph) })
            var outcome = LookupOutcome(status: .ambiguous, output: "", messages: notes, indexUse: graph.indexUse, candidates: candidates)
            if options.format == .json {
                outcome.output = try json(candidates)
            } else {
                let text = LookupText.candidates(candidates, total: list.count, color: options.color && options.format == .text)
                if options.format == .text { outcome.output = text } else { outcome.messages.append(text) }
            }
            return outcome
        case .notFound(let suggestions):
            let candidates = LookupCandidates(status: "notFound", query: options.query, graph: options.graphPath,
                                              candidates: suggestions.map { describe($0, graph) })
            var outcome = LookupOutcome(status: .notFound, output: "", messages: notes, indexUse: graph.indexUse, candidates: candidates)
            if options.format == .json { outcome.output = try json(candidates) }
            outcome.messages.append(LookupText.notFound(candidates, empty: graph.index.nameCount == 0))
            return outcome
        }
    }

    static func describe(_ c: EntityFinder.Candidate, _ graph: LookupGraph) -> LookupCandidates.Candidate {
        let ref = graph.ref(c.id)
        return .init(iri: ref.iri, label: ref.label, type: ref.type, how: c.how, name: c.name,
                     score: c.how == "suggestion" ? nil : c.score, distance: c.distance)
    }

    /// Foundation pretty-prints an empty array as "[", a blank line, indentation, "]";
    /// this writes "[]". A newline cannot occur inside a JSON string, so only arrays match.
    static func compactEmptyArrays(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "["), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") {
                var j = i + 1
                while j < bytes.count, bytes[j] == UInt8(ascii: "\n") || bytes[j] == UInt8(ascii: " ") { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "]") {
                    out += [UInt8(ascii: "["), UInt8(ascii: "]")]
                    i = j + 1
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    static func json<T: Encodable>(_ value: T) throws(LookupError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: compactEmptyArrays(Array(try encoder.encode(value))), as: UTF8.self) + "\n"
        } catch {
            throw .output("\(error)")
        }
    }
}
