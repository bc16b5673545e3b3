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

/// Writes to standard error, with control characters made visible.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((Terminal.visible(message) + "\n").utf8))
}

/// What reaches a terminal: names from file names, articles and graphs may hold escape sequences
/// (which recolour or rewrite the screen) and bidirectional controls (which reorder what is shown).
enum Terminal {
    /// `text` with every control character but line ends and tabs, and every bidirectional control,
    /// written as `\u{…}`. With `keepingColours`, the colour codes lookup writes (`ESC [ digits ; … m`),
    /// which change only colour, are kept; every other escape sequence (cursor moves, titles,
    /// clearing) is shown.
    static func visible(_ text: String, keepingColours: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if keepingColours, scalars[i] == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
                var j = i + 2
                while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == ";" { j += 1 }
                if j < scalars.count, scalars[j] == "m" {
                    out.append(contentsOf: scalars[i...j])
                    i = j + 1
                    continue
                }
            }
            if isHidden(scalars[i]) {
                out.append(contentsOf: ("\\u{" + String(scalars[i].value, radix: 16, uppercase: true) + "}").unicodeScalars)
            } else {
                out.append(scalars[i])
            }
            i += 1
        }
        return String(out)
    }

    static func isHidden(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true
        default: return false
        }
    }
}
