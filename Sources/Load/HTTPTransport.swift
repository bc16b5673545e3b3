import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request, as the Graph Store client makes it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The request target as it goes on the wire (path and query, percent-encoded),
    /// which HTTP Digest signs.
    public var target: String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var t = components?.percentEncodedPath ?? "/"
        if t.isEmpty { t = "/" }
        if let q = components?.percentEncodedQuery { t += "?" + q }
        return t
    }
}

/// One HTTP response. Header names are lower-cased.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, b in a + ", " + b })
        self.body = body
    }

    public subscript(header name: String) -> String? { headers[name.lowercased()] }
}

/// A request that got no HTTP response at all.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing listens there (yet): worth retrying while a server starts.
    case connectionRefused
    /// The connection broke before a response came: worth retrying.
    case connectionLost
    /// No answer within the time allowed.
    case timedOut(seconds: Double)
    /// The host name does not resolve.
    case unknownHost
    /// Anything else, with the system's words.
    case other(String)

    public var description: String {
        switch self {
        case .connectionRefused: return "connection refused"
        case .connectionLost: return "the connection was closed before the server answered"
        case .timedOut(let s): return "no answer within \(Self.seconds(s)) s"
        case .unknownHost: return "the host name does not resolve"
        case .other(let s): return s
        }
    }

    public var isTransient: Bool {
        switch self {
        case .connectionRefused, .connectionLost: return true
        case .timedOut, .unknownHost, .other: return false
        }
    }

    static func seconds(_ s: Double) -> String { s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s) }
}

/// Sends one request and waits for its response. Synchronous, so that a
/// command-line tool and a streaming reader can use it without an event loop.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse
}

/// ``HTTPTransport`` over Foundation's URLSession (FoundationNetworking on Linux),
/// with no cookies, no cache and no stored credentials. Redirects are not
/// followed: a POST turned into a GET by a 302 would lose the data without an
/// error, so the 3xx comes back to the caller, who names the new address.
///
/// A 401 comes back to the caller too, who answers the challenge (Basic or
/// Digest) itself. FoundationNetworking takes a 401 with a `WWW-Authenticate`
/// header for a challenge of its own and, for a task with a completion
/// handler and no credential, never completes the task: so tasks here report
/// to a delegate, which ends a challenged task with the 401 it got. And every
/// wait is bounded by `timeout`, whatever URLSession does.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // URLSession is thread-safe; @unchecked because its Sendable conformance
    // differs between Foundation implementations.
    private let session: URLSession
    private let tasks: TaskDelegate
    public let timeout: TimeInterval

    public init(timeout: TimeInterval = 300) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = 1
        tasks = TaskDelegate(timeout: timeout)
        session = URLSession(configuration: configuration, delegate: tasks, delegateQueue: nil)
        self.timeout = timeout
    }

    deinit { session.invalidateAndCancel() }

    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        var r = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        r.httpMethod = request.method
        for (name, value) in request.headers { r.setValue(value, forHTTPHeaderField: name) }
        if !request.body.isEmpty || request.method == "PUT" || request.method == "POST" {
            r.httpBody = request.body
            r.setValue(String(request.body.count), forHTTPHeaderField: "Content-Length")
        }
        // No completion handler: the delegate (which holds no reference to
        // self) hears of the response, the data, a challenge and the end.
        let task = session.dataTask(with: r)
        let pending = tasks.register(task)
        task.resume()
        // URLSession's own timeout normally answers first; a second more, and
        // the request is given up whatever state URLSession is in.
        if pending.done.wait(timeout: .now() + timeout + 1) == .timedOut {
            pending.finish(.failure(.timedOut(seconds: timeout)))
            task.cancel()
        }
        tasks.forget(task)
        return try pending.result.get()
    }

    static func classify(_ error: (any Error)?, timeout: TimeInterval) -> TransportError {
        guard let error else { return .other("no response") }
        if let u = error as? URLError {
            switch u.code {
            case .cannotConnectToHost: return .connectionRefused
            case .networkConnectionLost: return .connectionLost
            case .timedOut: return .timedOut(seconds: timeout)
            case .cannotFindHost, .dnsLookupFailed: return .unknownHost
            #if canImport(FoundationNetworking)
            // FoundationNetworking's code for libcurl's CURLE_GOT_NOTHING, "Empty reply
            // from server": the server closed the connection without a byte of reply.
            case .badServerResponse: return .connectionLost
            #endif
            default: break
            }
        }
        let ns = error as NSError
        // libcurl's codes where FoundationNetworking passes them through.
        if ns.domain == NSURLErrorDomain, ns.code == NSURLErrorCannotConnectToHost { return .connectionRefused }
        return .other(ns.localizedDescription)
    }
}

/// One request in flight: what has come back so far, and its result once known.
private final class PendingRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var response: HTTPURLResponse?
    private var data = Data()
    private var outcome: Result<HTTPResponse, TransportError>?
    let done = DispatchSemaphore(value: 0)

    func received(_ r: HTTPURLResponse) { lock.lock(); response = r; lock.unlock() }
    func received(_ d: Data) { lock.lock(); data.append(d); lock.unlock() }

    /// Sets the result if none is set yet, and wakes the waiting `send`.
    func finish(_ result: Result<HTTPResponse, TransportError>) {
        lock.lock()
        let first = outcome == nil
        if first { outcome = result }
        lock.unlock()
        if first { done.signal() }
    }

    /// The response as received so far (`fallback` when none came as such), with the data received.
    func finishWithResponse(_ fallback: HTTPURLResponse? = nil) -> Bool {
        lock.lock()
        let http = response ?? fallback
        let body = data
        lock.unlock()
        guard let http else { return false }
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields {
            if let k = k as? String, let v = v as? String { headers[k] = v }
        }
        finish(.success(HTTPResponse(status: http.statusCode, headers: headers, body: body)))
        return true
    }

    var result: Result<HTTPResponse, TransportError> {
        lock.lock()
        defer { lock.unlock() }
        return outcome ?? .failure(.other("no response"))
    }
}

/// The session's delegate: collects each task's response and data, refuses
/// redirects, and turns an authentication challenge into the 401 itself.
private final class TaskDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Int: PendingRequest] = [:]
    private let timeout: TimeInterval

    init(timeout: TimeInterval) { self.timeout = timeout }

    func register(_ task: URLSessionTask) -> PendingRequest {
        let p = PendingRequest()
        lock.lock()
        pending[task.taskIdentifier] = p
        lock.unlock()
        return p
    }

    func forget(_ task: URLSessionTask) {
        lock.lock()
        pending[task.taskIdentifier] = nil
        lock.unlock()
    }

    private func request(_ task: URLSessionTask) -> PendingRequest? {
        lock.lock()
        defer { lock.unlock() }
        return pending[task.taskIdentifier]
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        if let http = response as? HTTPURLResponse { request(dataTask)?.received(http) }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        request(dataTask)?.received(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    /// A server's 401 challenge: the 401 is the answer, for the caller to take up; the task is cancelled.
    /// Any other challenge (a server's certificate, on Apple platforms) gets URLSession's own handling.
    func urlSession(_ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        if let failure = challenge.failureResponse as? HTTPURLResponse, failure.statusCode == 401,
           let p = request(task), p.finishWithResponse(failure) {
            completionHandler(.cancelAuthenticationChallenge, nil)
            return
        }
        completionHandler(.performDefaultHandling, nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let p = request(task) else { return }
        if let error {
            p.finish(.failure(URLSessionTransport.classify(error, timeout: timeout)))
        } else if !p.finishWithResponse(task.response as? HTTPURLResponse) {
            p.finish(.failure(.other("no response")))
        }
    }
}
