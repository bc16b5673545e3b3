import Foundation
import RDFModel
import Testing
@testable import RaptorIO

/// `parse(file:)` hands Raptor the file in chunks of ``RaptorWorld/parseChunkSize``
/// bytes; files larger than one chunk must read exactly as the same text from a string.
@Suite struct ChunkedParsingTests {
    static func ntLines(_ range: Range<Int>) -> String {
        range.map { "<http://e.org/s\($0)> <http://e.org/p\($0 % 4)> \"value \($0) ü 😀\"@en .\n" }.joined()
    }

    static func turtleText(_ range: Range<Int>) -> String {
        "@prefix ex: <http://e.org/> .\n" + range.map { "ex:s\($0) ex:p\($0 % 4) \"value \($0) ü\" , \($0) .\n" }.joined()
    }

    /// Writes `text` to a new temporary file and runs `body` with its path.
    static func withFile(_ text: String, ext: String, _ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ng-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("input." + ext).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try body(path)
    }

    static func parsed(_ world: RaptorWorld, string: String, syntax: RDFSyntax, base: String) throws -> [Quad] {
        var quads: [Quad] = []
        try world.parse(string: string, syntax: syntax, baseIRI: base) { quads.append($0) }
        return quads
    }

    @Test(arguments: [RDFSyntax.ntriples, .turtle])
    func largeFileReadsAsTheSameString(syntax: RDFSyntax) throws {
        let world = try RaptorWorld()
        let text = syntax == .ntriples ? Self.ntLines(0..<50_000) : Self.turtleText(0..<50_000)
        #expect(text.utf8.count > 10 * RaptorWorld.parseChunkSize)
        try Self.withFile(text, ext: syntax.fileExtension) { path in
            var fromFile: [Quad] = []
            try world.parse(file: path) { fromFile.append($0) }
            let base = URL(fileURLWithPath: path).absoluteURL.absoluteString
            let fromString = try Self.parsed(world, string: text, syntax: syntax, base: base)
            #expect(fromFile.count == (syntax == .ntriples ? 50_000 : 100_000))
            #expect(fromFile == fromString)
        }
    }

    /// Files of exactly one chunk, one byte either side, and two chunks: the read-ahead
    /// that finds the last chunk must neither drop nor repeat a byte.
    @Test(arguments: [-1, 0, 1, RaptorWorld.parseChunkSize, RaptorWorld.parseChunkSize + 1].map { RaptorWorld.parseChunkSize + $0 })
    func filesAtChunkBoundariesReadWhole(size: Int) throws {
        let world = try RaptorWorld()
        var text = Self.ntLines(0..<600)
        #expect(text.utf8.count < size - 3)
        // Pads with a comment, ending in a triple with no newline so a lost last byte shows.
        let last = "<http://e.org/last> <http://e.org/p> \"end\" ."
        let padding = size - text.utf8.count - last.utf8.count - 2
        text += "#" + String(repeating: "x", count: padding) + "\n" + last
        #expect(text.utf8.count == size)
        try Self.withFile(text, ext: "nt") { path in
            var fromFile: [Quad] = []
            try world.parse(file: path) { fromFile.append($0) }
            #expect(fromFile.count == 601)
            #expect(fromFile.last?.triple.object == .literal(Literal("end")))
        }
    }

    @Test func emptyFileHasNoTriples() throws {
        let world = try RaptorWorld()
        try Self.withFile("", ext: "nt") { path in
            var count = 0
            try world.parse(file: path) { _ in count += 1 }
            #expect(count == 0)
        }
    }

    @Test(arguments: [RDFSyntax.ntriples, .turtle])
    func syntaxErrorPastTheFirstChunkHasItsLine(syntax: RDFSyntax) throws {
        let world = try RaptorWorld()
        // N-Triples: one line per triple; Turtle: a @prefix line first.
        let good = syntax == .ntriples ? Self.ntLines(0..<40_000) : Self.turtleText(0..<40_000)
        let badLine = syntax == .ntriples ? 40_001 : 40_002
        let text = good + "<http://e.org/s> <http://e.org/p> \"unterminated .\n" + Self.ntLines(40_000..<40_010)
        #expect(good.utf8.count > 20 * RaptorWorld.parseChunkSize)
        try Self.withFile(text, ext: syntax.fileExtension) { path in
            do {
                try world.parse(file: path) { _ in }
                Issue.record("a syntax error was not reported")
            } catch let error as RDFSyntaxError {
                #expect(error.position.file == path)
                #expect(error.position.line == badLine, "\(error)")
                #expect(error.description.hasPrefix("\(path):\(badLine)"))
            }
        }
    }

    @Test func missingFileNamesThePath() throws {
        let world = try RaptorWorld()
        do {
            try world.parse(file: "/nonexistent/graph.nt") { _ in }
            Issue.record("a missing file was parsed")
        } catch RaptorError.io(let path, let reason) {
            #expect(path == "/nonexistent/graph.nt")
            #expect(reason == "no such file")
        }
    }

    @Test func folderIsAnIOError() throws {
        let world = try RaptorWorld()
        #expect(throws: RaptorError.self) { try world.parse(file: NSTemporaryDirectory(), syntax: .ntriples) { _ in } }
    }
}
