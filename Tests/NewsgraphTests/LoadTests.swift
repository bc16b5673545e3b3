import Foundation
import RDFModel
import RaptorIO
import Testing
@testable import Build
@testable import Extraction
@testable import Validation
@testable import Lookup
@testable import Load

/// A transport that answers from a script and records what it was sent.
final class LoadScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []
    private let answer: @Sendable (HTTPRequest, Int) -> Result<HTTPResponse, TransportError>

    init(_ answer: @escaping @Sendable (HTTPRequest, Int) -> Result<HTTPResponse, TransportError> = { _, _ in .success(HTTPResponse(status: 204)) }) {
        self.answer = answer
    }

    var requests: [HTTPRequest] { lock.lock(); defer { lock.unlock() }; return sent }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        lock.lock()
        sent.append(request)
        let n = sent.count
        lock.unlock()
        return try answer(request, n).get()
    }
}

/// Collects log lines and waits (without waiting).
final class LoadRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var _lines: [String] = []
    private var _sleeps: [Double] = []
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return _lines }
    var sleeps: [Double] { lock.lock(); defer { lock.unlock() }; return _sleeps }
    func log(_ s: String) { lock.lock(); _lines.append(s); lock.unlock() }
    func sleep(_ s: Double) { lock.lock(); _sleeps.append(s); lock.unlock() }
}

let loadTestEndpoint = URL(string: "http://127.0.0.1:9/store")!

func loadClient(_ transport: LoadScriptedTransport, _ recorder: LoadRecorder, credentials: Credentials? = nil,
            retry: RetryPolicy = .standard) throws -> GraphStoreClient {
    try GraphStoreClient(endpoint: loadTestEndpoint, credentials: credentials, transport: transport, retry: retry,
                         log: recorder.log, sleep: recorder.sleep)
}

func loadWriteFile(_ folder: String, _ name: String, _ text: String) throws -> String {
    let path = folder + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// N-Triples lines `<http://example.org/s/i> <http://example.org/p> "value i" .` for i in range.
func loadNTLines(_ range: Range<Int>, graph: String? = nil) -> String {
    range.map { i in "<http://example.org/s/\(i)> <http://example.org/p> \"value \(i)\"" + (graph.map { " <\($0)>" } ?? "") + " .\n" }.joined()
}

let loadGraphG = GraphTarget.named(IRI(constant: "http://example.org/graph/g"))

@Suite struct LoadDigestTests {
    @Test func digestMatchesRFC2617Example() throws {
        let challenge = AuthChallenge(scheme: "Digest", parameters: [
            "realm": "testrealm@host.com", "qop": "auth,auth-int", "nonce": "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            "opaque": "5ccc069c403ebaf9f0171e9517f40e41",
        ])
        var session = try DigestSession(challenge: challenge, credentials: Credentials(user: "Mufasa", password: "Circle Of Life"),
                                        clientNonce: "0a4f113b")
        let header = session.authorization(method: "GET", uri: "/dir/index.html")
        #expect(header.contains("response=\"6629fae49393a05397450978507c4ef1\""))
        #expect(header.contains("nc=00000001"))
        #expect(header.contains("qop=auth,") || header.contains("qop=auth"))
        #expect(header.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""))
        #expect(!header.contains("Circle Of Life"))
        let second = session.authorization(method: "GET", uri: "/dir/index.html")
        #expect(second.contains("nc=00000002"))
    }

    @Test func digestMatchesRFC7616Examples() throws {
        let base: [String: String] = [
            "realm": "http-auth@example.org", "qop": "auth, auth-int",
            "nonce": "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "opaque": "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
        ]
        let credentials = Credentials(user: "Mufasa", password: "Circle of Life")
        let cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"
        var md5 = try DigestSession(challenge: AuthChallenge(scheme: "Digest", parameters: base.merging(["algorithm": "MD5"]) { $1 }),
                                    credentials: credentials, clientNonce: cnonce)
        #expect(md5.authorization(method: "GET", uri: "/dir/index.html").contains("response=\"8ca523f5e9506fed4657c9700eebdbec\""))
        var sha = try DigestSession(challenge: AuthChallenge(scheme: "Digest", parameters: base.merging(["algorithm": "SHA-256"]) { $1 }),
                                    credentials: credentials, clientNonce: cnonce)
        let header = sha.authorization(method: "GET", uri: "/dir/index.html")
        #expect(header.contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""))
        #expect(header.contains("algorithm=SHA-256"))
    }

    @Test func digestRefusesWhatItDoesNotSpeak() {
        let c = Credentials(user: "u", password: "p")
        #expect(throws: DigestSession.Problem.unsupportedQop("auth-int")) {
            try DigestSession(challenge: AuthChallenge(scheme: "Digest", parameters: ["realm": "r", "nonce": "n", "qop": "auth-int"]), credentials: c)
        }
        #expect(throws: DigestSession.Problem.unsupportedAlgorithm("SHA-512-256")) {
            try DigestSession(challenge: AuthChallenge(scheme: "Digest", parameters: ["realm": "r", "nonce": "n", "algorithm": "SHA-512-256"]), credentials: c)
        }
        #expect(throws: DigestSession.Problem.missing("nonce")) {
            try DigestSession(challenge: AuthChallenge(scheme: "Digest", parameters: ["realm": "r"]), credentials: c)
        }
    }

    @Test func challengesAreParsedAsServersWriteThem() {
        // Virtuoso 7.2's header, verbatim.
        let virtuoso = AuthChallenge.parse(#"Digest realm="SPARQL", domain="/sparql-graph-crud-auth", nonce="060208faf0427a00cd47b669ebbe48fb", opaque="5ebe2294ecd0e0f08eab7690d2a6ee69", stale="false", qop="auth", algorithm="MD5""#)
        #expect(virtuoso.count == 1)
        #expect(virtuoso.first?.scheme == "Digest")
        #expect(virtuoso.first?.parameters["nonce"] == "060208faf0427a00cd47b669ebbe48fb")
        #expect(virtuoso.first?.parameters["qop"] == "auth")
        #expect(virtuoso.first?.parameters["stale"] == "false")
        // Two challenges in one header, a comma and an escaped quote inside a quoted value.
        let two = AuthChallenge.parse(#"Basic realm="a, \"b\"", Digest realm=x, nonce="n1", qop="auth,auth-int""#)
        #expect(two.map(\.scheme) == ["Basic", "Digest"])
        #expect(two.first?.parameters["realm"] == #"a, "b""#)
        #expect(two.last?.parameters["realm"] == "x")
        #expect(two.last?.parameters["qop"] == "auth,auth-int")
        let bare = AuthChallenge.parse("Basic, Negotiate abc123")
        #expect(bare.map(\.scheme) == ["Basic", "Negotiate"])
        #expect(bare.last?.parameters[""] == "abc123")
        #expect(AuthChallenge.parse("").isEmpty)
    }

    @Test func credentialsNeverDescribeThePassword() {
        let c = Credentials(user: "dba", password: "s3cr3t-Pw")
        #expect(!"\(c)".contains("s3cr3t"))
        #expect(!String(reflecting: c).contains("s3cr3t"))
        #expect(c.redact("echo s3cr3t-Pw and ZGJhOnMzY3IzdC1Qdw==") == "echo *** and ***")
    }
}

@Suite struct LoadClientTests {
    @Test func targetsArePercentEncoded() throws {
        let c = try loadClient(LoadScriptedTransport(), LoadRecorder())
        #expect(c.url(for: .defaultGraph).absoluteString == "http://127.0.0.1:9/store?default")
        let iri = IRI(constant: "https://example.org/g?a=1&b=2#frag/é")
        #expect(c.url(for: .named(iri)).absoluteString
                == "http://127.0.0.1:9/store?graph=https%3A%2F%2Fexample.org%2Fg%3Fa%3D1%26b%3D2%23frag%2F%C3%A9")
        let withQuery = try GraphStoreClient(endpoint: URL(string: "http://h:1/ds/data?x=y")!, transport: LoadScriptedTransport())
        #expect(withQuery.url(for: .defaultGraph).absoluteString == "http://h:1/ds/data?x=y&default")
        #expect(throws: StoreError.self) { try GraphStoreClient(endpoint: URL(string: "http://u:pw@h:1/store")!, transport: LoadScriptedTransport()) }
        #expect(throws: StoreError.self) { try GraphStoreClient(endpoint: URL(string: "ftp://h/store")!, transport: LoadScriptedTransport()) }
    }

    @Test func busyServerIsRetriedWithBackoff() throws {
        let transport = LoadScriptedTransport { _, n in .success(HTTPResponse(status: n <= 2 ? 503 : 204)) }
        let recorder = LoadRecorder()
        let c = try loadClient(transport, recorder)
        let response = try c.send(nTriples: Data(), to: loadGraphG, replace: false)
        #expect(response.status == 204)
        #expect(transport.requests.count == 3)
        #expect(recorder.sleeps == [0.5, 1.0])
        #expect(recorder.lines.count == 2)
        #expect(recorder.lines.first?.contains("HTTP 503 Service Unavailable; trying again in 0.5 s (retry 1 of 5)") == true)
    }

    @Test func retryAfterIsHonoured() throws {
        let transport = LoadScriptedTransport { _, n in .success(HTTPResponse(status: n == 1 ? 503 : 201, headers: ["Retry-After": "3"])) }
        let recorder = LoadRecorder()
        try loadClient(transport, recorder).send(nTriples: Data(), to: loadGraphG, replace: false)
        #expect(recorder.sleeps == [3])
    }

    @Test func retriesAreBounded() throws {
        let transport = LoadScriptedTransport { _, _ in .success(HTTPResponse(status: 503, headers: ["Content-Type": "text/plain"], body: Data("warming up".utf8))) }
        let recorder = LoadRecorder()
        let c = try loadClient(transport, recorder, retry: RetryPolicy(retries: 3, initialDelay: 1, maxDelay: 2))
        do {
            try c.send(nTriples: Data(), to: loadGraphG, replace: false)
            Issue.record("a server busy for ever was taken as success")
        } catch {
            #expect(error.kind == .http(status: 503))
            #expect(error.message.contains("after 4 attempts"))
            #expect(error.message.contains("the server says: warming up"))
        }
        #expect(transport.requests.count == 4)
        #expect(recorder.sleeps == [1, 2, 2])
    }

    @Test func refusedConnectionsAreRetriedThenExplained() throws {
        let transport = LoadScriptedTransport { _, _ in .failure(.connectionRefused) }
        let recorder = LoadRecorder()
        let c = try loadClient(transport, recorder, retry: RetryPolicy(retries: 2, initialDelay: 0.25))
        do {
            try c.send(nTriples: Data(), to: loadGraphG, replace: false)
            Issue.record("no server, yet success")
        } catch {
            #expect(error.kind == .unreachable(.connectionRefused))
            #expect(error.message.contains("cannot reach http://127.0.0.1:9/store?graph="))
            #expect(error.message.contains("after 3 attempts over 0.8 s: connection refused: is the server running"))
        }
        #expect(recorder.sleeps == [0.25, 0.5])
    }

    @Test func otherErrorsAreNotRetriedAndCarryTheServersMessage() throws {
        let transport = LoadScriptedTransport { _, _ in
            .success(HTTPResponse(status: 400, headers: ["Content-Type": "text/plain; charset=utf-8"],
                                  body: Data("Parser error at line 1 between columns 1 and 4: No scheme found in an absolute IRI\n".utf8)))
        }
        let c = try loadClient(transport, LoadRecorder())
        do {
            try c.send(nTriples: Data("x".utf8), to: loadGraphG, replace: true)
            Issue.record("HTTP 400 taken as success")
        } catch {
            #expect(error.kind == .http(status: 400))
            #expect(error.message == "PUT http://127.0.0.1:9/store?graph=http%3A%2F%2Fexample.org%2Fgraph%2Fg: HTTP 400 Bad Request: the server says: Parser error at line 1 between columns 1 and 4: No scheme found in an absolute IRI")
        }
        #expect(transport.requests.count == 1)
    }

    @Test func virtuosoErrorPagesAreReducedToTheirMessage() {
        let page = """
            <!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
            <html>
              <head>
                <title>SPARQL Graph Protocol request failed</title>
              </head>
              <body>
                <h1>HTTP/1.1 500 Request Failed</h1>
                <h3>Error 22023</h3>
            <xmp>The request to SPARQL 1.1 Graph Store endpoint contains "default" param but the endpoint is not configured to have default graph</xmp></body></html>
            """
        let r = HTTPResponse(status: 500, headers: ["Content-Type": "text/html; charset=UTF-8"], body: Data(page.utf8))
        #expect(GraphStoreClient.serverMessage(r) == #"Error 22023: The request to SPARQL 1.1 Graph Store endpoint contains "default" param but the endpoint is not configured to have default graph"#)
        let plain = HTTPResponse(status: 404, headers: ["Content-Type": "text/html"],
                                 body: Data("<html><head><title>404</title></head><body><h1>Not Found</h1><p>No dataset &quot;ds&quot; here</p></body></html>".utf8))
        #expect(GraphStoreClient.serverMessage(plain) == #"No dataset "ds" here"#)
        #expect(GraphStoreClient.serverMessage(HTTPResponse(status: 500)) == nil)
    }

    @Test func digestIsAnsweredOnceAndItsNonceReused() throws {
        let challenge = #"Digest realm="SPARQL", nonce="abc", opaque="o", qop="auth", algorithm="MD5""#
        let transport = LoadScriptedTransport { request, n in
            if request.headers["Authorization"] == nil {
                return .success(HTTPResponse(status: 401, headers: ["WWW-Authenticate": challenge]))
            }
            return .success(HTTPResponse(status: 201))
        }
        let recorder = LoadRecorder()
        let c = try loadClient(transport, recorder, credentials: Credentials(user: "dba", password: "Pa55-word"))
        try c.send(nTriples: Data("a".utf8), to: loadGraphG, replace: false)
        try c.send(nTriples: Data("b".utf8), to: loadGraphG, replace: false)
        let sent = transport.requests
        #expect(sent.count == 3)   // one challenge, then each chunk once
        #expect(sent[0].headers["Authorization"] == nil)   // never a password before the server says how
        let first = try #require(sent[1].headers["Authorization"])
        let second = try #require(sent[2].headers["Authorization"])
        #expect(first.hasPrefix("Digest username=\"dba\", realm=\"SPARQL\", nonce=\"abc\", uri=\"/store?graph=http%3A%2F%2Fexample.org%2Fgraph%2Fg\""))
        #expect(first.contains("nc=00000001") && second.contains("nc=00000002"))
        #expect(!first.contains("Pa55-word") && !second.contains("Pa55-word"))
        #expect(recorder.lines.isEmpty)
    }

    @Test func staleNonceIsRenewed() throws {
        let transport = LoadScriptedTransport { request, n in
            let auth = request.headers["Authorization"] ?? ""
            if auth.isEmpty { return .success(HTTPResponse(status: 401, headers: ["WWW-Authenticate": #"Digest realm="r", nonce="n1", qop="auth""#])) }
            if auth.contains("nonce=\"n1\"") && n > 2 {
                return .success(HTTPResponse(status: 401, headers: ["WWW-Authenticate": #"Digest realm="r", nonce="n2", qop="auth", stale=true"#]))
            }
            return .success(HTTPResponse(status: 204))
        }
        let c = try loadClient(transport, LoadRecorder(), credentials: Credentials(user: "u", password: "p"))
        try c.send(nTriples: Data(), to: loadGraphG, replace: false)
        try c.send(nTriples: Data(), to: loadGraphG, replace: false)
        #expect(transport.requests.count == 4)
        #expect(transport.requests[3].headers["Authorization"]?.contains("nonce=\"n2\"") == true)
    }

    @Test func basicIsSentOnlyWhenAskedFor() throws {
        let transport = LoadScriptedTransport { request, _ in
            request.headers["Authorization"] == nil
                ? .success(HTTPResponse(status: 401, headers: ["WWW-Authenticate": #"Basic realm="fuseki""#]))
                : .success(HTTPResponse(status: 200))
        }
        let c = try loadClient(transport, LoadRecorder(), credentials: Credentials(user: "admin", password: "pw"))
        try c.send(nTriples: Data(), to: .defaultGraph, replace: false)
        try c.send(nTriples: Data(), to: .defaultGraph, replace: false)
        #expect(transport.requests.map { $0.headers["Authorization"] } == [nil, "Basic YWRtaW46cHc=", "Basic YWRtaW46cHc="])
    }

    @Test func refusedCredentialsAreReportedWithoutThePassword() throws {
        let transport = LoadScriptedTransport { _, _ in
            .success(HTTPResponse(status: 401, headers: ["WWW-Authenticate": #"Digest realm="SPARQL", nonce="x", qop="auth""#],
                                  body: Data("bad password wrong-Pw for dba".utf8)))
        }
        let c = try loadClient(transport, LoadRecorder(), credentials: Credentials(user: "dba", password: "wrong-Pw"))
        do {
            try c.send(nTriples: Data(), to: loadGraphG, replace: false)
            Issue.record("refused credentials taken as success")
        } catch {
            #expect(error.kind == .authentication)
            #expect(error.message.contains("HTTP 401 Unauthorized: the store refused user \"dba\" (password hidden)"))
            #expect(!error.message.contains("wrong-Pw"))
            #expect(error.serverMessage == "bad password *** for dba")
        }
        #expect(transport.requests.count == 2)
    }

    @Test func missingCredentialsAreNamed() throws {
        let transport = LoadScriptedTransport { _, _ in .success(HTTPResponse(status: 401, headers: ["WWW-Authenticate": #"Basic realm="x""#])) }
        do {
            try loadClient(transport, LoadRecorder()).send(nTriples: Data(), to: loadGraphG, replace: false)
            Issue.record("401 taken as success")
        } catch let error as StoreError {
            #expect(error.message.contains("asks for a user name and password (give --user"))
        }
    }

    /// Virtuoso 7.2 guesses the syntax from the body and refuses some N-Triples
    /// as "text/plain": the chunk goes again, and the later ones, as Turtle.
    @Test func nTriplesTakenForPlainTextGoAgainAsTurtle() throws {
        let page = "<html><body><h3>Error 22023</h3><xmp>The POST request for graph <g> is rejected: the submitted resource is of unsupported type text/plain</xmp></body></html>"
        let transport = LoadScriptedTransport { request, _ in
            request.headers["Content-Type"] == "application/n-triples"
                ? .success(HTTPResponse(status: 500, headers: ["Content-Type": "text/html"], body: Data(page.utf8)))
                : .success(HTTPResponse(status: 201))
        }
        let recorder = LoadRecorder()
        let c = try loadClient(transport, recorder)
        let body = Data(loadNTLines(0..<2).utf8)
        try c.send(nTriples: body, to: loadGraphG, replace: true)
        try c.send(nTriples: body, to: loadGraphG, replace: false)
        #expect(c.sendsTurtle)
        let sent = transport.requests
        #expect(sent.map { $0.headers["Content-Type"] ?? "" } == ["application/n-triples", "text/turtle", "text/turtle"])
        #expect(sent.map(\.method) == ["PUT", "PUT", "POST"])
        #expect(String(decoding: sent[1].body, as: UTF8.self) == "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n" + loadNTLines(0..<2))
        #expect(recorder.lines.count == 1)
        #expect(recorder.lines.first?.contains("did not recognize the chunk as N-Triples") == true)
        #expect(recorder.sleeps.isEmpty)
        // A store that refuses Turtle too gets no third form.
        let refusing = LoadScriptedTransport { _, _ in .success(HTTPResponse(status: 415)) }
        let c2 = try loadClient(refusing, LoadRecorder())
        #expect(throws: StoreError.self) { try c2.send(nTriples: body, to: loadGraphG, replace: false) }
        #expect(refusing.requests.count == 2)
    }

    @Test func redirectsAreNotFollowed() throws {
        let transport = LoadScriptedTransport { _, _ in .success(HTTPResponse(status: 301, headers: ["Location": "https://store.example/store"])) }
        do {
            try loadClient(transport, LoadRecorder()).send(nTriples: Data(), to: loadGraphG, replace: false)
            Issue.record("a redirect taken as success")
        } catch let error as StoreError {
            #expect(error.kind == .redirect)
            #expect(error.message.contains("redirects to https://store.example/store"))
        }
    }

    /// The real transport on a port where nothing listens: connection refused, at once.
    @Test func realTransportSeesARefusedConnection() throws {
        let port = try storeFreePort()
        let transport = URLSessionTransport(timeout: 10)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: TransportError.connectionRefused) {
            try transport.send(HTTPRequest(method: "POST", url: URL(string: "http://127.0.0.1:\(port)/store?default")!, body: Data("x".utf8)))
        }
        #expect(clock.now - start < .seconds(5))
    }
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
func storeFreePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

@Suite struct LoadChunkingTests {
    func loader(_ options: LoadOptions, _ transport: LoadScriptedTransport, _ recorder: LoadRecorder = LoadRecorder()) throws -> GraphLoader {
        try GraphLoader(options: options, client: try loadClient(transport, recorder), log: recorder.log)
    }

    @Test func nTriplesGoInChunksOfWholeLinesByteForByte() throws {
        let folder = try temporaryFolder("load-nt")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "# a comment\n" + loadNTLines(0..<12) + "\n" + loadNTLines(12..<25)
        let path = try loadWriteFile(folder, "g.nt", text)
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 10), transport).run()
        #expect(report.triples == 25)
        #expect(report.chunks == 3)
        #expect(report.requests == 3)
        #expect(report.triplesByGraph == [loadGraphG: 25])
        let bodies = transport.requests.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(bodies.joined() == text)   // nothing changed, nothing lost, nothing split
        #expect(bodies.map { $0.split(separator: "\n").filter { $0.hasPrefix("<") }.count } == [10, 10, 5])
        #expect(transport.requests.allSatisfy { $0.method == "POST" && $0.headers["Content-Type"] == "application/n-triples" })
        #expect(transport.requests.first?.url.absoluteString == "http://127.0.0.1:9/store?graph=http%3A%2F%2Fexample.org%2Fgraph%2Fg")
        #expect(report.summary(endpoint: "http://127.0.0.1:9/store").hasPrefix(
            "Loaded 25 triples in 3 chunks into graph <http://example.org/graph/g> at http://127.0.0.1:9/store in "))
    }

    @Test func replaceSendsPutFirstThenAppends() throws {
        let folder = try temporaryFolder("load-put")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = try loadWriteFile(folder, "a.nt", loadNTLines(0..<5))
        let b = try loadWriteFile(folder, "b.nt", loadNTLines(5..<8))
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [a, b], target: .defaultGraph, replace: true, chunkTriples: 3), transport).run()
        #expect(report.triples == 8)
        #expect(transport.requests.map(\.method) == ["PUT", "POST", "POST"])   // 3 + 2 of a.nt, 3 of b.nt
        #expect(transport.requests.allSatisfy { $0.url.query == "default" })
    }

    @Test func replaceWithAnEmptyFileEmptiesTheGraph() throws {
        let folder = try temporaryFolder("load-empty")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = try loadWriteFile(folder, "empty.nt", "# nothing\n\n")
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [empty], target: loadGraphG, replace: true), transport).run()
        #expect(report.triples == 0 && report.chunks == 0)
        #expect(transport.requests.map(\.method) == ["PUT"])
        #expect(transport.requests.first?.body.isEmpty == true)
    }

    @Test func nQuadsGoToTheirOwnGraphs() throws {
        let folder = try temporaryFolder("load-nq")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = loadNTLines(0..<4, graph: "http://example.org/doc/1") + loadNTLines(4..<6) + loadNTLines(6..<9, graph: "http://example.org/doc/2")
        let path = try loadWriteFile(folder, "g.nq", text)
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [path], target: nil, chunkTriples: 5), transport).run()
        #expect(report.triples == 9)
        let doc1 = GraphTarget.named(IRI(constant: "http://example.org/doc/1")), doc2 = GraphTarget.named(IRI(constant: "http://example.org/doc/2"))
        #expect(report.triplesByGraph == [doc1: 4, .defaultGraph: 2, doc2: 3])
        // Lines 1-5 (4 in doc/1, 1 in the default graph), then lines 6-9 (1 default, 3 in doc/2).
        #expect(transport.requests.map { $0.url.query ?? "" } == [
            "graph=http%3A%2F%2Fexample.org%2Fdoc%2F1", "default", "default", "graph=http%3A%2F%2Fexample.org%2Fdoc%2F2",
        ])
        // Each body is N-Triples: no graph term left in it.
        let world = try RaptorWorld()
        var triples = 0
        for r in transport.requests {
            try world.parse(string: String(decoding: r.body, as: UTF8.self), syntax: .ntriples) { q in
                #expect(q.graph == nil)
                triples += 1
            }
        }
        #expect(triples == 9)
        // --graph takes the default-graph quads.
        let t2 = LoadScriptedTransport()
        let r2 = try loader(LoadOptions(files: [path], target: loadGraphG), t2).run()
        #expect(r2.triplesByGraph[loadGraphG] == 2)
        #expect(r2.chunks == 3)
    }

    @Test func turtleIsParsedAndSentAsNTriples() throws {
        let folder = try temporaryFolder("load-ttl")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try loadWriteFile(folder, "g.ttl", """
            @prefix ex: <http://example.org/> .
            ex:a ex:p "one", "two", "three" ; ex:q ex:b .
            ex:b ex:label "line one\\nline \\"two\\" — é"@en .
            ex:c ex:r "\\u0007 bell" .
            """)
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 2), transport).run()
        #expect(report.triples == 6)
        #expect(report.chunks == 3)
        let world = try RaptorWorld()
        var got = Set<Triple>(), want = Set<Triple>()
        for r in transport.requests {
            try world.parse(string: String(decoding: r.body, as: UTF8.self), syntax: .ntriples) { got.insert($0.triple) }
        }
        try world.parse(file: path) { want.insert($0.triple) }
        #expect(got == want)
    }

    @Test func aBadLineIsNamedAndStopsTheLoad() throws {
        let folder = try temporaryFolder("load-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try loadWriteFile(folder, "bad.nt", loadNTLines(0..<7) + "<http://example.org/s> <http://example.org/p> \"unterminated .\n" + loadNTLines(7..<9))
        let transport = LoadScriptedTransport()
        do {
            _ = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 5), transport).run()
            Issue.record("a broken file loaded")
        } catch let error as LoadFailure {
            #expect(error.kind == .input)
            #expect(error.message.hasPrefix("\(path):8: not valid N-Triples"))
            #expect(error.loadedBefore.triples == 5 && error.loadedBefore.chunks == 1)
            #expect(error.description.hasSuffix("Loaded before the failure: 5 triples in 1 chunk."))
        }
        #expect(transport.requests.count == 1)
    }

    @Test func aRefusedChunkIsNamed() throws {
        let folder = try temporaryFolder("load-refused")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try loadWriteFile(folder, "g.nt", loadNTLines(0..<30))
        let transport = LoadScriptedTransport { _, n in
            n == 3 ? .success(HTTPResponse(status: 413, headers: ["Content-Type": "text/plain"], body: Data("too big".utf8))) : .success(HTTPResponse(status: 204))
        }
        do {
            _ = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 10), transport).run()
            Issue.record("a refused chunk taken as success")
        } catch let error as LoadFailure {
            #expect(error.kind == .store(.http(status: 413)))
            #expect(error.message.hasPrefix("chunk 3 (lines 21–30 of \(path)) into graph <http://example.org/graph/g> was not loaded: POST "))
            #expect(error.message.hasSuffix("HTTP 413 Payload Too Large: the server says: too big"))
            #expect(error.loadedBefore.triples == 20)
        }
    }

    @Test func wrongOptionsSendNothing() throws {
        let folder = try temporaryFolder("load-usage")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let nt = try loadWriteFile(folder, "g.nt", loadNTLines(0..<2))
        let rdf = try loadWriteFile(folder, "g.rdf", "<rdf:RDF/>")
        let transport = LoadScriptedTransport()
        for (options, kind, words) in [
            (LoadOptions(files: [nt], target: nil), LoadFailure.Kind.usage, "say where they go with --graph IRI or --default-graph"),
            (LoadOptions(files: [rdf], target: loadGraphG), .usage, "reads N-Triples (.nt), N-Quads (.nq) and Turtle (.ttl)"),
            (LoadOptions(files: [nt, folder + "/missing.nt"], target: loadGraphG), .input, "missing.nt: no such file"),
            (LoadOptions(files: [], target: loadGraphG), .usage, "no file to load"),
        ] {
            do {
                _ = try loader(options, transport).run()
                Issue.record("\(options.files) loaded")
            } catch let error as LoadFailure {
                #expect(error.kind == kind)
                #expect(error.message.contains(words))
            }
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func notUTF8IsNamedByLine() throws {
        let folder = try temporaryFolder("load-latin1")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var bytes = Array(loadNTLines(0..<3).utf8)
        bytes += Array("<http://example.org/s> <http://example.org/p> \"Caf".utf8) + [0xE9] + Array("\" .\n".utf8)
        let path = folder + "/latin1.nt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try loader(LoadOptions(files: [path], target: loadGraphG), LoadScriptedTransport()).run()
            Issue.record("Latin-1 loaded")
        } catch let error as LoadFailure {
            #expect(error.message == "\(path):4: not UTF-8 (N-Triples and N-Quads are UTF-8)")
        }
    }

    @Test func blankNodesSplitAcrossChunksAreWarnedAbout() throws {
        let folder = try temporaryFolder("load-blank")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try loadWriteFile(folder, "b.nt", """
            _:b1 <http://example.org/p> "1" .
            _:b1 <http://example.org/p> "2" .
            _:b1 <http://example.org/p> "3" .
            _:b2 <http://example.org/p> "4" .

            """)
        let recorder = LoadRecorder()
        let split = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 2), LoadScriptedTransport(), recorder).run()
        #expect(split.warnings.count == 1)
        #expect(split.warnings.first?.contains("1 blank node (_:b1) occur in more than one chunk") == true)
        #expect(recorder.lines.contains { $0.hasPrefix("warning: ") })
        let whole = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 0), LoadScriptedTransport()).run()
        #expect(whole.warnings.isEmpty && whole.chunks == 1)
    }

    @Test func linesLongerThanABlockAndOddLineEndsAreKept() throws {
        let folder = try temporaryFolder("load-lines")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let long = String(repeating: "x", count: 3 * LineReader.blockSize + 17)
        let text = "\u{FEFF}<http://example.org/s> <http://example.org/p> \"\(long)\" .\r\n<http://example.org/s> <http://example.org/p> \"last\" ."
        let path = try loadWriteFile(folder, "long.nt", text)
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 1), transport).run()
        #expect(report.triples == 2)
        #expect(transport.requests.count == 2)
        #expect(String(decoding: transport.requests[0].body, as: UTF8.self) == "<http://example.org/s> <http://example.org/p> \"\(long)\" .\r\n")
        #expect(String(decoding: transport.requests[1].body, as: UTF8.self) == "<http://example.org/s> <http://example.org/p> \"last\" .\n")
    }

    /// Memory stays flat: a file of 60,000 triples goes in requests of at most
    /// the chunk size, and the loader never holds more than a chunk's bytes.
    @Test func largeFilesGoInBoundedRequests() throws {
        let folder = try temporaryFolder("load-large")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/large.nt"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        for block in 0..<6 { try handle.write(contentsOf: Data(loadNTLines((block * 10_000)..<((block + 1) * 10_000)).utf8)) }
        try handle.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 7_000), transport).run()
        #expect(report.triples == 60_000)
        #expect(report.chunks == 9)
        let largest = transport.requests.map(\.body.count).max() ?? 0
        #expect(largest < size / 8)
        #expect(transport.requests.map(\.body.count).reduce(0, +) == size)
    }
}
