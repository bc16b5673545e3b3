import Foundation
import RDFModel
import RaptorIO
import Testing
@testable import Build
@testable import Extraction
@testable import SHACL
@testable import Validation
@testable import Lookup
@testable import Load

@Suite struct LookupIndexTests {
    @Test func theIndexIsWrittenThenUsedAndAStaleOrDamagedIndexIsRebuilt() throws {
        let graph = try LookupGraphs.fixture()
        let folder = URL(fileURLWithPath: graph).deletingLastPathComponent().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = folder + "/graph.idx"
        #expect(LookupIndex.path(for: graph) == index)
        #expect(LookupIndex.state(for: graph) == .missing)

        let first = try lookup("Varga", graph: graph)
        #expect(first.indexUse == .rebuilt(path: index, because: .missing, written: true))
        #expect(first.messages.contains { $0.contains("there is no index") && $0.contains("wrote \(index)") })
        #expect(FileManager.default.fileExists(atPath: index))

        let second = try lookup("Varga", graph: graph)
        #expect(second.indexUse == .used(index))
        #expect(second.messages.isEmpty)
        #expect(second.output == first.output)

        // The same bytes with another date (a copy, a checkout): the checksum shows it is the same graph.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)], ofItemAtPath: graph)
        #expect(LookupIndex.state(for: graph) == .fresh)
        #expect(try lookup("Varga", graph: graph).indexUse == .used(index))

        // Same size, other content: stale.
        let original = try String(contentsOfFile: graph, encoding: .utf8)
        try original.replacingOccurrences(of: "Port Sela", with: "Port Selb").write(toFile: graph, atomically: true, encoding: .utf8)
        guard case .stale(let why) = LookupIndex.state(for: graph) else { Issue.record("a changed graph is not stale"); return }
        #expect(why.contains("content changed"))
        let changed = try lookup("Port Selb", graph: graph)
        #expect(changed.report?.entity.label == "Port Selb")
        guard case .rebuilt(_, .stale, true) = changed.indexUse else { Issue.record("not rebuilt: \(changed.indexUse)"); return }
        #expect(changed.messages.first?.contains("is stale") == true)

        // A new triple: another size.
        try (original + "<https://w3id.org/newsgraph/id/person/mira-holt> <\(RDFS.label.value)> \"Mira Holt\" .\n")
            .write(toFile: graph, atomically: true, encoding: .utf8)
        guard case .stale(let bigger) = LookupIndex.state(for: graph) else { Issue.record("a longer graph is not stale"); return }
        #expect(bigger.contains("bytes"))
        #expect(try lookup("Mira Holt", graph: graph).report?.entity.label == "Mira Holt")
        #expect(LookupIndex.state(for: graph) == .fresh)

        // A damaged index is rebuilt too.
        try Data("NGLKIDX\n garbage".utf8).write(to: URL(fileURLWithPath: index))
        guard case .unusable = LookupIndex.state(for: graph) else { Issue.record("a damaged index is usable"); return }
        guard case .rebuilt(_, .unusable, true) = try lookup("Varga", graph: graph).indexUse else { Issue.record("not rebuilt"); return }
    }

    @Test func theIndexedAnswerIsTheAnswerFromTheWholeGraph() throws {
        let graph = try LookupGraphs.seeds.get()
        for query in ["Lukashenko", "China", "Belarus", "SCO", "Beijing", "Belt and Road Initiative", "Putin"] {
            let indexed = try lookup(query, graph: graph, format: .json, evidence: true)
            let whole = try lookup(query, graph: graph, format: .json, evidence: true, useIndex: false)
            #expect(indexed.indexUse == .used(LookupIndex.path(for: graph)))
            guard case .memory = whole.indexUse else { Issue.record("--no-index read an index"); continue }
            #expect(indexed.output == whole.output, "\(query)")
        }
    }

    @Test func turtleAndUngroupedGraphsAreReadWholeAndSaySo() throws {
        let graph = try LookupGraphs.fixture()
        let folder = URL(fileURLWithPath: graph).deletingLastPathComponent().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expected = try lookup("Varga", graph: graph, format: .json, writeIndex: false).report?.events.items.map(\.iri)

        let turtle = try lookup("Varga", graph: LookupGraphs.snapshots + "/lookup-fixture.ttl")
        #expect(turtle.report?.events.items.map(\.iri) == expected)
        #expect(turtle.messages.contains { $0.contains("only for N-Triples") })

        // Lines shuffled: a subject's triples are no longer together.
        let lines = try String(contentsOfFile: graph, encoding: .utf8).split(separator: "\n")
        let shuffled = lines.enumerated().sorted { ($0.offset * 7919) % lines.count < ($1.offset * 7919) % lines.count }.map(\.element)
        try (shuffled.joined(separator: "\n") + "\n").write(toFile: folder + "/shuffled.nt", atomically: true, encoding: .utf8)
        let ungrouped = try lookup("Varga", graph: folder + "/shuffled.nt")
        #expect(ungrouped.report?.events.items.map(\.iri) == expected)
        #expect(ungrouped.messages.contains { $0.contains("not grouped by subject") })
        #expect(!FileManager.default.fileExists(atPath: folder + "/shuffled.idx"))
    }

    @Test func buildIndexesTheLinesItWroteAsIndexingTheFileDoes() throws {
        let out = try temporaryFolder("lookup-recorded")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try Builder.build(BuildOptions(corpora: [repositoryRoot + "/seeds"], outputFolder: out,
                                           ontologyFolder: repositoryRoot + "/ontology"))
        let recorded = try Data(contentsOf: URL(fileURLWithPath: out + "/graph.idx"))
        #expect(LookupIndex.state(for: out + "/graph.nt") == .fresh)
        try LookupIndex.write(for: out + "/graph.nt")
        let fromDisk = try Data(contentsOf: URL(fileURLWithPath: out + "/graph.idx"))
        #expect(recorded == fromDisk, "the index build makes from the triples is the one made by parsing graph.nt")
    }

    @Test func recordedIndexRefusesAFileThatIsNotTheRecordedLines() throws {
        let out = try temporaryFolder("lookup-recorder")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let line = "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"
        try Data((line + line).utf8).write(to: URL(fileURLWithPath: out + "/graph.nt"))
        var recorder = LookupIndexRecorder()
        recorder.record(Triple(IRI(constant: "http://example.org/a"), IRI(constant: "http://example.org/p"),
                               .iri(IRI(constant: "http://example.org/b"))), line: Array(line.utf8))
        #expect(throws: LookupError.self) { try recorder.write(for: out + "/graph.nt") }
        #expect(!FileManager.default.fileExists(atPath: out + "/graph.idx"))
    }

    @Test func runningChecksumIsTheChecksumOfTheWhole() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 31, 32, 33, 64, 100, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let whole = bytes.withUnsafeBytes { Checksum.of($0) }
            for piece in [1, 3, 8, 13, 32, 50] {
                var running = Checksum.Running()
                var i = 0
                while i < bytes.count {
                    running.add(Array(bytes[i..<min(i + piece, bytes.count)]))
                    i += piece
                }
                #expect(running.value == whole, "\(length) bytes in pieces of \(piece)")
            }
        }
    }

    @Test func subjectBlocksFollowTheLines() {
        let text = "# comment\n<a> <p> <b> .\n<a> <q> \"x y\" .\n\n<b> <p> <a> .\n<c> <p> <a> .\n<b> <q> <c> ."
        var bytes = Array(text.utf8)
        let blocks = bytes.withUnsafeMutableBytes { IndexBuilder.subjectBlocks(UnsafeRawBufferPointer($0)) }
        #expect(blocks.map(\.lines) == [2, 1, 1, 1])
        #expect(blocks.map(\.offset) == [10, 41, 55, 69])
        #expect(blocks[0].length == 30, "blank lines after a block are not in it")
        #expect(blocks[3].length == 13, "the last line has no newline")
    }
}
