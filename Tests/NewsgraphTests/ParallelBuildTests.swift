import Foundation
import Testing
@testable import Build

/// `--jobs`: documents are prepared and read on several threads, and the files are the same bytes
/// as with one.
@Suite struct ParallelBuildTests {
    @Test func anyNumberOfJobsWritesTheSameBytes() throws {
        let corpora = [repositoryRoot + "/seeds", repositoryRoot + "/Tests/Unseen/articles"]
        var outputs: [[Data]] = []
        for jobs in [1, 2, 5] {
            let out = try temporaryFolder("jobs-\(jobs)")
            var o = options(corpora: corpora, out: out)
            o.jobs = jobs
            let report = try Builder.build(o)
            #expect(report.documentsRead == 12)
            outputs.append(try ["graph.ttl", "graph.nt", "graph.nq"].map { try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) })
        }
        #expect(outputs[0].allSatisfy { !$0.isEmpty })
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
    }

    @Test func parallelMapKeepsTheItemsOrder() {
        let items = Array(0..<1_000)
        #expect(parallelMap(items, jobs: 4) { $0 * 3 } == items.map { $0 * 3 })
        #expect(parallelMap([Int](), jobs: 4) { $0 }.isEmpty)
    }
}
