import Corpus
import Extraction
import Foundation
import RDFModel

/// Mints stable IRIs: the same entity gets the same IRI from any document,
/// run or machine, because the IRI is made from its canonical name (never a
/// surface string) or, for nodes without a name, from a hash of their key.
public struct IRIMinter: Sendable {
    public let base: String

    public init(base: String) throws(TermError) {
        _ = try IRI(base + "x")
        self.base = base
    }

    /// `base` + `kind/` + slug of the canonical name.
    public func entity(kind: String, name: String) -> IRI {
        IRI(constant: base + kind + "/" + IRIMinter.slug(name))
    }

    /// `base` + `kind/` + the first 16 hex digits of the SHA-256 of `key`.
    public func node(kind: String, key: String) -> IRI {
        IRI(constant: base + kind + "/" + String(ContentHash.sha256(Array(key.utf8)).prefix(16)))
    }

    /// Lower-case ASCII letters and digits joined by single hyphens; diacritics
    /// folded ("Özkan" → "ozkan"), other letters kept by their Unicode name
    /// fallback as percent-free ASCII; empty input gives "unnamed".
    public static func slug(_ name: String) -> String {
        let folded = name.applyingTransform(.toLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false) ?? name
        var out = ""
        var pendingHyphen = false
        for scalar in folded.lowercased().unicodeScalars {
            let v = scalar.value
            let isAlnum = (0x30...0x39).contains(v) || (0x61...0x7A).contains(v)
            if isAlnum {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "unnamed" : out
    }
}
