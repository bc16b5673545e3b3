import Foundation
import Testing
@testable import Load

/// A request as the tiny server read it.
struct TinyRequest: Sendable {
    let method: String
    let target: String
    /// Header names lower-cased.
    let headers: [String: String]
    let body: Data
}

/// What the tiny server does with a request.
enum TinyReply: Sendable {
    case respond(status: Int, headers: [String: String], body: String)
    /// Close the connection without a byte of reply (libcurl: "Empty reply from server").
    case closeWithoutReply
    /// Keep the connection open and say nothing for this long.
    case silence(seconds: Double)
}

/// An HTTP/1.1 server on 127.0.0.1 and a free port, in this process: each
/// connection carries one request and is closed after the reply
/// (`Connection: close`), so that every request of the client opens a new one.
final class TinyHTTPServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let handler: @Sendable (TinyRequest, Int) -> TinyReply
    private let lock = NSLock()
    private var received: [TinyRequest] = []
    private var stopped = false

    var url: String { "http://127.0.0.1:\(port)" }
    var requests: [TinyRequest] { lock.lock(); defer { lock.unlock() }; return received }

    /// - Parameter handler: the request and its 1-based number.
    init(_ handler: @escaping @Sendable (TinyRequest, Int) -> TinyReply) throws {
        self.handler = handler
        let (fd, port) = try loopbackSocket(listening: true)
        listener = fd
        self.port = port
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    func stop() {
        lock.lock()
        let was = stopped
        stopped = true
        lock.unlock()
        guard !was else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                lock.lock(); let done = stopped; lock.unlock()
                if done { return }
                continue
            }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let request = TinyHTTPServer.read(connection) else { return }
        lock.lock()
        received.append(request)
        let n = received.count
        lock.unlock()
        switch handler(request, n) {
        case .closeWithoutReply:
            return
        case .silence(let seconds):
            Thread.sleep(forTimeInterval: seconds)
        case .respond(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) \(status == 401 ? "Unauthorized" : "Status")\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            head += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
            let bytes = Array((head + body).utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return }
                sent += n
            }
        }
    }

    /// One request: the head up to the blank line, then Content-Length bytes of body.
    private static func read(_ connection: Int32) -> TinyRequest? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        func more() -> Bool {
            let n = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return false }
            buffer += chunk[0..<n]
            return true
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            guard more() else { return nil }
            if buffer.count >= 4 {
                headEnd = (0...(buffer.count - 4)).first { Array(buffer[$0..<$0 + 4]) == separator }
            }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self).components(separatedBy: "\r\n")
        let start = head.first?.split(separator: " ").map(String.init) ?? []
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "") ?? 0
        while buffer.count - (headEnd! + 4) < length { guard more() else { break } }
        let body = Data(buffer[(headEnd! + 4)...].prefix(length))
        return TinyRequest(method: start.first ?? "", target: start.count > 1 ? start[1] : "", headers: headers, body: body)
    }
}

/// Runs `work` on a thread of its own and waits at most `seconds` for it: a hang
/// becomes a failed test (the stuck thread is left behind) instead of a stuck suite.
func withinSeconds<T: Sendable>(_ seconds: Double, _ work: @escaping @Sendable () -> T) -> T? {
    let box = TinyBox<T>()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        box.value = work()
        done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.value
}

/// Written by one thread before a semaphore's signal, read by another after its wait.
final class TinyBox<T>: @unchecked Sendable { var value: T? }

/// A store on the tiny server that wants Basic credentials `user`:`password`
/// and answers 204 to requests that carry them.
func basicStore(user: String = "loader", password: String = "Pa55-word-x") throws -> TinyHTTPServer {
    let expected = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    return try TinyHTTPServer { request, _ in
        request.headers["authorization"] == expected
            ? .respond(status: 204, headers: [:], body: "")
            : .respond(status: 401, headers: ["WWW-Authenticate": #"Basic realm="x""#, "Content-Type": "text/plain"], body: "who are you?")
    }
}

@Suite struct LoadReliabilityTests {
    // MARK: A: a Basic challenge, through the real transport

    /// FoundationNetworking answers a 401 with a `WWW-Authenticate` header itself and, with no
    /// credential of its own, never completed the task: the transport waited for ever, whatever the timeout.
    @Test func basicChallengeComesBackAsA401() throws {
        let server = try basicStore()
        defer { server.stop() }
        let transport = URLSessionTransport(timeout: 3)
        let url = URL(string: server.url + "/store?default")!
        let result = withinSeconds(15) { () -> Result<HTTPResponse, TransportError> in
            do throws(TransportError) { return .success(try transport.send(HTTPRequest(method: "POST", url: url, body: Data("x".utf8)))) } catch { return .failure(error) }
        }
        let answer = try #require(result, "the request did not finish within 15 s with a 3 s timeout")
        let response = try answer.get()
        #expect(response.status == 401)
        #expect(response[header: "WWW-Authenticate"] == #"Basic realm="x""#)
        #expect(String(decoding: response.body, as: UTF8.self) == "who are you?")
        #expect(server.requests.count == 1)
    }

    @Test func basicCredentialsAreSentOnTheChallengeAndTheLoadWorks() throws {
        let server = try basicStore()
        defer { server.stop() }
        let endpoint = URL(string: server.url + "/store")!
        let status = withinSeconds(20) { () -> Int in
            let client = try? GraphStoreClient(endpoint: endpoint, credentials: Credentials(user: "loader", password: "Pa55-word-x"),
                                               transport: URLSessionTransport(timeout: 3))
            return (try? client?.send(nTriples: Data("<http://e/s> <http://e/p> \"o\" .\n".utf8), to: .defaultGraph, replace: false).status) ?? -1
        }
        #expect(status == 204)
        let seen = server.requests
        #expect(seen.count == 2)   // the challenge, then the request with credentials
        #expect(seen.first?.headers["authorization"] == nil)
        #expect(seen.last?.headers["authorization"] == "Basic " + Data("loader:Pa55-word-x".utf8).base64EncodedString())
        #expect(seen.last.map { String(decoding: $0.body, as: UTF8.self) } == "<http://e/s> <http://e/p> \"o\" .\n")
    }

    @Test func wrongOrMissingCredentialsFailAsAuthentication() throws {
        let server = try basicStore()
        defer { server.stop() }
        for credentials in [Credentials(user: "loader", password: "wrong-pass"), nil] {
            let endpoint = URL(string: server.url + "/store")!
            let failure = withinSeconds(20) { () -> StoreError? in
                do throws(StoreError) {
                    let client = try GraphStoreClient(endpoint: endpoint, credentials: credentials, transport: URLSessionTransport(timeout: 3))
                    try client.send(nTriples: Data(), to: .defaultGraph, replace: false)
                    return nil
                } catch { return error }
            }
            let error = try #require(failure ?? nil, "no error within 20 s for \(String(describing: credentials))")
            #expect(error.kind == .authentication)
            #expect(error.message.contains("authentication failed"), "\(error.message)")
            #expect(!error.message.contains("wrong-pass"))
        }
    }

    /// The command: a load with --user works; without, or with a wrong password, it stops with
    /// exit status 1 (the store refused) and says authentication failed.
    @Test func loadCommandAuthenticatesWithBasic() throws {
        guard StoreEnvironment.require(StoreEnvironment.newsgraphBinary() != nil,
                                       "no newsgraph executable built from the current sources beside the tests (run swift build --build-tests)"),
              let binary = StoreEnvironment.newsgraphBinary() else { return }
        let server = try basicStore()
        defer { server.stop() }
        let folder = try temporaryFolder("load-basic")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try loadWriteFile(folder, "g.nt", loadNTLines(0..<3))
        let common = ["load", file, "--endpoint", server.url + "/store", "--default-graph", "--timeout", "3", "--retries", "0"]
        let ok = try storeRun(binary, common + ["--user", "loader", "--password-env", "NG_TEST_PW"], environment: ["NG_TEST_PW": "Pa55-word-x"], timeout: 30)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("Loaded 3 triples in 1 chunk into the default graph"), "\(ok.stdout)")
        let wrong = try storeRun(binary, common + ["--user", "loader", "--password-env", "NG_TEST_PW"], environment: ["NG_TEST_PW": "not-the-pw"], timeout: 30)
        #expect(wrong.status == 1, "\(wrong.stderr)")
        #expect(wrong.stderr.contains("authentication failed"), "\(wrong.stderr)")
        #expect(!wrong.stderr.contains("not-the-pw") && !wrong.stdout.contains("not-the-pw"))
        let none = try storeRun(binary, common, timeout: 30)
        #expect(none.status == 1, "\(none.stderr)")
        #expect(none.stderr.contains("authentication failed"), "\(none.stderr)")
    }

    /// --timeout bounds a request whose server never answers.
    @Test func silentServerTimesOut() throws {
        let server = try TinyHTTPServer { _, _ in .silence(seconds: 20) }
        defer { server.stop() }
        let transport = URLSessionTransport(timeout: 1)
        let clock = ContinuousClock()
        let start = clock.now
        let result = withinSeconds(15) { () -> TransportError? in
            do throws(TransportError) { _ = try transport.send(HTTPRequest(method: "POST", url: URL(string: server.url + "/store")!, body: Data("x".utf8))); return nil } catch { return error }
        }
        #expect(result == .some(.timedOut(seconds: 1)))
        #expect(clock.now - start < .seconds(6))
    }

    // MARK: B: a connection closed without a reply

    @Test func emptyReplyIsALostConnection() throws {
        let server = try TinyHTTPServer { _, _ in .closeWithoutReply }
        defer { server.stop() }
        let transport = URLSessionTransport(timeout: 5)
        let result = withinSeconds(15) { () -> TransportError? in
            do throws(TransportError) { _ = try transport.send(HTTPRequest(method: "POST", url: URL(string: server.url + "/store")!, body: Data("x".utf8))); return nil } catch { return error }
        }
        #expect(result == .some(.connectionLost))
    }

    @Test func emptyRepliesAreRetried() throws {
        let server = try TinyHTTPServer { _, n in n <= 2 ? .closeWithoutReply : .respond(status: 204, headers: [:], body: "") }
        defer { server.stop() }
        let recorder = LoadRecorder()
        let endpoint = URL(string: server.url + "/store")!
        let status = withinSeconds(20) { () -> String in
            do throws(StoreError) {
                let client = try GraphStoreClient(endpoint: endpoint, transport: URLSessionTransport(timeout: 5),
                                                  retry: RetryPolicy(retries: 3, initialDelay: 0.1), log: recorder.log, sleep: recorder.sleep)
                return String(try client.send(nTriples: Data("<http://e/s> <http://e/p> \"o\" .\n".utf8), to: .defaultGraph, replace: false).status) }
            catch { return error.message }
        }
        #expect(status == "204")
        #expect(server.requests.count == 3)
        #expect(recorder.sleeps == [0.1, 0.2])
        #expect(recorder.lines.first?.contains("the connection was closed before the server answered; trying again") == true, "\(recorder.lines)")
    }
}
