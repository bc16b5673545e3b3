import Foundation
import RDFModel
import Assembly
import Corpus
import Extraction
import Language
import Lookup
import RaptorIO
import SHACL
import Validation

/// What `newsgraph build` is asked to do.
public struct BuildOptions: Sendable {
    public var corpora: [String]
    public var outputFolder: String
    public var ontologyFolder: String
    public var base: String
    /// How many documents are prepared and read at once; the output is the same for any number.
    public var jobs: Int

    public static let defaultBase = "https://w3id.org/newsgraph/id/"

    public init(corpora: [String] = ["seeds"], outputFolder: String = "out", ontologyFolder: String = "ontology",
                base: String = BuildOptions.defaultBase, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.corpora = corpora
        self.outputFolder = outputFolder
        self.ontologyFolder = ontologyFolder
        self.base = base
        self.jobs = jobs
    }
}

/// What a build did: the one-screen summary is made from this.
public struct BuildReport: Sendable {
    public var documentsRead = 0
    public var skipped: [SkippedFile] = []
    public var triplesWritten = 0
    public var classCounts: [IRI: Int] = [:]
    public var rejected: [RejectedTriple] = []
    public var files: [String] = []
    /// Named graphs written to graph.nq (one per document).
    public var documentGraphs = 0
    /// Articles decoded from UTF-16 or UTF-32 (their byte-order mark said so), with the encoding.
    public var decoded: [(path: String, encoding: String)] = []
    /// Articles whose file names hold control characters, which the graph writes as U+FFFD.
    public var normalizedNames: [String] = []
    /// Sentences too long to read at once, read in pieces.
    public var longSentences: [LongSentenceNote] = []
    /// The most tokens a sentence is read in at once.
    public let sentenceTokenLimit = Extractor.maxSentenceTokens
}

/// A sentence read in pieces, and where it is.
public struct LongSentenceNote: Sendable, Equatable {
    public let path: String
    public let line: Int
    public let tokens: Int
    public let pieces: Int
}

public enum BuildError: Error, CustomStringConvertible {
    case nothingToBuild([SkippedFile])
    case badBase(String, TermError)
    case ontology(Ontology.LoadError)
    case lexicon(Lexicon.LoadError)
    case shapes(ShapesError)
    case output(String, any Error)
    /// The output folder cannot be made or written, and why.
    case outputFolder(String, String)
    /// A file written holds other statements than were written to it.
    case incomplete(path: String, written: Int, read: Int)

    public var description: String {
        switch self {
        case .nothingToBuild(let skipped):
            let lines = skipped.map { "  \($0.message)" }.joined(separator: "\n")
            return "nothing could be built: no readable article was found" + (lines.isEmpty ? "" : "\n" + lines)
        case .badBase(let base, let e): return "the base IRI \(base.debugDescription) is not usable: \(e)"
        case .ontology(let e): return "the ontology could not be loaded: \(e)"
        case .lexicon(let e): return "the lexicon could not be loaded: \(e)"
        case .shapes(let e): return "the shapes cannot be used: \(e)"
        case .output(let path, let e): return "\(path): cannot write: \(e)"
        case .outputFolder(let path, let why): return "cannot write to --out \(path): \(why)"
        case .incomplete(let path, let written, let read):
            return "\(path): \(written) statements were written but the file reads back as \(read); the output is incomplete (please report it with the article that caused it)"
        }
    }
}

public enum Builder {
    /// Reads the corpora, extracts, checks against the ontology, and writes
    /// `graph.ttl` and `graph.nt` (and `rejected.ttl` when anything was rejected).
    public static func build(_ options: BuildOptions) throws(BuildError) -> BuildReport {
        let world: RaptorWorld
        do { world = try RaptorWorld() } catch { throw .output(options.outputFolder, error) }
        let minter: IRIMinter
        do { minter = try IRIMinter(base: options.base) } catch { throw .badBase(options.base, error) }
        let ontology: Ontology
        do { ontology = try Ontology.load(from: options.ontologyFolder, world: world) } catch { throw .ontology(error) }
        let validator: Validator
        do { validator = try Validator(ontology: ontology) } catch { throw .shapes(error) }

        var report = BuildReport()
        let (documents, skipped) = CorpusReader.read(corpora: options.corpora)
        report.skipped = skipped
        guard !documents.isEmpty else { throw .nothingToBuild(skipped) }
        report.documentsRead = documents.count
        report.normalizedNames = documents.filter(\.nameIsNormalized).map(\.displayPath)
        report.decoded = documents.compactMap { d in d.decodedFrom.map { (d.displayPath, $0) } }

        var assembler = try extract(documents, ontologyFolder: options.ontologyFolder, minter: minter, jobs: options.jobs,
                                    report: &report)
        let graph = assembler.finish()
        report.documentGraphs = documents.count

        // What violates the ontology or its shapes is kept aside with the reason, never written to the graph.
        let split = validator.partition(graph.sorted)
        let accepted = split.accepted
        let rejected = split.rejected
        report.rejected = rejected
        report.triplesWritten = accepted.count
        for t in accepted where t.predicate == RDF.type {
            if let cls = t.object.iri { report.classCounts[cls, default: 0] += 1 }
        }

        let folder = options.outputFolder
        try OutputFolder.prepare(folder)
        let lock = try OutputFolder.lock(folder)
        defer { close(lock) }
        let turtlePath = folder + "/graph.ttl"
        do { try world.write(accepted, syntax: .turtle, prefixes: standardPrefixes, to: turtlePath) } catch { throw .output(turtlePath, error) }
        try verify(turtlePath, holds: accepted.count, world: world)
        report.files.append(turtlePath)
        report.files.append(try writeNTriplesAndIndex(accepted, folder: folder, world: world))
        report.files.append(try writeQuads(assembler, accepted: Set(accepted), folder: folder, world: world))
        report.files.append(folder + "/graph.idx (the lookup index)")
        if let rejectedPath = try writeRejected(rejected, report: split.report, folder: folder, world: world) {
            report.files.append(rejectedPath)
        }
        return report
    }

    /// Extraction: each document is cleaned, split and tokenized once; both passes
    /// (learning people's names, then extracting) read the result.
    private static func extract(_ documents: [SourceDocument], ontologyFolder: String,
                                minter: IRIMinter, jobs: Int, report: inout BuildReport) throws(BuildError) -> Assembler {
        let lexicon: Lexicon
        do { lexicon = try Lexicon.load(from: ontologyFolder + "/lexicon") } catch { throw .lexicon(error) }
        var extractor = Extractor(lexicon: lexicon)
        // Preparing and reading each document are independent of the others: they run on `jobs`
        // threads. Learning people across the corpus and assembling stay in document order.
        let preparing = extractor
        let prepared = parallelMap(documents, jobs: jobs) { preparing.prepare($0.text, document: DocumentGraph.iri(for: $0, minter: minter)) }
        extractor.learnPeople(from: prepared)
        let reading = extractor
        let facts = parallelMap(prepared, jobs: jobs) { reading.extract($0) }
        var assembler = Assembler(minter: minter, lexicon: lexicon, registry: extractor.registry)
        for ((document, p), f) in zip(zip(documents, prepared), facts) {
            assembler.add(document: document, facts: f)
            report.longSentences += p.longSentences.map {
                LongSentenceNote(path: document.displayPath, line: $0.line, tokens: $0.tokens, pieces: $0.pieces)
            }
        }
        return assembler
    }

    /// `graph.nt`, and the lookup index beside it (LookupIndex), made from the
    /// triples and the lines Raptor wrote for them, not by parsing the graph again.
    private static func writeNTriplesAndIndex(_ accepted: [Triple], folder: String, world: RaptorWorld) throws(BuildError) -> String {
        let path = folder + "/graph.nt"
        var index = LookupIndexRecorder()
        let written: Int
        do {
            let writer = try RDFFileWriter(world: world, path: path, syntax: .ntriples, prefixes: standardPrefixes, keepingOutput: true)
            for t in accepted {
                try writer.write(t)
                index.record(t, line: writer.takeOutput())
            }
            try writer.finish()
            written = writer.count
        } catch { throw .output(path, error) }
        try verify(path, holds: written, world: world)
        do { try index.write(for: path) } catch { throw .output(LookupIndex.path(for: path), error) }
        return path
    }

    /// The same facts as N-Quads, one named graph per source document (the document's IRI).
    private static func writeQuads(_ assembler: Assembler, accepted: Set<Triple>, folder: String,
                                   world: RaptorWorld) throws(BuildError) -> String {
        let path = folder + "/graph.nq"
        let written: Int
        do {
            // Streamed through RaptorIO's sink: the accepted quads are never gathered into one array.
            let writer = try RDFFileWriter(world: world, path: path, syntax: .nquads)
            for quad in assembler.quads() where accepted.contains(quad.triple) { try writer.write(quad) }
            try writer.finish()
            written = writer.count
        } catch { throw .output(path, error) }
        try verify(path, holds: written, world: world)
        return path
    }

    /// Reads a file just written back through Raptor and checks that it holds as many statements as
    /// were written to it: a serializer that cut a statement short must fail the build, not pass it.
    static func verify(_ path: String, holds written: Int, world: RaptorWorld) throws(BuildError) {
        var read = 0
        do { try world.parse(file: path) { _ in read += 1 } } catch { throw .output(path, error) }
        guard read == written else { throw .incomplete(path: path, written: written, read: read) }
    }

    /// `rejected.ttl` with each rejected triple, its reason and the validation report; removed when nothing
    /// was rejected. Returns its path when written.
    private static func writeRejected(_ rejected: [RejectedTriple], report: ValidationReport, folder: String,
                                      world: RaptorWorld) throws(BuildError) -> String? {
        let path = folder + "/rejected.ttl"
        guard !rejected.isEmpty else {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
        do {
            try world.write(RejectionReport.triples(rejected) + report.triples(), syntax: .turtle,
                            prefixes: standardPrefixes + [("sh", SH.ns), ("ngv", NGV.ns)], to: path)
        } catch { throw .output(path, error) }
        return path
    }
}

/// The triples describing a source document itself.
enum DocumentGraph {
    static func iri(for document: SourceDocument, minter: IRIMinter) -> IRI {
        minter.node(kind: "document", key: document.sha256)
    }
}
