import RDFModel

/// Raptor 2.0.15 writes some terms in a form that other parsers reject or read
/// as a different term. Every term is checked here before it reaches Raptor;
/// a term that fails is refused with a typed error, never silently changed.
///
/// - U+0000 truncates a literal (Raptor's strings are C strings).
/// - The Turtle serializer writes CR and other C0 control characters raw, also
///   inside short strings, where Turtle forbids CR.
/// - Numeric and boolean literals are written unquoted; a lexical form that is
///   not in the abbreviated Turtle form ("5.", " 12", "TRUE") comes out broken
///   or reads back as a different datatype ("3"^^xsd:decimal as an integer).
/// IRIs are checked when an ``IRI`` is made.
public enum WriteSafety {
    /// Why Raptor cannot write this literal faithfully, or nil when it can.
    public static func problem(in literal: Literal) -> String? {
        for scalar in literal.lexicalForm.unicodeScalars {
            let v = scalar.value
            if v == 0 { return "it contains U+0000, which Raptor truncates" }
            if v < 0x20 && v != 0x09 && v != 0x0A {
                return "it contains the control character U+\(String(v, radix: 16, uppercase: true)), which Raptor writes raw into Turtle"
            }
            if v == 0x7F { return "it contains the control character U+007F, which Raptor writes raw into Turtle" }
        }
        let s = literal.lexicalForm
        switch literal.datatype {
        case XSD.integer where !matches(s, integer: true):
            return "its xsd:integer form \(s.debugDescription) is not canonical ([+-]?[0-9]+)"
        case XSD.decimal where !matches(s, integer: false):
            return "its xsd:decimal form \(s.debugDescription) is not [+-]?[0-9]+.[0-9]+ (Raptor would write it unquoted as another datatype)"
        case XSD.boolean where s != "true" && s != "false":
            return "its xsd:boolean form \(s.debugDescription) is not true or false"
        case IRI(constant: XSD.ns + "double"):
            return isDouble(s) ? nil : "its xsd:double form \(s.debugDescription) is not [+-]?digits[.digits]e[+-]?digits"
        default:
            return nil
        }
    }

    private static func digits(_ s: Substring) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    private static func unsign(_ s: String) -> Substring {
        if s.hasPrefix("+") || s.hasPrefix("-") { return s.dropFirst() }
        return Substring(s)
    }

    private static func matches(_ s: String, integer: Bool) -> Bool {
        let body = unsign(s)
        if integer { return digits(body) }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && digits(parts[0]) && digits(parts[1])
    }

    private static func isDouble(_ s: String) -> Bool {
        let body = unsign(s)
        guard let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return false }
        let mantissa = body[..<e]
        var exponent = body[body.index(after: e)...]
        if exponent.hasPrefix("+") || exponent.hasPrefix("-") { exponent = exponent.dropFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let mantissaOK = parts.count == 1 ? digits(parts[0]) : (parts.count == 2 && digits(parts[0]) && digits(parts[1]))
        return mantissaOK && digits(exponent)
    }
}
