import RDFModel

/// How terms are written in messages, the text report and the JSON report:
/// IRIs in a known namespace as `prefix:local`, others as `<iri>`, literals
/// in N-Triples form with the datatype compacted.
public enum SHACLText {
    /// The prefixes used for compact names: the standard ones, `sh:` and `ngv:`.
    public static let prefixes: [(prefix: String, namespace: String)] =
        standardPrefixes + [("sh", SH.ns), ("ngv", NGV.ns)]

    public static func compact(_ iri: IRI) -> String {
        var best: (prefix: String, namespace: String)?
        for p in prefixes where iri.value.hasPrefix(p.namespace) {
            if best == nil || p.namespace.count > best!.namespace.count { best = p }
        }
        if let best {
            let local = iri.value.dropFirst(best.namespace.count)
            if local.unicodeScalars.allSatisfy({ isLocalNameScalar($0) }), local.last != "." {
                return best.prefix + ":" + local
            }
        }
        return iri.description
    }

    public static func compact(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return compact(iri)
        case .blank(let b): return b.description
        case .literal(let l):
            let quoted = NTriples.quote(l.lexicalForm)
            if let language = l.language { return quoted + "@" + language }
            if l.datatype == XSD.string { return quoted }
            return quoted + "^^" + compact(l.datatype)
        }
    }

    private static func isLocalNameScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x2D, 0x5F, 0x2E: return true  // - _ .
        default: return false
        }
    }
}
