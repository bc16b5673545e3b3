import Foundation
import RDFModel
import Testing
@testable import RaptorIO

/// Every literal and IRI the writer accepts comes back exactly from Raptor's
/// own parser; what Raptor would corrupt is refused with a typed error.
@Suite struct RoundTripTests {
    static let s = IRI(constant: "http://example.org/s")
    static let p = IRI(constant: "http://example.org/p")

    static let faithful: [Literal] = [
        Literal("plain"),
        Literal(""),
        Literal("double \"quotes\" and 'single'"),
        Literal("back\\slash \\n not a newline"),
        Literal("line one\nline two"),
        Literal("ends with a quote\""),
        Literal("line\nends with a quote\""),
        Literal("\"\"\" triple quotes \"\"\""),
        Literal("tab\there"),
        Literal("non-BMP: 😀 𝄞 𠀋"),
        Literal("combining: e\u{301} a\u{30A} Z\u{335}"),
        Literal("right-to-left: مرحبا بالعالم שלום"),
        Literal("mixed LTR \u{202B}RTL\u{202C} marks"),
        Literal("line separator \u{2028} and NEL \u{85} and BOM \u{FEFF}"),
        try! Literal("Minsk", language: "en"),
        try! Literal("Мінск", language: "be-Cyrl"),
        Literal("5080000000.0", datatype: XSD.decimal),
        Literal("-0.404", datatype: XSD.decimal),
        Literal("13", datatype: XSD.integer),
        Literal("true", datatype: XSD.boolean),
        Literal("2023-12-04", datatype: XSD.date),
        Literal("2023-12", datatype: XSD.gYearMonth),
        Literal("2023", datatype: XSD.gYear),
        Literal("1.5e3", datatype: IRI(constant: XSD.ns + "double")),
        Literal("anything", datatype: IRI(constant: "http://example.org/custom#type")),
    ]

    @Test(arguments: [RDFSyntax.turtle, .ntriples, .nquads])
    func literalsRoundTrip(syntax: RDFSyntax) throws {
        let world = try RaptorWorld()
        let triples = Self.faithful.map { Triple(Self.s, Self.p, .literal($0)) }
        let text = try world.serialize(triples, syntax: syntax, prefixes: standardPrefixes)
        var back: [Triple] = []
        try world.parse(string: text, syntax: syntax) { back.append($0.triple) }
        #expect(Set(back) == Set(triples), "\(syntax) text was:\n\(text)")
        #expect(back.count == triples.count)
    }

    @Test func unsafeLiteralsAreRefusedNotCorrupted() throws {
        let world = try RaptorWorld()
        let bad = [
            Literal("nul \u{0}inside"), Literal("carriage\rreturn"), Literal("bell \u{7}"), Literal("escape \u{1B}[0m"),
            Literal("delete \u{7F}"), Literal("5", datatype: XSD.decimal), Literal("5.", datatype: XSD.decimal),
            Literal(" 12", datatype: XSD.integer), Literal("TRUE", datatype: XSD.boolean),
        ]
        for literal in bad {
            #expect(WriteSafety.problem(in: literal) != nil, "\(literal) should be refused")
            #expect(throws: RaptorError.self) {
                _ = try world.serialize([Triple(Self.s, Self.p, .literal(literal))], syntax: .turtle)
            }
        }
    }

    @Test func illegalIRIsCannotBeMade() {
        for bad in ["http://example.org/a b", "http://example.org/<x>", "http://example.org/\"q\"", "http://e.org/{x}",
                    "http://e.org/a|b", "http://e.org/a^b", "http://e.org/a`b", "http://e.org/a\\b", "http://e.org/\u{1}",
                    "relative/path", "", "http://e.org/%zz", "1http://e.org/"] {
            #expect(throws: TermError.self) { try IRI(bad) }
        }
        #expect(throws: Never.self) { try IRI("https://w3id.org/newsgraph/id/%C3%96zkan") }
        #expect(throws: Never.self) { try IRI("https://w3id.org/newsgraph/id/özkan") }
    }

    @Test func nonASCIIIRIsRoundTrip() throws {
        let world = try RaptorWorld()
        let o = try IRI("https://w3id.org/newsgraph/id/person/cemal-ege-özkan")
        for syntax in RDFSyntax.allCases {
            let text = try world.serialize([Triple(Self.s, Self.p, o)], syntax: syntax)
            var back: [Triple] = []
            try world.parse(string: text, syntax: syntax) { back.append($0.triple) }
            #expect(back == [Triple(Self.s, Self.p, o)], "\(syntax): \(text)")
        }
    }

    /// Raptor relativizes @prefix IRIs against a base URI; the writer passes none.
    @Test func prefixesStayAbsolute() throws {
        let world = try RaptorWorld()
        let text = try world.serialize([Triple(Self.s, RDF.type, NG.Person)], syntax: .turtle, prefixes: standardPrefixes)
        #expect(text.contains("@prefix ng: <https://w3id.org/newsgraph/ontology#> ."))
        #expect(text.contains("ng:Person"))
        #expect(!text.contains("@prefix ng: <#>"))
    }

    @Test func syntaxErrorsCarryLineAndColumn() throws {
        let world = try RaptorWorld()
        let text = "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"unterminated .\n"
        do {
            try world.parse(string: text, syntax: .turtle, sourceName: "bad.ttl") { _ in }
            Issue.record("a syntax error was not reported")
        } catch let error as RDFSyntaxError {
            #expect(error.position.file == "bad.ttl")
            #expect(error.position.line == 3)
            #expect(error.description.hasPrefix("bad.ttl:3"))
        }
    }

    /// Raptor has no internal locking: worlds on several threads at once must still give
    /// exactly the right answers (the wrapper serializes every call into Raptor).
    @Test func worldsOnManyThreadsAtOnceStayCorrect() async throws {
        let text = (0..<200).map { "<http://e.org/s\($0)> <http://e.org/p> \"v\($0) ü 😀\"@en ." }.joined(separator: "\n")
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let world = try RaptorWorld()
                    var triples: [Triple] = []
                    try world.parse(string: text, syntax: .ntriples) { triples.append($0.triple) }
                    let turtle = try world.serialize(triples, syntax: .turtle, prefixes: standardPrefixes)
                    var back = Set<Triple>()
                    try world.parse(string: turtle, syntax: .turtle) { back.insert($0.triple) }
                    return back == Set(triples) ? back.count : -1
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 200, count: 8))
    }

    @Test func missingFileIsAnIOError() throws {
        let world = try RaptorWorld()
        #expect(throws: RaptorError.self) { try world.parse(file: "/nonexistent/graph.ttl") { _ in } }
    }

    @Test func handlerErrorsStopTheParse() throws {
        struct Stop: Error {}
        let world = try RaptorWorld()
        let text = (0..<100).map { "<http://e.org/s\($0)> <http://e.org/p> \"\($0)\" ." }.joined(separator: "\n")
        var seen = 0
        #expect(throws: Stop.self) {
            try world.parse(string: text, syntax: .ntriples) { _ in
                seen += 1
                if seen == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
    }

    @Test func writesAtomicallyAndLeavesNoTemporaryFile() throws {
        let world = try RaptorWorld()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ng-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("g.ttl").path
        try world.write([Triple(Self.s, Self.p, .literal(Literal("x")))], syntax: .turtle, to: path)
        // A refused write leaves the earlier file as it was.
        let before = try String(contentsOfFile: path, encoding: .utf8)
        #expect(throws: RaptorError.self) {
            try world.write([Triple(Self.s, Self.p, .literal(Literal("\u{0}")))], syntax: .turtle, to: path)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["g.ttl"])
    }
}
