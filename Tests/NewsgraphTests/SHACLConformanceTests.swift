import Foundation
import Build
import Extraction
import SHACL
import Validation
import Lookup
import Load
import RDFModel
import Testing

/// The W3C SHACL Core test suite, run from its manifests: one test case per
/// `sht:Validate` entry, and a summary that prints the pass count.
@Suite struct SHACLConformanceTests {
    @Test func manifestsListTheWholeCoreSuite() throws {
        let entries = try SHACLSuite.cached.get()
        #expect(entries.count == 98, "the core suite has 98 tests")
        #expect(Set(entries.map(\.id)).count == entries.count, "entry ids are unique")
        let known = try SHACLSuite.knownIssues.get()
        for id in known.keys { #expect(entries.contains { $0.id == id }, "known-issues.tsv names \(id), which is not an entry") }
    }

    @Test(arguments: SHACLSuite.all)
    func entry(_ entry: SHACLTestEntry) throws {
        let outcome = try SHACLSuite.run(entry)
        if let reason = (try SHACLSuite.knownIssues.get())[entry.id] {
            withKnownIssue(Comment(rawValue: reason)) {
                #expect(outcome.passed, Comment(rawValue: outcome.explanation))
            }
        } else {
            #expect(outcome.passed, Comment(rawValue: outcome.explanation))
        }
    }

    @Test func summary() throws {
        let entries = try SHACLSuite.cached.get()
        let known = try SHACLSuite.knownIssues.get()
        var passed = 0
        var failedUnexpectedly: [String] = []
        for entry in entries {
            let outcome = try SHACLSuite.run(entry)
            if outcome.passed {
                passed += 1
            } else if known[entry.id] == nil {
                failedUnexpectedly.append(outcome.explanation)
            }
        }
        print("W3C SHACL Core: \(passed) of \(entries.count) pass")
        #expect(passed >= 95, "the issue asks for at least 95 of 98")
        #expect(failedUnexpectedly.isEmpty, Comment(rawValue: failedUnexpectedly.joined(separator: "\n")))
        #expect(passed + known.count == entries.count, "known-issues.tsv lists exactly the failing entries")
    }
}
