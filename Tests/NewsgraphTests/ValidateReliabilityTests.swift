import Foundation
import RDFModel
import RaptorIO
import SHACL
import Testing
import Validation

/// Project issue 17, items 6 and 10: `newsgraph validate` on deep recursion
/// (it overflowed the stack) and on syntax that Raptor is lenient about.
@Suite struct ValidateReliabilityTests {
    private static let prefixes = """
        @prefix ex: <http://example.org/> .
        @prefix sh: <http://www.w3.org/ns/shacl#> .

        """

    /// ex:n0 ex:next ex:n1 … ex:n(count-1) ex:next `last`.
    private static func chain(_ count: Int, last: String? = nil) -> String {
        var s = prefixes
        for i in 0..<count { s += "ex:n\(i) ex:next \(i == count - 1 && last != nil ? last! : "ex:n\(i + 1)") .\n" }
        return s
    }

    private func validate(data: String, shapes: String, dataName: String = "data.ttl") throws -> ValidateOutcome {
        let folder = try validateFixture([dataName: data, "shapes.ttl": shapes])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return ValidateRunner.run(ValidateOptions(files: [folder + "/" + dataName], shapesFiles: [folder + "/shapes.ttl"]))
    }

    private static let recursiveShape = prefixes + """
        ex:S sh:targetNode ex:n0 ; sh:property [ sh:path ex:next ; sh:node ex:S ; sh:nodeKind sh:IRI ] .
        """

    // MARK: A. Deep recursion

    @Test func aShapeRecursingThroughSHNodeAlongALongAcyclicChainIsValidated() throws {
        let outcome = try validate(data: Self.chain(3_000), shapes: Self.recursiveShape)
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.errors)")
        #expect(outcome.report?.results.isEmpty == true)
    }

    @Test func aViolationAtTheEndOfALongChainReachesTheTargetNode() throws {
        let outcome = try validate(data: Self.chain(3_000, last: "\"end\""), shapes: Self.recursiveShape)
        #expect(outcome.status == 1, "\(outcome.output)\(outcome.errors)")
        let n0 = Term.iri(try IRI("http://example.org/n0"))
        #expect(outcome.report?.results.contains { $0.focusNode == n0 && $0.sourceConstraintComponent == SH.Component.node } == true)
    }

    @Test func recursionDeeperThanTheBoundIsAReportedFailureNotACrash() throws {
        let outcome = try validate(data: Self.chain(SHACLEngine.maxNestedShapes + 50), shapes: Self.recursiveShape)
        #expect(outcome.status == 1, "\(outcome.output)\(outcome.errors)")
        let results = try #require(outcome.report?.results)
        #expect(results.contains { $0.detail.contains("more than \(SHACLEngine.maxNestedShapes) shapes deep") })
    }

    /// A property shape that is its own sh:property is not cut short by the recursion check of sh:node: on cyclic data it recursed without end.
    @Test func aPropertyShapeThatIsItsOwnPropertyOnACycleIsBounded() throws {
        let data = Self.prefixes + "ex:n0 ex:next ex:n1 . ex:n1 ex:next ex:n0 .\n"
        let shapes = Self.prefixes + "ex:P sh:targetNode ex:n0 ; sh:path ex:next ; sh:property ex:P .\n"
        let outcome = try validate(data: data, shapes: shapes)
        #expect(outcome.status == 1, "\(outcome.output)\(outcome.errors)")
        #expect(outcome.report?.results.contains { $0.detail.contains("more than \(SHACLEngine.maxNestedShapes) shapes deep") } == true)
    }

    @Test func aZeroOrMorePathOverALongChainReachesEveryNode() throws {
        let shapes = Self.prefixes + """
            ex:T sh:targetNode ex:n0 ; sh:property [ sh:path [ sh:zeroOrMorePath ex:next ] ; sh:maxCount 10000 ] .
            """
        let outcome = try validate(data: Self.chain(10_000), shapes: shapes)
        #expect(outcome.status == 1, "\(outcome.output)\(outcome.errors)")
        #expect(outcome.report?.results.count == 1)
        #expect(outcome.report?.results.first?.detail.contains("10001 values") == true)
    }

    @Test func listsOfTenThousandMembersInSHInAndSHAnd() throws {
        let members = (0..<10_000).map { "ex:m\($0)" }
        func shapes(_ inList: [String]) -> String {
            Self.prefixes + "ex:U sh:targetNode ex:n0 ; sh:property [ sh:path ex:next ; sh:in (\(inList.joined(separator: " "))) ] .\n"
                + "ex:V sh:targetNode ex:n0 ; sh:and (\(String(repeating: "[ sh:nodeKind sh:IRI ] ", count: 10_000))) .\n"
        }
        let data = Self.chain(2)
        let conforming = try validate(data: data, shapes: shapes(members + ["ex:n1"]))
        #expect(conforming.status == 0, "\(conforming.output)\(conforming.errors)")
        let violating = try validate(data: data, shapes: shapes(members))
        #expect(violating.status == 1)
        #expect(violating.report?.results.count == 1)
        #expect(violating.report?.results.first?.sourceConstraintComponent == SH.Component.in)
    }

    @Test func aPathNestedTooDeeplyIsAnUnusableShapesFileNotACrash() throws {
        var path = "ex:next"
        for _ in 0..<(PropertyPath.maxNesting + 10) { path = "[ sh:inversePath \(path) ]" }
        let outcome = try validate(data: Self.chain(2), shapes: Self.prefixes + "ex:T sh:targetNode ex:n0 ; sh:property [ sh:path \(path) ; sh:minCount 1 ] .\n")
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("nested more than \(PropertyPath.maxNesting) deep"), "\(outcome.errors)")
    }

    // MARK: B. Syntax Raptor accepts but the grammars forbid

    private static let w3c = validateRepositoryRoot + "/Tests/RaptorIOTests/W3C/rdf-tests/rdf/rdf11/"

    @Test(arguments: [
        ("rdf-turtle/turtle-syntax-bad-numeric-escape-09.ttl", 1, 44),
        ("rdf-turtle/turtle-syntax-bad-numeric-escape-10.ttl", 1, 44),
        ("rdf-n-triples/nt-syntax-bad-bnode-01.nt", 1, 3),
        ("rdf-n-triples/nt-syntax-bad-bnode-02.nt", 1, 6),
    ])
    func theW3CNegativeTestsRaptorAcceptedAreRejectedWithFileLineAndColumn(_ file: String, _ line: Int, _ column: Int) {
        let path = Self.w3c + file
        let outcome = ValidateRunner.run(ValidateOptions(files: [path], shapesFiles: []))
        #expect(outcome.status == 2, "\(outcome.output)\(outcome.errors)")
        #expect(outcome.errors.contains("\(path):\(line):\(column): syntax error"), "\(outcome.errors)")
    }

    @Test func invalidCodePointEscapesAreRejectedInIRIsAndStrings() throws {
        let world = try RaptorWorld()
        for (text, syntax) in [
            ("<http://a.example/s> <http://a.example/p> <http://a.example/\\U00110000> .\n", RDFSyntax.turtle),
            ("<http://a.example/s> <http://a.example/p> \"a\\udfffb\" .\n", .ntriples),
            ("<http://a.example/s> <http://a.example/p> '''x\n\\uD800''' .\n", .turtle),
        ] {
            #expect(throws: RDFSyntaxError.self, "\(text)") { try world.parse(string: text, syntax: syntax) { _ in } }
        }
        // The highest code point, and escapes that only look like them, are fine.
        var count = 0
        try world.parse(string: "<http://a.example/s> <http://a.example/\\U0010FFFF> \"\\\\ud800 \\uD7FF \\uE000\" .\n# \\ud800\n",
                        syntax: .ntriples) { _ in count += 1 }
        #expect(count == 1)
    }

    @Test func nTriplesBlankNodeLabelsFollowTheGrammar() throws {
        let world = try RaptorWorld()
        var labels: [String] = []
        try world.parse(string: "_:a.b <http://a.example/p> _:1x .\n_:_y-z <http://a.example/p> \"_:a:b\" .\n", syntax: .ntriples) { quad in
            for case .blank(let b) in [quad.triple.subject, quad.triple.object] { labels.append(b.label) }
        }
        #expect(labels.count == 3)
        #expect(throws: RDFSyntaxError.self) {
            try world.parse(string: "<http://a.example/s> <http://a.example/p> _:x:y .\n", syntax: .ntriples) { _ in }
        }
        // Turtle reads `_:x:y` its own way; only N-Triples needs the check.
    }

    /// The check runs over the chunks Raptor is given: an escape split by a chunk boundary is still seen, and the line is right.
    @Test func anEscapeAcrossAChunkBoundaryIsFoundOnItsLine() throws {
        let line = "<http://a.example/s> <http://a.example/p> <http://a.example/o> .\n"
        var text = String(repeating: line, count: 900)
        let before = text.utf8.count
        let pad = (1 << 16) - before - 63  // the backslash 3 bytes before 64 KiB, the escape across the boundary
        text += "<http://a.example/s> <http://a.example/p> <http://a.example/" + String(repeating: "x", count: max(0, pad)) + "\\uDABC> .\n"
        let folder = try validateFixture(["big.nt": text])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var count = 0
        do {
            try RaptorWorld().parse(file: folder + "/big.nt") { _ in count += 1 }
            Issue.record("the surrogate escape was accepted")
        } catch let e as RDFSyntaxError {
            #expect(e.position.line == 901)
            #expect(e.position.column == 61 + max(0, pad))
        }
        #expect(count >= 900)
    }
}
