import RDFModel

/// A calendar date at the precision a text gives it.
public struct TextDate: Hashable, Comparable, Sendable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    package init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The literal at its precision: `xsd:date`, `xsd:gYearMonth` or `xsd:gYear`.
    public var literal: Literal {
        if month != nil, day != nil { return Literal(iso, datatype: XSD.date) }
        if month != nil { return Literal(iso, datatype: XSD.gYearMonth) }
        return Literal(iso, datatype: XSD.gYear)
    }

    public var iso: String {
        var s = String(format4(year))
        if let month { s += "-" + two(month) }
        if month != nil, let day { s += "-" + two(day) }
        return s
    }

    public static func < (a: TextDate, b: TextDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for day-precision dates.
    package var daysSinceEpoch: Int? {
        guard let month, let day else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// 0 for Monday … 6 for Sunday.
    package var weekday: Int? { daysSinceEpoch.map { (($0 % 7) + 7 + 3) % 7 } }

    package func adding(days: Int) -> TextDate? { daysSinceEpoch.flatMap { TextDate(daysSinceEpoch: $0 + days) } }

    /// Whether this is a real calendar date (no 30 February).
    public var isValid: Bool {
        guard (1...9999).contains(year) else { return false }
        guard let month else { return day == nil }
        guard (1...12).contains(month) else { return false }
        guard let day else { return true }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}

package func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
package func format4(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }

/// A date expression found in a sentence: tokens `range`, a date or a period.
public struct DateMention: Sendable {
    public let range: Range<Int>
    public let date: TextDate
    /// For periods ("from January to August 2023", "since 2013"): the end.
    public let end: TextDate?
    /// True for "since YEAR" (open to the reference date).
    public let since: Bool
    /// True when the expression is relative and was resolved against the reference date.
    public let relative: Bool

    package init(range: Range<Int>, date: TextDate, end: TextDate?, since: Bool, relative: Bool) {
        self.range = range
        self.date = date
        self.end = end
        self.since = since
        self.relative = relative
    }

    /// ISO 8601 period text for `ng:period`.
    public var period: String {
        if let end, end != date { return "\(date.iso)/\(end.iso)" }
        return date.iso
    }
}

/// Stage 7: dates, absolute and relative to the article's reference date.
public struct DateParser: Sendable {
    package let months: [String: Int]
    let weekdays: [String]
    let ordinals: [String: Int]
    let numberWords: [String: Int]
    /// Words after which a bare weekday is no date of its own: prepositions ("until Monday"),
    /// determiners, conjunctions ("Monday and Tuesday") and auxiliaries.
    let notBeforeBareWeekday: Set<String>

    public init(patterns: Lexicon.Patterns) {
        var m: [String: Int] = [:]
        for (i, name) in patterns.months.enumerated() { m[name] = i + 1 }
        for (abbr, n) in patterns.monthAbbreviations { m[abbr] = n }
        months = m
        weekdays = patterns.weekdays
        ordinals = patterns.ordinals
        numberWords = patterns.numberWords
        let g = patterns.grammar
        notBeforeBareWeekday = g.prepositions.union(g.determiners).union(g.auxiliaries).union(g.copulas).union(["and", "or", "but", "every", "each", "until", "till"])
    }

    /// A number that can be a year of the news: 1900 to 2100.
    package static func isYear(_ n: Int) -> Bool { (1900...2100).contains(n) }

    package static func year(_ t: Token) -> Int? {
        guard t.text.count == 4, let y = Int(t.text), (1900...2100).contains(y) else { return nil }
        return y
    }

    package static func dayNumber(_ t: Token) -> Int? {
        var s = t.lower
        for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) { s.removeLast(2) }
        guard let d = Int(s), (1...31).contains(d) else { return nil }
        return d
    }

    func month(_ tokens: [Token], _ i: Int) -> (Int, Int)? {
        guard i < tokens.count, let m = months[tokens[i].lower], tokens[i].isCapitalized else { return nil }
        // "May" only as a month next to a number.
        if tokens[i].lower == "may" {
            let near = (i + 1 < tokens.count && tokens[i + 1].isNumber) || (i > 0 && tokens[i - 1].isNumber)
            if !near { return nil }
        }
        var next = i + 1
        if next < tokens.count, tokens[next].text == ".", tokens[i].text.count <= 4 { next += 1 }
        return (m, next)
    }

    /// Every date expression of a sentence, left to right, resolved against `reference`.
    /// - Parameter past: the reference is the article's stated date and the sentence is about the past:
    ///   a month or day later in the year than the reference is then in the year before ("in September"
    ///   in a January article).
    public func find(in tokens: [Token], reference: TextDate?, past: Bool = false, future: Bool = false) -> [DateMention] {
        var out: [DateMention] = []
        var i = 0
        while i < tokens.count {
            if var found = match(tokens, i, reference) {
                if past, found.relative, let ref = reference, found.end == nil, ref < found.date,
                   found.date.year == ref.year, found.date.month != nil, (ref.month ?? 12) < (found.date.month ?? 0) {
                    var d = found.date
                    d.year -= 1
                    found = DateMention(range: found.range, date: d, end: nil, since: found.since, relative: true)
                }
                // "is expected to travel … on Wednesday": the next such day, not the last.
                if future, found.relative, let ref = reference, found.date < ref, found.date.day != nil,
                   weekdays.contains(tokens[found.range.upperBound - 1].lower), !DateParser.pastVerbBeside(tokens, found.range),
                   let d = found.date.adding(days: 7) {
                    found = DateMention(range: found.range, date: d, end: nil, since: false, relative: true)
                }
                if let d = found.date as TextDate?, d.isValid, found.end?.isValid ?? true { out.append(found) }
                i = max(found.range.upperBound, i + 1)
            } else {
                i += 1
            }
        }
        return out
    }

    /// The date expression starting at token `i`, if any. The forms are tried from the most
    /// specific to the least; a month name decides on its own what it is ("December 4", or nothing).
    private func match(_ t: [Token], _ i: Int, _ ref: TextDate?) -> DateMention? {
        if let found = numeric(t[i], at: i) ?? weekday(t, i, ref) ?? span(t, i, ref) { return found }
        if let (m, next) = month(t, i) { return monthFirst(t, i, month: m, next: next, ref) }
        return dayFirst(t, i, ref) ?? relativeUnit(t, i, ref) ?? bareYear(t, i)
    }

    /// A date written in figures in one token: "14.02.2024", "2022-11-04".
    private func numeric(_ tok: Token, at i: Int) -> DateMention? {
        // 14.02.2024
        let parts = tok.text.split(separator: ".")
        if parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 {
            return DateMention(range: i..<(i + 1), date: TextDate(year: y, month: m, day: d), end: nil, since: false, relative: false)
        }
        // 2022-11-04
        let iso = tok.text.split(separator: "-")
        if iso.count == 3, iso[0].count == 4, iso.allSatisfy({ $0.allSatisfy(\.isNumber) }), let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2]) {
            return DateMention(range: i..<(i + 1), date: TextDate(year: y, month: m, day: d), end: nil, since: false, relative: false)
        }
        // "1991-94", "2014-2016": a span of years, the second written in full or by its last two digits.
        if iso.count == 2, iso[0].count == 4, iso[1].count == 2 || iso[1].count == 4, iso.allSatisfy({ $0.allSatisfy(\.isNumber) }),
           let a = Int(iso[0]), DateParser.isYear(a), let b0 = Int(iso[1]) {
            let b = iso[1].count == 2 ? a / 100 * 100 + b0 : b0
            if b > a, b - a < 100 { return DateMention(range: i..<(i + 1), date: TextDate(year: a), end: TextDate(year: b), since: false, relative: false) }
        }
        return nil
    }

    /// "on Monday": the last such day on or before the reference date ("next Monday": the next one after it).
    /// A weekday with no preposition counts too, as American news writes it, right after a verb
    /// ("voted Saturday", "announced Monday that") or as a possessive ("Thursday's vote").
    private func weekday(_ t: [Token], _ i: Int, _ ref: TextDate?) -> DateMention? {
        let tok = t[i]
        guard let w = weekdays.firstIndex(of: tok.lower), tok.isCapitalized, let ref, let refDay = ref.weekday else { return nil }
        let marked = i > 0 && ["on", "last", "next", "this"].contains(t[i - 1].lower)
        guard marked || bareWeekday(t, i) else { return nil }
        let next = marked && t[i - 1].lower == "next"
        var delta = next ? (w - refDay + 7) % 7 : -((refDay - w + 7) % 7)
        if next && delta == 0 { delta = 7 }
        let isLong = i + 1 < t.count && DateParser.dayNumber(t[i + 1]) != nil   // "Monday 11 September": absolute follows
        guard !isLong, let d = ref.adding(days: delta) else { return nil }
        return DateMention(range: (marked ? i - 1 : i)..<(i + 1), date: d, end: nil, since: false, relative: true)
    }

    /// A weekday standing on its own as a date: after a lower-case word that is no preposition,
    /// determiner, conjunction or auxiliary ("met Tuesday"), or before a possessive ("Monday's talks").
    /// After a capitalized word it is part of a name ("Black Friday"); after "until" it ends a span.
    private func bareWeekday(_ t: [Token], _ i: Int) -> Bool {
        if i + 1 < t.count, ["'s", "'"].contains(t[i + 1].lower) { return i == 0 || !t[i - 1].isCapitalized }
        guard i > 0 else { return false }
        let before = t[i - 1]
        return before.isWord && !before.isCapitalized && !before.isNumber && !notBeforeBareWeekday.contains(before.lower)
    }

    /// Whether a verb in the past stands right beside a date ("signed on Friday", "on Wednesday voted"):
    /// the day is then the one before the article, even in a sentence that also speaks of the future.
    /// A participle after "is", "will be" … ("is scheduled on Monday") is no past.
    static func pastVerbBeside(_ t: [Token], _ r: Range<Int>) -> Bool {
        func past(_ k: Int) -> Bool {
            guard k >= 0, k < t.count, t[k].lower.hasSuffix("ed"), t[k].lower.count > 3 else { return false }
            return !(k > 0 && ["is", "are", "be", "been", "being"].contains(t[k - 1].lower))
        }
        return past(r.lowerBound - 1) || past(r.lowerBound - 2) || past(r.upperBound)
    }

    /// A period with its end: "from 10 to 12 June 2024", "from January to August 2023",
    /// "the first eight months of 2023", "since 2013".
    private func span(_ t: [Token], _ i: Int, _ ref: TextDate?) -> DateMention? {
        let tok = t[i]
        // from 10 to 12 June 2024: the span's first day, and its end
        if tok.lower == "from", i + 5 < t.count, let d1 = DateParser.dayNumber(t[i + 1]), t[i + 2].lower == "to" || t[i + 2].text == "-",
           let d2 = DateParser.dayNumber(t[i + 3]), let (m, afterMonth) = month(t, i + 4),
           case let next = afterMonth < t.count && t[afterMonth].text == "," ? afterMonth + 1 : afterMonth,  // "10th May, 2018"
           next < t.count, let y = DateParser.year(t[next]) {
            return DateMention(range: i..<(next + 1), date: TextDate(year: y, month: m, day: d1), end: TextDate(year: y, month: m, day: d2), since: false, relative: false)
        }
        // from January to August 2023
        if tok.lower == "from", let (m1, n1) = month(t, i + 1), n1 + 1 < t.count, t[n1].lower == "to" || t[n1].text == "-",
           let (m2, n2) = month(t, n1 + 1) {
            if n2 < t.count, let y = DateParser.year(t[n2]) {
                return DateMention(range: i..<(n2 + 1), date: TextDate(year: y, month: m1), end: TextDate(year: y, month: m2), since: false, relative: false)
            }
            if let ref {
                return DateMention(range: i..<n2, date: TextDate(year: ref.year, month: m1), end: TextDate(year: ref.year, month: m2), since: false, relative: true)
            }
        }
        // the first eight months of 2023
        if tok.lower == "first", i + 4 < t.count, t[i + 2].lower == "months", t[i + 3].lower == "of",
           let n = numberWords[t[i + 1].lower] ?? Int(t[i + 1].text), let y = DateParser.year(t[i + 4]), (1...12).contains(n) {
            return DateMention(range: i..<(i + 5), date: TextDate(year: y, month: 1), end: TextDate(year: y, month: n), since: false, relative: false)
        }
        // since 2013; "since the 2021 coup": a year that dates the noun after it
        let the = i + 2 < t.count && t[i + 1].lower == "the" && i + 3 < t.count && t[i + 3].isWord && !t[i + 3].isCapitalized ? 1 : 0
        if tok.lower == "since", i + 1 + the < t.count, let y = DateParser.year(t[i + 1 + the]) {
            let end = ref.map { TextDate(year: $0.year) }
            return DateMention(range: i..<(i + 2 + the), date: TextDate(year: y), end: end, since: true, relative: false)
        }
        return nil
    }

    /// After a month name at `i` (its number `m`, the next token `next`): "December 4(, 2023)",
    /// "December 2023", "Mar. 1, 2023", "May of 2020", "in December" (the reference's year).
    private func monthFirst(_ t: [Token], _ i: Int, month m: Int, next: Int, _ ref: TextDate?) -> DateMention? {
        // "September 10-11(, 2023)": a span of days in one month.
        if next < t.count, let (d1, d2, last) = Self.daySpan(t, next), d1 < d2 {
            var after = last + 1
            if after < t.count, t[after].text == "," { after += 1 }
            if after < t.count, let y = DateParser.year(t[after]) {
                return DateMention(range: i..<(after + 1), date: TextDate(year: y, month: m, day: d1), end: TextDate(year: y, month: m, day: d2), since: false, relative: false)
            }
            if let ref {
                return DateMention(range: i..<(last + 1), date: TextDate(year: ref.year, month: m, day: d1), end: TextDate(year: ref.year, month: m, day: d2), since: false, relative: true)
            }
            return nil
        }
        if next < t.count, let d = DateParser.dayNumber(t[next]) {
            var after = next + 1
            if after < t.count, t[after].text == "," { after += 1 }
            if after < t.count, let y = DateParser.year(t[after]) {
                return DateMention(range: i..<(after + 1), date: TextDate(year: y, month: m, day: d), end: nil, since: false, relative: false)
            }
            if let ref { return DateMention(range: i..<(next + 1), date: TextDate(year: ref.year, month: m, day: d), end: nil, since: false, relative: true) }
            return nil
        }
        if next < t.count, let y = DateParser.year(t[next]) {
            return DateMention(range: i..<(next + 1), date: TextDate(year: y, month: m), end: nil, since: false, relative: false)
        }
        if next < t.count, t[next].lower == "of", next + 1 < t.count, let y = DateParser.year(t[next + 1]) {
            return DateMention(range: i..<(next + 2), date: TextDate(year: y, month: m), end: nil, since: false, relative: false)
        }
        if let ref, i > 0, ["in", "on", "since", "late", "early", "mid", "end", "until", "by", "during", "of", "this", "last"].contains(t[i - 1].lower) || (i > 0 && t[i - 1].lower == "'s") {
            var year = ref.year
            if i > 0, t[i - 1].lower == "last", let rm = ref.month, m >= rm { year -= 1 }
            return DateMention(range: i..<next, date: TextDate(year: year, month: m), end: nil, since: false, relative: true)
        }
        return nil
    }

    /// Two days joined by a hyphen or dash, written as one token ("10-11") or three ("10 – 11"): the
    /// first, the last and the index of the last token.
    static func daySpan(_ t: [Token], _ k: Int) -> (Int, Int, Int)? {
        let parts = t[k].text.split(whereSeparator: { $0 == "-" || $0 == "–" })
        if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), (1...31).contains(a), (1...31).contains(b) { return (a, b, k) }
        if k + 2 < t.count, ["-", "–"].contains(t[k + 1].text), let a = Int(t[k].text), let b = Int(t[k + 2].text),
           (1...31).contains(a), (1...31).contains(b) { return (a, b, k + 2) }
        return nil
    }

    /// A day before its month: "20 January 1992", "4 December" (the reference's year).
    private func dayFirst(_ t: [Token], _ i: Int, _ ref: TextDate?) -> DateMention? {
        let tok = t[i]
        guard let d = DateParser.dayNumber(tok), tok.isNumber, let (m, next) = month(t, i + 1) else { return nil }
        if next < t.count, let y = DateParser.year(t[next]) {
            return DateMention(range: i..<(next + 1), date: TextDate(year: y, month: m, day: d), end: nil, since: false, relative: false)
        }
        if let ref { return DateMention(range: i..<next, date: TextDate(year: ref.year, month: m, day: d), end: nil, since: false, relative: true) }
        return nil
    }

    /// A year or month counted from the reference: "last year", "this year", "next year", "last month".
    private func relativeUnit(_ t: [Token], _ i: Int, _ ref: TextDate?) -> DateMention? {
        let tok = t[i]
        guard ["last", "this", "next", "past"].contains(tok.lower), i + 1 < t.count, let ref else { return nil }
        let unit = t[i + 1].lower
        let delta = tok.lower == "this" ? 0 : (tok.lower == "next" ? 1 : -1)
        if unit == "year" {
            return DateMention(range: i..<(i + 2), date: TextDate(year: ref.year + delta), end: nil, since: false, relative: true)
        }
        if unit == "month", let rm = ref.month {
            var m = rm + delta, y = ref.year
            if m < 1 { m = 12; y -= 1 } else if m > 12 { m = 1; y += 1 }
            return DateMention(range: i..<(i + 2), date: TextDate(year: y, month: m), end: nil, since: false, relative: true)
        }
        // "this week", "last week": the month the week (Monday to Sunday; "the past week": the seven days
        // up to the reference) falls in, when it falls in one; no day, since the text names none.
        if unit == "week", ref.day != nil, let wd = ref.weekday {
            let first = tok.lower == "past" ? -7 : 7 * delta - wd
            if let a = ref.adding(days: first), let b = ref.adding(days: tok.lower == "past" ? 0 : first + 6),
               a.year == b.year, a.month == b.month {
                return DateMention(range: i..<(i + 2), date: TextDate(year: a.year, month: a.month), end: nil, since: false, relative: true)
            }
        }
        return nil
    }

    /// "in 2014", "2014": a year on its own, not part of a number ("2014 people", "$2014").
    private func bareYear(_ t: [Token], _ i: Int) -> DateMention? {
        guard let y = DateParser.year(t[i]), !(i + 1 < t.count && ["percent", "%", "times", "km", "people", "billion", "million"].contains(t[i + 1].lower)) else { return nil }
        if i > 0, t[i - 1].text == "$" { return nil }
        return DateMention(range: i..<(i + 1), date: TextDate(year: y), end: nil, since: false, relative: false)
    }
}

extension TextDate {
    package init?(daysSinceEpoch z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

}
