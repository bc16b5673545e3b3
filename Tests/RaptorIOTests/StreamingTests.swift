import Foundation
import RDFModel
import Testing
@testable import RaptorIO

/// The streaming writer (``RDFFileWriter``) and parsing a file in chunks.
@Suite struct StreamingWriterTests {
    static let ex = "http://example.org/"

    /// Several subjects, blank nodes, every kind of literal, graph names: enough for
    /// Turtle to group, abbreviate and declare prefixes.
    static let quads: [Quad] = {
        var out: [Quad] = []
        let g = IRI(constant: ex + "graph/1")
        for i in 0..<40 {
            let s = IRI(constant: ex + "s\(i % 7)")
            out.append(Quad(Triple(s, RDF.type, NG.Person), graph: i % 2 == 0 ? g : nil))
            out.append(Quad(Triple(s, IRI(constant: ex + "p\(i % 3)"), .literal(Literal("v\(i) ü 😀\n\"q\""))), graph: g))
            out.append(Quad(Triple(s, IRI(constant: ex + "n"), .literal(Literal("\(i)", datatype: XSD.integer))), graph: nil))
            out.append(Quad(Triple(.blank(try! BlankNode("b\(i % 5)")), IRI(constant: ex + "q"),
                                   .literal(try! Literal("x\(i)", language: "en"))), graph: g))
        }
        return out
    }()

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ng-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func contents(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    @Test(arguments: [RDFSyntax.ntriples, .nquads])
    func keptOutputIsEachStatementsLine(syntax: RDFSyntax) throws {
        let world = try RaptorWorld()
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out." + (syntax == .nquads ? "nq" : "nt")).path
        let writer = try RDFFileWriter(world: world, path: path, syntax: syntax, keepingOutput: true)
        var lines: [[UInt8]] = []
        for quad in Self.quads {
            try writer.write(quad)
            lines.append(writer.takeOutput())
        }
        let total = writer.bytesWritten
        try writer.finish()
        #expect(writer.takeOutput().isEmpty)
        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(lines.joined().elementsEqual(file))
        #expect(total == file.count)
        #expect(lines.allSatisfy { $0.last == 0x0A && $0.filter { $0 == 0x0A }.count == 1 })
    }

    @Test func outputIsNotKeptUnlessAsked() throws {
        let world = try RaptorWorld()
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let writer = try RDFFileWriter(world: world, path: dir.appendingPathComponent("out.nt").path, syntax: .ntriples)
        try writer.write(Self.quads[0])
        #expect(writer.takeOutput().isEmpty)
        #expect(writer.bytesWritten > 0)
        try writer.finish()
    }

    @Test(arguments: [RDFSyntax.ntriples, .turtle, .nquads])
    func sinkWritesTheSameBytesAsTheBatchWrite(syntax: RDFSyntax) throws {
        let world = try RaptorWorld()
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let batch = dir.appendingPathComponent("batch." + syntax.fileExtension).path
        let streamed = dir.appendingPathComponent("streamed." + syntax.fileExtension).path
        try world.write(Self.quads, syntax: syntax, prefixes: standardPrefixes, to: batch)
        let writer = try RDFFileWriter(world: world, path: streamed, syntax: syntax, prefixes: standardPrefixes)
        for quad in Self.quads { try writer.write(quad) }
        #expect(writer.count == Self.quads.count)
        // Nothing at the path until the writer is finished.
        #expect(!FileManager.default.fileExists(atPath: streamed))
        try writer.finish()
        let a = try Data(contentsOf: URL(fileURLWithPath: batch))
        let b = try Data(contentsOf: URL(fileURLWithPath: streamed))
        #expect(!a.isEmpty)
        #expect(a == b)
        let text = String(decoding: b, as: UTF8.self)
        #expect(!text.contains("@base"))
        if syntax != .nquads {
            // The file writer and the in-memory serializer start Raptor differently; same text.
            let expected = try world.serialize(Self.quads.map(\.triple), syntax: syntax, prefixes: standardPrefixes)
            #expect(text == expected)
        } else {
            #expect(text.contains("<\(Self.ex)graph/1> ."))
        }
        #expect(try Self.contents(dir) == ["batch." + syntax.fileExtension, "streamed." + syntax.fileExtension])
    }

    @Test func tripleWritesAreDefaultGraphQuads() throws {
        let world = try RaptorWorld()
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.nq").path
        let writer = try RDFFileWriter(world: world, path: path, syntax: .nquads)
        try writer.write(Triple(IRI(constant: Self.ex + "s"), IRI(constant: Self.ex + "p"), .literal(Literal("o"))))
        try writer.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<\(Self.ex)s> <\(Self.ex)p> \"o\" .\n")
    }

    @Test(arguments: [RDFSyntax.ntriples, .turtle])
    func unfinishedWriterLeavesNoFile(syntax: RDFSyntax) throws {
        let world = try RaptorWorld()
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("never." + syntax.fileExtension).path
        do {
            let writer = try RDFFileWriter(world: world, path: path, syntax: syntax, prefixes: standardPrefixes)
            for quad in Self.quads { try writer.write(quad) }
            // The temporary file is beside the path while the writer is open.
            let open = try Self.contents(dir)
            #expect(open.count == 1 && open[0].hasPrefix(".never.") && open[0].contains(".tmp-"))
        }
        #expect(try Self.contents(dir) == [])
    }

    @Test func refusedTermLeavesThePreviousFileAndClosesTheWriter() throws {
        let world = try RaptorWorld()
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("g.nt").path
        try world.write(Self.quads, syntax: .ntriples, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let writer = try RDFFileWriter(world: world, path: path, syntax: .ntriples)
        for quad in Self.quads.prefix(10) { try writer.write(quad) }
        let bad = Triple(IRI(constant: Self.ex + "s"), IRI(constant: Self.ex + "p"), .literal(Literal("carriage\rreturn")))
        do {
            try writer.write(bad)
            Issue.record("a literal with CR was written")
        } catch RaptorError.unwritableTerm(let triple, _) {
            #expect(triple == bad)
        }
        #expect(try Self.contents(dir) == ["g.nt"])
        // Closed after the error: nothing more goes in and nothing is renamed into place.
        #expect(throws: RaptorError.self) { try writer.write(Self.quads[0]) }
        do {
            try writer.finish()
            Issue.record("a failed writer finished")
        } catch RaptorError.io(let p, _) {
            #expect(p == path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try Self.contents(dir) == ["g.nt"])
    }

    @Test func finishTwiceThrowsAndKeepsTheFile() throws {
        let world = try RaptorWorld()
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("g.ttl").path
        let writer = try RDFFileWriter(world: world, path: path, syntax: .turtle, prefixes: standardPrefixes)
        try writer.write(Self.quads[0])
        try writer.finish()
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: RaptorError.self) { try writer.finish() }
        #expect(throws: RaptorError.self) { try writer.write(Self.quads[1]) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == written)
        #expect(try Self.contents(dir) == ["g.ttl"])
    }

    @Test func unwritableFolderIsAnIOErrorNamingThePath() throws {
        let world = try RaptorWorld()
        let path = "/nonexistent-\(UUID().uuidString)/g.nt"
        do {
            _ = try RDFFileWriter(world: world, path: path, syntax: .ntriples)
            Issue.record("a writer opened in a missing folder")
        } catch RaptorError.io(let p, _) {
            #expect(p == path)
        }
    }
}
