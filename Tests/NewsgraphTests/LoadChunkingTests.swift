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

@Suite struct LoadChunkingTests {
    func loader(_ options: LoadOptions, _ transport: LoadScriptedTransport, _ recorder: LoadRecorder = LoadRecorder()) throws -> GraphLoader {
        try GraphLoader(options: options, client: try loadClient(transport, recorder), log: recorder.log)
    }

    @Test func nTriplesGoInChunksOfWholeLinesByteForByte() throws {
        let folder = try temporaryFolder("load-nt")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "# a comment\n" + loadNTLines(0..<12) + "\n" + loadNTLines(12..<25)
        let path = try loadWriteFile(folder, "g.nt", text)
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 10), transport).run()
        #expect(report.triples == 25)
        #expect(report.chunks == 3)
        #expect(report.requests == 3)
        #expect(report.triplesByGraph == [loadGraphG: 25])
        let bodies = transport.requests.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(bodies.joined() == text)   // nothing changed, nothing lost, nothing split
        #expect(bodies.map { $0.split(separator: "\n").filter { $0.hasPrefix("<") }.count } == [10, 10, 5])
        #expect(transport.requests.allSatisfy { $0.method == "POST" && $0.headers["Content-Type"] == "application/n-triples" })
        #expect(transport.requests.first?.url.absoluteString == "http://127.0.0.1:9/store?graph=http%3A%2F%2Fexample.org%2Fgraph%2Fg")
        #expect(report.summary(endpoint: "http://127.0.0.1:9/store").hasPrefix(
            "Loaded 25 triples in 3 chunks into graph <http://example.org/graph/g> at http://127.0.0.1:9/store in "))
    }

    @Test func replaceSendsPutFirstThenAppends() throws {
        let folder = try temporaryFolder("load-put")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = try loadWriteFile(folder, "a.nt", loadNTLines(0..<5))
        let b = try loadWriteFile(folder, "b.nt", loadNTLines(5..<8))
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [a, b], target: .defaultGraph, replace: true, chunkTriples: 3), transport).run()
        #expect(report.triples == 8)
        #expect(transport.requests.map(\.method) == ["PUT", "POST", "POST"])   // 3 + 2 of a.nt, 3 of b.nt
        #expect(transport.requests.allSatisfy { $0.url.query == "default" })
    }

    @Test func replaceWithAnEmptyFileEmptiesTheGraph() throws {
        let folder = try temporaryFolder("load-empty")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = try loadWriteFile(folder, "empty.nt", "# nothing\n\n")
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [empty], target: loadGraphG, replace: true), transport).run()
        #expect(report.triples == 0 && report.chunks == 0)
        #expect(transport.requests.map(\.method) == ["PUT"])
        #expect(transport.requests.first?.body.isEmpty == true)
    }

    @Test func nQuadsGoToTheirOwnGraphs() throws {
        let folder = try temporaryFolder("load-nq")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = loadNTLines(0..<4, graph: "http://example.org/doc/1") + loadNTLines(4..<6) + loadNTLines(6..<9, graph: "http://example.org/doc/2")
        let path = try loadWriteFile(folder, "g.nq", text)
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [path], target: nil, chunkTriples: 5), transport).run()
        #expect(report.triples == 9)
        let doc1 = GraphTarget.named(IRI(constant: "http://example.org/doc/1")), doc2 = GraphTarget.named(IRI(constant: "http://example.org/doc/2"))
        #expect(report.triplesByGraph == [doc1: 4, .defaultGraph: 2, doc2: 3])
        // Lines 1-5 (4 in doc/1, 1 in the default graph), then lines 6-9 (1 default, 3 in doc/2).
        #expect(transport.requests.map { $0.url.query ?? "" } == [
            "graph=http%3A%2F%2Fexample.org%2Fdoc%2F1", "default", "default", "graph=http%3A%2F%2Fexample.org%2Fdoc%2F2",
        ])
        // Each body is N-Triples: no graph term left in it.
        let world = try RaptorWorld()
        var triples = 0
        for r in transport.requests {
            try world.parse(string: String(decoding: r.body, as: UTF8.self), syntax: .ntriples) { q in
                #expect(q.graph == nil)
                triples += 1
            }
        }
        #expect(triples == 9)
        // --graph takes the default-graph quads.
        let t2 = LoadScriptedTransport()
        let r2 = try loader(LoadOptions(files: [path], target: loadGraphG), t2).run()
        #expect(r2.triplesByGraph[loadGraphG] == 2)
        #expect(r2.chunks == 3)
    }

    @Test func turtleIsParsedAndSentAsNTriples() throws {
        let folder = try temporaryFolder("load-ttl")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try loadWriteFile(folder, "g.ttl", """
            @prefix ex: <http://example.org/> .
            ex:a ex:p "one", "two", "three" ; ex:q ex:b .
            ex:b ex:label "line one\\nline \\"two\\" — é"@en .
            ex:c ex:r "\\u0007 bell" .
            """)
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 2), transport).run()
        #expect(report.triples == 6)
        #expect(report.chunks == 3)
        let world = try RaptorWorld()
        var got = Set<Triple>(), want = Set<Triple>()
        for r in transport.requests {
            try world.parse(string: String(decoding: r.body, as: UTF8.self), syntax: .ntriples) { got.insert($0.triple) }
        }
        try world.parse(file: path) { want.insert($0.triple) }
        #expect(got == want)
    }

    @Test func aBadLineIsNamedAndStopsTheLoad() throws {
        let folder = try temporaryFolder("load-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try loadWriteFile(folder, "bad.nt", loadNTLines(0..<7) + "<http://example.org/s> <http://example.org/p> \"unterminated .\n" + loadNTLines(7..<9))
        let transport = LoadScriptedTransport()
        do {
            _ = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 5), transport).run()
            Issue.record("a broken file loaded")
        } catch let error as LoadFailure {
            #expect(error.kind == .input)
            #expect(error.message.hasPrefix("\(path):8: not valid N-Triples"))
            #expect(error.loadedBefore.triples == 5 && error.loadedBefore.chunks == 1)
            #expect(error.description.hasSuffix("Loaded before the failure: 5 triples in 1 chunk."))
        }
        #expect(transport.requests.count == 1)
    }

    @Test func aRefusedChunkIsNamed() throws {
        let folder = try temporaryFolder("load-refused")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try loadWriteFile(folder, "g.nt", loadNTLines(0..<30))
        let transport = LoadScriptedTransport { _, n in
            n == 3 ? .success(HTTPResponse(status: 413, headers: ["Content-Type": "text/plain"], body: Data("too big".utf8))) : .success(HTTPResponse(status: 204))
        }
        do {
            _ = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 10), transport).run()
            Issue.record("a refused chunk taken as success")
        } catch let error as LoadFailure {
            #expect(error.kind == .store(.http(status: 413)))
            #expect(error.message.hasPrefix("chunk 3 (lines 21–30 of \(path)) into graph <http://example.org/graph/g> was not loaded: POST "))
            #expect(error.message.hasSuffix("HTTP 413 Payload Too Large: the server says: too big"))
            #expect(error.loadedBefore.triples == 20)
        }
    }

    @Test func wrongOptionsSendNothing() throws {
        let folder = try temporaryFolder("load-usage")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let nt = try loadWriteFile(folder, "g.nt", loadNTLines(0..<2))
        let rdf = try loadWriteFile(folder, "g.rdf", "<rdf:RDF/>")
        let transport = LoadScriptedTransport()
        for (options, kind, words) in [
            (LoadOptions(files: [nt], target: nil), LoadFailure.Kind.usage, "say where they go with --graph IRI or --default-graph"),
            (LoadOptions(files: [rdf], target: loadGraphG), .usage, "reads N-Triples (.nt), N-Quads (.nq) and Turtle (.ttl)"),
            (LoadOptions(files: [nt, folder + "/missing.nt"], target: loadGraphG), .input, "missing.nt: no such file"),
            (LoadOptions(files: [], target: loadGraphG), .usage, "no file to load"),
        ] {
            do {
                _ = try loader(options, transport).run()
                Issue.record("\(options.files) loaded")
            } catch let error as LoadFailure {
                #expect(error.kind == kind)
                #expect(error.message.contains(words))
            }
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func notUTF8IsNamedByLine() throws {
        let folder = try temporaryFolder("load-latin1")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var bytes = Array(loadNTLines(0..<3).utf8)
        bytes += Array("<http://example.org/s> <http://example.org/p> \"Caf".utf8) + [0xE9] + Array("\" .\n".utf8)
        let path = folder + "/latin1.nt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try loader(LoadOptions(files: [path], target: loadGraphG), LoadScriptedTransport()).run()
            Issue.record("Latin-1 loaded")
        } catch let error as LoadFailure {
            #expect(error.message == "\(path):4: not UTF-8 (N-Triples and N-Quads are UTF-8)")
        }
    }

    @Test func blankNodesSplitAcrossChunksAreWarnedAbout() throws {
        let folder = try temporaryFolder("load-blank")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try loadWriteFile(folder, "b.nt", """
            _:b1 <http://example.org/p> "1" .
            _:b1 <http://example.org/p> "2" .
            _:b1 <http://example.org/p> "3" .
            _:b2 <http://example.org/p> "4" .

            """)
        let recorder = LoadRecorder()
        let split = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 2), LoadScriptedTransport(), recorder).run()
        #expect(split.warnings.count == 1)
        #expect(split.warnings.first?.contains("1 blank node (_:b1) occur in more than one chunk") == true)
        #expect(recorder.lines.contains { $0.hasPrefix("warning: ") })
        let whole = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 0), LoadScriptedTransport()).run()
        #expect(whole.warnings.isEmpty && whole.chunks == 1)
    }

    @Test func linesLongerThanABlockAndOddLineEndsAreKept() throws {
        let folder = try temporaryFolder("load-lines")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let long = String(repeating: "x", count: 3 * LineReader.blockSize + 17)
        let text = "\u{FEFF}<http://example.org/s> <http://example.org/p> \"\(long)\" .\r\n<http://example.org/s> <http://example.org/p> \"last\" ."
        let path = try loadWriteFile(folder, "long.nt", text)
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 1), transport).run()
        #expect(report.triples == 2)
        #expect(transport.requests.count == 2)
        #expect(String(decoding: transport.requests[0].body, as: UTF8.self) == "<http://example.org/s> <http://example.org/p> \"\(long)\" .\r\n")
        #expect(String(decoding: transport.requests[1].body, as: UTF8.self) == "<http://example.org/s> <http://example.org/p> \"last\" .\n")
    }

    /// Memory stays flat: a file of 60,000 triples goes in requests of at most
    /// the chunk size, and the loader never holds more than a chunk's bytes.
    @Test func largeFilesGoInBoundedRequests() throws {
        let folder = try temporaryFolder("load-large")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/large.nt"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        for block in 0..<6 { try handle.write(contentsOf: Data(loadNTLines((block * 10_000)..<((block + 1) * 10_000)).utf8)) }
        try handle.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let transport = LoadScriptedTransport()
        let report = try loader(LoadOptions(files: [path], target: loadGraphG, chunkTriples: 7_000), transport).run()
        #expect(report.triples == 60_000)
        #expect(report.chunks == 9)
        let largest = transport.requests.map(\.body.count).max() ?? 0
        #expect(largest < size / 8)
        #expect(transport.requests.map(\.body.count).reduce(0, +) == size)
    }
}
