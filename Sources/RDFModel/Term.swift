/// The RDF 1.1 term model: value types, `Sendable`, with one canonical order.
///
/// Terms are checked when they are made, so that nothing illegal reaches a
/// serializer: an ``IRI`` is an absolute IRI without characters that Turtle or
/// N-Triples forbid, a ``Literal`` has a well-formed language tag. Whether a
/// literal's *characters* can be written by a given serializer is a question
/// for that serializer (see `RaptorIO`).

/// An error in making a term.
public enum TermError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidIRI(String, reason: String)
    case invalidLanguageTag(String)
    case invalidBlankNodeLabel(String)

    public var description: String {
        switch self {
        case .invalidIRI(let iri, let reason): return "invalid IRI <\(iri.debugDescription.dropFirst().dropLast())>: \(reason)"
        case .invalidLanguageTag(let tag): return "invalid language tag \(tag.debugDescription)"
        case .invalidBlankNodeLabel(let label): return "invalid blank node label \(label.debugDescription)"
        }
    }
}

/// An absolute IRI (RFC 3987) whose characters are legal in Turtle and N-Triples.
public struct IRI: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    /// Makes an IRI after checking it; throws ``TermError/invalidIRI(_:reason:)``.
    public init(_ value: String) throws(TermError) {
        if let reason = IRI.problem(in: value) { throw .invalidIRI(value, reason: reason) }
        self.value = value
    }

    /// For IRIs known to be valid at compile time (vocabulary constants).
    /// Traps if the string is not a valid IRI: a programming error.
    public init(constant value: String) {
        precondition(IRI.problem(in: value) == nil, "invalid IRI constant \(value)")
        self.value = value
    }

    public var description: String { "<\(value)>" }

    public static func < (lhs: IRI, rhs: IRI) -> Bool { lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8) }

    /// Why `value` is not an IRI that every RDF syntax accepts, or nil when it is.
    /// Works on the UTF-8 bytes: every graph is full of IRIs, so this must be fast.
    public static func problem(in value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes -> String? in
            guard !bytes.isEmpty else { return "it is empty" }
            var colon: Int?
            var hash: Int?
            var brackets: [Int] = []
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case 0x23:
                    // RFC 3987: one fragment, which holds no '#'.
                    if hash != nil { return "it has a second '#' (a fragment cannot hold '#')" }
                    hash = i
                case 0x5B, 0x5D: brackets.append(i)
                case 0x00...0x20: return "it contains the control or space character U+\(hex4(UInt32(b)))"
                case 0x7F: return "it contains the control character U+007F"
                case 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5E, 0x60, 0x5C:
                    return "it contains the character \(String(UnicodeScalar(b)).debugDescription), which RDF syntaxes forbid in IRIs"
                case 0x3A: if colon == nil { colon = i }
                case 0x25:
                    // Percent signs must start a %XX escape.
                    guard i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) else {
                        return "it has a '%' that does not start a %XX escape"
                    }
                    i += 2
                case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]):
                    return "it contains the control character U+\(hex4(UInt32(bytes[i + 1])))"
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    return "it contains the non-character U+\(bytes[i + 2] == 0xBE ? "FFFE" : "FFFF")"
                default: break
                }
                i += 1
            }
            // scheme ":" ...  (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ))
            guard let colon else { return "it has no scheme (it is not absolute)" }
            let scheme = bytes[0..<colon]
            guard let first = scheme.first, isLetter(first),
                  scheme.allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
            else { return "its scheme \(String(decoding: scheme, as: UTF8.self).debugDescription) is not a valid URI scheme" }
            return authorityProblem(bytes, after: colon, brackets: brackets)
        }
    }

    /// "[" and "]" stand only around an IP literal host ("http://[::1]/"), and a port is digits.
    private static func authorityProblem(_ bytes: UnsafeBufferPointer<UInt8>, after colon: Int, brackets: [Int]) -> String? {
        var start = colon + 1, end = start
        if start + 1 < bytes.count, bytes[start] == 0x2F, bytes[start + 1] == 0x2F {
            start += 2
            end = start
            while end < bytes.count, bytes[end] != 0x2F, bytes[end] != 0x3F, bytes[end] != 0x23 { end += 1 }
        }
        let authority = start..<end
        var host = authority
        if let at = bytes[authority].lastIndex(of: 0x40) { host = (at + 1)..<end }
        if !brackets.isEmpty {
            let literal = brackets.count == 2 && brackets[0] == host.lowerBound && bytes[brackets[1]] == 0x5D && brackets[1] < end
            guard literal else { return "it has '[' or ']' outside an IP literal host" }
        }
        let portFrom = brackets.count == 2 ? brackets[1] + 1 : host.lowerBound
        if portFrom < end, let portColon = bytes[portFrom..<end].firstIndex(of: 0x3A),
           !bytes[(portColon + 1)..<end].allSatisfy({ (0x30...0x39).contains($0) }) {
            return "its port is not a number"
        }
        return nil
    }
}

@inline(__always) private func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
@inline(__always) private func isHex(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b) }

/// A blank node with a label that is safe in every syntax (`[A-Za-z0-9_]`, not starting with a digit or '_' is allowed).
public struct BlankNode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let label: String

    public init(_ label: String) throws(TermError) {
        guard !label.isEmpty, label.unicodeScalars.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == "-" }),
              label.unicodeScalars.first != "-"
        else { throw .invalidBlankNodeLabel(label) }
        self.label = label
    }

    public var description: String { "_:\(label)" }
    public static func < (lhs: BlankNode, rhs: BlankNode) -> Bool { lhs.label.utf8.lexicographicallyPrecedes(rhs.label.utf8) }
}

/// A literal: a lexical form with a datatype, or with a language tag (then the datatype is `rdf:langString`).
public struct Literal: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let lexicalForm: String
    public let datatype: IRI
    /// Lower-cased BCP 47 tag, or nil.
    public let language: String?

    /// A plain string (`xsd:string`).
    public init(_ lexicalForm: String) {
        self.lexicalForm = lexicalForm
        self.datatype = XSD.string
        self.language = nil
    }

    public init(_ lexicalForm: String, datatype: IRI) {
        self.lexicalForm = lexicalForm
        self.datatype = datatype
        self.language = nil
    }

    public init(_ lexicalForm: String, language: String) throws(TermError) {
        guard Literal.isLanguageTag(language) else { throw .invalidLanguageTag(language) }
        self.lexicalForm = lexicalForm
        self.datatype = RDF.langString
        self.language = language.lowercased()
    }

    /// `[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`, as Turtle and N-Triples define LANGTAG.
    public static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.unicodeScalars.allSatisfy(\.isASCIILetter) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit } }
    }

    public var description: String {
        let quoted = NTriples.quote(lexicalForm)
        if let language { return "\(quoted)@\(language)" }
        if datatype == XSD.string { return quoted }
        return "\(quoted)^^\(datatype)"
    }

    public static func < (lhs: Literal, rhs: Literal) -> Bool {
        if lhs.lexicalForm != rhs.lexicalForm { return lhs.lexicalForm.utf8.lexicographicallyPrecedes(rhs.lexicalForm.utf8) }
        if lhs.datatype != rhs.datatype { return lhs.datatype < rhs.datatype }
        return (lhs.language ?? "").utf8.lexicographicallyPrecedes((rhs.language ?? "").utf8)
    }
}

/// Any RDF term. The canonical order is: IRIs, then blank nodes, then literals;
/// within each kind, by code units of their text (UTF-8), as N-Triples sorts them.
public enum Term: Hashable, Comparable, Sendable, CustomStringConvertible {
    case iri(IRI)
    case blank(BlankNode)
    case literal(Literal)

    public var description: String {
        switch self {
        case .iri(let iri): return iri.description
        case .blank(let b): return b.description
        case .literal(let l): return l.description
        }
    }

    public var iri: IRI? { if case .iri(let i) = self { return i } else { return nil } }
    public var literal: Literal? { if case .literal(let l) = self { return l } else { return nil } }
    public var isLiteral: Bool { literal != nil }

    private var rank: Int {
        switch self {
        case .iri: return 0
        case .blank: return 1
        case .literal: return 2
        }
    }

    public static func < (lhs: Term, rhs: Term) -> Bool {
        switch (lhs, rhs) {
        case (.iri(let a), .iri(let b)): return a < b
        case (.blank(let a), .blank(let b)): return a < b
        case (.literal(let a), .literal(let b)): return a < b
        default: return lhs.rank < rhs.rank
        }
    }
}

/// An RDF triple. Subjects are IRIs or blank nodes; predicates IRIs.
public struct Triple: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let subject: Term
    public let predicate: IRI
    public let object: Term

    public init(_ subject: Term, _ predicate: IRI, _ object: Term) {
        precondition(!subject.isLiteral, "a literal cannot be the subject of a triple")
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    public init(_ subject: IRI, _ predicate: IRI, _ object: Term) {
        self.init(.iri(subject), predicate, object)
    }

    public init(_ subject: IRI, _ predicate: IRI, _ object: IRI) {
        self.init(.iri(subject), predicate, .iri(object))
    }

    public var description: String { "\(subject) \(predicate) \(object) ." }

    public static func < (lhs: Triple, rhs: Triple) -> Bool {
        if lhs.subject != rhs.subject { return lhs.subject < rhs.subject }
        if lhs.predicate != rhs.predicate { return lhs.predicate < rhs.predicate }
        return lhs.object < rhs.object
    }
}

/// A triple in a named graph (nil: the default graph).
public struct Quad: Hashable, Comparable, Sendable {
    public let triple: Triple
    public let graph: IRI?

    public init(_ triple: Triple, graph: IRI?) {
        self.triple = triple
        self.graph = graph
    }

    public static func < (lhs: Quad, rhs: Quad) -> Bool {
        if lhs.graph != rhs.graph {
            guard let l = lhs.graph else { return true }
            guard let r = rhs.graph else { return false }
            return l < r
        }
        return lhs.triple < rhs.triple
    }
}

/// Bytes as lower-case hexadecimal digits, two a byte: how a digest is written
/// (`ng:sha256`, node keys, HTTP Digest authentication).
public func lowercaseHex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
    let digits = Array("0123456789abcdef".unicodeScalars)
    var out = String.UnicodeScalarView()
    for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 0x0F)])
    }
    return String(out)
}

func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
    var isASCIIHexDigit: Bool { isASCIIDigit || (0x41...0x46).contains(value) || (0x61...0x66).contains(value) }
}
