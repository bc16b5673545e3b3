import Foundation
import RDFModel
import RaptorIO
import Testing
@testable import Lookup

/// A damaged graph.idx is detected and rebuilt, never trusted; a file called graph.idx that is not an index is never overwritten.
@Suite struct IndexCorruptionTests {
    /// SplitMix64: a small seeded generator, so every run damages the same bytes.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let queries = ["Varga", "Port Sela", "Zzqxv Nothing"]

    /// What a lookup answers, for comparing: exit status and the JSON output.
    static func answer(_ query: String, graph: String) throws -> String {
        let outcome = try lookup(query, graph: graph, format: .json, writeIndex: false)
        return "\(outcome.exitCode)\n\(outcome.output)"
    }

    @Test func randomlyDamagedIndexesAreDetectedAndGiveTheAnswersOfTheIntactIndex() throws {
        let graph = try LookupGraphs.fixture()
        let folder = URL(fileURLWithPath: graph).deletingLastPathComponent().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = LookupIndex.path(for: graph)
        try LookupIndex.write(for: graph)
        let intact = try [UInt8](Data(contentsOf: URL(fileURLWithPath: index)))
        let expected = try Self.queries.map { try Self.answer($0, graph: graph) }
        let expectedMessages = try Self.queries.map { try lookup($0, graph: graph, format: .json, writeIndex: false).messages }
        #expect(try lookup("Varga", graph: graph).indexUse == .used(index))

        var random = SplitMix(state: 17_003)
        let started = Date()
        for mutation in 0..<300 {
            var damaged = intact
            for _ in 0..<(1 + random.below(4)) {
                damaged[random.below(damaged.count)] ^= UInt8(1 + random.below(255))
            }
            guard damaged != intact else { continue }
            // The reader itself refuses it (in process, no crash) ...
            #expect(throws: (any Error).self, "mutation \(mutation) was accepted") { try IndexReader(store: ByteStore(copying: damaged)) }
            // ... and a lookup through the damaged file rebuilds the index and answers as the intact one does.
            try Data(damaged).write(to: URL(fileURLWithPath: index))
            let q = mutation % Self.queries.count
            let outcome = try lookup(Self.queries[q], graph: graph, format: .json, writeIndex: false)
            #expect("\(outcome.exitCode)\n\(outcome.output)" == expected[q], "mutation \(mutation)")
            guard case .rebuilt(_, .unusable, false) = outcome.indexUse else {
                Issue.record("mutation \(mutation): the damaged index was used: \(outcome.indexUse)"); continue
            }
            // One line more than the intact index gives: that it was rebuilt, and why.
            #expect(outcome.messages.count == expectedMessages[q].count + 1, "mutation \(mutation): \(outcome.messages)")
            #expect(outcome.messages.first?.contains("cannot be used") == true, "mutation \(mutation): \(outcome.messages)")
            #expect(Array(outcome.messages.dropFirst()) == expectedMessages[q], "mutation \(mutation)")
        }
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test func aDamagedIndexIsRebuiltWithAOneLineWarningAndWrittenAgain() throws {
        let graph = try LookupGraphs.fixture()
        let folder = URL(fileURLWithPath: graph).deletingLastPathComponent().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = try LookupIndex.write(for: graph)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: index)))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: index))
        let outcome = try lookup("Varga", graph: graph)
        guard case .rebuilt(_, .unusable(let why), true) = outcome.indexUse else { Issue.record("not rebuilt: \(outcome.indexUse)"); return }
        #expect(why.contains("damaged"))
        #expect(outcome.messages.count == 1)
        #expect(outcome.messages.first?.contains("wrote \(index)") == true)
        #expect(!(outcome.messages.first ?? "\n").contains("\n"))
        #expect(LookupIndex.state(for: graph) == .fresh)
    }

    /// An index whose checksum is right but whose tables point outside the file (made on purpose, or by a bug) is refused too.
    @Test func offsetsAndCountsAreCheckedAgainstTheFileEvenWithAGoodChecksum() throws {
        let graph = try LookupGraphs.fixture()
        let folder = URL(fileURLWithPath: graph).deletingLastPathComponent().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = try LookupIndex.write(for: graph)
        let intact = try [UInt8](Data(contentsOf: URL(fileURLWithPath: index)))
        #expect(throws: Never.self) { try IndexReader(store: ByteStore(copying: intact)) }
        func put64(_ v: UInt64, at: Int, _ b: inout [UInt8]) { for i in 0..<8 { b[at + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(i))) } }
        func put32(_ v: UInt32, at: Int, _ b: inout [UInt8]) { for i in 0..<4 { b[at + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(i))) } }
        let termsOffset = Int(intact[72]) | Int(intact[73]) << 8 | Int(intact[74]) << 16
        let hostile: [(String, (inout [UInt8]) -> Void)] = [
            ("a term count past the end", { put32(UInt32.max, at: 56, &$0) }),
            ("a section offset near 2^64", { put64(UInt64.max - 3, at: 72, &$0) }),
            ("a section offset past Int.max", { put64(1 << 63, at: 104, &$0) }),
            ("a string of a term past the pool", { put32(UInt32.max - 1, at: termsOffset, &$0) }),
            ("a term's class id past the terms", { put32(UInt32.max - 1, at: termsOffset + 28, &$0) }),
            ("a term's edges past the edge table", { put32(UInt32.max, at: termsOffset + 44, &$0) }),
            ("a block past the graph", { put64(UInt64.max, at: termsOffset + 8, &$0) }),
        ]
        for (what, damage) in hostile {
            var bytes = intact
            damage(&bytes)
            let sum = bytes.withUnsafeBytes { IndexFormat.checksum(of: $0) }
            put64(sum, at: IndexFormat.checksumOffset, &bytes)
            #expect(throws: IndexProblem.self, "\(what) was accepted") { try IndexReader(store: ByteStore(copying: bytes)) }
        }
    }

    @Test func aFileNamedGraphIdxThatIsNotAnIndexIsNeverOverwritten() throws {
        let graph = try LookupGraphs.fixture()
        let folder = URL(fileURLWithPath: graph).deletingLastPathComponent().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = LookupIndex.path(for: graph)
        let mine = Data("my own notes, not an index\n".utf8)
        try mine.write(to: URL(fileURLWithPath: index))
        let expected = try lookup("Varga", graph: graph, useIndex: false)
        for _ in 0..<2 {
            let outcome = try lookup("Varga", graph: graph)
            #expect(outcome.output == expected.output)
            #expect(outcome.exitCode == 0)
            guard case .rebuilt(_, .unusable, false) = outcome.indexUse else { Issue.record("wrote or used it: \(outcome.indexUse)"); return }
            #expect(outcome.messages.count == 1 && outcome.messages[0].contains("left alone"), "\(outcome.messages)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == mine)
        }
        // An index (even a damaged one or one of another version) is still replaced.
        try Data("NGLKIDX\n\u{1}\0\0\0 old".utf8).write(to: URL(fileURLWithPath: index))
        guard case .rebuilt(_, .unusable, true) = try lookup("Varga", graph: graph).indexUse else { Issue.record("an old index was not replaced"); return }
        #expect(LookupIndex.state(for: graph) == .fresh)
    }
}
