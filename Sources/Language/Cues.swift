/// Cues in tokens: where a lexicon's cue words stand in a sentence, and the shapes of sentences
/// and short forms that every stage reads. Pure functions of tokens; no knowledge of facts.
public enum Cue {
    /// "Kishida to visit": "to" right after a name and before a lower-case word. "Chile, Peru agree to
    /// ceasefire" is no infinitive of a name: the word before "to" is a verb.
    public static func headlineInfinitive(_ t: [Token], _ k: Int) -> Bool {
        k > 0 && k + 1 < t.count && t[k].lower == "to" && t[k - 1].isCapitalized && t[k - 1].isWord
            && t[k + 1].isWord && !t[k + 1].isCapitalized && !t[k + 1].isNumber
    }

    public static func find(_ cue: String, in t: [Token], from: Int = 0) -> Int? {
        // Most cues are plain words and spaces: matched byte by byte against the tokens, with no array or
        // string made per call (profiling showed splitting the cue taking a fifth of a build).
        let bytes = cue.utf8
        if let first = bytes.first, first != 0x20, bytes.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x20 }) {
            guard from >= 0 else { return nil }
            for i in from..<max(from, t.count) where t[i].lower.utf8.first == first && matchesPlain(bytes, at: i, in: t) { return i }
            return nil
        }
        let words = cueWords(cue)
        guard !words.isEmpty, t.count >= words.count, from <= t.count - words.count else { return nil }
        for i in from...(t.count - words.count) where matches(words, at: i, in: t) { return i }
        return nil
    }

    /// A cue's lower-case words. Most cues are plain words and spaces, split without the tokenizer
    /// (profiling showed the tokenizer run on cue strings taking most of a build).
    public static func cueWords(_ cue: String) -> [String] {
        if cue.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x20 }) { return cue.split(separator: " ").map(String.init) }
        return Tokenizer.tokens(cue).map(\.lower)
    }

    /// Whether the plain cue `cue` (lower-case ASCII words, one space apart) stands in `t` from token `k` on.
    static func matchesPlain(_ cue: String.UTF8View, at k: Int, in t: [Token]) -> Bool {
        var j = k
        var start = cue.startIndex
        while start < cue.endIndex {
            let end = cue[start...].firstIndex(of: 0x20) ?? cue.endIndex
            if end > start {
                guard j < t.count, t[j].lower.utf8.elementsEqual(cue[start..<end]) else { return false }
                j += 1
            }
            start = end == cue.endIndex ? end : cue.index(after: end)
        }
        return j > k
    }

    /// Whether the lower-cased `words` stand in `t` from token `k` on.
    public static func matches(_ words: [String], at k: Int, in t: [Token]) -> Bool {
        k >= 0 && k + words.count <= t.count && (0..<words.count).allSatisfy { t[k + $0].lower == words[$0] }
    }

    /// A headline in title case capitalizes common words ("Foreign Policy Approach", "X Attends
    /// Inauguration"), so no shape or name can be delimited in it. A sentence that ends in a full
    /// stop, a question or an exclamation is no headline.
    public static func isHeadline(_ t: [Token]) -> Bool {
        let words = t.filter { $0.isWord && $0.text.count > 3 }
        return !endsAsSentence(t) && words.count >= 3 && words.filter(\.isCapitalized).count * 10 >= words.count * 7
    }

    /// The sentence's closing mark, behind any closing quotation mark or parenthesis.
    public static func closingMark(_ t: [Token]) -> String? {
        t.last(where: { !["\"", "'", "”", ")"].contains($0.text) })?.text
    }

    /// Whether a sentence ends in a full stop, a question mark or an exclamation mark.
    public static func endsAsSentence(_ t: [Token]) -> Bool { [".", "?", "!"].contains(closingMark(t) ?? "") }

    /// Two to ten letters or digits, at least two of them capitals, starting with a letter: "NATO", "iCET", "G7".
    public static func isShortForm(_ s: String) -> Bool {
        guard (2...10).contains(s.count), s.first?.isLetter == true,
              s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "&" || $0 == "-" }) else { return false }
        return s.filter(\.isUppercase).count >= 2
    }

    /// Whether `short` is made of the initials of `words`: of the capitalized words
    /// ("North Atlantic Treaty Organization"), or of every word but "the" and "and"
    /// ("Economic Community of West African States" gives ECOWAS). Hyphenated parts count
    /// as words ("Trans-Saharan" gives "TS").
    public static func abbreviates(_ short: String, _ words: ArraySlice<Token>) -> Bool {
        let letters = String(short.uppercased().filter(\.isLetter))
        guard letters.count >= 2 else { return false }
        let parts = words.filter(\.isWord).flatMap { $0.text.split(separator: "-").map(String.init) }
        let capitalized = String(parts.compactMap { $0.first }.filter(\.isUppercase)).uppercased()
        let linking = String(parts.filter { !["the", "and", "&"].contains($0.lowercased()) }.compactMap(\.first)).uppercased()
        return letters == capitalized || letters == linking
    }
}
