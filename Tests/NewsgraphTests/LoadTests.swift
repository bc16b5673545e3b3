import Foundation
import RDFModel
import RaptorIO
import Testing
@testable import Build
@testable import Extraction
@testable import SHACL
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
