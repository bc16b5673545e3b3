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
