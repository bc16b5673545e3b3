import ArgumentParser

/// Placeholder until the load command lands (issue in progress); it says so and exits 2.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "(not yet available)", shouldDisplay: false)

    func run() throws {
        printError("newsgraph load: not yet available in this build")
        throw ExitCode(2)
    }
}
