import Foundation
import RDFModel
import RaptorIO
import Testing
@testable import Build
@testable import Corpus
@testable import Extraction
@testable import Language

/// Inputs a hostile or careless user gives (issue 17): run-on lines, odd file names, links, FIFOs,
/// byte-order marks, bad base IRIs, links planted where outputs go. Each test failed before its fix.
@Suite(.serialized) struct HostileInputTests {
    static let lexicon = ExtractionTests.lexicon

    // MARK: Long sentences

    @Test func aRunOnSentenceIsReadInPiecesThatKeepEveryWordAndAreReported() {
        let clause = "officials from Kenya and Ethiopia met in Nairobi on 3 May 2023 to discuss trade"
        let sentence = (0..<150).map { _ in clause }.joined(separator: ", ") + "."
        let x = Extractor(lexicon: Self.lexicon)
        let d = x.prepare("Long\n\n" + sentence + "\n", document: ExtractionTests.docIRI)
        #expect(d.longSentences.count == 1)
        let long = d.longSentences[0]
        #expect(long.line == 3 && long.tokens > 2_000)
        #expect(long.pieces == d.sentences.count - 1 && long.pieces >= long.tokens / Extractor.maxSentenceTokens)
        #expect(d.tokens.allSatisfy { $0.count <= Extractor.maxSentenceTokens })
        // Nothing is lost: the pieces hold every word of the sentence, in order.
        let words = d.sentences.dropFirst().flatMap { $0.split(separator: " ") }
        #expect(words == sentence.split(separator: " "))
        // Cut at commas: every piece but the last ends a clause.
        #expect(d.sentences.dropFirst().dropLast().allSatisfy { $0.hasSuffix(",") })
        // And the pieces are read: the meetings of the clauses are found.
        let facts = ExtractionTests.extract(["Long\n\n" + sentence + "\n"]).facts[0]
        #expect(facts.events.contains { $0.cls == "Meeting" && Set($0.everyone.map(\.name)).isSuperset(of: ["Kenya", "Ethiopia"]) })
    }

    @Test func aClauseLongerThanAPieceIsCutBetweenWords() {
        let words = (0..<400).map { "w\($0)" }
        let pieces = SentenceSplitter.pieces(words.joined(separator: " "), maxTokens: 150)
        #expect(pieces.count == 3)
        #expect(pieces.map { $0.split(separator: " ").count } == [150, 150, 100])
        #expect(pieces.flatMap { $0.split(separator: " ").map(String.init) } == words)
        // A sentence within the limit is one piece, as written.
        #expect(SentenceSplitter.pieces("A short one, with a comma.", maxTokens: 150) == ["A short one, with a comma."])
    }

    @Test func theBuildNamesTheLongSentenceItReadInPieces() throws {
        let corpus = try temporaryFolder("long"), out = try temporaryFolder("long-out")
        let line = (0..<1_000).map { _ in "trade rose" }.joined(separator: " and ") + "."
        try ("Title: Long\n\n" + line + "\n").write(toFile: corpus + "/a.txt", atomically: true, encoding: .utf8)
        let r = try CLI.run(["build", corpus, "--out", out, "--quiet"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("a.txt line 3: a sentence of 3000 tokens was read in 20 pieces of at most 150 tokens"))
    }

    // MARK: Corpus folders

    @Test func linksAreFollowedAndEveryEntryNotReadIsNamed() throws {
        let root = try temporaryFolder("walk")
        let corpus = root + "/c", real = root + "/real"
        let fm = FileManager.default
        try fm.createDirectory(atPath: corpus + "/sub", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: real, withIntermediateDirectories: true)
        func article(_ n: Int) -> String { "Title: A\(n)\n\nChile and Peru signed accord number \(n) on 4 May 2023.\n" }
        try article(1).write(toFile: corpus + "/plain.txt", atomically: true, encoding: .utf8)
        try article(2).write(toFile: real + "/linked.txt", atomically: true, encoding: .utf8)
        try article(3).write(toFile: real + "/inside.txt", atomically: true, encoding: .utf8)
        try article(4).write(toFile: corpus + "/.hidden.txt", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: corpus + "/link.txt", withDestinationPath: real + "/linked.txt")
        try fm.createSymbolicLink(atPath: corpus + "/folder", withDestinationPath: real)
        try fm.createSymbolicLink(atPath: corpus + "/sub/loop", withDestinationPath: corpus)
        try fm.createSymbolicLink(atPath: corpus + "/dangling.txt", withDestinationPath: root + "/nowhere.txt")
        #expect(mkfifo(corpus + "/pipe.txt", 0o644) == 0)
        // A name that is not UTF-8, made with the bytes themselves.
        let raw: [UInt8] = Array((corpus + "/latin").utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let fd = raw.withUnsafeBufferPointer { p in p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { open($0, O_CREAT | O_WRONLY, 0o644) } }
        #expect(fd >= 0)
        close(fd)

        let (documents, skipped) = CorpusReader.read(corpora: [corpus])
        // The linked file is read through the linked folder first (paths in byte order), so its own link is a duplicate.
        #expect(documents.map(\.relativePath) == ["folder/inside.txt", "folder/linked.txt", "plain.txt"])
        let reasons = Dictionary(grouping: skipped, by: \.reason).mapValues { $0.map { String($0.path.dropFirst(corpus.count + 1)) }.sorted() }
        #expect(reasons[.hidden] == [".hidden.txt"])
        #expect(reasons[.notAFile] == ["pipe.txt"])
        #expect(reasons[.missing] == ["dangling.txt"])
        #expect(reasons[.unreadable] == ["latin\\xE9.txt"])
        // The folder reached twice (through "folder" and the loop back to the corpus) is read once.
        #expect(reasons[.duplicate] == ["link.txt", "sub/loop"])
    }

    @Test func aPathOverTheSystemsLimitIsNamedNotPassedOverInSilence() throws {
        let root = try temporaryFolder("deep")
        // Folders nested past PATH_MAX, made relative to each other's descriptors.
        let name = String(repeating: "d", count: 200)
        var fd = open(root, O_RDONLY | O_DIRECTORY)
        #expect(fd >= 0)
        for _ in 0..<25 {
            #expect(mkdirat(fd, name, 0o755) == 0)
            let next = openat(fd, name, O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = next
        }
        let file = openat(fd, "deep.txt", O_CREAT | O_WRONLY, 0o644)
        #expect(file >= 0)
        close(file)
        close(fd)
        let (documents, skipped) = CorpusReader.read(corpora: [root])
        #expect(documents.isEmpty)
        #expect(skipped.count == 1)
        #expect(skipped.first?.reason == .unreadable && skipped.first?.detail.contains("over the system's limit") == true)
    }

    @Test func aLinkToACorpusAndAFIFOGivenAsInputAreHandled() throws {
        let root = try temporaryFolder("link-corpus")
        try FileManager.default.createSymbolicLink(atPath: root + "/seeds-link", withDestinationPath: repositoryRoot + "/seeds")
        let (documents, _) = CorpusReader.read(corpora: [root + "/seeds-link"])
        #expect(documents.count == 5)
        #expect(mkfifo(root + "/fifo.txt", 0o644) == 0)
        // Opening a FIFO would wait for a writer forever; it is named and skipped instead.
        let (none, skipped) = CorpusReader.read(corpora: [root + "/fifo.txt"])
        #expect(none.isEmpty && skipped.map(\.reason) == [.notAFile])
    }

    @Test func byteOrderMarksAndUTF16AreReadAsEditorsReadThem() throws {
        let folder = try temporaryFolder("bom")
        let text = "Title: Chile and Peru\n\nChile and Peru signed an accord on 4 May 2023.\n"
        // A file joined from two that each began with a mark: the second is no part of the title.
        try ("\u{FEFF}" + text.replacingOccurrences(of: "Title: ", with: "Title: \u{FEFF}")).write(toFile: folder + "/two-marks.txt", atomically: true, encoding: .utf8)
        try text.data(using: .utf16)!.write(to: URL(fileURLWithPath: folder + "/utf16.txt"))  // with its mark
        try ([0xFE, 0xFF] + Array(text.data(using: .utf16BigEndian)!)).withUnsafeBufferPointer { try Data(buffer: $0).write(to: URL(fileURLWithPath: folder + "/utf16be.txt")) }
        try ([0xFF, 0xFE, 0, 0] + Array(text.data(using: .utf32LittleEndian)!)).withUnsafeBufferPointer { try Data(buffer: $0).write(to: URL(fileURLWithPath: folder + "/utf32.txt")) }
        let (documents, skipped) = CorpusReader.read(corpora: [folder])
        #expect(skipped.isEmpty)
        // Each encoding gives the same text; the marks are dropped.
        #expect(documents.map(\.relativePath) == ["two-marks.txt", "utf16.txt", "utf16be.txt", "utf32.txt"])
        #expect(documents.allSatisfy { $0.text == text })
        #expect(documents.map(\.decodedFrom) == [nil, "UTF-16LE", "UTF-16BE", "UTF-32LE"])
        // And the summary says which files were decoded, and from what.
        let r = try CLI.run(["build", folder, "--out", try temporaryFolder("bom-out")])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Decoded from UTF-16 or UTF-32 (by their byte-order mark):\n  UTF-16LE \(folder)/utf16.txt\n"))
    }

    @Test func aFileNameWithControlCharactersIsBuiltAndNamedSafely() throws {
        let corpus = try temporaryFolder("ctrl"), out = try temporaryFolder("ctrl-out")
        try "Title: A\n\nChile and Peru signed an accord on 4 May 2023.\n".write(toFile: corpus + "/ctrl\u{1}\u{1B}[31mred.txt", atomically: true, encoding: .utf8)
        let r = try CLI.run(["build", corpus, "--out", out])
        #expect(r.status == 0)
        #expect(!r.stderr.contains("\u{1B}") && !r.stdout.contains("\u{1B}"))
        #expect(r.stderr.contains("ctrl\\u{1}\\u{1B}[31mred.txt: its name holds control characters"))
        let nt = try String(contentsOfFile: out + "/graph.nt", encoding: .utf8)
        #expect(nt.contains(#"ng#sourceFile> "ctrl\uFFFD\uFFFD[31mred.txt""#) || nt.contains("ctrl\\uFFFD\\uFFFD[31mred.txt"))
        #expect(nt.contains("signs") || nt.contains("AgreementSigning"))
    }

    @Test func escapeSequencesInAGraphsNamesAreShownNotObeyedByLookup() throws {
        let folder = try temporaryFolder("esc-lookup")
        let graph = folder + "/graph.nt"
        try #"""
            <https://example.org/p> <http://www.w3.org/2000/01/rdf-schema#label> "Ana \u001B[2J\u001B]0;owned\u0007Ruiz" .
            <https://example.org/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newsgraph/ontology#Person> .
            <https://example.org/p> <https://w3id.org/newsgraph/ontology#memberOf> <https://example.org/o> .
            <https://example.org/o> <http://www.w3.org/2000/01/rdf-schema#label> "Some Council" .

            """#.write(toFile: graph, atomically: true, encoding: .utf8)
        let r = try CLI.run(["lookup", "Ruiz", "--graph", graph])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{7}"))
        #expect(r.stdout.contains(#"Ana \u{1B}[2J\u{1B}]0;owned\u{7}Ruiz"#))
    }

    // MARK: Base IRIs

    @Test(arguments: ["https://ex.org/#frag#", "https://ex.org/a]b/", "https://ex.org:80x/", "https://[::1/"])
    func aBaseThatIsNoIRIIsRefusedWithItsReason(_ base: String) throws {
        let r = try CLI.run(["build", "seeds", "--out", try temporaryFolder("base"), "--base", base])
        #expect(r.status != 0)
        #expect(r.stderr.contains("is not an IRI: it has") || r.stderr.contains("is not an IRI: its port"))
    }

    @Test func iriProblemsFollowRFC3987() {
        #expect(IRI.problem(in: "https://ex.org/a#b#c") != nil)
        #expect(IRI.problem(in: "https://ex.org/p[1]") != nil)
        #expect(IRI.problem(in: "https://ex.org:8o/") != nil)
        #expect(IRI.problem(in: "http://[::1]:8080/x#y") == nil)
        #expect(IRI.problem(in: "https://user@ex.org:8080/id/") == nil)
        #expect(IRI.problem(in: "urn:isbn:0451450523") == nil)
        #expect(IRI.problem(in: "mailto:a@b.org") == nil)
    }

    // MARK: Outputs

    @Test func aLinkPlantedWhereAnOutputGoesIsReplacedNotFollowed() throws {
        let out = try temporaryFolder("planted"), outside = try temporaryFolder("outside")
        try "precious".write(toFile: outside + "/victim.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: out + "/graph.ttl", withDestinationPath: outside + "/victim.txt")
        // A temporary file a killed build left, and one of a process that still runs (this one).
        let stale = out + "/.graph.nt.tmp-2147483646-dead", live = out + "/.graph.nt.tmp-\(getpid())-live"
        try "partial".write(toFile: stale, atomically: false, encoding: .utf8)
        try "partial".write(toFile: live, atomically: false, encoding: .utf8)
        _ = try Builder.build(options(corpora: [repositoryRoot + "/seeds"], out: out))
        #expect(try String(contentsOfFile: outside + "/victim.txt", encoding: .utf8) == "precious")
        let kind = try FileManager.default.attributesOfItem(atPath: out + "/graph.ttl")[.type] as? FileAttributeType
        #expect(kind == .typeRegular)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
    }

    @Test func anOutputFolderThatCannotBeMadeIsSaidInOneSentence() throws {
        let root = try temporaryFolder("out-file")
        try "x".write(toFile: root + "/file", atomically: true, encoding: .utf8)
        for (out, says) in [(root + "/file", "it is a file, not a folder"), (root + "/file/sub", "file is a file, so no folder can be made below it"),
                            ("/proc/newsgraph-test", "cannot be made")] {
            let r = try CLI.run(["build", "seeds", "--out", out, "--quiet"])
            #expect(r.status == 2)
            #expect(r.stderr.contains(says), "\(r.stderr)")
            #expect(!r.stderr.contains("Domain="))
        }
    }

    @Test func twoBuildsIntoOneFolderCannotInterleave() throws {
        let out = try temporaryFolder("locked")
        // Another build holds the folder's lock.
        let fd = open(out + "/" + OutputFolder.lockName, O_CREAT | O_RDWR, 0o644)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        #expect {
            _ = try Builder.build(options(corpora: [repositoryRoot + "/seeds"], out: out))
        } throws: { "\($0)".contains("another newsgraph build is writing into it") }
        #expect(!FileManager.default.fileExists(atPath: out + "/graph.ttl"))
        close(fd)
        // Once it ends, the build goes ahead.
        _ = try Builder.build(options(corpora: [repositoryRoot + "/seeds"], out: out))
        #expect(FileManager.default.fileExists(atPath: out + "/graph.ttl"))
    }

    @Test func aWrittenFileThatReadsBackShortFailsTheBuild() throws {
        let folder = try temporaryFolder("verify")
        let path = folder + "/g.nt"
        try "<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> <urn:d> .\n".write(toFile: path, atomically: true, encoding: .utf8)
        let world = try RaptorWorld()
        try Builder.verify(path, holds: 2, world: world)
        #expect(throws: BuildError.self) { try Builder.verify(path, holds: 3, world: world) }
    }
}
