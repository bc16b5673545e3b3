import Foundation

/// How names are compared when an entity is looked up: one normal form for
/// the names in the graph and for the query, and a bounded edit distance for
/// near misses. Nothing here knows any name.
public enum LookupNames {
    /// The normal form of a name: other scripts transliterated to Latin,
    /// diacritics and case folded, apostrophes dropped, every other run of
    /// non-alphanumeric characters a single space ("Özkan" → "ozkan",
    /// "People’s Republic" → "peoples republic", "P.R.C." → "p r c").
    public static func key(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(name) }
        let text = name.applyingTransform(toASCII, reverse: false)
            ?? name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "'" || scalar == "’" || scalar == "ʼ" || scalar == "`" { continue }
            let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWord {
                if pendingSpace && !out.isEmpty { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// ICU's transliteration to Latin, then to ASCII ("Ł" → "L", "ß" → "ss", Cyrillic and Han to Latin).
    static let toASCII = StringTransform(rawValue: "Any-Latin; Latin-ASCII")

    /// ``key(_:)`` for ASCII text, byte by byte.
    private static func asciiKey(_ name: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "`"):
                continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            default:
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Short function words left out of derived acronyms ("Union of Ruritanian States" → "urs").
    static let acronymStopWords: Set<String> = ["and", "of", "the", "for", "on", "in", "to", "a", "an", "de", "la", "du", "des", "et"]

    /// The acronym of a normal-form name made of at least two significant words, or nil.
    public static func acronym(ofKey key: String) -> String? {
        let words = key.split(separator: " ").filter { !acronymStopWords.contains(String($0)) }
        guard words.count >= 2, words.allSatisfy({ $0.first?.isLetter ?? false }) else { return nil }
        return String(words.compactMap(\.first))
    }

    /// The largest edit distance forgiven for a query of `length` characters:
    /// none below 4, one up to 6, two up to 11, three beyond.
    public static func forgivenDistance(forLength length: Int) -> Int {
        switch length {
        case ..<4: return 0
        case 4...6: return 1
        case 7...11: return 2
        default: return 3
        }
    }

    /// The optimal-string-alignment distance (insertions, deletions,
    /// substitutions and swaps of neighbours each cost 1) between two byte
    /// strings, or nil when it is larger than `limit`. Works on the UTF-8 of
    /// normal forms, which are ASCII for Latin-script names.
    public static func distance(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, limit: Int) -> Int? {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return nil }
        if n == 0 { return m <= limit ? m : nil }
        if m == 0 { return n <= limit ? n : nil }
        // Three rows of the dynamic programme, kept on the stack when short.
        let width = m + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: width * 3) { rows -> Int? in
            var previous2 = rows.baseAddress!, previous = previous2 + width, current = previous + width
            for j in 0...m { previous[j] = j }
            for i in 1...n {
                current[0] = i
                var rowMinimum = i
                let ai = a[i - 1]
                for j in 1...m {
                    let bj = b[j - 1]
                    var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai == bj ? 0 : 1))
                    if i > 1, j > 1, ai == b[j - 2], a[i - 2] == bj { d = min(d, previous2[j - 2] + 1) }
                    current[j] = d
                    if d < rowMinimum { rowMinimum = d }
                }
                if rowMinimum > limit { return nil }
                let t = previous2
                previous2 = previous
                previous = current
                current = t
            }
            let d = previous[m]
            return d <= limit ? d : nil
        }
    }

    /// ``distance(_:_:limit:)`` for strings.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in distance(UnsafeRawBufferPointer(x), UnsafeRawBufferPointer(y), limit: limit) } }
    }
}
