import Crypto
import Foundation
import RDFModel

/// A user name and password for a store. The password never appears in a
/// description, a log line or an error: `description` and `debugDescription`
/// show the user name only.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let user: String
    public let password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    public var description: String { "user \(user.debugDescription) (password hidden)" }
    public var debugDescription: String { description }

    /// `text` with every occurrence of the password (and of its Basic encoding)
    /// replaced, for anything that came from outside and is about to be shown.
    /// newsgraph's own messages never hold the password; this guards against a
    /// server that echoes it. (A password of fewer than 4 characters is not
    /// searched for: it would blank out ordinary words.)
    public func redact(_ text: String) -> String {
        var out = text
        for secret in [password, Data("\(user):\(password)".utf8).base64EncodedString()] where secret.count >= 4 {
            out = out.replacingOccurrences(of: secret, with: "***")
        }
        return out
    }
}

/// One challenge of a `WWW-Authenticate` header: a scheme and its parameters
/// (names lower-cased, values unquoted).
public struct AuthChallenge: Sendable, Equatable {
    public let scheme: String
    public let parameters: [String: String]

    public init(scheme: String, parameters: [String: String]) {
        self.scheme = scheme
        self.parameters = parameters
    }

    /// Every challenge in a `WWW-Authenticate` value (RFC 7235: several
    /// challenges may share one header, separated by commas, as may the
    /// parameters of each).
    public static func parse(_ header: String) -> [AuthChallenge] {
        var tokens = Tokenizer(Array(header.unicodeScalars))
        var out: [AuthChallenge] = []
        var scheme: String?
        var params: [String: String] = [:]
        func finish() {
            if let scheme { out.append(AuthChallenge(scheme: scheme, parameters: params)) }
            scheme = nil
            params = [:]
        }
        var sawComma = false
        while true {
            tokens.skipSpace()
            guard let c = tokens.peek() else { break }
            if c == "," { tokens.advance(); sawComma = true; continue }
            guard let token = tokens.word() else { tokens.advance(); continue }
            tokens.skipSpace()
            if tokens.peek() == "=" {
                tokens.advance()
                tokens.skipSpace()
                let value = tokens.peek() == "\"" ? tokens.quoted() : (tokens.word() ?? "")
                if scheme != nil { params[token.lowercased()] = value }
            } else if scheme != nil && params.isEmpty && !sawComma {
                params[""] = token   // a token68 right after its scheme
            } else {
                finish()
                scheme = token
            }
            sawComma = false
        }
        finish()
        return out
    }

    private struct Tokenizer {
        let s: [Unicode.Scalar]
        var i = 0
        init(_ s: [Unicode.Scalar]) { self.s = s }

        func peek() -> Unicode.Scalar? { i < s.count ? s[i] : nil }
        mutating func advance() { i += 1 }
        mutating func skipSpace() { while let c = peek(), c == " " || c == "\t" { i += 1 } }

        /// A token: everything up to a space, comma, '=' or quote; nil when there is none here.
        mutating func word() -> String? {
            var out = String.UnicodeScalarView()
            while let c = peek(), c != " ", c != "\t", c != ",", c != "=", c != "\"" {
                out.append(c)
                i += 1
            }
            return out.isEmpty ? nil : String(out)
        }

        mutating func quoted() -> String {
            i += 1   // the opening quote
            var out = String.UnicodeScalarView()
            while let c = peek() {
                i += 1
                if c == "\\", let next = peek() { out.append(next); i += 1; continue }
                if c == "\"" { break }
                out.append(c)
            }
            return String(out)
        }
    }
}

/// HTTP Digest authentication (RFC 7616, and RFC 2069 servers without qop):
/// MD5, MD5-sess, SHA-256 and SHA-256-sess, qop "auth". Keeps the server's
/// nonce and counts requests with it, so that each chunk after the first is
/// sent once, not challenged again.
public struct DigestSession: Sendable {
    public let challenge: AuthChallenge
    public let credentials: Credentials
    private(set) var nonceCount: UInt32 = 0
    private let clientNonce: String

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unsupportedAlgorithm(String)
        case unsupportedQop(String)
        case missing(String)

        public var description: String {
            switch self {
            case .unsupportedAlgorithm(let a): return "the server asks for the digest algorithm \(a), which newsgraph does not speak (it speaks MD5, MD5-sess, SHA-256, SHA-256-sess)"
            case .unsupportedQop(let q): return "the server asks for the digest qop \(q.debugDescription), which newsgraph does not speak (it speaks auth)"
            case .missing(let p): return "the server's digest challenge has no \(p)"
            }
        }
    }

    public init(challenge: AuthChallenge, credentials: Credentials, clientNonce: String? = nil) throws(Problem) {
        guard challenge.parameters["nonce"] != nil else { throw .missing("nonce") }
        guard challenge.parameters["realm"] != nil else { throw .missing("realm") }
        let algorithm = (challenge.parameters["algorithm"] ?? "MD5").uppercased()
        guard ["MD5", "MD5-SESS", "SHA-256", "SHA-256-SESS"].contains(algorithm) else {
            throw .unsupportedAlgorithm(challenge.parameters["algorithm"] ?? "")
        }
        if let qop = challenge.parameters["qop"] {
            let offered = qop.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard offered.contains("auth") else { throw .unsupportedQop(qop) }
        }
        self.challenge = challenge
        self.credentials = credentials
        self.clientNonce = clientNonce ?? DigestSession.randomNonce()
    }

    private static func randomNonce() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(UInt8.random(in: 0...255, using: &g), radix: 16) }
            .map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    }

    private var algorithm: String { challenge.parameters["algorithm"] ?? "MD5" }

    private func hash(_ s: String) -> String {
        let bytes = Array(s.utf8)
        return algorithm.uppercased().hasPrefix("SHA-256") ? lowercaseHex(SHA256.hash(data: bytes)) : lowercaseHex(Insecure.MD5.hash(data: bytes))
    }

    /// The `Authorization` header value for one request; counts the request.
    /// `uri` is the request target exactly as sent (path and query).
    public mutating func authorization(method: String, uri: String) -> String {
        nonceCount &+= 1
        let p = challenge.parameters
        let realm = p["realm"] ?? "", nonce = p["nonce"] ?? ""
        let nc = String(format: "%08x", nonceCount)
        var ha1 = hash("\(credentials.user):\(realm):\(credentials.password)")
        if algorithm.uppercased().hasSuffix("-SESS") { ha1 = hash("\(ha1):\(nonce):\(clientNonce)") }
        let ha2 = hash("\(method):\(uri)")
        let useQop = p["qop"] != nil
        let response = useQop ? hash("\(ha1):\(nonce):\(nc):\(clientNonce):auth:\(ha2)") : hash("\(ha1):\(nonce):\(ha2)")
        var fields = [
            "username=\(quote(credentials.user))", "realm=\(quote(realm))", "nonce=\(quote(nonce))",
            "uri=\(quote(uri))", "response=\(quote(response))",
        ]
        if p["algorithm"] != nil { fields.append("algorithm=\(algorithm)") }
        if let opaque = p["opaque"] { fields.append("opaque=\(quote(opaque))") }
        if useQop { fields += ["qop=auth", "nc=\(nc)", "cnonce=\(quote(clientNonce))"] }
        return "Digest " + fields.joined(separator: ", ")
    }

    private func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// How a client answers a server's authentication challenges.
enum Authenticator: Sendable {
    case none
    /// Credentials known, the scheme not yet: nothing is sent until the server asks,
    /// so that a password is never sent in the clear to a server that wants digest.
    case awaitingChallenge(Credentials)
    case basic(Credentials)
    case digest(DigestSession)

    var credentials: Credentials? {
        switch self {
        case .none: return nil
        case .awaitingChallenge(let c), .basic(let c): return c
        case .digest(let d): return d.credentials
        }
    }

    static func basicHeader(_ c: Credentials) -> String {
        "Basic " + Data("\(c.user):\(c.password)".utf8).base64EncodedString()
    }

    /// The header for the next request, if the scheme is known.
    mutating func header(method: String, uri: String) -> String? {
        switch self {
        case .none, .awaitingChallenge: return nil
        case .basic(let c): return Authenticator.basicHeader(c)
        case .digest(var d):
            let h = d.authorization(method: method, uri: uri)
            self = .digest(d)
            return h
        }
    }
}
