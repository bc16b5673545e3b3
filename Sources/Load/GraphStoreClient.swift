import Foundation
import RDFModel

/// Where a Graph Store request puts its triples.
public enum GraphTarget: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The store's default graph (`?default`).
    case defaultGraph
    /// A named graph (`?graph=IRI`).
    case named(IRI)

    public var description: String {
        switch self {
        case .defaultGraph: return "the default graph"
        case .named(let iri): return "graph \(iri)"
        }
    }

    public static func < (lhs: GraphTarget, rhs: GraphTarget) -> Bool {
        switch (lhs, rhs) {
        case (.defaultGraph, .named): return true
        case (.named(let a), .named(let b)): return a < b
        default: return false
        }
    }
}

/// How often and how patiently a request is tried again after a transient
/// failure: the connection refused (a server still starting), the connection
/// lost, or HTTP 502, 503 or 504.
public struct RetryPolicy: Sendable, Equatable {
    /// Tries after the first one.
    public var retries: Int
    /// The wait before the first retry; each later wait doubles, up to `maxDelay`.
    public var initialDelay: Double
    public var maxDelay: Double

    public init(retries: Int = 5, initialDelay: Double = 0.5, maxDelay: Double = 8) {
        self.retries = max(0, retries)
        self.initialDelay = max(0, initialDelay)
        self.maxDelay = max(self.initialDelay, maxDelay)
    }

    public static let standard = RetryPolicy()

    /// The wait before retry number `n` (1-based).
    public func delay(beforeRetry n: Int) -> Double {
        min(maxDelay, initialDelay * pow(2, Double(max(0, n - 1))))
    }
}

/// A request the store did not accept, or could not be sent.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The server answered with this status (after any retries).
        case http(status: Int)
        /// No HTTP answer at all (after any retries).
        case unreachable(TransportError)
        /// Credentials missing, refused, or a scheme newsgraph does not speak.
        case authentication
        /// The endpoint answered with a redirect.
        case redirect
        /// The endpoint is not an http:// or https:// URL with a host: refused before any request.
        case badEndpoint
    }

    public let kind: Kind
    public let message: String
    /// What the server itself said, as text (HTML reduced to its words), where it said anything.
    public let serverMessage: String?

    public var description: String { message }
}

/// A client of the SPARQL 1.1 Graph Store HTTP Protocol: POST (append) or PUT
/// (replace) of N-Triples into the default graph or a named graph, with
/// basic or digest authentication and bounded retries.
///
/// Not `Sendable`: it keeps the digest nonce and its count between requests.
/// Use one per thread.
public final class GraphStoreClient {
    /// The endpoint, without any user information.
    public let endpoint: URL
    let transport: any HTTPTransport
    let retry: RetryPolicy
    private var authenticator: Authenticator
    private let log: (String) -> Void
    private let sleep: (Double) -> Void
    /// Requests sent, retries and authentication round trips included.
    public private(set) var requestsSent = 0
    /// Whether chunks now go as Turtle: set once the store has failed to
    /// recognize N-Triples (see ``send(nTriples:to:replace:)``).
    public private(set) var sendsTurtle = false

    /// The line put before N-Triples to make them a Turtle document that Virtuoso recognizes.
    static let turtlePreamble = Data("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n".utf8)

    /// - Parameters:
    ///   - endpoint: the Graph Store endpoint (e.g. `http://127.0.0.1:7878/store`); user information in it is refused.
    ///   - log: receives one line per retry; never a credential.
    public init(endpoint: URL, credentials: Credentials? = nil, transport: any HTTPTransport = URLSessionTransport(),
                retry: RetryPolicy = .standard, log: @escaping (String) -> Void = { _ in },
                sleep: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }) throws(StoreError) {
        guard let scheme = endpoint.scheme?.lowercased(), scheme == "http" || scheme == "https", endpoint.host != nil else {
            throw StoreError(kind: .badEndpoint, message: "the endpoint must be an http:// or https:// URL: \(GraphStoreClient.display(endpoint))", serverMessage: nil)
        }
        guard endpoint.user == nil && endpoint.password == nil else {
            throw StoreError(kind: .authentication, message: "the endpoint URL holds user information: give it as --user and --password-env instead", serverMessage: nil)
        }
        self.endpoint = endpoint
        self.transport = transport
        self.retry = retry
        self.authenticator = credentials.map { .awaitingChallenge($0) } ?? .none
        self.log = log
        self.sleep = sleep
    }

    /// The URL of `target`: `?default` or `?graph=` with the IRI percent-encoded.
    public func url(for target: GraphTarget) -> URL {
        var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false) ?? URLComponents()
        let existing = components.percentEncodedQuery.map { $0 + "&" } ?? ""
        switch target {
        case .defaultGraph:
            components.percentEncodedQuery = existing + "default"
        case .named(let iri):
            components.percentEncodedQuery = existing + "graph=" + GraphStoreClient.percentEncode(iri.value)
        }
        return components.url ?? endpoint
    }

    /// Everything but RFC 3986's unreserved characters, percent-encoded (UTF-8).
    static func percentEncode(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// A URL as it may be shown: without user information.
    public static func display(_ url: URL) -> String {
        guard var c = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "<unprintable URL>" }
        c.user = nil
        c.password = nil
        return c.string ?? "<unprintable URL>"
    }

    /// Sends N-Triples to `target`: PUT when `replace`, else POST.
    /// Returns the response of the request that succeeded.
    ///
    /// Virtuoso 7.2's Graph Store ignores the Content-Type and guesses the
    /// syntax from the body, and some N-Triples bodies (a long literal, an
    /// escaped quote early on) it takes for plain text and refuses ("the
    /// submitted resource is of unsupported type text/plain"; Virtuoso issue
    /// 540). A store that refuses a chunk that way, or with HTTP 415, gets it
    /// again, and every later chunk, as Turtle: the same lines after one
    /// `@prefix` line (N-Triples is a subset of Turtle), which Virtuoso recognizes.
    @discardableResult
    public func send(nTriples body: Data, to target: GraphTarget, replace: Bool) throws(StoreError) -> HTTPResponse {
        let method = replace ? "PUT" : "POST"
        let url = url(for: target)
        let shown = GraphStoreClient.display(url)
        var request = HTTPRequest(method: method, url: url, headers: [
            "Accept": "text/plain, application/json;q=0.9, text/html;q=0.8, */*;q=0.5",
        ], body: body)
        func setFormat() {
            request.headers["Content-Type"] = sendsTurtle ? "text/turtle" : "application/n-triples"
            request.body = sendsTurtle ? GraphStoreClient.turtlePreamble + body : body
        }
        setFormat()
        var tries = Tries()
        while true {
            tries.attempt += 1
            request.headers["Authorization"] = authenticator.header(method: method, uri: request.target)
            requestsSent += 1
            let response: HTTPResponse
            do {
                response = try transport.send(request)
            } catch {
                let wait = try retryAfter(error, method, shown, tries)
                sleep(wait)
                tries.waited += wait
                continue
            }
            switch try next(after: response, method, shown, &tries) {
            case .done:
                return response
            case .retry(let wait):
                sleep(wait)
                tries.waited += wait
            case .sameRequestAgain:
                attemptIsNotARetry(&tries)
            case .asTurtle:
                setFormat()
                attemptIsNotARetry(&tries)
            }
        }
    }

    /// Where a request is in its attempts.
    private struct Tries {
        var attempt = 0
        var challengesAnswered = 0
        /// Seconds slept before retries.
        var waited = 0.0
    }

    /// What to do after a response.
    private enum Next {
        /// It succeeded.
        case done
        /// A retry after that many seconds.
        case retry(Double)
        /// The same request again, with new credentials: not a retry.
        case sameRequestAgain
        /// The same request again as Turtle: not a retry.
        case asTurtle
    }

    private func attemptIsNotARetry(_ tries: inout Tries) { tries.attempt -= 1 }

    /// How long to wait before retrying after a transport error, or the error to throw when it is not worth a retry.
    private func retryAfter(_ error: TransportError, _ method: String, _ shown: String, _ tries: Tries) throws(StoreError) -> Double {
        if error.isTransient && tries.attempt <= retry.retries {
            let wait = retry.delay(beforeRetry: tries.attempt)
            log("\(method) \(shown): \(error); trying again in \(TransportError.seconds(wait)) s (retry \(tries.attempt) of \(retry.retries))")
            return wait
        }
        let attempts = tries.attempt == 1 ? "" : " after \(tries.attempt) attempts over \(String(format: "%.1f", tries.waited)) s"
        var hint = ""
        if error == .connectionRefused { hint = ": is the server running, and is the endpoint's host and port right?" }
        throw StoreError(kind: .unreachable(error), message: "cannot reach \(shown)\(attempts): \(redact(error.description))\(hint)", serverMessage: nil)
    }

    /// What a response means for the request: done, retried, sent again another way, or an error.
    private func next(after response: HTTPResponse, _ method: String, _ shown: String, _ tries: inout Tries) throws(StoreError) -> Next {
        switch response.status {
        case 200..<300:
            return .done
        case 401:
            try answerChallenge(response, method, shown, &tries)
            return .sameRequestAgain
        case 502, 503, 504:
            guard tries.attempt <= retry.retries else { throw httpError(method, shown, response, attempts: tries.attempt) }
            var wait = retry.delay(beforeRetry: tries.attempt)
            if let after = response[header: "Retry-After"].flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) {
                wait = min(max(after, 0), retry.maxDelay * 4)
            }
            log("\(method) \(shown): HTTP \(response.status) \(GraphStoreClient.reason(response.status)); trying again in \(TransportError.seconds(wait)) s (retry \(tries.attempt) of \(retry.retries))")
            return .retry(wait)
        case _ where !sendsTurtle && GraphStoreClient.refusedAsUnknownSyntax(response):
            sendsTurtle = true
            log("\(method) \(shown): the store did not recognize the chunk as N-Triples (HTTP \(response.status): \(GraphStoreClient.serverMessage(response).map(redact) ?? "no message")); sending it, and the rest, as Turtle")
            return .asTurtle
        case 300..<400:
            let location = response[header: "Location"].map { " to \($0)" } ?? ""
            throw StoreError(kind: .redirect, message: "\(method) \(shown): HTTP \(response.status) \(GraphStoreClient.reason(response.status)): the endpoint redirects\(location); give the final URL as --endpoint",
                             serverMessage: nil)
        default:
            throw httpError(method, shown, response, attempts: tries.attempt)
        }
    }

    /// HTTP 401: takes up the store's Digest or Basic challenge (the first of each request, and a renewed
    /// (stale) nonce once more), or throws when there is no answer to give.
    private func answerChallenge(_ response: HTTPResponse, _ method: String, _ shown: String, _ tries: inout Tries) throws(StoreError) {
        guard let credentials = authenticator.credentials else {
            throw StoreError(kind: .authentication, message: "\(method) \(shown): HTTP 401 Unauthorized: authentication failed: the store asks for a user name and password (give --user with --password-env or --password)",
                             serverMessage: GraphStoreClient.serverMessage(response).map(redact))
        }
        let challenges = AuthChallenge.parse(response[header: "WWW-Authenticate"] ?? "")
        let stale = challenges.contains { $0.scheme.lowercased() == "digest" && $0.parameters["stale"]?.lowercased() == "true" }
        guard tries.challengesAnswered == 0 || (stale && tries.challengesAnswered < 2) else {
            throw StoreError(kind: .authentication, message: "\(method) \(shown): HTTP 401 Unauthorized: the store refused \(credentials), so authentication failed (check the user name and password)",
                             serverMessage: GraphStoreClient.serverMessage(response).map(redact))
        }
        tries.challengesAnswered += 1
        if let digest = challenges.first(where: { $0.scheme.lowercased() == "digest" && ($0.parameters["algorithm"] ?? "").uppercased().hasPrefix("SHA-256") })
            ?? challenges.first(where: { $0.scheme.lowercased() == "digest" }) {
            do {
                authenticator = .digest(try DigestSession(challenge: digest, credentials: credentials))
            } catch {
                throw StoreError(kind: .authentication, message: "\(method) \(shown): \(error)", serverMessage: nil)
            }
        } else if challenges.contains(where: { $0.scheme.lowercased() == "basic" }) {
            authenticator = .basic(credentials)
        } else {
            let offered = challenges.map(\.scheme).joined(separator: ", ")
            throw StoreError(kind: .authentication, message: "\(method) \(shown): HTTP 401: the store asks for authentication newsgraph does not speak (\(offered.isEmpty ? "no WWW-Authenticate header" : offered); it speaks Basic and Digest)", serverMessage: nil)
        }
    }

    /// HTTP 415, or Virtuoso's "unsupported type" refusal of a body whose syntax it guessed wrong.
    static func refusedAsUnknownSyntax(_ response: HTTPResponse) -> Bool {
        if response.status == 415 { return true }
        return response.status == 500 && (serverMessage(response) ?? "").contains("is of unsupported type")
    }

    private func redact(_ s: String) -> String { authenticator.credentials?.redact(s) ?? s }

    private func httpError(_ method: String, _ shown: String, _ response: HTTPResponse, attempts: Int) -> StoreError {
        let said = GraphStoreClient.serverMessage(response).map(redact)
        var message = "\(method) \(shown): HTTP \(response.status) \(GraphStoreClient.reason(response.status))"
        if attempts > 1 { message += " (after \(attempts) attempts)" }
        message += said.map { ": the server says: \($0)" } ?? " (the server gave no message)"
        return StoreError(kind: .http(status: response.status), message: message, serverMessage: said)
    }
}
