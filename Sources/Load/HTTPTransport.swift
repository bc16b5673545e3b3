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
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // URLSession is thread-safe; @unchecked because its Sendable conformance
    // differs between Foundation implementations.
    private let session: URLSession
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
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
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
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let timeout = self.timeout
        // The handler must not capture self: the last reference released on
        // URLSession's own queue would run deinit there, and invalidating the
        // session from its own queue traps.
        let task = session.dataTask(with: r) { data, response, error in
            if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (k, v) in http.allHeaderFields {
                    if let k = k as? String, let v = v as? String { headers[k] = v }
                }
                box.set(.success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data())))
            } else {
                box.set(.failure(URLSessionTransport.classify(error, timeout: timeout)))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        return try box.get().get()
    }

    static func classify(_ error: (any Error)?, timeout: TimeInterval) -> TransportError {
        guard let error else { return .other("no response") }
        if let u = error as? URLError {
            switch u.code {
            case .cannotConnectToHost: return .connectionRefused
            case .networkConnectionLost: return .connectionLost
            case .timedOut: return .timedOut(seconds: timeout)
            case .cannotFindHost, .dnsLookupFailed: return .unknownHost
            default: break
            }
        }
        let ns = error as NSError
        // libcurl's codes where FoundationNetworking passes them through.
        if ns.domain == NSURLErrorDomain, ns.code == NSURLErrorCannotConnectToHost { return .connectionRefused }
        return .other(ns.localizedDescription)
    }
}

private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<HTTPResponse, TransportError> = .failure(.other("no response"))

    func set(_ v: Result<HTTPResponse, TransportError>) {
        lock.lock()
        value = v
        lock.unlock()
    }

    func get() -> Result<HTTPResponse, TransportError> {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
