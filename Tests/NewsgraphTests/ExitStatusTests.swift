import Foundation
import Testing
import Load
import Lookup

/// The exit statuses every command's help documents (0 done, 1 the answer is
/// no, 2 a bad option or an unusable input, 3 an ambiguous lookup), checked on
/// the built binary as a CI script sees them.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: CLI.binary), "the newsgraph binary is built"))
struct ExitStatusTests {
    /// swift-argument-parser would exit 64 (EX_USAGE); the help of every command says 2.
    @Test(arguments: [
        ["build", "--bogus"],
        ["validate", "data.ttl", "--bogus"],
        ["validate", "data.ttl", "--format", "yaml"],
        ["lookup", "Lukashenko", "--bogus"],
        ["lookup", "Lukashenko", "--limit", "-1"],
        ["load", "graph.nt", "--endpoint", "http://127.0.0.1:7878/store", "--bogus"],
        ["load", "graph.nt"],
        ["--bogus"],
    ])
    func aBadOptionExits2WithTheUsage(_ arguments: [String]) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains("Error: "), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func aMissingInputFileExits2OrForBuildNothingBuilt1() throws {
        let missing = "/nonexistent/newsgraph-input"
        let validate = try CLI.run(["validate", missing + ".ttl"])
        #expect(validate.status == 2, "\(validate.stderr)")
        #expect(validate.stderr.contains(missing + ".ttl"))
        let lookup = try CLI.run(["lookup", "Lukashenko", "--graph", missing + ".nt"])
        #expect(lookup.status == 2, "\(lookup.stderr)")
        #expect(lookup.stderr.contains("cannot open the graph \(missing).nt: no such file"), "\(lookup.stderr)")
        let load = try CLI.run(["load", missing + ".nt", "--endpoint", "http://127.0.0.1:9/store", "--graph", "https://example.org/g"])
        #expect(load.status == 2, "\(load.stderr)")
        #expect(load.stderr.contains("\(missing).nt: no such file"), "\(load.stderr)")
        // build skips what it cannot read; with nothing left it exits 1, as its help says.
        let build = try CLI.run(["build", missing, "--out", "/tmp/ng-never"])
        #expect(build.status == 1, "\(build.stderr)")
        #expect(build.stderr.contains("\(missing): no such file or folder"), "\(build.stderr)")
    }

    @Test(arguments: ["ftp://host/store", "localhost:7878", "store.example/store"])
    func aBadEndpointSchemeIsNamedAsSuchAndExits2(_ endpoint: String) throws {
        let folder = try temporaryFolder("exit-endpoint")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let nt = try loadWriteFile(folder, "g.nt", "<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n")
        let r = try CLI.run(["load", nt, "--endpoint", endpoint, "--graph", "https://example.org/g"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("--endpoint must be an http:// or https:// URL: \(endpoint)"), "\(r.stderr)")
        #expect(!r.stderr.contains("redirect"))
    }

    /// The library says the same, before any request is sent, whoever calls it.
    @Test(arguments: ["ftp://host/store", "localhost:7878"])
    func theClientRefusesABadEndpointSchemeBeforeSending(_ endpoint: String) throws {
        let transport = LoadScriptedTransport()
        #expect {
            _ = try GraphStoreClient(endpoint: URL(string: endpoint)!, transport: transport)
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.kind == .badEndpoint && error.message == "the endpoint must be an http:// or https:// URL: \(endpoint)"
        }
        #expect(transport.requests.isEmpty)
    }

    /// A graph that cannot be opened and one that cannot be parsed: both exit 2, each with its own words.
    @Test func theTwoUnusableGraphsAreToldApart() throws {
        let folder = try temporaryFolder("exit-lookup")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = try loadWriteFile(folder, "bad.nt", "this is not N-Triples\n")
        let unparsable = try CLI.run(["lookup", "x", "--graph", bad, "--no-index"])
        #expect(unparsable.status == 2, "\(unparsable.stderr)")
        #expect(unparsable.stderr.contains("newsgraph lookup: cannot parse the graph \(bad): "), "\(unparsable.stderr)")
        #expect(unparsable.stderr.contains("bad.nt:1"))
        let unopenable = try CLI.run(["lookup", "x", "--graph", folder])
        #expect(unopenable.status == 2, "\(unopenable.stderr)")
        #expect(unopenable.stderr.contains("newsgraph lookup: cannot open the graph \(folder): it is a folder, not a file"), "\(unopenable.stderr)")
        #expect(LookupError.graphUnavailable(path: "g.nt", reason: "r").description
                != LookupError.graphUnreadable(path: "g.nt", reason: "r").description)
    }
}
