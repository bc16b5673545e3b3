/// Canonical N-Triples text for terms (RDF 1.1 N-Triples, canonical form):
/// used for descriptions, messages and tests, never for the output files,
/// which Raptor writes.
public enum NTriples {
    /// A string literal's quoted form: `"`, `\`, LF and CR escaped as ECHAR,
    /// other control characters as `\uXXXX`. JSON strings are quoted the same way, but JSON
    /// leaves DEL (U+007F) as it is: `escapingDelete: false`.
    public static func quote(_ s: String, escapingDelete: Bool = true) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (escapingDelete && scalar.value == 0x7F) {
                    out += "\\u" + hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    public static func line(_ t: Triple) -> String { "\(t.subject) \(t.predicate) \(t.object) .\n" }
}
