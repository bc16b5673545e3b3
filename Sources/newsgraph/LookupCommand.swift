import ArgumentParser
import Foundation
import Lookup

extension LookupFormat: ExpressibleByArgument {}

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show what the graph says about an entity: its relations, events, numbers and quotations.",
        discussion: """
            NAME is a label, another name, a person's surname, an acronym, a document's title, \
            an IRI or a CURIE (wd:Q184); case and diacritics do not matter and a near miss is \
            forgiven. When several entities match about equally well they are listed, best first.

            The first lookup of a graph.nt indexes it into graph.idx beside it (newsgraph build \
            does this too); later lookups read only the index and the few triples they show. An \
            index that no longer matches its graph, or is damaged (its checksum or bounds do not \
            hold), is rebuilt, and lookup says so on stderr; a file named graph.idx that is no \
            index is left alone.

            Exit status: 0 found; 1 nothing close to NAME (the nearest names are suggested); \
            2 a bad option, or a graph that cannot be opened or parsed; 3 several entities match \
            (they are listed).
            """
    )

    @Argument(help: ArgumentHelp("The entity to look up.", valueName: "NAME"))
    var name: String

    @Option(name: .long, help: ArgumentHelp("The graph to read (.nt, or .ttl without an index).", valueName: "FILE"))
    var graph: String = LookupOptions.defaultGraph

    @Option(name: .long, help: "The output: text for a terminal, json for scripts, turtle, or dot for Graphviz.")
    var format: LookupFormat = .text

    @Flag(name: .long, help: "Show under each fact the sentence and document it comes from.")
    var evidence = false

    @Option(name: .long, help: ArgumentHelp("Items per list (default: 20 in text, 12 in dot, all in json and turtle; 0: all).", valueName: "N"))
    var limit: Int?

    @Flag(name: .long, help: "Read the whole graph; neither use nor write an index.")
    var noIndex = false

    func validate() throws {
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("NAME must not be empty") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let terminal = isatty(STDOUT_FILENO) == 1
        let color = terminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        let options = LookupOptions(query: name, graphPath: graph, format: format, evidence: evidence, limit: limit,
                                    useIndex: !noIndex, color: color)
        let outcome: LookupOutcome
        do {
            outcome = try Lookup.run(options)
        } catch {
            printError("newsgraph lookup: \(error)")
            throw ExitCode(Newsgraph.unusableStatus)
        }
        for message in outcome.messages { printError("newsgraph lookup: " + message.trimmingCharacters(in: .newlines)) }
        // Names come from articles and users' graphs: in text, escape sequences in them are shown, not obeyed.
        let shown = format == .text ? Terminal.visible(outcome.output, keepingColours: color) : outcome.output
        if !shown.isEmpty { FileHandle.standardOutput.write(Data(shown.utf8)) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
