import ArgumentParser
import Foundation
import Load
import RDFModel

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load graph files into a SPARQL store through the Graph Store HTTP Protocol.",
        discussion: """
            Sends each FILE to the store's SPARQL 1.1 Graph Store endpoint as N-Triples: POST appends, \
            PUT (--replace) replaces the graph. N-Triples (.nt) and Turtle (.ttl) go into the graph \
            named by --graph, or the default graph with --default-graph; N-Quads (.nq, e.g. \
            out/graph.nq) go into their own named graphs, one request per graph (its default-graph \
            quads into --graph, or the default graph).

            Files go in chunks of at most --chunk-triples triples, never splitting a triple, so \
            memory stays flat; each chunk is checked by Raptor's parser before it is sent, and a \
            failure names the chunk and its lines. A connection refused (a server still starting), \
            a connection lost, and HTTP 502, 503 and 504 are retried --retries times, waiting \
            0.5 s, 1 s, 2 s, … (at most 8 s) in between. An HTTP error prints the status and the \
            server's own message. A store that does not recognize a chunk as N-Triples (Virtuoso \
            7.2 guesses the syntax from the body, whatever the Content-Type) gets it again, and \
            the rest, as Turtle: the same lines after one @prefix line.

            With --user, the password (from --password-env VAR, or --password) is sent only in the \
            form the server asks for: Digest (MD5 or SHA-256) or Basic. It never appears in output.

            Graph Store endpoints:
              Oxigraph  http://HOST:7878/store
              Fuseki    http://HOST:3030/DATASET/data
              Virtuoso  http://HOST:8890/sparql-graph-crud-auth  (digest; named graphs)
              GraphDB   http://HOST:7200/repositories/REPO/rdf-graphs/service

            Exit status: 0 when every file was loaded; 1 when the store refused a chunk or could \
            not be reached; 2 for a bad option or endpoint, or a file that is missing, unreadable \
            or not valid in its syntax.
            """
    )

    @Argument(help: ArgumentHelp("N-Triples (.nt), N-Quads (.nq) or Turtle (.ttl) files.", valueName: "FILE"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The store's Graph Store Protocol endpoint.", valueName: "URL"))
    var endpoint: String

    @Option(name: .long, help: ArgumentHelp("The named graph to load into.", valueName: "IRI"))
    var graph: String?

    @Flag(name: .long, help: "Load into the store's default graph.")
    var defaultGraph = false

    @Flag(name: .long, help: "Replace each graph written to (PUT) instead of adding to it (POST).")
    var replace = false

    @Option(name: .long, help: ArgumentHelp("The user name for Basic or Digest authentication.", valueName: "USER"))
    var user: String?

    @Option(name: .long, help: ArgumentHelp("The password (visible to other users in the process list: prefer --password-env).", valueName: "PASSWORD"))
    var password: String?

    @Option(name: .long, help: ArgumentHelp("The environment variable that holds the password.", valueName: "VAR"))
    var passwordEnv: String?

    @Option(name: .long, help: ArgumentHelp("The most triples in one request (0: a whole file, or graph, at once).", valueName: "N"))
    var chunkTriples: Int = LoadOptions.defaultChunkTriples

    @Option(name: .long, help: ArgumentHelp("How often a transient failure is retried.", valueName: "N"))
    var retries: Int = RetryPolicy.standard.retries

    @Option(name: .long, help: ArgumentHelp("How long to wait for one answer.", valueName: "SECONDS"))
    var timeout: Double = 300

    @Flag(name: .shortAndLong, help: "Print a line for each chunk.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print only problems, not the summary.")
    var quiet = false

    func validate() throws {
        if graph != nil && defaultGraph { throw ValidationError("give --graph IRI or --default-graph, not both") }
        if let graph, let problem = IRI.problem(in: graph) { throw ValidationError("--graph \(graph.debugDescription) is not an absolute IRI: \(problem)") }
        if password != nil && passwordEnv != nil { throw ValidationError("give --password or --password-env, not both") }
        if (password != nil || passwordEnv != nil) && user == nil { throw ValidationError("a password needs --user") }
        if chunkTriples < 0 { throw ValidationError("--chunk-triples must be 0 (no chunking) or more") }
        if retries < 0 { throw ValidationError("--retries must be 0 or more") }
        if !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds") }
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw ValidationError("--endpoint must be an http:// or https:// URL: \(endpoint) (e.g. http://127.0.0.1:7878/store)")
        }
        if url.password != nil || url.user != nil {
            throw ValidationError("--endpoint must not hold a user name or password: give --user and --password-env")
        }
    }

    func run() throws {
        var credentials: Credentials?
        if let user {
            var secret = password
            if let variable = passwordEnv {
                guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
                    printError("newsgraph load: the environment variable \(variable) (--password-env) is not set")
                    throw ExitCode(Newsgraph.unusableStatus)
                }
                secret = value
            }
            guard let secret else {
                printError("newsgraph load: --user \(user) needs --password-env VAR or --password")
                throw ExitCode(Newsgraph.unusableStatus)
            }
            credentials = Credentials(user: user, password: secret)
        }
        let target: GraphTarget? = defaultGraph ? .defaultGraph : graph.map { .named(IRI(constant: $0)) }
        let options = LoadOptions(files: files, target: target, replace: replace, chunkTriples: chunkTriples)
        let say: (String) -> Void = { line in printError("newsgraph load: " + (credentials?.redact(line) ?? line)) }
        let url = URL(string: endpoint)!   // checked in validate()
        let report: LoadReport
        do {
            let client = try GraphStoreClient(endpoint: url, credentials: credentials, transport: URLSessionTransport(timeout: timeout),
                                              retry: RetryPolicy(retries: retries), log: say)
            let loader = try GraphLoader(options: options, client: client, log: verbose ? say : { _ in })
            report = try loader.run()
        } catch let failure as LoadFailure {
            printError("newsgraph load: " + (credentials?.redact(failure.description) ?? failure.description))
            if case .store = failure.kind { throw ExitCode(1) }
            throw ExitCode(Newsgraph.unusableStatus)   // .usage and .input: nothing wrong with the store
        } catch let error as StoreError {
            // Only the client's init throws StoreError here: the endpoint, before any request.
            printError("newsgraph load: " + (credentials?.redact(error.message) ?? error.message))
            throw ExitCode(Newsgraph.unusableStatus)
        }
        if verbose && report.requests != report.chunks {
            say("\(report.requests) HTTP requests for \(report.chunks) chunk\(report.chunks == 1 ? "" : "s") (the rest were retries, authentication round trips or an empty PUT)")
        }
        for warning in report.warnings where !verbose { say("warning: " + warning) }
        if !quiet { print(report.summary(endpoint: GraphStoreClient.display(url))) }
    }
}
