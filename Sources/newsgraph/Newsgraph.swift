import ArgumentParser
import Foundation

@main
struct Newsgraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsgraph",
        abstract: "Build an RDF knowledge graph of what news articles on international relations state.",
        discussion: """
            newsgraph reads a folder of articles and writes what they state: actors (people, \
            countries, organizations), initiatives, events and numbers, each traced to the \
            sentence and document it came from. The data model is the one of ontology/newsgraph.ttl.

            Start with:  newsgraph build seeds --out out

            Exit status, the same for every command: 0 when it did what was asked; 1 when it \
            ran and the answer is no (the data has violations, nothing matches the name, \
            no article could be built, the store refused or could not be reached); 2 for a bad \
            option or an input that cannot be used (a missing or unparsable file, an unusable \
            ontology, a bad endpoint). build skips articles it cannot use, so a missing \
            CORPUS_DIR makes it exit 1; lookup also exits 3 when several entities match.
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, ValidateCommand.self, LookupCommand.self, LoadCommand.self]
    )

    /// Runs the command as `ParsableCommand.main()` does, but a usage error
    /// (an unknown or bad option, a failed `validate()`) exits 2, as every
    /// command's help says, instead of swift-argument-parser's 64 (EX_USAGE).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            printError(fullMessage(for: error))
            exit(withError: ExitCode(unusableStatus))
        }
    }

    /// The exit status of a bad option or an unusable input, for every command.
    static let unusableStatus: Int32 = 2
}

/// Writes to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
