import Foundation
import RDFModel
import RaptorIO

/// What `newsgraph load` is asked to do.
public struct LoadOptions: Sendable {
    /// N-Triples (`.nt`), N-Quads (`.nq`) or Turtle (`.ttl`) files, loaded in this order.
    public var files: [String]
    /// Where the triples of `.nt` and `.ttl` files go, and the default-graph
    /// quads of `.nq` files; nil: only N-Quads files can be loaded, and their
    /// default-graph quads go to the store's default graph.
    public var target: GraphTarget?
    /// PUT (replace each graph written to) instead of POST (append).
    public var replace: Bool
    /// The most triples in one request; 0: each file (each graph of an N-Quads file) in one request.
    public var chunkTriples: Int

    public static let defaultChunkTriples = 10_000

    public init(files: [String], target: GraphTarget?, replace: Bool = false, chunkTriples: Int = LoadOptions.defaultChunkTriples) {
        self.files = files
        self.target = target
        self.replace = replace
        self.chunkTriples = chunkTriples
    }
}

/// What a load did.
public struct LoadReport: Sendable {
    public var triples = 0
    /// Requests that carried triples (each at most `chunkTriples`, none splitting a triple).
    public var chunks = 0
    /// Every HTTP request, retries and authentication round trips included.
    public var requests = 0
    public var seconds = 0.0
    public var triplesByGraph: [GraphTarget: Int] = [:]
    public var warnings: [String] = []

    public init() {}

    /// One line: triples, chunks, graphs, seconds.
    public func summary(endpoint: String) -> String {
        let graphs: String
        if triplesByGraph.count == 1, let only = triplesByGraph.keys.first {
            graphs = only.description
        } else {
            graphs = "\(triplesByGraph.count) graphs"
        }
        return "Loaded \(triples) triple\(triples == 1 ? "" : "s") in \(chunks) chunk\(chunks == 1 ? "" : "s") into \(graphs) at \(endpoint) in \(String(format: "%.2f", seconds)) s."
    }
}

/// A load that stopped: why, and what had been loaded before.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The options do not fit the files (no target for N-Triples, an unknown extension).
        case usage
        /// A file is missing, unreadable or not valid in its syntax.
        case input
        /// The store refused a chunk or could not be reached.
        case store(StoreError.Kind)
    }

    public let kind: Kind
    public let message: String
    public let loadedBefore: LoadReport

    public var description: String {
        guard kind != .usage else { return message }
        let before = loadedBefore.chunks == 0
            ? "Nothing had been loaded."
            : "Loaded before the failure: \(loadedBefore.triples) triples in \(loadedBefore.chunks) chunk\(loadedBefore.chunks == 1 ? "" : "s")."
        return message + "\n" + before
    }
}

/// Loads RDF files into a store through the Graph Store Protocol, in chunks of
/// at most `chunkTriples` triples, never splitting a triple, with memory bounded
/// by one chunk:
///
/// - N-Triples is read line by line; each chunk of lines is checked by Raptor's
///   parser and sent as it is in the file, byte for byte.
/// - N-Quads is read line by line, checked by Raptor's parser, and each chunk's
///   triples are sent per named graph (the graph of the quad; default-graph
///   quads to the target), as N-Triples written by Raptor.
/// - Turtle is parsed by Raptor and sent as N-Triples written by Raptor.
///
/// Not `Sendable`: it owns two Raptor worlds and the client's authentication state.
public final class GraphLoader {
    public let options: LoadOptions
    public let client: GraphStoreClient
    private let log: (String) -> Void
    private let parser: RaptorWorld
    private let writer: RaptorWorld
    private var report = LoadReport()
    /// Targets already replaced in this run: later chunks for them append.
    private var replaced: Set<GraphTarget> = []
    private var requestsBefore = 0

    /// - Parameter log: receives a line per chunk sent and per warning (the client logs its retries).
    public init(options: LoadOptions, client: GraphStoreClient, log: @escaping (String) -> Void = { _ in }) throws(LoadFailure) {
        self.options = options
        self.client = client
        self.log = log
        do {
            parser = try RaptorWorld()
            writer = try RaptorWorld()
        } catch {
            throw LoadFailure(kind: .input, message: "\(error)", loadedBefore: LoadReport())
        }
    }

    /// Checks every file and option first (nothing is sent if one is wrong), then loads them in order.
    public func run() throws(LoadFailure) -> LoadReport {
        let clock = ContinuousClock()
        let start = clock.now
        report = LoadReport()
        replaced = []
        requestsBefore = client.requestsSent
        try check()
        for path in options.files {
            switch RDFSyntax.forPath(path) {
            case .ntriples: try loadLines(path, quads: false)
            case .nquads: try loadLines(path, quads: true)
            case .turtle: try loadTurtle(path)
            case nil: break   // refused by check()
            }
        }
        // --replace with nothing to send still empties the graph it names.
        if options.replace, let target = options.target, !replaced.contains(target),
           options.files.contains(where: { RDFSyntax.forPath($0) != .nquads }) {
            try send(Data(), triples: 0, to: target, what: "an empty graph (the files hold no triples)", isChunk: false)
        }
        let elapsed = clock.now - start
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        report.requests = client.requestsSent - requestsBefore
        return report
    }

    private func fail(_ kind: LoadFailure.Kind, _ message: String) -> LoadFailure {
        var r = report
        r.requests = client.requestsSent - requestsBefore
        return LoadFailure(kind: kind, message: message, loadedBefore: r)
    }

    private func check() throws(LoadFailure) {
        guard !options.files.isEmpty else { throw fail(.usage, "no file to load") }
        guard options.chunkTriples >= 0 else { throw fail(.usage, "--chunk-triples must be 0 (no chunking) or more") }
        for path in options.files {
            guard let syntax = RDFSyntax.forPath(path) else {
                throw fail(.usage, "\(path): newsgraph load reads N-Triples (.nt), N-Quads (.nq) and Turtle (.ttl)")
            }
            if syntax != .nquads && options.target == nil {
                throw fail(.usage, "\(path) holds triples without a graph: say where they go with --graph IRI or --default-graph")
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw fail(.input, "\(path): no such file")
            }
            guard !isDirectory.boolValue else { throw fail(.input, "\(path): is a folder, not a file") }
            guard FileManager.default.isReadableFile(atPath: path) else { throw fail(.input, "\(path): permission denied") }
        }
    }

    // MARK: - N-Triples and N-Quads, line by line

    private func loadLines(_ path: String, quads: Bool) throws(LoadFailure) {
        let reader: LineReader
        do { reader = try LineReader(path: path) } catch { throw fail(.input, "\(path): cannot be opened") }
        let limit = options.chunkTriples == 0 ? Int.max : options.chunkTriples
        var chunk: [UInt8] = []
        var statements = 0
        var lineNumber = 0
        var firstLine = 1
        var blanks = BlankNodeTracker(path: path)
        func flush() throws(LoadFailure) {
            defer { chunk.removeAll(keepingCapacity: true); statements = 0 }
            guard statements > 0 else { return }
            let lines = firstLine...lineNumber
            let parsed = try parseLines(chunk, path: path, firstLine: firstLine, quads: quads)
            if !quads {
                let target = options.target ?? .defaultGraph
                blanks.chunk(parsed.map(\.triple), target: target)
                try send(Data(chunk), triples: parsed.count, to: target,
                         what: "chunk \(report.chunks + 1) (lines \(lines.lowerBound)–\(lines.upperBound) of \(path))")
            } else {
                var byGraph: [GraphTarget: [Triple]] = [:]
                var order: [GraphTarget] = []
                for q in parsed {
                    let target = q.graph.map { GraphTarget.named($0) } ?? options.target ?? .defaultGraph
                    if byGraph[target] == nil { order.append(target) }
                    byGraph[target, default: []].append(q.triple)
                }
                for target in order {
                    let triples = byGraph[target] ?? []
                    blanks.chunk(triples, target: target)
                    try send(try nTriples(triples, path: path), triples: triples.count, to: target,
                             what: "chunk \(report.chunks + 1) (lines \(lines.lowerBound)–\(lines.upperBound) of \(path))")
                }
            }
        }
        while true {
            let line: ArraySlice<UInt8>?
            do { line = try reader.next() } catch { throw fail(.input, "\(path): cannot be read: \(error.localizedDescription)") }
            guard let line else { break }
            lineNumber += 1
            if chunk.isEmpty { firstLine = lineNumber }
            chunk.append(contentsOf: line)
            if line.last != 0x0A { chunk.append(0x0A) }
            if LineReader.holdsStatement(line) {
                statements += 1
                if statements >= limit { try flush() }
            }
        }
        try flush()
        if let warning = blanks.warning { report.warnings.append(warning); log("warning: " + warning) }
    }

    /// Raptor's reading of one chunk of lines; an error names the line in the file.
    private func parseLines(_ bytes: [UInt8], path: String, firstLine: Int, quads: Bool) throws(LoadFailure) -> [Quad] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var line = firstLine
            var start = 0
            for (i, b) in bytes.enumerated() where b == 0x0A {
                if String(validating: bytes[start...i], as: UTF8.self) == nil { break }
                line += 1
                start = i + 1
            }
            throw fail(.input, "\(path):\(line): not UTF-8 (N-Triples and N-Quads are UTF-8)")
        }
        var out: [Quad] = []
        do {
            try parser.parse(string: text, syntax: quads ? .nquads : .ntriples, sourceName: path) { out.append($0) }
        } catch let e as RDFSyntaxError {
            let line = e.position.line.map { String(firstLine + $0 - 1) } ?? "\(firstLine)…"
            throw fail(.input, "\(path):\(line): not valid \(quads ? "N-Quads" : "N-Triples"): \(e.message)")
        } catch {
            throw fail(.input, "\(path) (lines from \(firstLine)): \(error)")
        }
        return out
    }

    // MARK: - Turtle, through Raptor's parser

    private func loadTurtle(_ path: String) throws(LoadFailure) {
        guard let target = options.target else { throw fail(.usage, "\(path): no target graph") }
        let limit = options.chunkTriples == 0 ? Int.max : options.chunkTriples
        var buffer: [Triple] = []
        var blanks = BlankNodeTracker(path: path)
        func flush() throws(LoadFailure) {
            guard !buffer.isEmpty else { return }
            defer { buffer.removeAll(keepingCapacity: true) }
            blanks.chunk(buffer, target: target)
            try send(try nTriples(buffer, path: path), triples: buffer.count, to: target,
                     what: "chunk \(report.chunks + 1) (triples \(report.triples + 1)–\(report.triples + buffer.count) of \(path))")
        }
        do {
            try parser.parse(file: path, syntax: .turtle) { quad in
                buffer.append(quad.triple)
                if buffer.count >= limit { try flush() }
            }
        } catch let e as LoadFailure {
            throw e
        } catch let e as RDFSyntaxError {
            throw fail(.input, "\(e.position): not valid Turtle: \(e.message)")
        } catch {
            throw fail(.input, "\(error)")
        }
        try flush()
        if let warning = blanks.warning { report.warnings.append(warning); log("warning: " + warning) }
    }

    /// Triples as N-Triples, written by Raptor; where Raptor refuses a literal
    /// (a control character it would write raw into Turtle), by RDFModel's
    /// canonical N-Triples, which escapes it.
    private func nTriples(_ triples: [Triple], path: String) throws(LoadFailure) -> Data {
        do {
            return Data(try writer.serialize(triples, syntax: .ntriples).utf8)
        } catch RaptorError.unwritableTerm {
            return Data(triples.map(NTriples.line).joined().utf8)
        } catch {
            throw fail(.input, "\(path): cannot be written as N-Triples: \(error)")
        }
    }

    // MARK: - Sending

    private func send(_ body: Data, triples: Int, to target: GraphTarget, what: String, isChunk: Bool = true) throws(LoadFailure) {
        let put = options.replace && !replaced.contains(target)
        let clock = ContinuousClock()
        let start = clock.now
        let response: HTTPResponse
        do {
            response = try client.send(nTriples: body, to: target, replace: put)
        } catch {
            throw fail(.store(error.kind), "\(what) into \(target) was not loaded: \(error.message)")
        }
        if put { replaced.insert(target) }
        report.triples += triples
        if isChunk { report.chunks += 1 }
        report.triplesByGraph[target, default: 0] += triples
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        log("\(what): \(triples) triple\(triples == 1 ? "" : "s") into \(target): HTTP \(response.status) (\(put ? "PUT" : "POST"), \(String(format: "%.2f", seconds)) s)")
    }
}

/// Notices a blank node that occurs in two chunks sent to one graph: a store
/// reads each request as its own document, so it would hold two nodes.
struct BlankNodeTracker {
    let path: String
    private var earlier: [GraphTarget: Set<String>] = [:]
    private(set) var split: Set<String> = []

    init(path: String) { self.path = path }

    mutating func chunk(_ triples: [Triple], target: GraphTarget) {
        var labels = Set<String>()
        for t in triples {
            if case .blank(let b) = t.subject { labels.insert(b.label) }
            if case .blank(let b) = t.object { labels.insert(b.label) }
        }
        guard !labels.isEmpty else { return }
        let before = earlier[target, default: []]
        if !before.isEmpty { split.formUnion(labels.intersection(before)) }
        earlier[target, default: []].formUnion(labels)
    }

    var warning: String? {
        guard !split.isEmpty else { return nil }
        let some = split.sorted().prefix(3).map { "_:" + $0 }.joined(separator: ", ")
        return "\(path): \(split.count) blank node\(split.count == 1 ? "" : "s") (\(some)\(split.count > 3 ? ", …" : "")) occur in more than one chunk; the store reads each chunk as its own document and so holds a separate node for each. Load with a larger --chunk-triples, or --chunk-triples 0, to keep them whole."
    }
}
