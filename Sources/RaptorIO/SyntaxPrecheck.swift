import RDFModel

/// What Raptor 2.0.15 accepts although the grammars forbid it, found in the bytes handed to Raptor as
/// they go by (chunk by chunk, so nothing more of the input is held):
///
/// - a numeric escape (`UCHAR`, `\uXXXX` or `\UXXXXXXXX`) in an IRI or a string whose code point is not a
///   character: a surrogate (U+D800 to U+DFFF) or beyond U+10FFFF. Turtle and N-Triples define an escape as
///   standing for a character, and an RDF string or IRI is made of characters; Raptor encodes such an escape
///   as ill-formed UTF-8 (the W3C tests `turtle-syntax-bad-numeric-escape-09` and `-10`);
/// - in N-Triples, a blank node label that is not a `BLANK_NODE_LABEL`:
///   `'_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?`, where (unlike Turtle's prefixed names)
///   `PN_CHARS_U` has no ':' (the RDF 1.1 N-Triples erratum; the W3C tests `nt-syntax-bad-bnode-01` and `-02`).
///   Raptor reads `_::a` and `_:abc:def` as labels.
///
/// Turtle blank node labels are left to Raptor, which reads them by the Turtle grammar.
struct SyntaxPrecheck {
    private enum Mode: Equatable {
        case outside
        case comment
        case iri
        /// `count` quotes `quote` seen in a row where a term may start: a string opens (Turtle has long strings).
        case opening(quote: UInt32, count: Int)
        /// Inside a string; `closing` quotes in a row seen so far (a long string ends at three).
        case string(quote: UInt32, long: Bool, closing: Int)
        /// After a backslash outside a term (Turtle's `PN_LOCAL_ESC`, as in `ex:a\#b`): the next byte is not markup.
        case skipNext
        /// N-Triples: after '_' where a term may start.
        case underscore
        /// N-Triples: inside a blank node label; `first` until its first character is read.
        case label(first: Bool)
    }

    /// Where a numeric escape is: after the backslash (`digits` nil), or reading its hex digits.
    private struct Escape {
        let line: Int, column: Int
        var digits: Int?
        var value: UInt32 = 0
        var read = 0
    }

    private let ntriples: Bool
    private let file: String
    private var mode = Mode.outside
    private var escape: Escape?
    /// The line and column (in characters, 1-based) of the character being read.
    private var line = 1, column = 0
    /// A UTF-8 sequence being read: its value so far and the continuation bytes still expected.
    private var pending: UInt32 = 0, remaining = 0
    /// The first problem found; nothing more is read after it.
    private(set) var error: RDFSyntaxError?

    init(syntax: RDFSyntax, file: String) {
        switch syntax {
        case .turtle: ntriples = false
        case .ntriples, .nquads: ntriples = true
        }
        self.file = file
    }

    /// Reads the next bytes of the input.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        for b in bytes {
            if error != nil { return }
            // Decode UTF-8 just enough to count columns and to read labels; the bytes themselves are Raptor's to check.
            if remaining > 0, b & 0xC0 == 0x80 {
                pending = pending << 6 | UInt32(b & 0x3F)
                remaining -= 1
                if remaining == 0 { character(pending) }
                continue
            }
            remaining = 0
            column += 1
            switch b {
            case 0..<0x80: character(UInt32(b))
            case 0xC0..<0xE0: pending = UInt32(b & 0x1F); remaining = 1
            case 0xE0..<0xF0: pending = UInt32(b & 0x0F); remaining = 2
            case 0xF0..<0xF8: pending = UInt32(b & 0x07); remaining = 3
            default: character(0xFFFD)
            }
            if b == 0x0A {
                line += 1
                column = 0
            }
        }
    }

    private mutating func fail(_ message: String, line: Int, column: Int) {
        error = RDFSyntaxError(position: SourcePosition(file: file, line: line, column: column), message: message, more: [])
    }

    private mutating func character(_ c: UInt32) {
        if escape != nil, readEscape(c) { return }
        switch mode {
        case .outside:
            outside(c)
        case .comment:
            if c == 0x0A || c == 0x0D { mode = .outside }
        case .skipNext:
            mode = .outside
        case .iri:
            switch c {
            case 0x5C: escape = Escape(line: line, column: column)
            case 0x3E, 0x0A, 0x0D: mode = .outside
            default: break
            }
        case .opening(let q, let count):
            if c == q && !ntriples {
                if count == 2 { mode = .string(quote: q, long: true, closing: 0) } else { mode = .opening(quote: q, count: 2) }
            } else if count == 2 {
                mode = .outside  // an empty string
                outside(c)
            } else {
                mode = .string(quote: q, long: false, closing: 0)
                inString(c)
            }
        case .string:
            inString(c)
        case .underscore:
            if c == 0x3A { mode = .label(first: true) } else { mode = .outside; outside(c) }
        case .label(let first):
            inLabel(c, first: first)
        }
    }

    private mutating func outside(_ c: UInt32) {
        switch c {
        case 0x3C: mode = .iri                                   // <
        case 0x22: mode = .opening(quote: 0x22, count: 1)        // "
        case 0x27 where !ntriples: mode = .opening(quote: 0x27, count: 1)  // '
        case 0x23: mode = .comment                               // #
        case 0x5C where !ntriples: mode = .skipNext              // \ of PN_LOCAL_ESC
        case 0x5F where ntriples: mode = .underscore             // _
        default: break
        }
    }

    private mutating func inString(_ c: UInt32) {
        guard case .string(let q, let long, let closing) = mode else { return }
        switch c {
        case 0x5C:
            escape = Escape(line: line, column: column)
            mode = .string(quote: q, long: long, closing: 0)
        case q:
            if !long || closing == 2 { mode = .outside } else { mode = .string(quote: q, long: true, closing: closing + 1) }
        case 0x0A where !long, 0x0D where !long:
            mode = .outside  // an unterminated string: Raptor reports it
        default:
            mode = .string(quote: q, long: long, closing: 0)
        }
    }

    /// Reads `c` as part of an escape; false when `c` is not, and is read as usual.
    private mutating func readEscape(_ c: UInt32) -> Bool {
        guard var e = escape else { return false }
        guard let digits = e.digits else {
            // The character after the backslash: only `u` and `U` start a numeric escape; any other is its whole escape.
            e.digits = c == 0x75 ? 4 : c == 0x55 ? 8 : nil
            escape = e.digits == nil ? nil : e
            return true
        }
        guard let h = hexValue(c) else {
            escape = nil  // not a numeric escape after all: Raptor reports it
            return false
        }
        e.value = e.value << 4 | h
        e.read += 1
        if e.read < digits {
            escape = e
            return true
        }
        escape = nil
        if (0xD800...0xDFFF).contains(e.value) || e.value > 0x10FFFF {
            let hex = String(e.value, radix: 16, uppercase: true)
            let what = e.value > 0x10FFFF ? "beyond U+10FFFF, the last code point" : "a surrogate, which is not a character"
            fail("the escape \\\(digits == 4 ? "u" : "U")\(String(repeating: "0", count: max(0, digits - hex.count)))\(hex) stands for \(what)",
                 line: e.line, column: e.column)
        }
        return true
    }

    private mutating func inLabel(_ c: UInt32, first: Bool) {
        let ok = first ? Self.isPNCharsU(c) || (0x30...0x39).contains(c) : Self.isPNChars(c) || c == 0x2E
        if ok {
            mode = .label(first: false)
            return
        }
        // The label ends here; what follows must be able to follow a term.
        switch c {
        case 0x20, 0x09, 0x0A, 0x0D, 0x3C, 0x23:
            mode = .outside
            outside(c)
        default:
            let shown = c == 0x3A ? "':'" : Unicode.Scalar(c).map { "'\(Character($0))' (U+\(String(c, radix: 16, uppercase: true)))" } ?? "this character"
            fail("\(shown) is not allowed \(first ? "to start" : "in") an N-Triples blank node label", line: line, column: column)
        }
    }

    private func hexValue(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// `PN_CHARS_BASE | '_'` of the N-Triples grammar (RDF 1.1, with its erratum: no ':').
    static func isPNCharsU(_ c: UInt32) -> Bool {
        switch c {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    /// `PN_CHARS_U | '-' | [0-9] | #x00B7 | [#x0300-#x036F] | [#x203F-#x2040]`.
    static func isPNChars(_ c: UInt32) -> Bool {
        isPNCharsU(c) || c == 0x2D || (0x30...0x39).contains(c) || c == 0xB7 || (0x300...0x36F).contains(c) || (0x203F...0x2040).contains(c)
    }
}
