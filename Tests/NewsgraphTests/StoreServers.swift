import Foundation
import RDFModel
import RaptorIO
import Testing
@testable import Build
@testable import Extraction
@testable import Language
@testable import SHACL
@testable import Validation
@testable import Lookup
@testable import Load

/// What the store tests need from the machine, and what they do when it is missing:
/// in CI (CI=true) a missing server fails the test; elsewhere the test is skipped
/// with a message saying how to install it.
enum StoreEnvironment {
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true" }

    static let toolsFolder = repositoryRoot + "/Tests/tools"
    static let evalFolder = URL(fileURLWithPath: repositoryRoot + "/../shared/eval").standardizedFileURL.path

    /// The full path of `command` on PATH, or in Python's scripts folder (where pip puts `oxigraph`).
    static func find(_ command: String) -> String? {
        var folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        if let scripts = try? storeRun("/usr/bin/env", ["python3", "-c", "import sysconfig; print(sysconfig.get_path('scripts'))"]).stdout {
            folders.append(scripts.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        for folder in folders where !folder.isEmpty {
            let path = folder + "/" + command
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static var hasOxigraph: Bool { find("oxigraph") != nil }
    static var hasVirtuoso: Bool { find("virtuoso-t") != nil && find("isql-vt") != nil }

    /// Run the test when the server is installed, and always in CI (where a missing one must fail).
    static var runOxigraph: Bool { hasOxigraph || isCI }
    static var runVirtuoso: Bool { hasVirtuoso || isCI }

    /// The `newsgraph` executable built from the current sources, if there is one:
    /// beside the test bundle (`swift build --build-tests` builds both), and no
    /// older than the load command's sources.
    static func newsgraphBinary() -> String? {
        var folders: [URL] = []
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        if let e = Bundle.main.executableURL { folders.append(e.deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        let sources = ["Sources/newsgraph/LoadCommand.swift"] + ((try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/Sources/Load")) ?? [])
            .map { "Sources/Load/" + $0 }
        let newest = sources.compactMap { modified(repositoryRoot + "/" + $0) }.max() ?? .distantPast
        for folder in folders {
            let path = folder.appendingPathComponent("newsgraph").path
            if FileManager.default.isExecutableFile(atPath: path), let built = modified(path), built >= newest { return path }
        }
        return nil
    }

    static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// Fails the test in CI, or says why a part is skipped elsewhere. Returns false in both cases.
    static func require(_ ok: Bool, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if ok { return true }
        if isCI {
            Issue.record("\(what) (CI=true, so this fails instead of being skipped)", sourceLocation: sourceLocation)
        } else {
            print("note: skipped: \(what)")
        }
        return false
    }
}

struct StoreCommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a program to the end, its output in temporary files (a server it starts
/// in the background cannot hold a pipe open).
func storeRun(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                timeout: Double = 180) throws -> StoreCommandResult {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ng-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardInput = FileHandle.nullDevice
    let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning {
        process.terminate()
        throw StoreSparqlEndpoint.Failure(description: "\(executable) \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s")
    }
    try? outHandle.close()
    try? errHandle.close()
    return StoreCommandResult(status: process.terminationStatus,
                         stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
}

/// A private server started by Tests/tools/stores/KIND.sh in a temporary folder,
/// on 127.0.0.1 and a port free at run time. `stop()` is idempotent; the script's
/// watchdog also stops it if this test process dies.
final class StoreServer {
    enum Kind: String { case oxigraph, virtuoso }

    let kind: Kind
    let folder: String
    let base: String

    private init(kind: Kind, folder: String, base: String) {
        self.kind = kind
        self.folder = folder
        self.base = base
    }

    /// - Parameter port: a fixed port (Oxigraph only); by default one free at run time.
    static func start(_ kind: Kind, port: Int? = nil, environment: [String: String] = [:]) throws -> StoreServer {
        let folder = try temporaryFolder("store-\(kind.rawValue)")
        let script = StoreEnvironment.toolsFolder + "/stores/\(kind.rawValue).sh"
        let result = try storeRun("/bin/bash", [script, "start", folder, String(getpid())] + (port.map { [String($0)] } ?? []),
                                    environment: environment)
        let base = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, base.hasPrefix("http://127.0.0.1:") else {
            _ = try? storeRun("/bin/bash", [script, "stop", folder])
            try? FileManager.default.removeItem(atPath: folder)
            throw StartFailure(message: "\(kind.rawValue) did not start (exit \(result.status)): \(result.stderr)")
        }
        return StoreServer(kind: kind, folder: folder, base: base)
    }

    struct StartFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    private var stopped = false

    func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? storeRun("/bin/bash", [StoreEnvironment.toolsFolder + "/stores/\(kind.rawValue).sh", "stop", folder])
        try? FileManager.default.removeItem(atPath: folder)
    }

    deinit { stop() }

    /// The server's process id, while it runs.
    var pid: Int32? {
        (try? String(contentsOfFile: folder + "/server.pid", encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

/// A SPARQL 1.1 Protocol query endpoint, asked with POST and JSON results.
struct StoreSparqlEndpoint {
    let url: URL
    let transport = URLSessionTransport(timeout: 60)

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func json(_ query: String, defaultGraphs: [String] = []) throws -> [String: Any] {
        var form = "query=" + GraphStoreClient.percentEncode(query)
        for g in defaultGraphs { form += "&default-graph-uri=" + GraphStoreClient.percentEncode(g) }
        let response = try transport.send(HTTPRequest(method: "POST", url: url, headers: [
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        ], body: Data(form.utf8)))
        guard response.status == 200 else {
            throw Failure(description: "HTTP \(response.status) for \(query.prefix(200)): \(GraphStoreClient.serverMessage(response) ?? "")")
        }
        guard let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            throw Failure(description: "not a JSON object: \(String(decoding: response.body.prefix(300), as: UTF8.self))")
        }
        return object
    }

    func ask(_ query: String, defaultGraphs: [String] = []) throws -> Bool {
        guard let b = try json(query, defaultGraphs: defaultGraphs)["boolean"] as? Bool else { throw Failure(description: "no boolean for \(query)") }
        return b
    }

    /// The bindings of a SELECT: variable → (type, value, xml:lang/datatype) as strings.
    func select(_ query: String, defaultGraphs: [String] = []) throws -> [[String: [String: String]]] {
        let object = try json(query, defaultGraphs: defaultGraphs)
        guard let results = object["results"] as? [String: Any], let bindings = results["bindings"] as? [[String: Any]] else {
            throw Failure(description: "no bindings for \(query)")
        }
        return bindings.map { row in row.compactMapValues { $0 as? [String: String] } }
    }

    /// `SELECT (COUNT(*) AS ?n) WHERE { PATTERN }` as an Int.
    func count(_ pattern: String, defaultGraphs: [String] = []) throws -> Int {
        let rows = try select("SELECT (COUNT(*) AS ?n) WHERE { \(pattern) }", defaultGraphs: defaultGraphs)
        guard let value = rows.first?["n"]?["value"], let n = Int(value) else { throw Failure(description: "no count for \(pattern)") }
        return n
    }
}

/// The graph of seeds/, built fresh for a test, with what the tests compare against.
struct StoreSeedGraph {
    let folder: String
    var nt: String { folder + "/graph.nt" }
    var nq: String { folder + "/graph.nq" }
    var ttl: String { folder + "/graph.ttl" }
    let triples: Int
    /// Triples per named graph of graph.nq.
    let quadsByGraph: [String: Int]
    /// The tricky literals, and files holding them (.nt, .ttl, and .nq in `trickyGraph`).
    let tricky: [Literal]
    var trickyNT: String { folder + "/tricky.nt" }
    var trickyTTL: String { folder + "/tricky.ttl" }
    var trickyNQ: String { folder + "/tricky.nq" }
    static let trickySubject = "https://example.org/newsgraph-test/s"
    static let trickyPredicate = "https://example.org/newsgraph-test/p"

    static func build() throws -> StoreSeedGraph {
        let folder = try temporaryFolder("store-seeds")
        _ = try Builder.build(BuildOptions(corpora: [repositoryRoot + "/seeds"], outputFolder: folder, ontologyFolder: repositoryRoot + "/ontology"))
        let world = try RaptorWorld()
        var triples = Set<Triple>()
        try world.parse(file: folder + "/graph.nt") { triples.insert($0.triple) }
        var byGraph: [String: Set<Triple>] = [:]
        if FileManager.default.fileExists(atPath: folder + "/graph.nq") {
            try world.parse(file: folder + "/graph.nq") { byGraph[$0.graph?.value ?? "", default: []].insert($0.triple) }
        }
        // Quotes, backslashes, new lines, tabs, non-ASCII in and beyond the BMP,
        // a combining accent (kept apart from the precomposed letter), a long value.
        let tricky = [
            Literal("She said \"no\" — twice.\nSecond line\twith a tab, a backslash \\ and 'single quotes'.\nZürich, Καλημέρα, 北京, emoji 😀, e\u{301} and é."),
            try Literal("café « crème »", language: "fr-CA"),
            Literal(""),
            Literal(String(repeating: "Ünïcödé line \"quoted\"\n", count: 4000)),
        ]
        let s = IRI(constant: trickySubject), p = IRI(constant: trickyPredicate)
        let trickyTriples = tricky.map { Triple(s, p, .literal($0)) }
        try world.write(trickyTriples, syntax: .ntriples, to: folder + "/tricky.nt")
        try world.write(trickyTriples, syntax: .turtle, to: folder + "/tricky.ttl")
        let graph = StoreSeedGraph.trickyGraphIRI
        try world.write(trickyTriples.map { Quad($0, graph: graph) }, syntax: .nquads, to: folder + "/tricky.nq")
        return StoreSeedGraph(folder: folder, triples: triples.count, quadsByGraph: byGraph.mapValues(\.count), tricky: tricky)
    }

    static let trickyGraphIRI = IRI(constant: "https://example.org/newsgraph-test/tricky-nq")

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// The evaluation's ASK queries, each with the score's PREFIX block, and
    /// pyoxigraph's answers over graph.nt.
    func evaluationQueries() throws -> [(name: String, query: String, expected: Bool)] {
        let eval = StoreEnvironment.evalFolder
        let result = try storeRun("/usr/bin/env", ["python3", StoreEnvironment.toolsFolder + "/stores/ask.py", nt, eval + "/seeds", eval + "/score"])
        guard result.status == 0, let answers = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw StoreSparqlEndpoint.Failure(description: "ask.py failed: \(result.stderr)")
        }
        let score = try String(contentsOfFile: eval + "/score", encoding: .utf8)
        guard let open = score.range(of: "PREFIXES = \"\"\""), let close = score.range(of: "\"\"\"", range: open.upperBound..<score.endIndex) else {
            throw StoreSparqlEndpoint.Failure(description: "no PREFIXES block in \(eval)/score")
        }
        let prefixes = String(score[open.upperBound..<close.lowerBound])
        return try answers.keys.sorted().map { name in
            guard let expected = answers[name] as? Bool else {
                throw StoreSparqlEndpoint.Failure(description: "pyoxigraph could not run \(name): \(answers[name] ?? "")")
            }
            return (name, prefixes + (try String(contentsOfFile: eval + "/seeds/" + name, encoding: .utf8)), expected)
        }
    }
}

/// The answer to a literal query, compared by Unicode scalars (Swift's `==` on
/// strings would call a combining accent equal to the precomposed letter).
func storeSameScalars(_ a: String, _ b: String) -> Bool { Array(a.unicodeScalars) == Array(b.unicodeScalars) }

/// A TCP port on 127.0.0.1 that was free a moment ago.
func storeFreePort() throws -> Int {
    let (fd, port) = try loopbackSocket(listening: false)
    close(fd)
    return port
}

/// A TCP socket bound to a free port of 127.0.0.1 (listening, when asked), and the port.
func loopbackSocket(listening: Bool) throws -> (descriptor: Int32, port: Int) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    if listening {
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, !listening || listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return (fd, Int(UInt16(bigEndian: address.sin_port)))
}
