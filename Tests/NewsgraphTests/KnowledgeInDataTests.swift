import Foundation
import Testing
@testable import Build
@testable import Corpus
@testable import Extraction
@testable import Language
@testable import SHACL
@testable import Validation
@testable import Lookup
@testable import Load

/// Knowledge of the world lives in ontology/, not in Swift: no string literal in
/// Sources/ may be the name of a country, organization, person, initiative or
/// place of the lexicon, or quote a sentence of seeds/.
@Suite struct KnowledgeInDataTests {
    static func swiftStringLiterals() throws -> [(file: String, line: Int, text: String)] {
        var out: [(String, Int, String)] = []
        let root = repositoryRoot + "/Sources"
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files.sorted() {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("//") { continue }
                // Every "..." on the line, escapes respected.
                var current: String?
                var escaped = false
                for c in line {
                    if var s = current {
                        if escaped { s.append(c); escaped = false; current = s; continue }
                        if c == "\\" { escaped = true; current = s; continue }
                        if c == "\"" { out.append((file, n + 1, s)); current = nil; continue }
                        s.append(c)
                        current = s
                    } else if c == "\"" {
                        current = ""
                    }
                }
            }
        }
        return out
    }

    @Test func noLexiconNameIsASwiftString() throws {
        let lexicon = try Lexicon.load(from: repositoryRoot + "/ontology/lexicon")
        var names = Set<String>()
        for c in lexicon.countries {
            names.formUnion([c.name] + (c.alt ?? []) + (c.demonyms ?? []) + [c.capital ?? ""] + (c.capitalAlt ?? []))
            if let o = c.official { names.insert(o) }
        }
        for list in [lexicon.organizations, lexicon.initiatives, lexicon.places] {
            for e in list { names.formUnion([e.name] + (e.alt ?? [])) }
        }
        // The people the seeds name, as the build finds them.
        var extractor = Extractor(lexicon: lexicon)
        let seeds = CorpusReader.read(corpora: [repositoryRoot + "/seeds"]).documents.map { extractor.prepare($0.text, document: ExtractionTests.docIRI) }
        extractor.learnPeople(from: seeds)
        for p in extractor.registry.people { names.formUnion(p.variants); names.insert(p.name) }
        #expect(names.count > 300, "the lexicon should name the world's states and organizations")
        // Acronyms ("WHO") are names only in capitals; other names in any case.
        let isAcronym = { (s: String) in s == s.uppercased() && s.count <= 6 }
        let acronyms = Set(names.filter { $0.count >= 2 && isAcronym($0) })
        let folded = Set(names.filter { $0.count >= 3 && !isAcronym($0) }.map { Lexicon.fold($0) })
        let hits = try Self.swiftStringLiterals().filter { folded.contains(Lexicon.fold($0.text)) || acronyms.contains($0.text) }
        #expect(hits.isEmpty, "Swift strings that name entities: \(hits.map { "\($0.file):\($0.line) \"\($0.text)\"" })")
    }

    @Test func noSeedSentenceIsQuotedInSwift() throws {
        let seeds = CorpusReader.read(corpora: [repositoryRoot + "/seeds"]).documents
        let lexicon = try Lexicon.load(from: repositoryRoot + "/ontology/lexicon")
        let extractor = Extractor(lexicon: lexicon)
        var fragments = Set<String>()
        for d in seeds {
            for sentence in extractor.prepare(d.text, document: ExtractionTests.docIRI).sentences {
                // Every run of six words of every sentence.
                let words = sentence.lowercased().split(separator: " ")
                if words.count >= 6 { for i in 0...(words.count - 6) { fragments.insert(words[i..<(i + 6)].joined(separator: " ")) } }
            }
        }
        #expect(fragments.count > 1000)
        let hits = try Self.swiftStringLiterals().filter { lit in
            let words = lit.text.lowercased().split(separator: " ")
            guard words.count >= 6 else { return false }
            return (0...(words.count - 6)).contains { fragments.contains(words[$0..<($0 + 6)].joined(separator: " ")) }
        }
        #expect(hits.isEmpty, "Swift strings that quote a seed: \(hits.map { "\($0.file):\($0.line)" })")
    }
}
