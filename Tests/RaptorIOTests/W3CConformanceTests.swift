import Foundation
import RDFModel
import Testing
@testable import RaptorIO

/// The W3C RDF 1.1 N-Triples and Turtle test suites, run through
/// `RaptorWorld.parse(file:syntax:baseIRI:_:)`: one test case per manifest entry.
///
/// Entries that Raptor 2.0.15 gets wrong are listed, with what Raptor does
/// wrong, in `W3C/known-issues.tsv`; they are expected to fail (`withKnownIssue`),
/// so a known issue that starts passing fails its test case and must be removed
/// from the table.
@Suite struct W3CConformanceTests {
    @Test("W3C N-Triples", arguments: try W3CSuite.cachedNTriples.get())
    func ntriples(_ entry: ManifestEntry) throws {
        try check(entry)
    }

    @Test("W3C Turtle", arguments: try W3CSuite.cachedTurtle.get())
    func turtle(_ entry: ManifestEntry) throws {
        try check(entry)
    }

    private func check(_ entry: ManifestEntry) throws {
        let outcome = W3CRunner.run(entry)
        if let reason = try RaptorKnownIssues.table.get()[entry.id] {
            withKnownIssue("\(reason)") {
                if case .fail(let why) = outcome { Issue.record("\(entry.name): \(why)") }
            }
        } else if case .fail(let why) = outcome {
            Issue.record("\(entry.id) (\(entry.kind.rawValue)): \(why)")
        }
    }

    /// Runs every entry of both suites and prints one line per suite for the CI log.
    @Test func summary() throws {
        let known = try RaptorKnownIssues.table.get()
        var allIDs: Set<String> = []
        for (suite, entries) in [(W3CSuite.ntriples, try W3CSuite.cachedNTriples.get()),
                                 (W3CSuite.turtle, try W3CSuite.cachedTurtle.get())] {
            var pass = 0, knownFailures = 0
            var unexpected: [String] = [], fixed: [String] = [], wrapperOnly: [String] = []
            for entry in entries {
                allIDs.insert(entry.id)
                let outcome = W3CRunner.run(entry)
                switch outcome {
                case .pass(let note):
                    pass += 1
                    if known[entry.id] != nil { fixed.append(entry.id) }
                    if note == .rejectedByTermCheck { wrapperOnly.append(entry.name) }
                case .fail:
                    if known[entry.id] != nil { knownFailures += 1 } else { unexpected.append(entry.id) }
                }
            }
            var line = "W3C \(suite.title): \(pass) of \(entries.count) pass (\(knownFailures) known Raptor issues)"
            if !unexpected.isEmpty { line += "; \(unexpected.count) unexpected failures: \(unexpected.joined(separator: ", "))" }
            if !fixed.isEmpty { line += "; \(fixed.count) known issues now pass: \(fixed.joined(separator: ", "))" }
            print(line)
            if !wrapperOnly.isEmpty {
                print("W3C \(suite.title): \(wrapperOnly.count) negative tests pass only because RaptorIO refuses a term Raptor accepted: \(wrapperOnly.joined(separator: ", "))")
            }
        }
        // Every row of the table must name a real entry, or it silently covers nothing.
        let stale = Set(known.keys).subtracting(allIDs).sorted()
        #expect(stale.isEmpty, "known-issues.tsv names entries that are in no manifest: \(stale)")
    }

    /// The manifests are read completely: every entry, with the right kinds.
    @Test func manifestsAreReadCompletely() throws {
        let nt = try W3CSuite.cachedNTriples.get()
        let ttl = try W3CSuite.cachedTurtle.get()
        #expect(nt.count == 70)
        #expect(ttl.count == 313)
        #expect(Set(nt.map(\.id)).count == nt.count && Set(ttl.map(\.id)).count == ttl.count)
        #expect(nt.allSatisfy { $0.syntax == .ntriples && ($0.kind == .positiveSyntax || $0.kind == .negativeSyntax) })
        #expect(ttl.filter { $0.kind == .eval }.count == 145)
        #expect(ttl.filter { $0.kind == .positiveSyntax }.count == 74)
        #expect(ttl.filter { $0.kind == .negativeSyntax }.count == 94)
        #expect(ttl.allSatisfy { ($0.kind == .eval) == ($0.resultPath != nil) })
        let subm01 = try #require(ttl.first { $0.name == "turtle-subm-01" })
        #expect(subm01.baseIRI == "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-turtle/turtle-subm-01.ttl")
        let first = try #require(nt.first)
        #expect(first.id == "rdf/rdf11/rdf-n-triples/manifest.ttl#nt-syntax-file-01")
        #expect(first.baseIRI == "http://www.w3.org/2013/N-TriplesTests/nt-syntax-file-01.nt")
    }
}

/// What running one entry gave.
enum Outcome: Sendable, Equatable {
    enum Note: Sendable, Equatable {
        /// A negative test passed because Raptor reported a syntax error.
        case syntaxError
        /// A negative test passed only because RaptorIO refused a term that
        /// Raptor returned (`RaptorError.unreadableTerm`), not through Raptor.
        case rejectedByTermCheck
        /// A negative test passed through some other error.
        case otherError
    }
    case pass(Note?)
    case fail(String)
}

/// The evaluators, one per kind of test.
enum W3CRunner {
    /// Runs one entry in a world of its own, made and freed under ``RaptorLifetime``.
    static func run(_ entry: ManifestEntry) -> Outcome {
        RaptorLifetime.serialized { runAlone(entry) }
    }

    private static func runAlone(_ entry: ManifestEntry) -> Outcome {
        let world: RaptorWorld
        do { world = try RaptorWorld() } catch { return .fail("no Raptor world: \(error)") }
        switch entry.kind {
        case .positiveSyntax:
            do {
                _ = try parse(world, entry.actionPath, entry.syntax, entry.baseIRI)
                return .pass(nil)
            } catch {
                return .fail("a valid input was rejected: \(describe(error))")
            }
        case .negativeSyntax, .negativeEval:
            do {
                let triples = try parse(world, entry.actionPath, entry.syntax, entry.baseIRI)
                return .fail("an invalid input was accepted, giving \(triples.count) triples\(listing(triples))")
            } catch is RDFSyntaxError {
                return .pass(.syntaxError)
            } catch RaptorError.unreadableTerm {
                return .pass(.rejectedByTermCheck)
            } catch {
                return .pass(.otherError)
            }
        case .eval:
            let actual: [Triple], expected: [Triple]
            do {
                actual = try parse(world, entry.actionPath, entry.syntax, entry.baseIRI)
            } catch {
                return .fail("a valid input was rejected: \(describe(error))")
            }
            guard let resultPath = entry.resultPath else { return .fail("the manifest gives no mf:result") }
            do {
                expected = try parse(world, resultPath, .ntriples, entry.baseIRI)
            } catch {
                return .fail("the expected result could not be read: \(describe(error))")
            }
            if isIsomorphic(actual, expected) { return .pass(nil) }
            return .fail(difference(actual: actual, expected: expected))
        }
    }

    static func parse(_ world: RaptorWorld, _ path: String, _ syntax: RDFSyntax, _ base: String) throws -> [Triple] {
        var triples: [Triple] = []
        try world.parse(file: path, syntax: syntax, baseIRI: base) { triples.append($0.triple) }
        return triples
    }

    /// An error without the bundle's long directory names.
    static func describe(_ error: any Error) -> String {
        var text = String(describing: error)
        if let root = try? W3CSuite.root().path { text = text.replacingOccurrences(of: root + "/", with: "") }
        return text
    }

    static func listing(_ triples: [Triple], limit: Int = 8) -> String {
        guard !triples.isEmpty else { return "" }
        let lines = triples.prefix(limit).map { "\n    " + $0.description }.joined()
        return ":" + lines + (triples.count > limit ? "\n    ..." : "")
    }

    /// What differs, for the failure message: triples without blank nodes that
    /// are only on one side, then both graphs in full when they are small.
    static func difference(actual: [Triple], expected: [Triple]) -> String {
        func ground(_ ts: [Triple]) -> Set<Triple> {
            Set(ts.filter { t in
                if case .blank = t.subject { return false }
                if case .blank = t.object { return false }
                return true
            })
        }
        let extra = ground(actual).subtracting(ground(expected)).sorted()
        let missing = ground(expected).subtracting(ground(actual)).sorted()
        var text = "the graph is not isomorphic to the expected one (\(Set(actual).count) triples, expected \(Set(expected).count))"
        if !extra.isEmpty { text += "; not expected" + listing(extra) }
        if !missing.isEmpty { text += "\n  missing" + listing(missing) }
        if extra.isEmpty && missing.isEmpty {
            text += "; parsed" + listing(actual.sorted(), limit: 20) + "\n  expected" + listing(expected.sorted(), limit: 20)
        }
        return text
    }
}
