import ArgumentParser

/// Placeholder until the validate command lands (issue in progress); it says so and exits 2.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(not yet available)", shouldDisplay: false)

    func run() throws {
        printError("newsgraph validate: not yet available in this build")
        throw ExitCode(2)
    }
}
