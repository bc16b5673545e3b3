import Foundation
import RDFModel
import Testing
@testable import Build
@testable import Extraction
@testable import Language
@testable import Lookup

/// The output vocabulary has one home, `ontology/`: an event class and a relation that the
/// project has never heard of, added as data only, are extracted, validated, labelled and shown.
@Suite struct ExtensibilityTests {
    /// A copy of `ontology/` with a made-up event class (ng:Regatta) and relation (ng:rivalOf).
    static func extendedOntology() throws -> String {
        let folder = try temporaryFolder("extended-ontology")
        let fm = FileManager.default
        try fm.removeItem(atPath: folder)
        try fm.copyItem(atPath: repositoryRoot + "/ontology", toPath: folder)
        let turtle = """

            ng:Regatta a owl:Class ;
                rdfs:subClassOf ng:Event ;
                rdfs:label "regatta"@en ;
                rdfs:comment "A made-up event class for a test."@en .

            ng:rivalOf a owl:ObjectProperty ;
                rdfs:label "rival of"@en ;
                rdfs:domain ng:Actor ;
                rdfs:range ng:Actor .

            """
        let handle = try #require(FileHandle(forWritingAtPath: folder + "/newsgraph.ttl"))
        handle.seekToEndOfFile()
        handle.write(Data(turtle.utf8))
        try handle.close()

        let patternsPath = folder + "/lexicon/patterns.json"
        var patterns = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: patternsPath))) as? [String: Any])
        var events = try #require(patterns["events"] as? [[String: Any]])
        events.append(["id": "regatta", "class": "Regatta", "cameo": "043", "cues": ["regatta"], "subjectRole": "participant",
                       "objectRole": "participant", "preps": ["in": "location", "with": "participant"]])
        patterns["events"] = events
        var frames = try #require(patterns["eventFrames"] as? [String: Any])
        frames["Regatta"] = ["minParties": 2, "nominalSubject": true, "label": "Regatta of {everyone}[ in {hosts}]"]
        patterns["eventFrames"] = frames
        var relations = try #require(patterns["relations"] as? [[String: Any]])
        relations.append(["id": "rival", "property": "rivalOf", "form": "relation", "cues": ["rival of"], "confidence": 0.8])
        patterns["relations"] = relations
        try JSONSerialization.data(withJSONObject: patterns, options: [.sortedKeys]).write(to: URL(fileURLWithPath: patternsPath))
        return folder
    }

    @Test func aMadeUpEventClassAndRelationAreExtractedValidatedLabelledAndShown() throws {
        let ontology = try Self.extendedOntology()
        let corpus = try temporaryFolder("extended-corpus")
        try """
            Sailing diplomacy
            Published 6 May 2021

            Peru and Chile held a regatta in Valparaíso on 4 May 2021.
            Peru is a rival of Chile in the Pacific.
            """.write(toFile: corpus + "/regatta.txt", atomically: true, encoding: .utf8)
        let out = try temporaryFolder("extended-out")
        let report = try Builder.build(BuildOptions(corpora: [corpus], outputFolder: out, ontologyFolder: ontology))
        #expect(report.rejected.isEmpty, "rejected: \(report.rejected.map(\.reason))")
        #expect(report.classCounts[NG.term("Regatta")] == 1)

        let nt = try String(contentsOfFile: out + "/graph.nt", encoding: .utf8)
        #expect(nt.contains("<\(NG.ns)Regatta>"))
        #expect(nt.contains("\"Regatta of Chile and Peru, 2021-05-04\""))
        let rival = nt.split(separator: "\n").filter { $0.contains("> <\(NG.ns)rivalOf> <") }
        #expect(rival.count == 1)
        #expect(rival.first?.hasPrefix("<\(BuildOptions.defaultBase)country/peru>") == true)

        // The same ontology without the additions rejects both, with reasons: validation reads the ontology.
        let plain = try temporaryFolder("extended-plain-out")
        let strict = try Builder.build(BuildOptions(corpora: [corpus], outputFolder: plain, ontologyFolder: ontologyWithoutTurtleAdditions(ontology)))
        #expect(strict.rejected.contains { $0.triple.object == .iri(NG.term("Regatta")) })
        #expect(strict.rejected.contains { $0.triple.predicate == NG.term("rivalOf") })

        let outcome = try Lookup.run(LookupOptions(query: "Peru", graphPath: out + "/graph.nt", format: .text, limit: 0))
        #expect(outcome.status == .found)
        // Lookup names the event by its class's label in the ontology, and the relation by its own.
        #expect(outcome.output.contains("Regatta in Valparaíso"))
        #expect(outcome.output.contains("as participant · with Chile"))
        #expect(outcome.output.contains("rival of    Chile"))
    }

    /// The extended lexicon with the stock ontology and shapes.
    func ontologyWithoutTurtleAdditions(_ extended: String) throws -> String {
        let folder = try temporaryFolder("extended-lexicon-only")
        let fm = FileManager.default
        try fm.removeItem(atPath: folder)
        try fm.copyItem(atPath: repositoryRoot + "/ontology", toPath: folder)
        try fm.removeItem(atPath: folder + "/lexicon/patterns.json")
        try fm.copyItem(atPath: extended + "/lexicon/patterns.json", toPath: folder + "/lexicon/patterns.json")
        return folder
    }
}

@Suite struct LexiconFrameTests {
    @Test(arguments: [
        (#"{"requires": ["visitor"]}"#, "unknown role \"visitor\""),
        (#"{"requires": ["target:planet"]}"#, "unknown kind \"planet\""),
        (#"{"label": "Visit of {guests}"}"#, "unknown placeholder {guests}"),
        (#"{"drop": {"host": "visitor"}}"#, "unknown role in"),
        (#"{"drop": {"everyone": "target"}}"#, "cannot be dropped from"),
    ])
    func aFrameThatNamesWhatDoesNotExistIsAnError(frame: String, message: String) throws {
        let decoded = try JSONDecoder().decode(Lexicon.EventFrame.self, from: Data(frame.utf8))
        let problem = try #require(decoded.problem(class: "Visit"))
        #expect(problem.contains(message))
        #expect(problem.hasPrefix("eventFrames.Visit."))
    }

    @Test func theShippedFramesAreSound() throws {
        for (cls, frame) in ExtractionTests.lexicon.patterns.eventFrames { #expect(frame.problem(class: cls) == nil) }
    }
}
