import RDFModel

/// Lexical forms of the XML Schema datatypes (XSD 1.1 Part 2) that RDF uses,
/// and the value order SHACL's range constraints compare with (SPARQL `<`).
///
/// A literal is *well-formed* when its lexical form is in the lexical space
/// of its datatype: `"2023-02-30"^^xsd:date` (no such day) and `"c"^^xsd:byte`
/// (not a number) and `"300"^^xsd:byte` (out of range) are not. Lexical forms
/// are taken as written: no whitespace is collapsed (`" 5"^^xsd:integer` is
/// ill-formed). Datatypes this table does not know are treated as well-formed.
public enum XSDDatatype {
    static func x(_ local: String) -> IRI { IRI(constant: XSD.ns + local) }

    /// The integer datatypes derived from `xsd:integer`, with their inclusive bounds (nil: unbounded).
    static let integerBounds: [IRI: (min: String?, max: String?)] = [
        XSD.integer: (nil, nil),
        x("nonPositiveInteger"): (nil, "0"),
        x("negativeInteger"): (nil, "-1"),
        x("long"): ("-9223372036854775808", "9223372036854775807"),
        x("int"): ("-2147483648", "2147483647"),
        x("short"): ("-32768", "32767"),
        x("byte"): ("-128", "127"),
        x("nonNegativeInteger"): ("0", nil),
        x("unsignedLong"): ("0", "18446744073709551615"),
        x("unsignedInt"): ("0", "4294967295"),
        x("unsignedShort"): ("0", "65535"),
        x("unsignedByte"): ("0", "255"),
        x("positiveInteger"): ("1", nil),
    ]

    static let stringTypes: Set<IRI> = [XSD.string, x("normalizedString"), x("token"), x("language"),
                                         x("Name"), x("NCName"), x("NMTOKEN"), x("ENTITY"), x("ID"), x("IDREF")]

    /// The direct base of each derived XSD datatype, for "is this datatype in that range" (e.g. `xsd:int` ⊑ `xsd:integer` ⊑ `xsd:decimal`).
    static let baseType: [IRI: IRI] = {
        var m: [IRI: IRI] = [
            XSD.integer: XSD.decimal,
            x("nonPositiveInteger"): XSD.integer, x("negativeInteger"): x("nonPositiveInteger"),
            x("long"): XSD.integer, x("int"): x("long"), x("short"): x("int"), x("byte"): x("short"),
            x("nonNegativeInteger"): XSD.integer, x("unsignedLong"): x("nonNegativeInteger"),
            x("unsignedInt"): x("unsignedLong"), x("unsignedShort"): x("unsignedInt"), x("unsignedByte"): x("unsignedShort"),
            x("positiveInteger"): x("nonNegativeInteger"),
            x("normalizedString"): XSD.string, x("token"): x("normalizedString"), x("language"): x("token"),
            x("Name"): x("token"), x("NCName"): x("Name"), x("NMTOKEN"): x("token"),
            x("ENTITY"): x("NCName"), x("ID"): x("NCName"), x("IDREF"): x("NCName"),
            x("dateTimeStamp"): XSD.dateTime,
            x("dayTimeDuration"): x("duration"), x("yearMonthDuration"): x("duration"),
        ]
        m[x("anySimpleType")] = nil
        return m
    }()

    /// True when `datatype` is `ancestor` or derived from it.
    public static func isDerived(_ datatype: IRI, from ancestor: IRI) -> Bool {
        var d: IRI? = datatype
        while let current = d {
            if current == ancestor { return true }
            d = baseType[current]
        }
        return false
    }

    /// The datatypes whose lexical forms are checked.
    public static func isKnown(_ datatype: IRI) -> Bool {
        integerBounds[datatype] != nil || stringTypes.contains(datatype) || checks[datatype] != nil
            || datatype == RDF.langString
    }

    /// True when the literal's lexical form is legal for its datatype (always true for unknown datatypes).
    public static func isWellFormed(_ literal: Literal) -> Bool { problem(in: literal) == nil }

    /// Why the literal's lexical form is not legal for its datatype, or nil when it is.
    public static func problem(in literal: Literal) -> String? {
        let s = literal.lexicalForm
        let dt = literal.datatype
        if dt == RDF.langString {
            return literal.language == nil ? "an rdf:langString literal needs a language tag" : nil
        }
        if let bounds = integerBounds[dt] {
            guard let n = ExactDecimal(integer: s) else { return "\(NTriples.quote(s)) is not an integer" }
            if let min = bounds.min, n < ExactDecimal(integer: min)! { return "\(s) is below the minimum \(min) of \(SHACLText.compact(dt))" }
            if let max = bounds.max, n > ExactDecimal(integer: max)! { return "\(s) is above the maximum \(max) of \(SHACLText.compact(dt))" }
            return nil
        }
        if stringTypes.contains(dt) { return stringProblem(s, dt) }
        if let check = checks[dt], !check(s) {
            return "\(NTriples.quote(s)) is not a valid \(SHACLText.compact(dt)) lexical form"
        }
        return nil
    }

    private static let checks: [IRI: @Sendable (String) -> Bool] = [
        XSD.boolean: { ["true", "false", "1", "0"].contains($0) },
        XSD.decimal: { ExactDecimal(decimal: $0) != nil },
        x("double"): { isFloatingPoint($0) },
        x("float"): { isFloatingPoint($0) },
        XSD.date: { XSDMoment(lexical: $0, kind: .date) != nil },
        XSD.dateTime: { XSDMoment(lexical: $0, kind: .dateTime) != nil },
        x("dateTimeStamp"): { XSDMoment(lexical: $0, kind: .dateTime)?.hasTimezone == true },
        x("time"): { XSDMoment(lexical: $0, kind: .time) != nil },
        XSD.gYear: { XSDMoment(lexical: $0, kind: .gYear) != nil },
        XSD.gYearMonth: { XSDMoment(lexical: $0, kind: .gYearMonth) != nil },
        x("gMonth"): { XSDMoment(lexical: $0, kind: .gMonth) != nil },
        x("gDay"): { XSDMoment(lexical: $0, kind: .gDay) != nil },
        x("gMonthDay"): { XSDMoment(lexical: $0, kind: .gMonthDay) != nil },
        x("duration"): { isDuration($0, allowYearMonth: true, allowDayTime: true) },
        x("dayTimeDuration"): { isDuration($0, allowYearMonth: false, allowDayTime: true) },
        x("yearMonthDuration"): { isDuration($0, allowYearMonth: true, allowDayTime: false) },
        x("anyURI"): { isAnyURI($0) },
        x("hexBinary"): { $0.utf8.count % 2 == 0 && $0.unicodeScalars.allSatisfy(\.isHexDigitScalar) },
        x("base64Binary"): { isBase64($0) },
    ]

    private static func stringProblem(_ s: String, _ dt: IRI) -> String? {
        let name = SHACLText.compact(dt)
        if dt == XSD.string { return nil }
        if s.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\t" }) {
            return "\(NTriples.quote(s)) contains a line break or tab, which \(name) forbids"
        }
        if dt == x("normalizedString") { return nil }
        if s.hasPrefix(" ") || s.hasSuffix(" ") || s.contains("  ") {
            return "\(NTriples.quote(s)) has leading, trailing or double spaces, which \(name) forbids"
        }
        if dt == x("token") { return nil }
        if dt == x("language") {
            let parts = s.split(separator: "-", omittingEmptySubsequences: false)
            let ok = !parts.isEmpty && parts.enumerated().allSatisfy { i, p in
                (1...8).contains(p.count) && p.unicodeScalars.allSatisfy { i == 0 ? $0.isASCIILetterScalar : ($0.isASCIILetterScalar || $0.isASCIIDigitScalar) }
            }
            return ok ? nil : "\(NTriples.quote(s)) is not a language tag"
        }
        func isNameStart(_ c: Character, colon: Bool) -> Bool { c.isLetter || c == "_" || (colon && c == ":") }
        func isNameChar(_ c: Character, colon: Bool) -> Bool {
            isNameStart(c, colon: colon) || c.isNumber || c == "-" || c == "." || c == "\u{B7}"
        }
        let colon = dt == x("Name") || dt == x("NMTOKEN")
        if dt == x("NMTOKEN") {
            return !s.isEmpty && s.allSatisfy({ isNameChar($0, colon: true) }) ? nil : "\(NTriples.quote(s)) is not an xsd:NMTOKEN"
        }
        guard let first = s.first, isNameStart(first, colon: colon), s.dropFirst().allSatisfy({ isNameChar($0, colon: colon) }) else {
            return "\(NTriples.quote(s)) is not a valid \(name)"
        }
        return nil
    }

    static func isFloatingPoint(_ s: String) -> Bool {
        if s == "NaN" || s == "INF" || s == "-INF" || s == "+INF" { return true }
        var body = Substring(s)
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var exponent = body[body.index(after: e)...]
            if exponent.hasPrefix("+") || exponent.hasPrefix("-") { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.unicodeScalars.allSatisfy(\.isASCIIDigitScalar) else { return false }
            body = body[..<e]
        }
        return ExactDecimal(decimal: String(body)) != nil
    }

    private static func isDuration(_ s: String, allowYearMonth: Bool, allowDayTime: Bool) -> Bool {
        var rest = Substring(s)
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        guard rest.hasPrefix("P") else { return false }
        rest = rest.dropFirst()
        let parts = rest.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let datePart = parts[0]
        let timePart: Substring? = parts.count == 2 ? parts[1] : nil
        if let timePart, timePart.isEmpty { return false }
        func components(_ text: Substring, _ designators: [Character], fractionOn: Character?) -> (count: Int, units: Set<Character>)? {
            var count = 0
            var units = Set<Character>()
            var number = ""
            var order = 0
            for c in text {
                if c.isASCII && (c.isNumber || c == ".") {
                    number.append(c)
                    continue
                }
                guard let idx = designators.firstIndex(of: c), idx >= order, !number.isEmpty else { return nil }
                if number.contains(".") {
                    guard c == fractionOn, ExactDecimal(decimal: number) != nil, !number.hasSuffix(".") else { return nil }
                } else if !number.unicodeScalars.allSatisfy(\.isASCIIDigitScalar) {
                    return nil
                }
                order = idx + 1
                units.insert(c)
                count += 1
                number = ""
            }
            return number.isEmpty ? (count, units) : nil
        }
        guard let d = components(datePart, ["Y", "M", "D"], fractionOn: nil) else { return false }
        var total = d.count
        var units = d.units
        if let timePart {
            guard let t = components(timePart, ["H", "M", "S"], fractionOn: "S"), t.count > 0 else { return false }
            total += t.count
            if !t.units.isEmpty { units.insert("T") }
        }
        guard total > 0 else { return false }
        if !allowYearMonth && (units.contains("Y") || d.units.contains("M")) { return false }
        if !allowDayTime && (units.contains("D") || units.contains("T")) { return false }
        return true
    }

    /// XSD 1.1 allows any string that is a URI reference once non-ASCII and
    /// other characters are %-escaped; what cannot be fixed by escaping is a
    /// control character or a `%` that does not start a `%XX` escape.
    static func isAnyURI(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            if v < 0x20 || (0x7F...0x9F).contains(v) { return false }
            if scalars[i] == "%" {
                guard i + 2 < scalars.count, scalars[i + 1].isHexDigitScalar, scalars[i + 2].isHexDigitScalar else { return false }
                i += 3
                continue
            }
            i += 1
        }
        return true
    }

    private static func isBase64(_ s: String) -> Bool {
        let chars = s.unicodeScalars.filter { $0 != " " }
        guard chars.count % 4 == 0 else { return false }
        var padding = 0
        for (i, c) in chars.enumerated() {
            if c == "=" {
                padding += 1
                guard i >= chars.count - 2 else { return false }
            } else {
                guard padding == 0, c.isASCIILetterScalar || c.isASCIIDigitScalar || c == "+" || c == "/" else { return false }
            }
        }
        return true
    }
}

extension Unicode.Scalar {
    var isASCIIDigitScalar: Bool { (0x30...0x39).contains(value) }
    var isASCIILetterScalar: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    var isHexDigitScalar: Bool { isASCIIDigitScalar || (0x41...0x46).contains(value) || (0x61...0x66).contains(value) }
}

// MARK: - Values and their order

/// An exact decimal number: sign, integer digits without leading zeros,
/// fraction digits without trailing zeros. Zero is never negative.
struct ExactDecimal: Comparable, Hashable, Sendable {
    let negative: Bool
    let integer: [UInt8]
    let fraction: [UInt8]

    /// `[+-]?[0-9]+`
    init?(integer s: String) {
        var body = Substring(s)
        var negative = false
        if body.hasPrefix("+") || body.hasPrefix("-") { negative = body.hasPrefix("-"); body = body.dropFirst() }
        guard !body.isEmpty, body.unicodeScalars.allSatisfy(\.isASCIIDigitScalar) else { return nil }
        self.init(negative: negative, integer: body.utf8.map { $0 - 0x30 }, fraction: [])
    }

    /// `[+-]?([0-9]+(.[0-9]*)?|.[0-9]+)`
    init?(decimal s: String) {
        var body = Substring(s)
        var negative = false
        if body.hasPrefix("+") || body.hasPrefix("-") { negative = body.hasPrefix("-"); body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], frac = parts.count == 2 ? parts[1] : Substring("")
        guard !(whole.isEmpty && frac.isEmpty),
              whole.unicodeScalars.allSatisfy(\.isASCIIDigitScalar), frac.unicodeScalars.allSatisfy(\.isASCIIDigitScalar)
        else { return nil }
        self.init(negative: negative, integer: whole.utf8.map { $0 - 0x30 }, fraction: frac.utf8.map { $0 - 0x30 })
    }

    private init(negative: Bool, integer: [UInt8], fraction: [UInt8]) {
        let i = Array(integer.drop(while: { $0 == 0 }))
        var f = fraction
        while f.last == 0 { f.removeLast() }
        self.negative = negative && !(i.isEmpty && f.isEmpty)
        self.integer = i
        self.fraction = f
    }

    var doubleValue: Double {
        let text = (negative ? "-" : "") + (integer.isEmpty ? "0" : integer.map(String.init).joined())
            + (fraction.isEmpty ? "" : "." + fraction.map(String.init).joined())
        return Double(text) ?? .nan
    }

    private static func magnitudeLess(_ a: ExactDecimal, _ b: ExactDecimal) -> Bool {
        if a.integer.count != b.integer.count { return a.integer.count < b.integer.count }
        if a.integer != b.integer { return a.integer.lexicographicallyPrecedes(b.integer) }
        return a.fraction.lexicographicallyPrecedes(b.fraction)
    }

    static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        if a.negative != b.negative { return a.negative }
        return a.negative ? magnitudeLess(b, a) : magnitudeLess(a, b)
    }
}

/// A point (or the start of a period) on the XSD time line, for the date and time types.
struct XSDMoment: Sendable {
    enum Kind: Sendable { case dateTime, date, time, gYear, gYearMonth, gMonth, gDay, gMonthDay }
    let kind: Kind
    /// Seconds from 0001-01-01T00:00:00 (proleptic Gregorian) in UTC where there is a
    /// timezone, in local time where there is none; nil when the year is too large to compute with.
    let seconds: Int64?
    /// Fraction-of-second digits, without trailing zeros.
    let fraction: [UInt8]
    let hasTimezone: Bool

    /// Parses and checks a lexical form of `kind` (real calendar dates: no 2023-02-30).
    init?(lexical s: String, kind: Kind) {
        var scanner = DateScanner(Array(s.unicodeScalars))
        var year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0
        var fraction: [UInt8] = []
        var yearIsLarge = false
        func readYear() -> Bool {
            let negative = scanner.take("-")
            guard let digits = scanner.digits(), digits.count >= 4, !(digits.count > 4 && digits.first == 0x30) else { return false }
            if digits.count > 15 { yearIsLarge = true; return true }
            guard let y = Int(String(decoding: digits, as: UTF8.self)) else { return false }
            year = negative ? -y : y
            return true
        }
        func two() -> Int? {
            guard let d = scanner.digits(), d.count == 2 else { return nil }
            return Int(d[0] - 0x30) * 10 + Int(d[1] - 0x30)
        }
        func readTime() -> Bool {
            guard let h = two(), scanner.take(":"), let m = two(), scanner.take(":"), let sec = two() else { return false }
            if scanner.take(".") {
                guard let f = scanner.digits(), !f.isEmpty else { return false }
                fraction = f.map { $0 - 0x30 }
                while fraction.last == 0 { fraction.removeLast() }
            }
            guard m <= 59, sec <= 59 else { return false }
            if h == 24 {
                guard m == 0, sec == 0, fraction.isEmpty else { return false }
            } else if h > 23 {
                return false
            }
            hour = h; minute = m; second = sec
            return true
        }
        func monthOK(_ m: Int) -> Bool { (1...12).contains(m) }
        switch kind {
        case .dateTime, .date:
            guard readYear(), scanner.take("-"), let m = two(), monthOK(m), scanner.take("-"), let d = two() else { return nil }
            guard d >= 1, d <= XSDMoment.daysIn(month: m, year: yearIsLarge ? 2000 : year) else { return nil }
            month = m; day = d
            if kind == .dateTime { guard scanner.take("T"), readTime() else { return nil } }
        case .time:
            guard readTime() else { return nil }
        case .gYear:
            guard readYear() else { return nil }
        case .gYearMonth:
            guard readYear(), scanner.take("-"), let m = two(), monthOK(m) else { return nil }
            month = m
        case .gMonth:
            guard scanner.take("-"), scanner.take("-"), let m = two(), monthOK(m) else { return nil }
            month = m
        case .gDay:
            guard scanner.take("-"), scanner.take("-"), scanner.take("-"), let d = two(), (1...31).contains(d) else { return nil }
            day = d
        case .gMonthDay:
            guard scanner.take("-"), scanner.take("-"), let m = two(), monthOK(m), scanner.take("-"), let d = two(),
                  d >= 1, d <= XSDMoment.daysIn(month: m, year: 2000)
            else { return nil }
            month = m; day = d
        }
        // Timezone: Z or (+|-)hh:mm with hh:mm at most 14:00.
        var offsetMinutes = 0
        var hasTimezone = false
        if scanner.take("Z") {
            hasTimezone = true
        } else if let sign = scanner.peek(), sign == "+" || sign == "-" {
            _ = scanner.next()
            guard let h = two(), scanner.take(":"), let m = two(), m <= 59, h < 14 || (h == 14 && m == 0) else { return nil }
            offsetMinutes = (h * 60 + m) * (sign == "-" ? -1 : 1)
            hasTimezone = true
        }
        guard scanner.atEnd else { return nil }
        self.kind = kind
        self.fraction = fraction
        self.hasTimezone = hasTimezone
        if yearIsLarge {
            self.seconds = nil
        } else {
            let days = XSDMoment.daysFromCivil(year: year, month: month, day: day)
            let local = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            self.seconds = local - Int64(offsetMinutes * 60)
        }
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm); year 0 is 1 BCE.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The XSD order: definite where both or neither have a timezone, or where
    /// the ±14 hours a missing timezone allows cannot change the answer; nil when indeterminate.
    static func compare(_ a: XSDMoment, _ b: XSDMoment) -> Order? {
        guard a.kind == b.kind, let sa = a.seconds, let sb = b.seconds else { return nil }
        func exact(_ x: Int64, _ fx: [UInt8], _ y: Int64, _ fy: [UInt8]) -> Order {
            if x != y { return x < y ? .less : .greater }
            if fx == fy { return .equal }
            return fx.lexicographicallyPrecedes(fy) ? .less : .greater
        }
        if a.hasTimezone == b.hasTimezone { return exact(sa, a.fraction, sb, b.fraction) }
        let window: Int64 = 14 * 3600
        // The one without a timezone lies somewhere in [t - 14h, t + 14h] in UTC.
        if a.hasTimezone {
            if exact(sa, a.fraction, sb - window, b.fraction) == .less { return .less }
            if exact(sa, a.fraction, sb + window, b.fraction) == .greater { return .greater }
        } else {
            if exact(sa + window, a.fraction, sb, b.fraction) == .less { return .less }
            if exact(sa - window, a.fraction, sb, b.fraction) == .greater { return .greater }
        }
        return nil
    }
}

private struct DateScanner {
    let scalars: [Unicode.Scalar]
    var i = 0
    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }
    var atEnd: Bool { i == scalars.count }
    func peek() -> Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }
    mutating func next() -> Unicode.Scalar? { defer { i += 1 }; return peek() }
    mutating func take(_ c: Unicode.Scalar) -> Bool {
        guard peek() == c else { return false }
        i += 1
        return true
    }
    /// A run of ASCII digits as their UTF-8 bytes (nil when there is none).
    mutating func digits() -> [UInt8]? {
        var out: [UInt8] = []
        while let c = peek(), c.isASCIIDigitScalar { out.append(UInt8(c.value)); i += 1 }
        return out.isEmpty ? nil : out
    }
}

/// The outcome of comparing two values.
enum Order: Sendable { case less, equal, greater }

/// A literal's value, as far as SPARQL's `<` can compare it.
enum XSDValue {
    case decimal(ExactDecimal)
    case double(Double)
    case string(String)
    case boolean(Bool)
    case moment(XSDMoment)

    /// The value of a well-formed literal of a comparable datatype; nil otherwise.
    init?(_ term: Term) {
        guard case .literal(let l) = term, l.language == nil else { return nil }
        let s = l.lexicalForm, dt = l.datatype
        if XSDDatatype.integerBounds[dt] != nil {
            guard XSDDatatype.problem(in: l) == nil, let d = ExactDecimal(integer: s) else { return nil }
            self = .decimal(d)
        } else if dt == XSD.decimal {
            guard let d = ExactDecimal(decimal: s) else { return nil }
            self = .decimal(d)
        } else if dt == XSDDatatype.x("double") || dt == XSDDatatype.x("float") {
            guard XSDDatatype.isFloatingPoint(s) else { return nil }
            switch s {
            case "INF", "+INF": self = .double(.infinity)
            case "-INF": self = .double(-.infinity)
            case "NaN": self = .double(.nan)
            default:
                guard let d = Double(s) else { return nil }
                self = .double(d)
            }
        } else if XSDDatatype.stringTypes.contains(dt) {
            guard XSDDatatype.problem(in: l) == nil else { return nil }
            self = .string(s)
        } else if dt == XSD.boolean {
            switch s {
            case "true", "1": self = .boolean(true)
            case "false", "0": self = .boolean(false)
            default: return nil
            }
        } else {
            let kinds: [IRI: XSDMoment.Kind] = [
                XSD.dateTime: .dateTime, XSDDatatype.x("dateTimeStamp"): .dateTime, XSD.date: .date,
                XSDDatatype.x("time"): .time, XSD.gYear: .gYear, XSD.gYearMonth: .gYearMonth,
                XSDDatatype.x("gMonth"): .gMonth, XSDDatatype.x("gDay"): .gDay, XSDDatatype.x("gMonthDay"): .gMonthDay,
            ]
            guard let kind = kinds[dt], let m = XSDMoment(lexical: s, kind: kind) else { return nil }
            if dt == XSDDatatype.x("dateTimeStamp") && !m.hasTimezone { return nil }
            self = .moment(m)
        }
    }

    /// SPARQL's order of two values; nil where SPARQL's `<` raises an error
    /// (different kinds of value, NaN, an indeterminate date order).
    static func compare(_ a: XSDValue, _ b: XSDValue) -> Order? {
        func order<T: Comparable>(_ x: T, _ y: T) -> Order { x < y ? .less : (y < x ? .greater : .equal) }
        switch (a, b) {
        case (.decimal(let x), .decimal(let y)): return order(x, y)
        case (.double(let x), .double(let y)): return x.isNaN || y.isNaN ? nil : order(x, y)
        case (.decimal(let x), .double(let y)): return y.isNaN ? nil : order(x.doubleValue, y)
        case (.double(let x), .decimal(let y)): return x.isNaN ? nil : order(x, y.doubleValue)
        case (.string(let x), .string(let y)):
            if x == y { return .equal }
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? .less : .greater
        case (.boolean(let x), .boolean(let y)): return x == y ? .equal : (x ? .greater : .less)
        case (.moment(let x), .moment(let y)): return XSDMoment.compare(x, y)
        default: return nil
        }
    }

    /// The order of two RDF terms' values; nil when they cannot be compared.
    static func compare(_ a: Term, _ b: Term) -> Order? {
        guard let x = XSDValue(a), let y = XSDValue(b) else { return nil }
        return compare(x, y)
    }
}
