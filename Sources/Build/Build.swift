import Foundation
import RDFModel
import Extraction
import Lookup
import RaptorIO
import Validation

/// What `newsgraph build` is asked to do.
public struct BuildOptions: Sendable {
    public var corpora: [String]
    public var outputFolder: String
    public var ontologyFolder: String
    public var base: String

    public static let defaultBase = "https://w3id.org/newsgraph/id/"

    public init(corpora: [String] = ["seeds"], outputFolder: String = "out", ontologyFolder: String = "ontology",
                base: String = BuildOptions.defaultBase) {
        self.corpora = corpora
        self.outputFolder = outputFolder
        self.ontologyFolder = ontologyFolder
        self.base = base
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
}

public enum BuildError: Error, CustomStringConvertible {
    case nothingToBuild([SkippedFile])
    case badBase(String, TermError)
    case ontology(Ontology.LoadError)
    case lexicon(Lexicon.LoadError)
    case shapes(ShapesError)
    case output(String, any Error)

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

        let lexicon: Lexicon
        do { lexicon = try Lexicon.load(from: options.ontologyFolder + "/lexicon") } catch { throw .lexicon(error) }
        var extractor = Extractor(lexicon: lexicon)
        // Each document is cleaned, split and tokenized once; both passes read the result.
        let prepared = documents.map { extractor.prepare($0.text) }
        extractor.learnPeople(from: prepared)
        var assembler = Assembler(minter: minter, lexicon: lexicon, registry: extractor.registry)
        for (document, p) in zip(documents, prepared) {
            let iri = DocumentGraph.iri(for: document, minter: minter)
            assembler.add(document: document, facts: extractor.extract(p, iri: iri))
        }
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
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .output(folder, error)
        }
        let outputs: [(String, RDFSyntax, [Triple])] = [
            ("graph.ttl", .turtle, accepted),
            ("graph.nt", .ntriples, accepted),
        ]
        for (name, syntax, triples) in outputs {
            let path = folder + "/" + name
            do { try world.write(triples, syntax: syntax, prefixes: standardPrefixes, to: path) } catch { throw .output(path, error) }
            report.files.append(path)
        }
        // The lookup index beside graph.nt (LookupIndex): written once graph.nt is in place.
        let ntPath = folder + "/graph.nt"
        do { _ = try LookupIndex.write(for: ntPath) } catch { throw .output(LookupIndex.path(for: ntPath), error) }
        // The same facts as N-Quads, one named graph per source document (the document's IRI).
        let acceptedSet = Set(accepted)
        let nqPath = folder + "/graph.nq"
        do {
            // Streamed through RaptorIO's sink: the accepted quads are never gathered into one array.
            let writer = try RDFFileWriter(world: world, path: nqPath, syntax: .nquads)
            for quad in assembler.quads() where acceptedSet.contains(quad.triple) { try writer.write(quad) }
            try writer.finish()
        } catch { throw .output(nqPath, error) }
        report.files.append(nqPath)
        report.files.append(folder + "/graph.idx (the lookup index)")
        let rejectedPath = folder + "/rejected.ttl"
        if rejected.isEmpty {
            try? FileManager.default.removeItem(atPath: rejectedPath)
        } else {
            do {
                try world.write(RejectionReport.triples(rejected) + split.report.triples(), syntax: .turtle,
                                prefixes: standardPrefixes + [("sh", SH.ns), ("ngv", NGV.ns)], to: rejectedPath)
            } catch { throw .output(rejectedPath, error) }
            report.files.append(rejectedPath)
        }
        return report
    }
}

/// The triples describing a source document itself.
enum DocumentGraph {
    static func iri(for document: SourceDocument, minter: IRIMinter) -> IRI {
        minter.node(kind: "document", key: document.sha256)
    }
}
