import Foundation
import Testing

/// The built `newsgraph` binary, run as a user runs it.
struct CLI {
    static let binary: String = {
        for candidate in [".build/debug/newsgraph", ".build/release/newsgraph"] {
            let path = repositoryRoot + "/" + candidate
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return repositoryRoot + "/.build/debug/newsgraph"
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in directory: String = repositoryRoot, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "80"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Compares `text` with a snapshot file; `NEWSGRAPH_RECORD=1` re-records it.
    static func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = repositoryRoot + "/Tests/NewsgraphTests/Snapshots/" + name
        if ProcessInfo.processInfo.environment["NEWSGRAPH_RECORD"] == "1" || !FileManager.default.fileExists(atPath: path) {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "differs from Snapshots/\(name) (NEWSGRAPH_RECORD=1 re-records it)", sourceLocation: sourceLocation)
    }
}

@Suite(.serialized) struct CLITests {
    /// Every command's help, word for word: the exit statuses it documents are checked by ExitStatusTests.
    @Test(arguments: [[], ["build"], ["validate"], ["lookup"], ["load"]])
    func helpTextsAreTheRecordedOnes(_ command: [String]) throws {
        let help = try CLI.run(command + ["--help"])
        #expect(help.status == 0)
        #expect(help.stderr.isEmpty)
        #expect(help.stdout.contains("Exit status"))
        try CLI.expectSnapshot(help.stdout, named: (command.first ?? "newsgraph") + "-help.txt")
    }

    @Test func buildPrintsASummaryAndNamesWhatItSkipped() throws {
        let corpus = try temporaryFolder("cli")
        defer { try? FileManager.default.removeItem(atPath: corpus) }
        try "Talks Held\n\nThe foreign ministers of Chile and Peru met in Lima on 3 May 2021.\n"
            .write(toFile: corpus + "/a.txt", atomically: true, encoding: .utf8)
        try Data([0xFF, 0xFE, 0x41]).write(to: URL(fileURLWithPath: corpus + "/b.txt"))
        let r = try CLI.run(["build", corpus, "--out", corpus + "/out"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("from 1 document"))
        #expect(r.stdout.contains("ng:Document"))
        #expect(r.stderr.contains("b.txt: is not valid UTF-8"))
        #expect(FileManager.default.fileExists(atPath: corpus + "/out/graph.ttl"))
    }

    @Test func exitStatusesSayWhatWentWrong() throws {
        let missing = try CLI.run(["build", "/nonexistent/corpus", "--out", "/tmp/ng-never"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/corpus: no such file or folder"))
        let badBase = try CLI.run(["build", "seeds", "--base", "not an iri"])
        #expect(badBase.status != 0)
        #expect(badBase.stderr.contains("--base"))
        let badOntology = try CLI.run(["build", "seeds", "--out", "/tmp/ng-never", "--ontology", "/nonexistent"])
        #expect(badOntology.status == 2)
        #expect(badOntology.stderr.contains("newsgraph.ttl"))
    }
}
