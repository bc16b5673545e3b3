import ArgumentParser
import Foundation
import Build
import RDFModel

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the graph of a corpus of articles into Turtle and N-Triples.",
        discussion: """
            Reads every article (.txt, .text, .md, .markdown) below each CORPUS_DIR, in a stable \
            order, and writes DIR/graph.ttl and DIR/graph.nt, which hold the same triples, sorted, \
            byte-identical from run to run, and DIR/graph.nq, the same facts as N-Quads with one \
            named graph per source document (the document's IRI), and DIR/graph.idx, the index \
            that newsgraph lookup reads. Files are written to a temporary name and renamed into \
            place, so a failed build never leaves a half-written graph.

            A file that cannot be used (missing, unreadable, not UTF-8, binary, empty) is reported \
            by name with the reason, and the others are still built. Triples that violate the ontology \
            or its SHACL shapes are not written to the graph but to DIR/rejected.ttl, each with \
            its reason, followed by the validation report.

            Exit status: 0 when a graph was written; 1 when nothing could be built (no article \
            could be used, a missing CORPUS_DIR included); 2 for a bad option, an unusable \
            ontology or an output folder that cannot be written.
            """
    )

    @Argument(help: ArgumentHelp("Folders (or single files) of articles.", valueName: "CORPUS_DIR"))
    var corpora: [String] = ["seeds"]

    @Option(name: .long, help: ArgumentHelp("The folder to write the graph into.", valueName: "DIR"))
    var out: String = "out"

    @Option(name: .long, help: ArgumentHelp("The folder holding newsgraph.ttl and shapes.ttl.", valueName: "DIR"))
    var ontology: String = "ontology"

    @Option(name: .long, help: ArgumentHelp("The namespace of minted entity IRIs.", valueName: "IRI"))
    var base: String = BuildOptions.defaultBase

    @Option(name: .long, help: ArgumentHelp("How many documents to read at once (default: the number of cores); the output is the same for any number.", valueName: "N"))
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Print only problems, not the summary.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        if let problem = IRI.problem(in: base + "x") {
            throw ValidationError("--base \(base.debugDescription) is not an IRI: \(problem); give an absolute IRI ending in '/' or '#', e.g. \(BuildOptions.defaultBase)")
        }
        if !(base.hasSuffix("/") || base.hasSuffix("#")) {
            throw ValidationError("--base must be an absolute IRI ending in '/' or '#', e.g. \(BuildOptions.defaultBase)")
        }
    }

    func run() throws {
        let options = BuildOptions(corpora: corpora, outputFolder: out, ontologyFolder: ontology, base: base,
                                   jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let report: BuildReport
        do {
            report = try Builder.build(options)
        } catch {
            printError("newsgraph build: \(error)")
            if case .nothingToBuild = error { throw ExitCode(1) }
            throw ExitCode(Newsgraph.unusableStatus)
        }
        for skipped in report.skipped { printError("newsgraph build: skipped \(skipped.message)") }
        for path in report.normalizedNames {
            printError("newsgraph build: note: \(path): its name holds control characters, written as U+FFFD in ng:sourceFile")
        }
        for long in report.longSentences {
            printError("newsgraph build: note: \(long.path) line \(long.line): a sentence of \(long.tokens) tokens was read in \(long.pieces) pieces of at most \(report.sentenceTokenLimit) tokens; a fact that spans a cut is missed")
        }
        if !quiet { print(Terminal.visible(Summary.text(report)), terminator: "") }
    }
}

/// The one-screen summary of a build.
enum Summary {
    static func text(_ r: BuildReport) -> String {
        var s = "Built \(r.triplesWritten) triples from \(r.documentsRead) document\(r.documentsRead == 1 ? "" : "s")"
        if !r.skipped.isEmpty { s += " (\(r.skipped.count) file\(r.skipped.count == 1 ? "" : "s") skipped)" }
        s += ".\n"
        if !r.classCounts.isEmpty {
            s += "\nNodes by class:\n"
            let rows = r.classCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            for (cls, n) in rows { s += "  \(pad(String(n), 6)) \(curie(cls.value))\n" }
        }
        if !r.longSentences.isEmpty {
            let n = r.longSentences.count
            s += "\nLong sentences: \(n) sentence\(n == 1 ? "" : "s") over \(r.sentenceTokenLimit) tokens read in pieces (see the notes above).\n"
        }
        if !r.decoded.isEmpty {
            s += "\nDecoded from UTF-16 or UTF-32 (by their byte-order mark):\n"
            for (path, encoding) in r.decoded { s += "  \(encoding) \(path)\n" }
        }
        if !r.skipped.isEmpty {
            s += "\nSkipped files by reason:\n"
            for (reason, files) in Dictionary(grouping: r.skipped, by: \.reason).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                s += "  \(pad(String(files.count), 6)) \(reason.rawValue)\n"
            }
        }
        if !r.rejected.isEmpty {
            s += "\nRejected triples by reason (not in the graph; see rejected.ttl with the validation report):\n"
            for (reason, ts) in Dictionary(grouping: r.rejected, by: \.reason).sorted(by: { $0.key < $1.key }) {
                s += "  \(pad(String(ts.count), 6)) \(reason)\n"
            }
        } else {
            s += "\nProblems: none; every triple conforms to the ontology and its shapes.\n"
        }
        s += "\nWrote:\n" + r.files.map { "  \($0)\n" }.joined()
        return s
    }

    static func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }

    static func curie(_ iri: String) -> String {
        for (prefix, ns) in standardPrefixes where iri.hasPrefix(ns) { return prefix + ":" + iri.dropFirst(ns.count) }
        return "<\(iri)>"
    }
}
