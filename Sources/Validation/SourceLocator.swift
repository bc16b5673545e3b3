import Foundation
import RDFModel
import SHACL
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
    public init(text: String, file: String, baseIRI: String, blankLabel: @escaping (String) -> String = SourceLocator.raptorLabel) {
        self.file = file
        var scanner = TurtleScanner(text: text)
        var follower = StatementFollower(base: baseIRI, blankLabel: blankLabel)
        while let token = scanner.next() { follower.take(token) }
        subjectLines = follower.subjectLines
        pairLines = follower.pairLines
    }

    /// Follows the top-level statements through the tokens, recording where each subject and (subject, predicate) first occurs.
    private struct StatementFollower {
        var subjectLines: [Term: Int] = [:]
        var pairLines: [Pair: Int] = [:]
        private var base: String
        private let blankLabel: (String) -> String
        private var prefixes: [String: String] = [:]
        private var depth = 0
        private enum State { case subject, predicate, object, directive }
        private var state = State.subject
        private var subject: Term?
        private var pendingDirective: [TurtleToken] = []

        init(base: String, blankLabel: @escaping (String) -> String) {
            self.base = base
            self.blankLabel = blankLabel
        }

        mutating func take(_ token: TurtleToken) {
            if state == .directive {
                directive(token)
            } else if !nesting(token), depth == 0 {
                topLevel(token)
            }
        }

        private func resolve(_ relative: String) -> String {
            if relative.isEmpty { return base }
            if relative.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil { return relative }
            return URL(string: relative, relativeTo: URL(string: base))?.absoluteString ?? relative
        }

        private func term(_ token: TurtleToken) -> Term? {
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

        /// The next token of `@prefix p: <iri> .`, `PREFIX p: <iri>`, `@base <iri> .` or `BASE <iri>`.
        private mutating func directive(_ token: TurtleToken) {
            pendingDirective.append(token)
            let d = pendingDirective
            guard case .directive(let name) = d[0].kind else { return }
            let sparqlStyle = !name.hasPrefix("@")
            let isPrefix = name.lowercased().hasSuffix("prefix")
            let needed = (isPrefix ? 3 : 2) + (sparqlStyle ? 0 : 1)
            guard d.count == needed || token.kind == .dot else { return }
            if isPrefix, d.count >= 3, case .pname(let p, let local) = d[1].kind, local.isEmpty, case .iri(let ns) = d[2].kind {
                prefixes[p] = resolve(ns)
            } else if !isPrefix, d.count >= 2, case .iri(let b) = d[1].kind {
                base = resolve(b)
            }
            pendingDirective = []
            state = .subject
        }

        /// Brackets and parentheses: what is inside names no subject. Returns whether `token` was one.
        private mutating func nesting(_ token: TurtleToken) -> Bool {
            switch token.kind {
            case .openBracket, .openParen:
                depth += 1
                if depth == 1 && state == .subject { subject = nil }
                return true
            case .closeBracket, .closeParen:
                depth = max(0, depth - 1)
                if depth == 0 && state == .subject { state = .predicate }
                return true
            default:
                return false
            }
        }

        /// A token outside any brackets: punctuation moves between subject, predicate and object.
        private mutating func topLevel(_ token: TurtleToken) {
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
