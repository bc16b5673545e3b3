import ArgumentParser
import Foundation
import Build
import Extraction
import Validation
import Lookup
import Load

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
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, ValidateCommand.self, LookupCommand.self, LoadCommand.self]
    )
}

/// Writes to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
