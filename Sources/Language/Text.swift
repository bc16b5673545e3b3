import Foundation

/// Stage 1 and 3 of the pipeline: cleaning the text of an article, and
/// splitting it into paragraphs, sentences and tokens.
public enum TextCleaner {
    /// Whether `scalar` is one of Unicode's 66 noncharacters.
    public static func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
        (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE
    }

    /// The article's lines with page furniture, link syntax and escapes removed,
    /// control characters dropped, noncharacters replaced and line ends normalized.
    /// Each kept line keeps its 1-based line number in the original file.
    public static func lines(of text: String, patterns: Lexicon.Patterns) -> [(number: Int, text: String)] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var out: [(Int, String)] = []
        for (i, raw) in normalized.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var scalars = String.UnicodeScalarView()
            for scalar in raw.unicodeScalars where scalar.value >= 0x20 && scalar.value != 0x7F || scalar == "\t" {
                // Noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, the last two of every plane) are not text, and
                // Raptor's Turtle writer cuts a literal at one: each becomes U+FFFD.
                scalars.append(TextCleaner.isNoncharacter(scalar) ? "\u{FFFD}" : scalar)
            }
            var line = String(scalars).replacingOccurrences(of: "\t", with: " ")
            line = stripMarkup(line).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { out.append((i + 1, "")); continue }
            let lower = line.lowercased()
            if patterns.furniture.contains(where: { lower.hasPrefix($0) }) { continue }
            if isReferenceLine(line) { continue }
            out.append((i + 1, line))
        }
        return out
    }

    /// `[text](target)` → text; `\(` → `(`; `**bold**` → bold.
    static func stripMarkup(_ s: String) -> String {
        var out = ""
        var chars = Array(s)
        var i = 0
        chars = chars.map { $0 == "\u{A0}" ? " " : $0 }
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "()[]*_#".contains(chars[i + 1]) {
                out.append(chars[i + 1]); i += 2; continue
            }
            if c == "[", let close = chars[(i + 1)...].firstIndex(of: "]"), close + 1 < chars.count, chars[close + 1] == "(",
               let end = chars[(close + 1)...].firstIndex(of: ")") {
                out += stripMarkup(String(chars[(i + 1)..<close]))
                i = end + 1
                continue
            }
            if c == "*" || (c == "_" && (i == 0 || chars[i - 1] == " " || i + 1 == chars.count || chars[i + 1] == " ")) { i += 1; continue }
            out.append(c)
            i += 1
        }
        return out
    }

    /// A bibliography line: "[3] …" or "References: [1] [2]".
    static func isReferenceLine(_ s: String) -> Bool {
        guard s.hasPrefix("[") else { return false }
        let digits = s.dropFirst().prefix { $0.isNumber }
        return !digits.isEmpty && s.dropFirst(1 + digits.count).hasPrefix("]")
    }
}

public enum SentenceSplitter {
    /// Splits a paragraph into sentences at `.`, `!`, `?` followed by a space and
    /// an upper-case letter, digit or quote, except after abbreviations, initials and decimals.
    public static func split(_ paragraph: String, abbreviations: Set<String>) -> [String] {
        let chars = Array(paragraph)
        var sentences: [String] = []
        var start = 0
        var i = 0
        var inQuote = false
        while i < chars.count {
            let c = chars[i]
            // A quotation that spans sentences stays in one sentence with its attribution.
            if c == "“" { inQuote = true } else if c == "”" { inQuote = false } else if c == "\"" { inQuote.toggle() }
            if (c == "." || c == "!" || c == "?") && inQuote, chars[(i + 1)...].prefix(400).contains(where: { $0 == "”" || $0 == "\"" }) {
                i += 1
                continue
            }
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < chars.count, "\"”’')]".contains(chars[j]) { j += 1 }
                guard j < chars.count, chars[j] == " " else { i += 1; continue }
                var k = j
                while k < chars.count, chars[k] == " " { k += 1 }
                guard k < chars.count else { break }
                let next = chars[k]
                let opens = next.isUppercase || next.isNumber || "\"“‘'([".contains(next)
                if c == "." {
                    // The word before the period.
                    var w = i - 1
                    while w >= start, chars[w].isLetter || chars[w] == "." { w -= 1 }
                    let word = String(chars[(w + 1)..<i]).lowercased()
                    let isInitial = word.count == 1 && chars[i - 1].isUppercase
                    if abbreviations.contains(word) || isInitial || (word.utf8.contains(UInt8(ascii: ".")) && word.count <= 5) {
                        i += 1
                        continue
                    }
                }
                if opens {
                    sentences.append(String(chars[start..<j]).trimmingCharacters(in: .whitespaces))
                    start = k
                    i = k
                    continue
                }
            }
            i += 1
        }
        let rest = String(chars[start...]).trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences.filter { !$0.isEmpty }
    }

    /// A sentence too long to read at once (a run-on line, a list or a table pasted as text) in
    /// pieces of at most `maxTokens` tokens each: cut after clause marks (",", ";", ":", a dash)
    /// where it can be, else between words. The pieces, joined by spaces, hold every word.
    public static func pieces(_ sentence: String, maxTokens: Int) -> [String] {
        var clauses: [[Substring]] = [[]]
        for word in sentence.split(separator: " ", omittingEmptySubsequences: true) {
            clauses[clauses.count - 1].append(word)
            if let last = word.last, ",;:".contains(last) || word == "–" || word == "—" { clauses.append([]) }
        }
        var out: [String] = []
        var piece: [Substring] = []
        var count = 0
        func close() {
            if !piece.isEmpty { out.append(piece.joined(separator: " ")) }
            piece = []
            count = 0
        }
        for clause in clauses where !clause.isEmpty {
            let sizes = clause.map { max(1, Tokenizer.tokens(String($0)).count) }
            let size = sizes.reduce(0, +)
            if count + size > maxTokens { close() }
            if size <= maxTokens {
                piece += clause
                count += size
                continue
            }
            // A clause longer than a piece: cut between its words.
            for (word, n) in zip(clause, sizes) {
                if count + n > maxTokens { close() }
                piece.append(word)
                count += n
            }
        }
        close()
        return out
    }
}

/// A token of a sentence.
public struct Token: Sendable, Equatable {
    public let text: String
    /// Lower-cased, with typographic apostrophes made straight.
    public let lower: String
    /// Inside quotation marks: someone's words, not the article's own statement.
    public var quoted = false
    public var isWord: Bool { text.first.map { $0.isLetter || $0.isNumber } ?? false }
    public var isCapitalized: Bool { text.first?.isUppercase ?? false }
    public var isNumber: Bool { text.first?.isNumber ?? false }
}

public enum Tokenizer {
    static let symbols: Set<Character> = ["$", "€", "£", "¥", "₹", "₽", "%"]

    /// Tokens: words (with inner hyphens, periods and apostrophes, and numbers with
    /// inner separators), possessive markers `'s` and `'`, and single punctuation marks.
    public static func tokens(_ s: String) -> [Token] {
        // Foundation's replacing is costly, and the lexicon's 100,000 names are tokenized at every start.
        let chars = Array(s.unicodeScalars.contains("\u{2019}") ? s.replacingOccurrences(of: "’", with: "'") : s)
        var out: [Token] = []
        var i = 0
        var inQuote = false
        func emit(_ t: String) { out.append(Token(text: t, lower: t.lowercased(), quoted: inQuote)) }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c.isLetter || c.isNumber {
                var j = i + 1
                while j < chars.count {
                    let d = chars[j]
                    if d.isLetter || d.isNumber || d.unicodeScalars.first.map({ CharacterSet.nonBaseCharacters.contains($0) }) == true { j += 1; continue }
                    if (d == "-" || d == "." || d == "," || d == "'" || d == "/"), j + 1 < chars.count,
                       chars[j + 1].isLetter || chars[j + 1].isNumber {
                        // A comma or slash only inside numbers; a period inside numbers or letter.letter (U.S); an apostrophe not before a final s.
                        if d == "," || d == "/" { guard chars[j - 1].isNumber && chars[j + 1].isNumber else { break } }
                        if d == "." { guard (chars[j - 1].isNumber && chars[j + 1].isNumber) || (chars[j - 1].isUppercase && chars[j + 1].isUppercase) else { break } }
                        if d == "'" {
                            let atPossessive = (chars[j + 1] == "s" || chars[j + 1] == "S") && (j + 2 >= chars.count || !chars[j + 2].isLetter)
                            if atPossessive { break }
                        }
                        j += 1
                        continue
                    }
                    break
                }
                // "A$", "NZ$", "US$": a currency written as letters onto the dollar sign is one token.
                if j < chars.count, chars[j] == "$", j - i <= 3, chars[i..<j].allSatisfy(\.isUppercase) {
                    j += 1
                }
                // Keep a trailing period of an initialism ("U.S.").
                if j < chars.count, chars[j] == ".", String(chars[i..<j]).contains("."),
                   chars[i..<j].allSatisfy({ $0.isUppercase || $0 == "." }) {
                    j += 1
                }
                emit(String(chars[i..<j]))
                i = j
                continue
            }
            if c == "'" && i + 1 < chars.count && (chars[i + 1] == "s" || chars[i + 1] == "S") && (i + 2 >= chars.count || !chars[i + 2].isLetter),
               let last = out.last, last.isWord {
                emit("'s"); i += 2; continue
            }
            if c == "'", let last = out.last, last.isWord, last.lower.hasSuffix("s"), i + 1 >= chars.count || !chars[i + 1].isLetter {
                emit("'"); i += 1; continue
            }
            // Quotation marks carry no meaning for matching names; quotations are read from the text.
            if c == "“" || c == "«" { inQuote = true } else if c == "”" || c == "»" { inQuote = false } else if c == "\"" { inQuote.toggle() }
            if !"\"“”‘'«»".contains(c) { emit(String(c)) }
            i += 1
        }
        return out
    }

    /// Just the word tokens of `s` (for lexicon keys).
    public static func words(_ s: String) -> [String] {
        tokens(s).filter { $0.isWord || $0.text == "'s" || $0.text == "&" }.map(\.text)
    }
}
