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

/// The graphs the lookup tests read.
enum LookupGraphs {
    /// The seeds' graph, built once into a temporary folder and indexed, as `newsgraph build` leaves it.
    static let seeds: Result<String, any Error> = Result {
        let out = try temporaryFolder("lookup-seeds")
        _ = try Builder.build(BuildOptions(corpora: [repositoryRoot + "/seeds"], outputFolder: out,
                                           ontologyFolder: repositoryRoot + "/ontology"))
        try LookupIndex.write(for: out + "/graph.nt")
        return out + "/graph.nt"
    }

    static let snapshots = repositoryRoot + "/Tests/NewsgraphTests/Snapshots"

    /// The made-up fixture graph (Snapshots/lookup-fixture.ttl) as sorted N-Triples
    /// in a fresh folder of its own, without an index.
    static func fixture() throws -> String {
        let out = try temporaryFolder("lookup-fixture")
        let world = try RaptorWorld()
        var triples = Set<Triple>()
        try world.parse(file: snapshots + "/lookup-fixture.ttl") { triples.insert($0.triple) }
        try world.write(triples.sorted(), syntax: .ntriples, prefixes: standardPrefixes, to: out + "/graph.nt")
        return out + "/graph.nt"
    }
}

func lookup(_ query: String, graph: String? = nil, format: LookupFormat = .text, evidence: Bool = false,
            limit: Int? = nil, useIndex: Bool = true, writeIndex: Bool = true) throws -> LookupOutcome {
    try Lookup.run(LookupOptions(query: query, graphPath: graph ?? LookupGraphs.seeds.get(), format: format, evidence: evidence,
                                 limit: limit, useIndex: useIndex, writeIndex: writeIndex))
}

@Suite struct LookupSeedTests {
    @Test func lukashenkoShowsHisMeetingsWithXiJinpingIncludingBeijingOn20231204() throws {
        let outcome = try lookup("Lukashenko")
        #expect(outcome.exitCode == 0)
        let report = try #require(outcome.report)
        #expect(report.entity.label == "Alexander Lukashenko")
        #expect(report.entity.types.first == "ng:Person")
        let withXi = report.events.items.filter { e in e.type == "ng:Meeting" && e.others.contains { $0.label == "Xi Jinping" } }
        #expect(withXi.count >= 2, "his meetings with Xi Jinping: \(report.events.items.map(\.label))")
        let beijing = try #require(withXi.first { $0.date == "2023-12-04" })
        #expect(beijing.place?.label == "Beijing")
        #expect(beijing.roles == ["participant"])
        #expect(beijing.sources.count == 2)
        // Newest first: the dated meeting before the undated one.
        let dates = report.events.items.map { $0.date ?? "" }
        #expect(dates.first == "2023-12-04")
        #expect(Array(dates.filter { !$0.isEmpty }) == dates.filter { !$0.isEmpty }.sorted(by: >))
        // And the text says so, on one line.
        #expect(outcome.output.contains("2023-12-04  Meeting in Beijing"))
        #expect(outcome.output.contains("with Xi Jinping"))
        // Who he is, his direct relations with the other side's name, his number and his words.
        #expect(report.entity.otherNames.contains("Aleksandr Lukashenko"))
        #expect(report.relations.outgoing.contains { $0.property == "ng:headOf" && $0.items.map(\.label) == ["Belarus"] })
        #expect(report.relations.incoming.contains { $0.property == "ng:allyOf" && $0.items.contains { $0.label == "Vladimir Putin" } })
        #expect(report.observations.items.contains { $0.measure == "meetings" && $0.value == 13 })
        #expect(report.quotations.items.contains { $0.text.contains("dependable friend") })
        #expect(report.documents.total == 5)
    }

    @Test(arguments: ["Ozkan", "ozkan", "ÖZKAN", "Özkan", "Cemal Ege Ozkan"])
    func ozkanFindsOzkan(query: String) throws {
        let outcome = try lookup(query)
        #expect(outcome.exitCode == 0)
        #expect(outcome.report?.entity.label == "Cemal Ege Özkan")
    }

    @Test(arguments: ["SCO", "sco", "Shanghai Cooperation Organisation"])
    func scoFindsTheShanghaiCooperationOrganization(query: String) throws {
        let outcome = try lookup(query)
        #expect(outcome.report?.entity.label == "Shanghai Cooperation Organization")
        #expect(outcome.report?.entity.types.first == "ng:Organization")
        // Belarus's planned accession is among its events, as the target.
        #expect(outcome.report?.events.items.contains { $0.type == "ng:Accession" && $0.planned && $0.roles == ["target"] } == true)
    }

    @Test(arguments: [("Lukashenka", "Alexander Lukashenko"), ("Xi Jinpin", "Xi Jinping"), ("Alexandr Lukashenko", "Alexander Lukashenko"),
                      ("Shanghai Cooperaton Organization", "Shanghai Cooperation Organization")])
    func nearMissesAreForgiven(query: String, expected: String) throws {
        let outcome = try lookup(query)
        #expect(outcome.exitCode == 0)
        #expect(outcome.report?.entity.label == expected)
        #expect(outcome.report?.match.how == "nearMiss")
        #expect(outcome.output.contains("edit"))
    }

    @Test(arguments: [("Putin", "Vladimir Putin", "altLabel"), ("Beijing", "Beijing", "label"), ("peking", "Beijing", "altLabel"),
                      ("wd:Q184", "Belarus", "sameAs"), ("person/xi-jinping", "Xi Jinping", "iri"),
                      ("https://w3id.org/newsgraph/id/country/china", "China", "iri"),
                      ("<https://w3id.org/newsgraph/id/country/china>", "China", "iri")])
    func namesIRIsAndCURIEsFindTheEntity(query: String, expected: String, how: String) throws {
        let outcome = try lookup(query)
        #expect(outcome.report?.entity.label == expected)
        #expect(outcome.report?.match.how == how)
    }

    @Test func anUnknownNameExits1WithTheNearestNames() throws {
        let outcome = try lookup("Lukashevich")
        #expect(outcome.status == .notFound)
        #expect(outcome.exitCode == 1)
        #expect(outcome.output.isEmpty)
        #expect(outcome.candidates?.candidates.first?.label == "Alexander Lukashenko")
        let message = outcome.messages.joined(separator: "\n")
        #expect(message.contains("“Lukashevich”"))
        #expect(message.contains("nearest names"))
        #expect(message.contains("Alexander Lukashenko"))

        let nothing = try lookup("Qzxwv")
        #expect(nothing.exitCode == 1)
        #expect(nothing.messages.last?.contains("no name is close") == true)
    }

    @Test func twoEquallyGoodMatchesAreListedWithTheirTypesAndExit3() throws {
        let outcome = try lookup("China International Import Expo")
        #expect(outcome.status == .ambiguous)
        #expect(outcome.exitCode == 3)
        let candidates = try #require(outcome.candidates?.candidates)
        #expect(candidates.count == 2)
        #expect(candidates.allSatisfy { $0.type == "ng:Exhibition" })
        #expect(outcome.output.contains("matches 2 nodes"))
        #expect(outcome.output.contains("ng:Exhibition"))
        for c in candidates { #expect(outcome.output.contains(c.iri)) }
        // Each candidate's IRI then finds it alone.
        #expect(try lookup(candidates[0].iri).report?.entity.iri == candidates[0].iri)
    }

    @Test func jsonParsesAndMatchesTheDocumentedSchema() throws {
        for (query, evidence) in [("Lukashenko", true), ("China", false), ("Beijing", true), ("Ozkan", false)] {
            let outcome = try lookup(query, format: .json, evidence: evidence)
            let json = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8))
            let problems = LookupSchema.found.problems(json, at: "$", evidence: evidence)
            #expect(problems.isEmpty, "\(query): \(problems)")
        }
        let report = try #require(try JSONSerialization.jsonObject(with: Data(lookup("Lukashenko", format: .json).output.utf8)) as? [String: Any])
        #expect(report["schema"] as? String == "newsgraph-lookup/1")
        let events = try #require((report["events"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(events.contains { $0["date"] as? String == "2023-12-04" && ($0["place"] as? [String: Any])?["label"] as? String == "Beijing" })
        for (query, status) in [("China International Import Expo", "ambiguous"), ("Lukashevich", "notFound")] {
            let outcome = try lookup(query, format: .json)
            let json = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8))
            #expect(LookupSchema.candidates.problems(json, at: "$", evidence: false).isEmpty)
            #expect((json as? [String: Any])?["status"] as? String == status)
        }
    }

    @Test func dotRendersWithGraphviz() throws {
        let outcome = try lookup("Lukashenko", format: .dot)
        #expect(outcome.output.hasPrefix("digraph lookup {"))
        let folder = try temporaryFolder("lookup-dot")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try outcome.output.write(toFile: folder + "/l.dot", atomically: true, encoding: .utf8)
        let dot = Process()
        dot.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        dot.arguments = ["dot", "-Tsvg", folder + "/l.dot", "-o", folder + "/l.svg"]
        let errors = Pipe()
        dot.standardError = errors
        try dot.run()
        dot.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(dot.terminationStatus == 0, "dot -Tsvg failed (is Debian's graphviz installed?): \(message)")
        let svg = try String(contentsOfFile: folder + "/l.svg", encoding: .utf8).replacingOccurrences(of: "&#45;", with: "-")
        #expect(svg.contains("<svg"))
        for name in ["Alexander Lukashenko", "Xi Jinping", "Beijing", "2023-12-04"] {
            #expect(svg.contains(">\(name)</text>"), "\(name) is not in the picture")
        }
    }

    @Test func turtleIsValidAndHoldsTheDescriptionEventsAndObservations() throws {
        let outcome = try lookup("Lukashenko", format: .turtle)
        let world = try RaptorWorld()
        var lookedUp = Set<Triple>()
        try world.parse(string: outcome.output, syntax: .turtle) { lookedUp.insert($0.triple) }
        var whole = Set<Triple>()
        try world.parse(file: try LookupGraphs.seeds.get()) { whole.insert($0.triple) }
        #expect(lookedUp.isSubset(of: whole), "the Turtle states only what the graph states")
        let person = Term.iri(IRI(constant: "https://w3id.org/newsgraph/id/person/alexander-lukashenko"))
        #expect(whole.filter { $0.subject == person }.isSubset(of: lookedUp), "the whole description of the entity")
        let report = try #require(outcome.report)
        for e in report.events.items {
            let node = Term.iri(IRI(constant: e.iri))
            #expect(whole.filter { $0.subject == node }.isSubset(of: lookedUp), "the whole event \(e.label)")
        }
        for o in report.observations.items {
            #expect(lookedUp.contains { $0.subject == .iri(IRI(constant: o.iri)) && $0.predicate == NG.term("value") })
        }
        // The reifications of its own statements (concise bounded description).
        #expect(lookedUp.contains { $0.predicate == RDF.subject && $0.object == person })
        #expect(outcome.output.contains("@prefix ng: <https://w3id.org/newsgraph/ontology#>"))
    }

    @Test func evidenceShowsTheSentenceAndTheDocumentUnderEachFact() throws {
        let plain = try lookup("Lukashenko")
        #expect(plain.output.contains("2 sources"))
        #expect(!plain.output.contains("“Lukashenko, Russian President"))
        let outcome = try lookup("Lukashenko", evidence: true, limit: 0)
        #expect(outcome.output.contains("“Lukashenko, Russian President Vladimir Putin’s close ally, met"))
        #expect(outcome.output.contains("— Decoding China’s Foreign Policy Approach Toward Belarus"))
        let report = try #require(outcome.report)
        let ally = try #require(report.relations.outgoing.first { $0.property == "ng:allyOf" }?.items.first)
        let evidence = try #require(ally.evidence?.first)
        #expect(evidence.document != nil && evidence.rule != nil && evidence.confidence != nil)
        #expect(report.events.items.allSatisfy { !($0.evidence ?? []).isEmpty })
        #expect(plain.report?.events.items.allSatisfy { $0.evidence == nil } == true)
    }

    @Test func textIsAlignedWithin80ColumnsAndColouredOnlyWhenAsked() throws {
        for query in ["Lukashenko", "China", "Belarus", "Beijing", "Xi Jinping"] {
            for evidence in [false, true] {
                let outcome = try lookup(query, evidence: evidence, limit: 0)
                let long = outcome.output.split(separator: "\n").filter { $0.count > 80 }
                #expect(long.isEmpty, "\(query): lines wider than 80 columns: \(long)")
                #expect(!outcome.output.contains("\u{1B}["))
            }
        }
        let colored = try Lookup.run(LookupOptions(query: "Lukashenko", graphPath: LookupGraphs.seeds.get(), color: true))
        #expect(colored.output.contains("\u{1B}[1mAlexander Lukashenko\u{1B}[0m"))
    }

    @Test func limitCutsEachListAndSaysHowManyMore() throws {
        let outcome = try lookup("Lukashenko", limit: 2)
        let report = try #require(outcome.report)
        #expect(report.events.items.count == 2)
        #expect(report.events.total > 2)
        #expect(report.documents.items.count == 2)
        #expect(outcome.output.contains("… \(report.events.total - 2) more (--limit 0 shows all)"))
        let all = try lookup("Lukashenko", format: .json)
        #expect(all.report?.events.items.count == report.events.total, "json shows everything unless --limit is given")
    }

    @Test func aMissingOrUnreadableGraphIsAnErrorWithTheReason() throws {
        let folder = try temporaryFolder("lookup-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect {
            try lookup("x", graph: folder + "/none.nt")
        } throws: { error in
            guard case LookupError.graphUnavailable(_, let reason) = error else { return false }
            return reason == "no such file" && "\(error)".contains(folder + "/none.nt")
        }
        #expect {
            try lookup("x", graph: folder)
        } throws: { "\($0)".contains("it is a folder") }
        try Data("this is not N-Triples\n".utf8).write(to: URL(fileURLWithPath: folder + "/bad.nt"))
        #expect {
            try lookup("x", graph: folder + "/bad.nt")
        } throws: { error in
            guard case LookupError.graphUnreadable = error else { return false }
            return "\(error)".contains("bad.nt:1")
        }
    }
}

@Suite struct LookupFixtureTests {
    @Test func conflictsAreMarkedAndShownWithTheOtherValue() throws {
        let graph = try LookupGraphs.fixture()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: graph).deletingLastPathComponent().path) }
        let outcome = try lookup("Veloria", graph: graph)
        let report = try #require(outcome.report)
        let trade = report.observations.items.filter { $0.measure == "bilateral trade" }
        #expect(trade.count == 2)
        #expect(trade.allSatisfy { $0.conflictsWith.count == 1 })
        #expect(Set(trade.compactMap { $0.conflictsWith.first?.value }) == [1_200_000_000, 1_300_000_000])
        #expect(outcome.output.contains("⚠ conflicts with about 1,300,000,000 USD, 2021 (Ministers meet in\n"))
        #expect(outcome.output.contains("2025        Accession (planned)"))
        #expect(outcome.output.contains("strategic partnership with Norvale"))
    }

    @Test func aSharedNameIsAmbiguousAndAFullNameIsNot() throws {
        let graph = try LookupGraphs.fixture()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: graph).deletingLastPathComponent().path) }
        let lind = try lookup("Lind", graph: graph)
        #expect(lind.exitCode == 3)
        #expect(Set(lind.candidates?.candidates.map(\.label) ?? []) == ["Tomas Lind", "Eva Lind"])
        #expect(try lookup("Tomas Lind", graph: graph).report?.entity.label == "Tomas Lind")
        #expect(try lookup("NTC", graph: graph).report?.entity.label == "Northern Trade Council")
        #expect(try lookup("a.txt", graph: graph).report?.entity.label == "Trade between neighbours")
    }

    /// The formats, verbatim. NEWSGRAPH_RECORD=1 rewrites the files.
    @Test(arguments: [("lookup-varga.txt", LookupFormat.text, false), ("lookup-varga-evidence.txt", .text, true),
                      ("lookup-varga.json", .json, true), ("lookup-varga.dot", .dot, false), ("lookup-varga.ttl", .turtle, false)])
    func snapshots(file: String, format: LookupFormat, evidence: Bool) throws {
        let graph = try LookupGraphs.fixture()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: graph).deletingLastPathComponent().path) }
        let outcome = try lookup("varga", graph: graph, format: format, evidence: evidence)
        let output = outcome.output.replacingOccurrences(of: graph, with: "GRAPH")
        let path = LookupGraphs.snapshots + "/" + file
        if ProcessInfo.processInfo.environment["NEWSGRAPH_RECORD"] == "1" || !FileManager.default.fileExists(atPath: path) {
            try output.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(output == expected, "\(file) differs; NEWSGRAPH_RECORD=1 swift test --filter Lookup rewrites it")
    }
}

@Suite struct LookupNameTests {
    @Test func normalFormsFoldCaseDiacriticsScriptsAndPunctuation() {
        #expect(LookupNames.key("Cemal Ege Özkan") == "cemal ege ozkan")
        #expect(LookupNames.key("  People’s Republic of  China ") == "peoples republic of china")
        #expect(LookupNames.key("P.R.C.") == "p r c")
        #expect(LookupNames.key("Łukasz Żółć") == "lukasz zolc")
        #expect(LookupNames.key("Лукашенко") == "lukasenko")
        #expect(LookupNames.key("Straße") == "strasse")
        #expect(LookupNames.key("U.S.-China") == "u s china")
    }

    @Test func acronymsSkipFunctionWords() {
        #expect(LookupNames.acronym(ofKey: "shanghai cooperation organization") == "sco")
        #expect(LookupNames.acronym(ofKey: "belt and road initiative") == "bri")
        #expect(LookupNames.acronym(ofKey: "belarus") == nil)
    }

    @Test func distancesAreBoundedAndCountSwapsOnce() {
        #expect(LookupNames.distance("lukashenka", "lukashenko", limit: 2) == 1)
        #expect(LookupNames.distance("xi jinpin", "xi jinping", limit: 2) == 1)
        #expect(LookupNames.distance("lukahsenko", "lukashenko", limit: 2) == 1)
        #expect(LookupNames.distance("lukashevich", "lukashenko", limit: 2) == nil)
        #expect(LookupNames.distance("lukashevich", "lukashenko", limit: 5) == 4)
        #expect(LookupNames.distance("", "abc", limit: 3) == 3)
        #expect(LookupNames.forgivenDistance(forLength: 3) == 0)
        #expect(LookupNames.forgivenDistance(forLength: 10) == 2)
    }
}

/// The command as a user runs it (the binary, through `CLI` of CLITests.swift).
@Suite struct LookupCommandTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLI.binary), "the newsgraph binary is built"))
    func theCommandExitsWithTheDocumentedStatuses() throws {
        let graph = try LookupGraphs.seeds.get()
        let found = try CLI.run(["lookup", "Lukashenko", "--graph", graph])
        #expect(found.status == 0)
        #expect(found.stdout.contains("2023-12-04  Meeting in Beijing"))
        #expect(!found.stdout.contains("\u{1B}["), "no color when stdout is not a terminal")
        let unknown = try CLI.run(["lookup", "Lukashevich", "--graph", graph])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("nearest names") && unknown.stderr.contains("Alexander Lukashenko"))
        let ambiguous = try CLI.run(["lookup", "China International Import Expo", "--graph", graph])
        #expect(ambiguous.status == 3)
        #expect(ambiguous.stdout.contains("ng:Exhibition"))
        let missing = try CLI.run(["lookup", "Lukashenko", "--graph", graph + ".missing"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot open the graph \(graph).missing: no such file"))
        let json = try CLI.run(["lookup", "SCO", "--graph", graph, "--format", "json"])
        #expect(json.status == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["status"] as? String == "found")
    }
}
