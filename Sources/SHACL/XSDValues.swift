import RDFModel

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
        var reader = MomentReader(DateScanner(Array(s.unicodeScalars)))
        guard reader.readFields(of: kind), let timezone = reader.readTimezone(), reader.scanner.atEnd else { return nil }
        self.kind = kind
        self.fraction = reader.fraction
        self.hasTimezone = timezone.given
        if reader.yearIsLarge {
            self.seconds = nil
        } else {
            let days = XSDMoment.daysFromCivil(year: reader.year, month: reader.month, day: reader.day)
            let local = Int64(days) * 86_400 + Int64(reader.hour * 3600 + reader.minute * 60 + reader.second)
            self.seconds = local - Int64(timezone.offsetMinutes * 60)
        }
    }

    /// Reads the fields of a lexical form, checking each as it goes.
    private struct MomentReader {
        var scanner: DateScanner
        var year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0
        var fraction: [UInt8] = []
        /// More than 15 digits: valid, but too large to compute with.
        var yearIsLarge = false

        init(_ scanner: DateScanner) { self.scanner = scanner }

        /// The date and time fields `kind` has, in its order.
        mutating func readFields(of kind: Kind) -> Bool {
            switch kind {
            case .dateTime, .date:
                guard readYear(), scanner.take("-"), let m = two(), monthOK(m), scanner.take("-"), let d = two() else { return false }
                guard d >= 1, d <= XSDMoment.daysIn(month: m, year: yearIsLarge ? 2000 : year) else { return false }
                month = m; day = d
                if kind == .dateTime { return scanner.take("T") && readTime() }
            case .time:
                return readTime()
            case .gYear:
                return readYear()
            case .gYearMonth:
                guard readYear(), scanner.take("-"), let m = two(), monthOK(m) else { return false }
                month = m
            case .gMonth:
                guard scanner.take("-"), scanner.take("-"), let m = two(), monthOK(m) else { return false }
                month = m
            case .gDay:
                guard scanner.take("-"), scanner.take("-"), scanner.take("-"), let d = two(), (1...31).contains(d) else { return false }
                day = d
            case .gMonthDay:
                guard scanner.take("-"), scanner.take("-"), let m = two(), monthOK(m), scanner.take("-"), let d = two(),
                      d >= 1, d <= XSDMoment.daysIn(month: m, year: 2000)
                else { return false }
                month = m; day = d
            }
            return true
        }

        /// Timezone: none, Z or (+|-)hh:mm with hh:mm at most 14:00; nil when malformed.
        mutating func readTimezone() -> (given: Bool, offsetMinutes: Int)? {
            if scanner.take("Z") { return (true, 0) }
            guard let sign = scanner.peek(), sign == "+" || sign == "-" else { return (false, 0) }
            _ = scanner.next()
            guard let h = two(), scanner.take(":"), let m = two(), m <= 59, h < 14 || (h == 14 && m == 0) else { return nil }
            return (true, (h * 60 + m) * (sign == "-" ? -1 : 1))
        }

        private mutating func readYear() -> Bool {
            let negative = scanner.take("-")
            guard let digits = scanner.digits(), digits.count >= 4, !(digits.count > 4 && digits.first == 0x30) else { return false }
            if digits.count > 15 { yearIsLarge = true; return true }
            guard let y = Int(String(decoding: digits, as: UTF8.self)) else { return false }
            year = negative ? -y : y
            return true
        }

        private mutating func two() -> Int? {
            guard let d = scanner.digits(), d.count == 2 else { return nil }
            return Int(d[0] - 0x30) * 10 + Int(d[1] - 0x30)
        }

        private mutating func readTime() -> Bool {
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

        private func monthOK(_ m: Int) -> Bool { (1...12).contains(m) }
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

struct DateScanner {
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
