import ArgumentParser

/// Placeholder until the lookup command lands (issue in progress); it says so and exits 2.
struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lookup", abstract: "(not yet available)", shouldDisplay: false)

    func run() throws {
        printError("newsgraph lookup: not yet available in this build")
        throw ExitCode(2)
    }
}
