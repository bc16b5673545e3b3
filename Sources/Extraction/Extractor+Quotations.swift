import Foundation
import Facts
import Language
import RDFModel

/// Quotations and the speakers they are said by, and partnerships.
extension Extractor {
    // MARK: Quotations

    func quotations(_ s: Sentence, _ f: inout DocumentFacts, lastReporter: inout (sentence: String, speaker: EntityRef)?) {
        let text = s.evidence.sentence
        let chars = Array(text)
        var spans: [String] = []
        var i = 0
        let openers: [Character: Character] = ["“": "”", "\"": "\"", "‘": "’"]
        while i < chars.count {
            if let closer = openers[chars[i]], let j = chars[(i + 1)...].firstIndex(of: closer) {
                let inner = String(chars[(i + 1)..<j]).trimmingCharacters(in: CharacterSet(charactersIn: " ,."))
                if inner.split(separator: " ").count >= 3 { spans.append(inner) }
                i = j + 1
            } else {
                i += 1
            }
        }
        // A quotation whose opening mark was lost: text up to a closing mark, then "… said".
        if spans.isEmpty, let close = chars.firstIndex(where: { $0 == "”" }), !chars[..<close].contains("“") {
            let inner = String(chars[..<close]).trimmingCharacters(in: CharacterSet(charactersIn: " ,."))
            if inner.split(separator: " ").count >= 5 { spans.append(inner) }
        }
        let speaker: EntityRef
        if let found = reporter(s) {
            speaker = found
            lastReporter = (s.evidence.sentence, found)
            guard !spans.isEmpty else { return }
        } else {
            // A quotation that is a sentence of its own, right after the sentence that named its speaker.
            let whole = spans.count == 1 && spans[0].count * 10 >= text.count * 8
            guard whole, let last = lastReporter, last.sentence == s.previous else { return }
            speaker = last.speaker
            lastReporter = (s.evidence.sentence, last.speaker)
        }
        // The date the words were said, where the sentence gives one at day precision.
        let date = s.dates.first { $0.date.day != nil && $0.end == nil }?.date
        for span in spans {
            f.quotations.append(QuotationFact(speaker: speaker, text: span, date: date, evidence: s.evidence))
        }
    }

    /// Who a sentence says is speaking: a person right before or after its reporting verb ("X said",
    /// "said X", "X added:"), a pronoun for the last person, else a state or organization in those
    /// places ("the ministry said").
    func reporter(_ s: Sentence) -> EntityRef? {
        let t = s.tokens
        let reporting = lexicon.patterns.reporting
        guard let r = t.indices.first(where: { k in reporting.contains(t[k].lower) && t[k].lower != "according" }) else { return nil }
        // Names inside the quoted words are what is said, not who says it.
        let outside = s.mentions.filter { $0.role == .entity && !t[$0.range.lowerBound].quoted }
        func before(_ kinds: Set<EntityKind>) -> EntityRef? {
            outside.last { kinds.contains($0.ref.kind) && $0.range.upperBound <= r && r - $0.range.upperBound <= 2 }?.ref
        }
        // "said X": only a person after the verb, and close to it ("warned the Philippines" names the one warned).
        let after = outside.first { $0.ref.kind == .person && $0.range.lowerBound > r && $0.range.lowerBound - r <= 3 }?.ref
        if let person = before([.person]) ?? after { return person }
        if r > 0, ["he", "she"].contains(t[r - 1].lower), let last = s.lastPerson { return last }
        if let first = outside.first(where: { $0.ref.kind == .person && $0.range.upperBound <= r }) { return first.ref }
        return before([.organization, .country])
    }

    // MARK: Partnerships

    func partnerships(_ s: Sentence, _ f: inout DocumentFacts) {
        let lower = Lexicon.fold(s.evidence.sentence).replacingOccurrences(of: "‐", with: "-")
        guard let level = lexicon.patterns.partnershipLevels.sorted(by: { $0.count > $1.count }).first(where: { lower.contains($0) }) else { return }
        // The parties: the two countries named, or the pair in focus when it is named or alluded to.
        var parties = Set(s.mentions.filter { $0.ref.kind == .country && $0.role != .title }.map(\.ref))
        if parties.count != 2 {
            guard s.pair.count == 2, parties.count < 2 || Set(s.pair).isSubset(of: parties) else { return }
            parties = Set(s.pair)
        }
        // The date nearest the level's words: "the visit from 10 to 11 September marked … their partnership (2013-2023)".
        let at = Cue.find(level, in: s.tokens) ?? 0
        let date = s.dates.min { abs($0.range.lowerBound - at) < abs($1.range.lowerBound - at) }.map(\.date)
        f.partnerships.append(PartnershipFact(parties: parties, level: level, date: date, evidence: s.evidence))
    }
}
