import Foundation
import RDFModel
import RaptorIO
import Testing
@testable import Build
@testable import Assembly
@testable import Corpus
@testable import Extraction
@testable import Language
@testable import SHACL
@testable import Validation
@testable import Lookup
@testable import Load

/// The repository's root, from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

func temporaryFolder(_ name: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ng-\(name)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func options(corpora: [String], out: String) -> BuildOptions {
    BuildOptions(corpora: corpora, outputFolder: out, ontologyFolder: repositoryRoot + "/ontology")
}

@Suite struct BuildTests {
    /// The committed out/ is what a fresh build of seeds/ writes, byte for byte:
    /// this catches both non-determinism and a stale out/.
    @Test func committedOutputIsCurrent() throws {
        let out = try temporaryFolder("fresh")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try Builder.build(options(corpora: [repositoryRoot + "/seeds"], out: out))
        for name in ["graph.ttl", "graph.nt", "graph.nq"] {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            let committed = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/out/" + name))
            #expect(fresh == committed, "out/\(name) is not what `make run` builds now: run `make run` and commit out/")
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let a = try temporaryFolder("a"), b = try temporaryFolder("b")
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        _ = try Builder.build(options(corpora: [repositoryRoot + "/seeds"], out: a))
        _ = try Builder.build(options(corpora: [repositoryRoot + "/seeds"], out: b))
        for name in ["graph.ttl", "graph.nt"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: a + "/" + name)) == Data(contentsOf: URL(fileURLWithPath: b + "/" + name)))
        }
    }

    /// Raptor writes shared rdf:Lists invalidly; the graph never holds a list (nor a blank node).
    @Test func theGraphHoldsNoListsAndNoBlankNodes() throws {
        let world = try RaptorWorld()
        var triples: [Triple] = []
        try world.parse(file: repositoryRoot + "/out/graph.nt") { triples.append($0.triple) }
        #expect(!triples.isEmpty)
        #expect(!triples.contains { $0.predicate == IRI(constant: RDF.ns + "first") || $0.predicate == IRI(constant: RDF.ns + "rest") })
        #expect(!triples.contains { if case .blank = $0.subject { return true }; if case .blank = $0.object { return true }; return false })
    }

    @Test func turtleAndNTriplesHoldTheSameTriples() throws {
        let out = try temporaryFolder("same")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = try Builder.build(options(corpora: [repositoryRoot + "/seeds"], out: out))
        let world = try RaptorWorld()
        var ttl = Set<Triple>(), nt = Set<Triple>()
        try world.parse(file: out + "/graph.ttl") { ttl.insert($0.triple) }
        try world.parse(file: out + "/graph.nt") { nt.insert($0.triple) }
        #expect(ttl == nt)
        #expect(nt.count == report.triplesWritten)
        #expect(report.documentsRead == 5)
    }

    /// graph.nq holds the same triples, each in the named graph of every document it comes from.
    @Test func nQuadsHoldTheSameFactsInOneGraphPerDocument() throws {
        let out = try temporaryFolder("nq")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try Builder.build(options(corpora: [repositoryRoot + "/seeds"], out: out))
        let world = try RaptorWorld()
        var nt = Set<Triple>(), nq: [Quad] = []
        try world.parse(file: out + "/graph.nt") { nt.insert($0.triple) }
        try world.parse(file: out + "/graph.nq") { nq.append($0) }
        #expect(Set(nq.map(\.triple)) == nt)
        let documents = Set(nt.filter { $0.predicate == RDF.type && $0.object == .iri(NG.Document) }.compactMap(\.subject.iri))
        #expect(Set(nq.compactMap(\.graph)) == documents)
        #expect(documents.count == 5)
        // Evidence stays with its own document.
        for q in nq where q.triple.predicate == PROV.wasDerivedFrom {
            #expect(q.triple.object == .iri(q.graph!))
        }
        for d in documents {
            #expect(nq.contains { $0.graph == d && $0.triple.subject == .iri(d) && $0.triple.predicate == NG.sha256 })
        }
    }

    @Test func badFilesAreReportedAndTheRestIsBuilt() throws {
        let corpus = try temporaryFolder("bad")
        let out = try temporaryFolder("bad-out")
        defer { try? FileManager.default.removeItem(atPath: corpus); try? FileManager.default.removeItem(atPath: out) }
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: corpus + "/" + name))
        }
        try write("good.txt", Array("A Title\n\nThe ministers met in the capital on Monday.\n".utf8))
        try write("latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x0A])                 // "Café" in Latin-1
        try write("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02])      // a PNG header
        try write("empty.txt", [])
        try write("blank.md", Array("  \n\t\n".utf8))
        try write("copy.txt", Array("A Title\n\nThe ministers met in the capital on Monday.\n".utf8))
        try write("unreadable.txt", Array("secret".utf8))
        chmod(corpus + "/unreadable.txt", 0)
        let canReadAnyway = FileManager.default.isReadableFile(atPath: corpus + "/unreadable.txt")  // root reads all

        let report = try Builder.build(options(corpora: [corpus, corpus + "/missing-folder"], out: out))
        #expect(report.documentsRead == (canReadAnyway ? 2 : 1))
        let byReason = Dictionary(grouping: report.skipped, by: \.reason)
        #expect(byReason[.notUTF8]?.map(\.path) == [corpus + "/latin1.txt"])
        #expect(byReason[.notUTF8]?.first?.detail.contains("offset 3") == true)
        #expect(byReason[.binary]?.map(\.path) == [corpus + "/binary.txt"])
        #expect(Set(byReason[.empty]?.map(\.path) ?? []) == [corpus + "/empty.txt", corpus + "/blank.md"])
        #expect(byReason[.duplicate]?.count == 1)
        #expect(byReason[.missing]?.map(\.path) == [corpus + "/missing-folder"])
        if !canReadAnyway { #expect(byReason[.unreadable]?.map(\.path) == [corpus + "/unreadable.txt"]) }
        #expect(FileManager.default.fileExists(atPath: out + "/graph.ttl"))
    }

    @Test func nothingToBuildIsAnErrorNamingEachFile() throws {
        let corpus = try temporaryFolder("none")
        defer { try? FileManager.default.removeItem(atPath: corpus) }
        try Data().write(to: URL(fileURLWithPath: corpus + "/empty.txt"))
        do {
            _ = try Builder.build(options(corpora: [corpus], out: corpus + "/out"))
            Issue.record("an empty corpus built")
        } catch {
            guard case .nothingToBuild(let skipped) = error else { Issue.record("wrong error \(error)"); return }
            #expect(skipped.map(\.reason) == [.empty])
            #expect(error.description.contains("empty.txt"))
            #expect(!FileManager.default.fileExists(atPath: corpus + "/out/graph.ttl"))
        }
    }

    @Test func whatViolatesTheOntologyIsRejectedWithTheReasonAndNotWritten() throws {
        let world = try RaptorWorld()
        let ontology = try Ontology.load(from: repositoryRoot + "/ontology", world: world)
        let validator = try Validator(ontology: ontology)
        let s = IRI(constant: "https://w3id.org/newsgraph/id/country/x")
        let good = [Triple(s, RDF.type, NG.Country), Triple(s, RDFS.label, .literal(Literal("X")))]
        let typo = Triple(s, NG.term("memberof"), .iri(s))
        let split = validator.partition(good + [typo])
        #expect(Set(split.accepted) == Set(good))
        #expect(split.rejected.map(\.triple) == [typo])
        #expect(split.rejected.first?.reason.contains("did you mean ng:memberOf?") == true)
    }
}

@Suite struct MintingTests {
    @Test func slugsAreStableAndSafe() throws {
        #expect(IRIMinter.slug("Cemal Ege Özkan") == "cemal-ege-ozkan")
        #expect(IRIMinter.slug("  Côte d’Ivoire ") == "cote-divoire")
        #expect(IRIMinter.slug("São Tomé & Príncipe") == "sao-tome-principe")
        #expect(IRIMinter.slug("Владимир Путин") == "vladimir-putin")
        #expect(IRIMinter.slug("!!!") == "unnamed")
        let minter = try IRIMinter(base: "https://example.org/id/")
        #expect(minter.entity(kind: "person", name: "Ana María Pérez").value == "https://example.org/id/person/ana-maria-perez")
        #expect(minter.node(kind: "event", key: "k") == minter.node(kind: "event", key: "k"))
        #expect(minter.node(kind: "event", key: "k") != minter.node(kind: "event", key: "l"))
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(ContentHash.sha256(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentHash.sha256(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(ContentHash.sha256(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

/// Noncharacters in an article once cut Turtle literals short while the build said all was well.
@Suite struct NoncharacterTests {
    @Test(arguments: [0xFFFF, 0xFFFE, 0xFDD0, 0x10FFFF] as [UInt32])
    func everyOutputHoldsEveryTripleWhenAnArticleHoldsANoncharacter(_ value: UInt32) throws {
        let noncharacter = String(Character(try #require(Unicode.Scalar(value))))
        let corpus = try temporaryFolder("nonchar-corpus")
        try "Chile and Peru signed an agreement in Lima on 4 May 2021 \(noncharacter) after talks.\nNext line.\n"
            .write(toFile: corpus + "/a.txt", atomically: true, encoding: .utf8)
        let out = try temporaryFolder("nonchar-out")
        let report = try Builder.build(options(corpora: [corpus], out: out))
        let world = try RaptorWorld()
        var counts: [String: Int] = [:]
        var evidence: [String] = []
        for name in ["graph.ttl", "graph.nt"] {
            var n = 0
            try world.parse(file: out + "/" + name) { q in
                n += 1
                if name == "graph.ttl", q.triple.predicate == NG.evidence, case .literal(let l) = q.triple.object { evidence.append(l.lexicalForm) }
            }
            counts[name] = n
        }
        #expect(counts["graph.ttl"] == report.triplesWritten)
        #expect(counts["graph.nt"] == report.triplesWritten)
        #expect(evidence.contains { $0.contains("\u{FFFD} after talks.") })
    }
}
