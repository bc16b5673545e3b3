import Foundation
import Build
import Extraction
import SHACL
import Validation
import Lookup
import Load
import RDFModel
import RaptorIO
import Testing

/// `newsgraph validate` (through ``ValidateRunner``, which the command only
/// prints) and the ontology checks: exit status, every output format, line numbers.

/// The repository's root, from this file's path.
let validateRepositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// A fresh folder holding `files` (name → text), removed by the caller.
func validateFixture(_ files: [String: String]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ng-validate-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
    return folder
}

let validateOntologyFolder = validateRepositoryRoot + "/ontology"

/// A small graph with known problems, each on a known line.
let validateViolatingTurtle = """
    @prefix ng: <https://w3id.org/newsgraph/ontology#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix id: <https://w3id.org/newsgraph/id/country/> .

    id:belarus a ng:Country ;
        rdfs:label "Belarus" ;
        ng:memberof id:china ;
        ng:memberOf id:china .

    id:china a ng:Country ;
        rdfs:label "China", "PRC" .

    <https://w3id.org/newsgraph/id/initiative/bri> a ng:Initiative ;
        rdfs:label "Belt and Road Initiative" ;
        ng:date "2013-02-30"^^xsd:date .
    """
let validateBelarus = "https://w3id.org/newsgraph/id/country/belarus"
let validateChina = "https://w3id.org/newsgraph/id/country/china"

@Suite struct ValidateCommandTests {
    @Test func theCommittedGraphConformsInBothSyntaxes() throws {
        var triples: [Triple] = []
        try RaptorWorld().parse(file: validateRepositoryRoot + "/out/graph.nt") { triples.append($0.triple) }
        for file in ["out/graph.ttl", "out/graph.nt"] {
            let outcome = ValidateRunner.run(ValidateOptions(files: [validateRepositoryRoot + "/" + file], ontologyFolder: validateOntologyFolder))
            #expect(outcome.status == 0, "\(file): \(outcome.output)\(outcome.errors)")
            #expect(outcome.output == "Conforms: no violations, warnings or infos in \(triples.count) triples from 1 file.\n")
            #expect(outcome.errors.isEmpty)
        }
        // The graph is not trivially empty: it has events, observations and reified statements to check.
        let types = Set(triples.filter { $0.predicate == RDF.type }.compactMap(\.object.iri))
        #expect(types.isSuperset(of: [NG.Meeting, NG.Observation, RDF.statement, NG.Document, NG.Country]))
    }

    @Test func violationsExitOneWithTheTripleShapeAndMessage() throws {
        let folder = try validateFixture(["bad.ttl": validateViolatingTurtle])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/bad.ttl"
        let outcome = ValidateRunner.run(ValidateOptions(files: [file], ontologyFolder: validateOntologyFolder))
        #expect(outcome.status == 1)
        let text = outcome.output
        // Grouped by focus node, with the node's type and where it starts.
        #expect(text.contains("<\(validateBelarus)> (ng:Country)  \(file):6\n"))
        #expect(text.contains("<\(validateChina)> (ng:Country)  \(file):11\n"))
        // The offending triple, the shape, the shapes file's message and what exactly failed.
        #expect(text.contains("    triple: <\(validateBelarus)> ng:memberOf <\(validateChina)> .\n    shape:  ng:ActorShape › ng:memberOf [sh:class]\n"))
        #expect(text.contains("  Violation: ng:memberOf must point to an ng:Organization: an actor can only be a member of an organization.\n"))
        #expect(text.contains("    why:    <\(validateChina)> is not an instance of ng:Organization\n"))
        // The ontology checks: a typo with the nearest term, an impossible date.
        #expect(text.contains("  Violation: the property ng:memberof is not defined in the ontology (did you mean ng:memberOf?)\n"))
        #expect(text.contains("ill-typed literal: \"2013-02-30\" is not a valid xsd:date lexical form"))
        #expect(text.contains("    path:   rdfs:label\n    shape:  ng:ActorShape › rdfs:label [sh:maxCount]\n    why:    rdfs:label has 2 values, more than the maximum 1\n"))
        #expect(text.hasSuffix("Does not conform: 6 violations, 0 warnings, 0 infos on 3 focus nodes in 10 triples from 1 file.\n"))
    }

    @Test func githubAnnotationsCarryFileAndLineOfTheOffendingTriple() throws {
        let folder = try validateFixture(["bad.ttl": validateViolatingTurtle])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/bad.ttl"
        let outcome = ValidateRunner.run(ValidateOptions(files: [file], ontologyFolder: validateOntologyFolder, format: .github))
        #expect(outcome.status == 1)
        let lines = outcome.output.split(separator: "\n").map(String.init)
        let annotations = lines.filter { $0.hasPrefix("::error ") }
        #expect(annotations.count == 6)
        let escapedFile = ReportRenderer.githubProperty(file)
        func lineOf(_ fragment: String) -> [String] {
            annotations.filter { $0.contains(fragment) }.compactMap { a in
                a.range(of: "line=[0-9]+", options: .regularExpression).map { String(a[$0].dropFirst(5)) }
            }
        }
        #expect(annotations.allSatisfy { $0.hasPrefix("::error file=\(escapedFile),line=") })
        #expect(lineOf("did you mean ng:memberOf") == ["8"])            // the ng:memberof triple
        #expect(lineOf("ng%3AActorShape › ng%3AmemberOf") == ["9"])      // the ng:memberOf triple
        #expect(lineOf("more than the maximum 1") == ["12"])             // China's first rdfs:label
        #expect(Set(lineOf("2013-02-30")) == ["16"])                     // the ng:date triple, twice
        #expect(lines.last == "newsgraph validate: 6 violations, 0 warnings, 0 infos in 10 triples from 1 file")
    }

    @Test func nTriplesLinesAreTheStatementsLines() throws {
        let nt = """
            <\(validateBelarus)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newsgraph/ontology#Country> .
            <\(validateBelarus)> <http://www.w3.org/2000/01/rdf-schema#label> "Belarus" .
            # a comment
            <\(validateBelarus)> <https://w3id.org/newsgraph/ontology#chairOf> "SCO" .

            """
        let folder = try validateFixture(["g.nt": nt, "g.data": nt])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, syntax) in [("g.nt", RDFSyntax?.none), ("g.data", RDFSyntax.ntriples)] {
            let outcome = ValidateRunner.run(ValidateOptions(files: [folder + "/" + name], ontologyFolder: validateOntologyFolder,
                                                             format: .github, inputSyntax: syntax))
            #expect(outcome.status == 1)
            let annotations = outcome.output.split(separator: "\n").filter { $0.hasPrefix("::error") }
            #expect(!annotations.isEmpty)
            #expect(annotations.allSatisfy { $0.contains("line=4,") }, "\(annotations)")
        }
    }

    @Test func syntaxErrorsExitTwoNamingFileLineAndColumn() throws {
        let folder = try validateFixture(["broken.ttl": "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"unterminated .\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/broken.ttl"
        let outcome = ValidateRunner.run(ValidateOptions(files: [file], ontologyFolder: validateOntologyFolder))
        #expect(outcome.status == 2)
        #expect(outcome.report == nil)
        #expect(outcome.errors.hasPrefix("newsgraph validate: \(file):3"), "\(outcome.errors)")
        #expect(outcome.errors.contains("syntax error"))
        let github = ValidateRunner.run(ValidateOptions(files: [file], ontologyFolder: validateOntologyFolder, format: .github))
        #expect(github.status == 2)
        #expect(github.output.hasPrefix("::error file=\(ReportRenderer.githubProperty(file)),line=3"))
    }

    @Test func missingFilesAndOntologiesExitTwo() throws {
        let missing = ValidateRunner.run(ValidateOptions(files: ["/nonexistent/graph.ttl"], ontologyFolder: validateOntologyFolder))
        #expect(missing.status == 2)
        #expect(missing.errors == "newsgraph validate: /nonexistent/graph.ttl: no such file\n")
        let noOntology = ValidateRunner.run(ValidateOptions(files: [validateRepositoryRoot + "/out/graph.ttl"], ontologyFolder: "/nonexistent"))
        #expect(noOntology.status == 2)
        #expect(noOntology.errors.contains("/nonexistent/newsgraph.ttl: no such file"))
    }

    @Test func shaclFormatIsAStandardReportInTurtle() throws {
        let folder = try validateFixture(["bad.ttl": validateViolatingTurtle])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = ValidateRunner.run(ValidateOptions(files: [folder + "/bad.ttl"], ontologyFolder: validateOntologyFolder, format: .shacl))
        #expect(outcome.status == 1)
        var parsed: [Triple] = []
        try RaptorWorld().parse(string: outcome.output, syntax: .turtle) { parsed.append($0.triple) }
        let report = try #require(outcome.report)
        #expect(isIsomorphic(parsed, report.triples()))
        let graph = IndexedGraph(parsed)
        let node = try #require(graph.subjects(RDF.type, .iri(SH.ValidationReport)).first)
        #expect(graph.object(node, SH.conforms) == .literal(.boolean(false)))
        #expect(graph.objects(node, SH.result).count == 6)
        #expect(outcome.output.contains("@prefix sh: <http://www.w3.org/ns/shacl#> ."))

        let conforming = ValidateRunner.run(ValidateOptions(files: [validateRepositoryRoot + "/out/graph.ttl"],
                                                            ontologyFolder: validateOntologyFolder, format: .shacl))
        var ok: [Triple] = []
        try RaptorWorld().parse(string: conforming.output, syntax: .turtle) { ok.append($0.triple) }
        #expect(ok.count == 2)
        #expect(ok.contains { $0.predicate == SH.conforms && $0.object == .literal(.boolean(true)) })
    }

    @Test func jsonFormatFollowsItsSchema() throws {
        let folder = try validateFixture(["bad.ttl": validateViolatingTurtle])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/bad.ttl"
        let outcome = ValidateRunner.run(ValidateOptions(files: [file], ontologyFolder: validateOntologyFolder, format: .json))
        #expect(outcome.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(object["conforms"] as? Bool == false)
        #expect(object["violations"] as? Int == 6)
        #expect(object["warnings"] as? Int == 0)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 6)
        let keys: Set<String> = ["severity", "focusNode", "path", "value", "triple", "sourceShape", "shape", "component",
                                 "message", "detail", "file", "line"]
        #expect(results.allSatisfy { Set($0.keys) == keys })
        let member = try #require(results.first { ($0["component"] as? String) == SH.Component.class.value })
        #expect(member["focusNode"] as? String == "<\(validateBelarus)>")
        #expect(member["path"] as? String == "<https://w3id.org/newsgraph/ontology#memberOf>")
        #expect(member["value"] as? String == "<\(validateChina)>")
        #expect(member["triple"] as? String == "<\(validateBelarus)> <https://w3id.org/newsgraph/ontology#memberOf> <\(validateChina)> .")
        #expect(member["shape"] as? String == "ng:ActorShape › ng:memberOf")
        #expect(member["severity"] as? String == "Violation")
        #expect(member["file"] as? String == file)
        #expect(member["line"] as? Int == 9)
        let maxCount = try #require(results.first { ($0["component"] as? String) == SH.Component.maxCount.value })
        #expect(maxCount["value"] is NSNull)
        #expect(maxCount["triple"] is NSNull)

        let conforming = ValidateRunner.run(ValidateOptions(files: [validateRepositoryRoot + "/out/graph.ttl"],
                                                            ontologyFolder: validateOntologyFolder, format: .json))
        let ok = try #require(try JSONSerialization.jsonObject(with: Data(conforming.output.utf8)) as? [String: Any])
        #expect(ok["conforms"] as? Bool == true)
        #expect((ok["results"] as? [Any])?.isEmpty == true)
    }

    @Test func explicitShapesAreUsedExactlyAndStrictFailsOnWarnings() throws {
        let shapes = """
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ex: <http://example.org/> .
            ex:NameShape a sh:NodeShape ; sh:targetClass ex:Person ;
                sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:severity sh:Warning ; sh:message "a person should have a name" ] .
            """
        let data = """
            @prefix ex: <http://example.org/> .
            @prefix ng: <https://w3id.org/newsgraph/ontology#> .
            ex:ann a ex:Person .
            ex:bob a ex:Person ; ex:name "Bob" ; ng:notATerm ex:ann .
            """
        let folder = try validateFixture(["shapes.ttl": shapes, "data.ttl": data])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = ValidateOptions(files: [folder + "/data.ttl"], shapesFiles: [folder + "/shapes.ttl"])
        let lenient = ValidateRunner.run(options)
        // Only the given shapes: one warning, and no ontology check of ng:notATerm.
        #expect(lenient.status == 0)
        #expect(lenient.report?.results.count == 1)
        #expect(lenient.output.contains("  Warning: a person should have a name\n"))
        #expect(lenient.output.hasSuffix("Does not conform: 0 violations, 1 warning, 0 infos on 1 focus node in 4 triples from 1 file.\n"))
        var strict = options
        strict.strict = true
        #expect(ValidateRunner.run(strict).status == 1)
        // With --ontology as well, the ontology checks come back.
        var both = options
        both.ontologyFolder = validateOntologyFolder
        let withOntology = ValidateRunner.run(both)
        #expect(withOntology.status == 1)
        #expect(withOntology.output.contains("the property ng:notATerm is not defined in the ontology"))
    }

    @Test func blankNodesOfDifferentFilesStayApart() throws {
        let a = "@prefix ex: <http://example.org/> .\n_:b ex:name \"A\" .\n"
        let b = "@prefix ex: <http://example.org/> .\n_:b a ex:Person .\n"
        let shapes = """
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ex: <http://example.org/> .
            ex:S a sh:NodeShape ; sh:targetClass ex:Person ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
            """
        let folder = try validateFixture(["a.ttl": a, "b.ttl": b, "s.ttl": shapes])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = ValidateRunner.run(ValidateOptions(files: [folder + "/a.ttl", folder + "/b.ttl"], shapesFiles: [folder + "/s.ttl"],
                                                         format: .github))
        // The person of b.ttl has no name: the name in a.ttl belongs to another node.
        #expect(outcome.status == 1)
        #expect(outcome.output.hasPrefix("::error file=\(ReportRenderer.githubProperty(folder + "/b.ttl")),line=2,"))
    }

    /// The built executable, beside the test bundle, when it is there.
    static let executable: URL? = {
        guard let dir = Bundle.main.executableURL?.deletingLastPathComponent() else { return nil }
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("newsgraph")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    @Test(.enabled(if: executable != nil, "the newsgraph executable is built beside the tests"))
    func theExecutableExitsZeroOneTwo() throws {
        let folder = try validateFixture(["bad.ttl": validateViolatingTurtle, "broken.nt": "<http://example.org/a> <http://example.org/b> .\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func run(_ arguments: [String]) throws -> (Int32, String, String) {
            let process = Process()
            process.executableURL = ValidateCommandTests.executable
            process.arguments = ["validate"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: validateRepositoryRoot)
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
        }
        let ok = try run(["out/graph.ttl"])
        #expect(ok.0 == 0)
        #expect(ok.1.hasPrefix("Conforms: no violations, warnings or infos in "))
        let bad = try run([folder + "/bad.ttl", "--format", "github"])
        #expect(bad.0 == 1)
        #expect(bad.1.contains("::error file="))
        let broken = try run([folder + "/broken.nt"])
        #expect(broken.0 == 2)
        #expect(broken.2.contains("broken.nt:1"))
        let usage = try run(["out/graph.ttl", "--format", "yaml"])
        #expect(usage.0 == 2, "a bad option exits 2, as the help says, not swift-argument-parser's 64")
    }
}
