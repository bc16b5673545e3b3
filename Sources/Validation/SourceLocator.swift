import Foundation
import RDFModel
import RaptorIO

/// Line numbers of statements in a Turtle or N-Triples file, found by
/// re-scanning its text: Raptor reports a locator for errors but not for the
/// statements it returns.
///
/// The scanner tokenizes the document (comments, IRIs, prefixed names, blank
/// node labels, strings including long strings, numbers, punctuation) and
/// follows the top-level statements: the first term of a statement is its
/// subject, the term after it or after a `;` is a predicate. For every subject
/// it records the line where it first starts a statement, and for every
/// (subject, predicate) the line of the first such predicate. In N-Triples a
/// statement is one line, so both are the statement's line. Triples inside
/// `[ … ]` and `( … )` have subjects that the text does not name; a caller
/// locates them through the triple that refers to them (see
/// ``line(of:in:)``).
public struct SourceLocator: Sendable {
    public let file: String
    private var subjectLines: [Term: Int] = [:]
    private var pairLines: [Pair: Int] = [:]

    private struct Pair: Hashable {
        let subject: Term
        let predicate: IRI
    }

    /// - Parameters:
    ///   - text: the document.
    ///   - file: its name, for reports.
    ///   - baseIRI: the base relative IRIs are resolved against (the parser's).
    ///   - blankLabel: maps a label as written (`b1` of `_:b1`) to the label the
    ///     parsed graph uses for it.
    public init(text: String, file: String, baseIRI: String, blankLabel: (String) -> String = SourceLocator.raptorLabel) {
        self.file = file
        var scanner = TurtleScanner(text: text)
        var prefixes: [String: String] = [:]
        var base = baseIRI
        var depth = 0
        enum State { case subject, predicate, object, directive }
        var state = State.subject
        var subject: Term?
        var pendingDirective: [TurtleToken] = []

        func resolve(_ relative: String) -> String {
            if relative.isEmpty { return base }
            if relative.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil { return relative }
            return URL(string: relative, relativeTo: URL(string: base))?.absoluteString ?? relative
        }
        func term(_ token: TurtleToken) -> Term? {
            switch token.kind {
            case .iri(let s): return (try? IRI(resolve(s))).map(Term.iri)
            case .pname(let prefix, let local):
                guard let ns = prefixes[prefix] else { return nil }
                return (try? IRI(ns + local)).map(Term.iri)
            case .blank(let label): return (try? BlankNode(blankLabel(label))).map(Term.blank)
            case .keywordA: return .iri(RDF.type)
            default: return nil
            }
        }

        while let token = scanner.next() {
            if state == .directive {
                // @prefix p: <iri> .   PREFIX p: <iri>   @base <iri> .   BASE <iri>
                pendingDirective.append(token)
                let d = pendingDirective
                if case .directive(let name) = d[0].kind {
                    let sparqlStyle = !name.hasPrefix("@")
                    let isPrefix = name.lowercased().hasSuffix("prefix")
                    let needed = (isPrefix ? 3 : 2) + (sparqlStyle ? 0 : 1)
                    if d.count == needed || token.kind == .dot {
                        if isPrefix, d.count >= 3, case .pname(let p, let local) = d[1].kind, local.isEmpty, case .iri(let ns) = d[2].kind {
                            prefixes[p] = resolve(ns)
                        } else if !isPrefix, d.count >= 2, case .iri(let b) = d[1].kind {
                            base = resolve(b)
                        }
                        pendingDirective = []
                        state = .subject
                    }
                }
                continue
            }
            switch token.kind {
            case .openBracket, .openParen:
                depth += 1
                if depth == 1 && state == .subject { subject = nil }
                continue
            case .closeBracket, .closeParen:
                depth = max(0, depth - 1)
                if depth == 0 && state == .subject { state = .predicate }
                continue
            default:
                break
            }
            guard depth == 0 else { continue }
            switch token.kind {
            case .directive:
                pendingDirective = [token]
                state = .directive
            case .dot:
                state = .subject
                subject = nil
            case .semicolon:
                if subject != nil || state == .object { state = .predicate }
            case .comma:
                break
            default:
                switch state {
                case .subject:
                    subject = term(token)
                    if let s = subject, subjectLines[s] == nil { subjectLines[s] = token.line }
                    state = .predicate
                case .predicate:
                    if let s = subject, let p = term(token)?.iri {
                        let key = Pair(subject: s, predicate: p)
                        if pairLines[key] == nil { pairLines[key] = token.line }
                    }
                    state = .object
                case .object, .directive:
                    break
                }
            }
        }
    }

    /// The line where `subject` first starts a statement, or where it first has `predicate`.
    public func line(subject: Term, predicate: IRI? = nil) -> Int? {
        if let predicate, let l = pairLines[Pair(subject: subject, predicate: predicate)] { return l }
        return subjectLines[subject]
    }

    /// The line of a triple's statement, for a subject the text names; for a
    /// blank node that only appears inside `[ … ]`, the line of the statement
    /// that refers to it, looked up through `graph`.
    public func line(of triple: Triple, in graph: IndexedGraph) -> Int? {
        if let l = line(subject: triple.subject, predicate: triple.predicate) { return l }
        return line(of: triple.subject, in: graph)
    }

    /// The line of a node: where it starts a statement, or where a statement refers to it.
    public func line(of node: Term, in graph: IndexedGraph) -> Int? {
        var current = node
        var seen: Set<Term> = []
        while seen.insert(current).inserted {
            if let l = line(subject: current) { return l }
            guard case .blank = current else { return nil }
            guard let (p, referrers) = graph.incoming(current).sorted(by: { $0.key < $1.key }).first, let referrer = referrers.sorted().first
            else { return nil }
            if let l = line(subject: referrer, predicate: p) { return l }
            current = referrer
        }
        return nil
    }

    /// The label `RaptorIO` gives a blank node written `_:label` (see `RaptorWorld.blankNodeLabel`).
    @Sendable public static func raptorLabel(_ label: String) -> String { RaptorWorld.blankNodeLabel(label) }
}

struct TurtleToken: Equatable {
    enum Kind: Equatable {
        case iri(String)
        case pname(prefix: String, local: String)
        case blank(String)
        case literal
        case keywordA
        case directive(String)
        case dot, semicolon, comma, openBracket, closeBracket, openParen, closeParen
        case other
    }
    let kind: Kind
    let line: Int
}

/// A forgiving Turtle tokenizer: it never fails, it only has to find terms and punctuation.
struct TurtleScanner {
    private let s: [Unicode.Scalar]
    private var i = 0
    private var line = 1

    init(text: String) { s = Array(text.unicodeScalars) }

    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

    private mutating func advance() {
        if s[i] == "\n" { line += 1 }
        i += 1
    }

    private static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil || c == "_" || c == "-" || c == "." || c == ":"
            || c == "%" || c == "\u{B7}" || c.value >= 0x300 && c.value <= 0x36F
    }

    mutating func next() -> TurtleToken? {
        // Skip whitespace and comments.
        while let c = peek() {
            if c == "#" {
                while let d = peek(), d != "\n" { advance() }
            } else if c == " " || c == "\t" || c == "\n" || c == "\r" {
                advance()
            } else {
                break
            }
        }
        guard let c = peek() else { return nil }
        let startLine = line
        func token(_ k: TurtleToken.Kind) -> TurtleToken { TurtleToken(kind: k, line: startLine) }
        switch c {
        case "<":
            advance()
            var text = ""
            while let d = peek(), d != ">" {
                if d == "\\", peek(1) == "u" || peek(1) == "U" {
                    let n = peek(1) == "u" ? 4 : 8
                    advance(); advance()
                    var hex = ""
                    for _ in 0..<n { if let h = peek() { hex.unicodeScalars.append(h); advance() } }
                    if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { text.unicodeScalars.append(u) }
                    continue
                }
                text.unicodeScalars.append(d)
                advance()
                if d == "\n" { break }
            }
            if peek() == ">" { advance() }
            return token(.iri(text))
        case "\"", "'":
            skipString(quote: c)
            // A language tag or a datatype follows directly.
            if peek() == "@" {
                advance()
                while let d = peek(), d.properties.isAlphabetic || d.properties.numericType != nil || d == "-" { advance() }
            }
            return token(.literal)
        case "." where !(peek(1)?.properties.numericType != nil):
            advance()
            return token(.dot)
        case ";": advance(); return token(.semicolon)
        case ",": advance(); return token(.comma)
        case "[": advance(); return token(.openBracket)
        case "]": advance(); return token(.closeBracket)
        case "(": advance(); return token(.openParen)
        case ")": advance(); return token(.closeParen)
        case "^":
            advance()
            if peek() == "^" { advance() }
            return token(.other)
        case "@":
            advance()
            var word = "@"
            while let d = peek(), d.properties.isAlphabetic { word.unicodeScalars.append(d); advance() }
            return token(word == "@prefix" || word == "@base" ? .directive(word) : .other)
        case "_" where peek(1) == ":":
            advance(); advance()
            var label = ""
            while let d = peek(), TurtleScanner.isNameChar(d), d != ":" { label.unicodeScalars.append(d); advance() }
            while label.hasSuffix(".") { label.removeLast(); i -= 1 }
            return token(.blank(label))
        default:
            if c.properties.numericType != nil || c == "+" || c == "-" || c == "." {
                // A number: digits, a '.' only when a digit follows, an exponent.
                advance()
                while let d = peek() {
                    if d.properties.numericType != nil || d == "e" || d == "E" || ((d == "+" || d == "-") && (s[i - 1] == "e" || s[i - 1] == "E")) {
                        advance()
                    } else if d == ".", let e = peek(1), e.properties.numericType != nil {
                        advance()
                    } else {
                        break
                    }
                }
                return token(.literal)
            }
            var word = ""
            while let d = peek(), TurtleScanner.isNameChar(d) || d == "\\" {
                if d == "\\" {
                    advance()
                    if let e = peek() { word.unicodeScalars.append(e); advance() }
                    continue
                }
                word.unicodeScalars.append(d)
                advance()
            }
            while word.hasSuffix(".") { word.removeLast(); i -= 1 }
            if word.isEmpty {
                advance()
                return token(.other)
            }
            if word == "a" { return token(.keywordA) }
            if word == "true" || word == "false" { return token(.literal) }
            let lower = word.lowercased()
            if lower == "prefix" || lower == "base" { return token(.directive(word)) }
            if let colon = word.firstIndex(of: ":") {
                return token(.pname(prefix: String(word[..<colon]), local: String(word[word.index(after: colon)...])))
            }
            return token(.other)
        }
    }

    private mutating func skipString(quote q: Unicode.Scalar) {
        let long = peek(1) == q && peek(2) == q
        if long {
            advance(); advance(); advance()
            while let d = peek() {
                if d == "\\" { advance(); if peek() != nil { advance() }; continue }
                if d == q && peek(1) == q && peek(2) == q {
                    advance(); advance(); advance()
                    // Up to two more quotes may end the string's content.
                    return
                }
                advance()
            }
        } else {
            advance()
            while let d = peek(), d != "\n" {
                if d == "\\" { advance(); if peek() != nil { advance() }; continue }
                advance()
                if d == q { return }
            }
        }
    }
}
