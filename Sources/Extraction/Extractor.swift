import Foundation
import Language
import RDFModel

/// What the stages of the pipeline (``Pipeline``) share: the lexicon, the people learnt
/// from the corpus, and the word sets the rules read. Every rule is a general mechanism;
/// the words it looks for come from the lexicon.
public struct Extractor: Sendable {
    let lexicon: Lexicon
    package var registry: PersonRegistry
    let dates: DateParser
    let abbreviations: Set<String>
    /// Words that start sentences in capitals but never name a person: prepositions, determiners,
    /// pronouns, connectives, months and weekdays.
    let notNames: Set<String>
    /// The honorifics as lower-case token sequences, longest first, and every word of them.
    let honorificTokens: [[String]]
    let honorificWords: Set<String>
    /// The light verbs in the present tense ("imposes", "holds"): read for every undated event.
    let presentLightVerbs: Set<String>
    /// The collective nouns after an organization that restates a list ("the O bloc"), as words.
    let collectiveNounWords: [[String]]
    /// The words that end organization and initiative names ("Party", "Council"): no part of a person's name.
    let shapeWords: Set<String>
    /// The count verbs as word sequences, longest first, and those of one word by word: read for every figure.
    let countVerbWords: [([String], String)]
    let oneWordCountVerbs: [String: String]
    /// The one-word reporting verbs ("said", "announced") that open a reported clause.
    let reportingWords: Set<String>
    /// Finite verbs with no "-ed" ending that a clause may turn on: the bare event verbs ("met"), the
    /// one-word light verbs ("held") and the reporting verbs ("said").
    let finiteVerbs: Set<String>
    /// The bound cues before a figure as word sequences with their meaning, longest first, so that the
    /// answer never hangs on a dictionary's order ("more than" before "than"): read for every figure.
    let boundCues: [(words: [String], meaning: String)]

    /// The sentence stages, in order.
    public let pipeline: Pipeline

    public init(lexicon: Lexicon, pipeline: Pipeline = .standard) {
        self.lexicon = lexicon
        self.pipeline = pipeline
        self.registry = PersonRegistry(variantGroups: lexicon.patterns.givenNameVariants)
        self.dates = DateParser(patterns: lexicon.patterns)
        self.abbreviations = Set(lexicon.patterns.abbreviations)
        let g = lexicon.patterns.grammar
        self.notNames = g.prepositions.union(g.determiners).union(g.pronouns).union(g.clauseConnectives)
            .union(lexicon.patterns.months).union(lexicon.patterns.weekdays)
        let countVerbs = lexicon.patterns.countVerbs ?? []
        self.countVerbWords = countVerbs.map { (Cue.cueWords($0.cue), $0.measure) }.sorted { $0.0.count > $1.0.count }
        self.oneWordCountVerbs = Dictionary(countVerbs.filter { !$0.cue.contains(" ") }.map { ($0.cue, $0.measure) }, uniquingKeysWith: { a, _ in a })
        self.reportingWords = Set(lexicon.patterns.reporting.filter { !$0.contains(" ") })
        self.finiteVerbs = reportingWords.union(g.bareEventVerbs).union((lexicon.patterns.lightVerbs ?? []).filter { !$0.contains(" ") && !$0.hasSuffix("ing") })
        self.boundCues = lexicon.patterns.bounds.sorted { ($0.key.count, $1.key) > ($1.key.count, $0.key) }
            .map { (Cue.cueWords($0.key), $0.value) }
        self.shapeWords = Set((lexicon.patterns.organizationShapes + lexicon.patterns.initiativeShapes).map { $0.lowercased() })
        self.honorificTokens = g.honorifics.map { Tokenizer.tokens($0).map(\.lower) }.sorted { $0.count > $1.count }
        self.honorificWords = Set(honorificTokens.joined())
        self.presentLightVerbs = Set((lexicon.patterns.lightVerbs ?? []).filter { $0.hasSuffix("s") && !$0.hasSuffix("ss") })
        self.collectiveNounWords = (g.collectiveNouns ?? []).map(Cue.cueWords)
    }

    /// The first token at or after `i` that is no form of address: "Sheikh X", "His Excellency Dr X".
    func pastHonorifics(_ t: [Token], _ i: Int) -> Int {
        var j = i
        while let h = honorificTokens.first(where: { Cue.matches($0, at: j, in: t) }) { j += h.count }
        return j
    }

    // MARK: - People (first pass over the corpus)

    /// Full names that follow a title or stand as a by-line: "President X Y", with the rule that found each.
    func personNames(in prepared: Reading) -> [(name: String, rule: String)] {
        var names: [(name: String, rule: String)] = []
        let common = Set(prepared.tokens.joined().filter { $0.isWord && !$0.isCapitalized }.map(\.lower))
        // Names are learnt from sentences, not from title-case headlines, where a name cannot be told
        // from the words after it ("X Y Attends Inauguration"), unless the office table knows it.
        let sentences = prepared.tokens.filter { !Cue.isHeadline($0) }
        for t in prepared.tokens where Cue.isHeadline(t) {
            for m in mentions(t) where m.role == .title {
                guard let run = nameAfter(t, m.range.upperBound)?.split(separator: " ").map(String.init) else { continue }
                if let n = (2...run.count).reversed().first(where: { lexicon.offices.knows(run[0..<$0].joined(separator: " ")) }) {
                    names.append((run[0..<n].joined(separator: " "), "person.title"))
                }
            }
        }
        for t in sentences {
            let ms = mentions(t)
            for m in ms where m.role == .title {
                if let name = nameAfter(t, m.range.upperBound) { names.append((name, "person.title")) }
                // "Ruritania's acting prime minister, X Y": the name after a comma.
                if m.range.upperBound < t.count, t[m.range.upperBound].text == ",", let name = nameAfter(t, m.range.upperBound + 1) {
                    names.append((name, "person.title"))
                }
                // "the President of A, X Y", "Speaker of the National Assembly X Y", "ambassador to A, X Y": the
                // office's institution or post, then the name.
                var k = m.range.upperBound
                if k < t.count, t[k].lower == "of" || t[k].lower == "to" {
                    k += 1
                    if k < t.count, t[k].lower == "the" { k += 1 }
                    var named = true
                    if let owner = ms.first(where: { $0.range.lowerBound == k && $0.role == .entity && $0.ref.kind.isActor && $0.ref.kind != .person }) {
                        k = owner.range.upperBound
                    } else {
                        while k < t.count, t[k].isCapitalized { k += 1 }
                        named = k < t.count && t[k].text == ","
                    }
                    if k < t.count, t[k].text == "," { k += 1 }
                    if named, let name = nameAfter(t, k) { names.append((name, "person.title-of")) }
                }
                // "X Y, Ruritania's trade minister," and "X Y, the country's envoy,": the name before the apposition.
                if let comma = appositionComma(t, ms, title: m), let name = nameBefore(t, comma, common: common) {
                    // "Minister for Economic Affairs X Y, …": no word of a title before the name is part of it.
                    let start = comma - name.split(separator: " ").count
                    if !ms.contains(where: { $0.role == .title && $0.range.contains(start) }) { names.append((name, "person.apposition")) }
                }
            }
        }
        // "…," Josep Borrell said / said Wang Yi
        let reporting = Set(lexicon.patterns.reporting)
        for t in sentences {
            for r in t.indices where reporting.contains(t[r].lower) {
                if let name = nameBefore(t, r, common: common) { names.append((name, "person.attribution")) }
                if let name = nameAfter(t, r + 1) { names.append((name, "person.attribution")) }
            }
        }
        names += byline(prepared).map { ($0.name, "person.byline") }
        // A full name the lexicon knows is a person wherever it stands, headlines included.
        let particles = Set(lexicon.patterns.nameParticles ?? [])
        for t in prepared.tokens {
            for m in lexicon.people.matches(in: t, particles: particles) {
                names.append((t[m.range].map(\.text).joined(separator: " "), "person.lexicon"))
            }
        }
        return names
    }

    /// The comma that opens an apposition ending in `title`: "X, Ruritania's president", "X, the
    /// Ruritanian envoy", "X, the country's foreign minister". Nil when the title does not stand so.
    func appositionComma(_ t: [Token], _ ms: [Mention], title m: Mention) -> Int? {
        // An apposition ends with its title: "X, Ruritania's president, said"; in "…, Ruritania's President Y Z" the title names Y Z.
        var close = m.range.upperBound
        if close + 1 < t.count, t[close].lower == "of" {
            // "X, prime minister of Ruritania," / "X, head of the Fars Prisons Department,"
            close += t[close + 1].lower == "the" ? 2 : 1
            if let owner = ms.first(where: { $0.range.lowerBound == close && $0.role == .entity }) { close = owner.range.upperBound }
            while close < t.count, t[close].isCapitalized || ["of", "and", "for", "the"].contains(t[close].text) { close += 1 }
        }
        // "Vice President (Operations 1) X Y": a parenthesis between the title and a name changes nothing.
        if close < t.count, t[close].text == "(", let shut = t[close...].firstIndex(where: { $0.text == ")" }) { close = shut + 1 }
        guard close == t.count || !(t[close].isCapitalized && t[close].isWord) else { return nil }
        var b = m.range.lowerBound - 1
        while b >= 0, lexicon.patterns.titleModifiers.contains(t[b].lower) { b -= 1 }
        if b >= 0, t[b].text == "'s" || t[b].text == "'" {
            b -= 1
            if let owner = ms.first(where: { $0.range.upperBound == b + 1 && $0.role == .entity && $0.ref.kind.isActor }) {
                b = owner.range.lowerBound - 1
            } else if b >= 1, t[b - 1].lower == "the", t[b].isWord, !t[b].isCapitalized {
                b -= 1  // "the country's": the article's word for a state named before
            } else {
                return nil
            }
        } else if let owner = ms.first(where: { $0.range.upperBound == b + 1 && $0.role == .demonym }) {
            b = owner.range.lowerBound - 1
        }
        if b >= 0, t[b].lower == "the" { b -= 1 }
        guard b >= 1, t[b].text == "," else { return nil }
        return b
    }

    /// Two to four capitalized words at `i` that name no known entity.
    func nameAfter(_ t: [Token], _ i: Int) -> String? {
        let particles = Set(lexicon.patterns.nameParticles ?? [])
        func known(_ k: Int) -> Bool { lexicon.entries(t[k].text).contains { $0.kind != .place } }
        /// Known only as a city or place ("Sofia", "Victoria"): may be a first name.
        func onlyPlace(_ k: Int) -> Bool {
            let e = lexicon.entries(t[k].text)
            return !e.isEmpty && e.allSatisfy { $0.kind == .capital || $0.kind == .place }
        }
        func nameWord(_ k: Int) -> Bool {
            k < t.count && t[k].isCapitalized && t[k].isWord && t[k].text.count > 1 && !notNames.contains(t[k].lower)
                && !shapeWords.contains(t[k].lower) && !inTitle(t, k)
        }
        // "His Excellency President Dr X Y": forms of address are no part of the name.
        var j = pastHonorifics(t, i)
        var parts: [String] = []
        while j < t.count, parts.count < 6 {
            if nameWord(j), !known(j) || (parts.isEmpty && onlyPlace(j) && nameWord(j + 1) && !known(j + 1)) {
                // A first name that is also a city ("Sofia", "Victoria") is a name when a surname follows.
                parts.append(normalCase(t[j].text))
                j += 1
            } else if !parts.isEmpty, particleJoined(t[j], particles) {
                // "Abdel Fattah al-Sissi": a particle written onto the surname.
                parts.append(t[j].text)
                j += 1
            } else if !parts.isEmpty, particles.contains(t[j].text), j + 1 < t.count,
                      nameWord(j + 1) || (particles.contains(t[j + 1].text) && nameWord(j + 2)) {
                parts.append(t[j].text)
                j += 1
            } else {
                break
            }
        }
        guard parts.count >= 2 else { return nil }
        return parts.joined(separator: " ")
    }

    /// A name particle joined by a hyphen to a capitalized word: "al-Sissi", "el-Sisi", "ad-Din".
    func particleJoined(_ tok: Token, _ particles: Set<String>) -> Bool {
        guard let dash = tok.text.firstIndex(of: "-"), particles.contains(String(tok.text[..<dash])) else { return false }
        return tok.text[tok.text.index(after: dash)...].first?.isUppercase ?? false
    }

    /// Whether token `k` is part of a title of two or more words ("Treasury Secretary"): no part of a name.
    func inTitle(_ t: [Token], _ k: Int) -> Bool {
        for start in max(0, k - 3)...k {
            for n in 2...4 where start + n > k && start + n <= t.count {
                let surface = t[start..<(start + n)].map(\.text).joined(separator: " ")
                if lexicon.index[Lexicon.fold(surface)]?.contains(where: { $0.kind == .title }) == true { return true }
            }
        }
        return false
    }

    /// A name that ends right before `end` ("… Josep Borrell said"): up to four capitalized words,
    /// none of which the document also writes in lower case (as "policy" in "Security Policy").
    func nameBefore(_ t: [Token], _ end: Int, common: Set<String> = []) -> String? {
        var start = end
        while start > 0, end - start < 4, t[start - 1].isCapitalized, t[start - 1].isWord, t[start - 1].text.count > 1,
              !common.contains(t[start - 1].lower) { start -= 1 }
        var k = start
        while k < end {
            // "the White House said": a name with an article before it names no person.
            if k > 0, grammar.determiners.contains(t[k - 1].lower) { k += 1; continue }
            if let name = nameAfter(t, k), name.split(separator: " ").count == end - k { return name }
            k += 1
        }
        return nil
    }

    func normalCase(_ w: String) -> String {
        guard w.count > 2, w == w.uppercased() else { return w }
        return w.prefix(1) + w.dropFirst().lowercased()
    }

    /// An author line: a short line of 2–4 capitalized words, alone, followed or
    /// preceded by a "Title, Organization" line, or the line after the title.
    func byline(_ p: Reading) -> [(name: String, title: String?, org: String?)] {
        var out: [(String, String?, String?)] = []
        let lines = p.lines.filter { !$0.text.isEmpty }.map(\.text)
        let cues = (lexicon.patterns.bylineCues ?? []).sorted { $0.count > $1.count }
        for (k, line) in lines.enumerated() {
            // "By Name", "Reporting by Name, City"
            if let cue = cues.first(where: { line.lowercased().hasPrefix($0 + " ") }) {
                let rest = line.dropFirst(cue.count + 1).split(separator: ",")[0].trimmingCharacters(in: .whitespaces)
                if let name = nameAfter(Tokenizer.tokens(rest), 0), name.split(separator: " ").count == rest.split(separator: " ").count {
                    out.append((name, nil, nil))
                    continue
                }
            }
            // "Name / Title, Organization"
            let slash = line.components(separatedBy: " / ")
            if slash.count == 2, let name = nameAfter(Tokenizer.tokens(slash[0]), 0),
               name.split(separator: " ").count == slash[0].split(separator: " ").count {
                let parts = slash[1].split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                let isTitle = parts.count == 2 && (lexicon.index[Lexicon.fold(parts[0])]?.contains { $0.kind == .title } ?? false)
                out.append((name, isTitle ? parts[0] : nil, isTitle ? parts[1] : nil))
                continue
            }
            // "Name is a contributing writer at …" in the last lines.
            if k >= lines.count - 3, let range = line.range(of: " is a") ?? line.range(of: " is an"),
               let name = nameAfter(Tokenizer.tokens(String(line[..<range.lowerBound])), 0),
               name.split(separator: " ").count == line[..<range.lowerBound].split(separator: " ").count {
                out.append((name, nil, nil))
                continue
            }
            let words = line.split(separator: " ")
            guard (2...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." } }) else { continue }
            let tokens = Tokenizer.tokens(line)
            guard mentions(tokens).filter({ $0.role != .title && $0.ref.kind != .person }).isEmpty else { continue }
            let name = words.map { normalCase(String($0)) }.joined(separator: " ")
            var title: String?
            var org: String?
            if k + 1 < lines.count {
                let next = lines[k + 1]
                let parts = next.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, lexicon.index[Lexicon.fold(parts[0])]?.contains(where: { $0.kind == .title }) == true {
                    title = parts[0]
                    org = parts[1]
                }
                // A biography that starts with the name: "Name Surname, born …".
                if title == nil, !Lexicon.fold(next).hasPrefix(Lexicon.fold(name)) && k > 3 && k < lines.count - 2 { continue }
            }
            let nearTop = k <= 4
            let nearEnd = k >= lines.count - 4
            if nearTop || nearEnd || title != nil { out.append((name, title, org)) }
        }
        return out
    }
}
