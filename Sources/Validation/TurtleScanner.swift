import Foundation

struct TurtleToken: Equatable {
    enum Kind: Equatable {
        case iri(String)
        case pname(prefix: String, local: String)
        case blank(String)
        case literal
        case keywordA
        case directive(String)
        case dot, semicolon, comma, openBracket, closeBracket, openParen, closeParen
        case other
    }
    let kind: Kind
    let line: Int
}

/// A forgiving Turtle tokenizer: it never fails, it only has to find terms and punctuation.
struct TurtleScanner {
    private let s: [Unicode.Scalar]
    private var i = 0
    private var line = 1

    init(text: String) { s = Array(text.unicodeScalars) }

    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

    private mutating func advance() {
        if s[i] == "\n" { line += 1 }
        i += 1
    }

    private static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil || c == "_" || c == "-" || c == "." || c == ":"
            || c == "%" || c == "\u{B7}" || c.value >= 0x300 && c.value <= 0x36F
    }

    mutating func next() -> TurtleToken? {
        skipSpaceAndComments()
        guard let c = peek() else { return nil }
        let startLine = line
        func token(_ k: TurtleToken.Kind) -> TurtleToken { TurtleToken(kind: k, line: startLine) }
        switch c {
        case "<":
            return token(.iri(scanIRI()))
        case "\"", "'":
            skipString(quote: c)
            // A language tag or a datatype follows directly.
            if peek() == "@" {
                advance()
                while let d = peek(), d.properties.isAlphabetic || d.properties.numericType != nil || d == "-" { advance() }
            }
            return token(.literal)
        case "." where !(peek(1)?.properties.numericType != nil):
            advance()
            return token(.dot)
        case ";": advance(); return token(.semicolon)
        case ",": advance(); return token(.comma)
        case "[": advance(); return token(.openBracket)
        case "]": advance(); return token(.closeBracket)
        case "(": advance(); return token(.openParen)
        case ")": advance(); return token(.closeParen)
        case "^":
            advance()
            if peek() == "^" { advance() }
            return token(.other)
        case "@":
            advance()
            var word = "@"
            while let d = peek(), d.properties.isAlphabetic { word.unicodeScalars.append(d); advance() }
            return token(word == "@prefix" || word == "@base" ? .directive(word) : .other)
        case "_" where peek(1) == ":":
            return token(.blank(scanBlankLabel()))
        default:
            if c.properties.numericType != nil || c == "+" || c == "-" || c == "." {
                skipNumber()
                return token(.literal)
            }
            return token(scanWord())
        }
    }

    private mutating func skipSpaceAndComments() {
        while let c = peek() {
            if c == "#" {
                while let d = peek(), d != "\n" { advance() }
            } else if c == " " || c == "\t" || c == "\n" || c == "\r" {
                advance()
            } else {
                break
            }
        }
    }

    /// `<…>`, with `\u` and `\U` escapes decoded; returns the text between the brackets.
    private mutating func scanIRI() -> String {
        advance()
        var text = ""
        while let d = peek(), d != ">" {
            if d == "\\", peek(1) == "u" || peek(1) == "U" {
                let n = peek(1) == "u" ? 4 : 8
                advance(); advance()
                var hex = ""
                for _ in 0..<n { if let h = peek() { hex.unicodeScalars.append(h); advance() } }
                if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { text.unicodeScalars.append(u) }
                continue
            }
            text.unicodeScalars.append(d)
            advance()
            if d == "\n" { break }
        }
        if peek() == ">" { advance() }
        return text
    }

    /// `_:label`; a trailing `.` ends the statement, not the label.
    private mutating func scanBlankLabel() -> String {
        advance(); advance()
        var label = ""
        while let d = peek(), TurtleScanner.isNameChar(d), d != ":" { label.unicodeScalars.append(d); advance() }
        while label.hasSuffix(".") { label.removeLast(); i -= 1 }
        return label
    }

    /// A number: digits, a '.' only when a digit follows, an exponent.
    private mutating func skipNumber() {
        advance()
        while let d = peek() {
            if d.properties.numericType != nil || d == "e" || d == "E" || ((d == "+" || d == "-") && (s[i - 1] == "e" || s[i - 1] == "E")) {
                advance()
            } else if d == ".", let e = peek(1), e.properties.numericType != nil {
                advance()
            } else {
                break
            }
        }
    }

    /// A bare word: `a`, a boolean, a SPARQL-style directive, a prefixed name, or something else.
    private mutating func scanWord() -> TurtleToken.Kind {
        var word = ""
        while let d = peek(), TurtleScanner.isNameChar(d) || d == "\\" {
            if d == "\\" {
                advance()
                if let e = peek() { word.unicodeScalars.append(e); advance() }
                continue
            }
            word.unicodeScalars.append(d)
            advance()
        }
        while word.hasSuffix(".") { word.removeLast(); i -= 1 }
        if word.isEmpty {
            advance()
            return .other
        }
        if word == "a" { return .keywordA }
        if word == "true" || word == "false" { return .literal }
        let lower = word.lowercased()
        if lower == "prefix" || lower == "base" { return .directive(word) }
        if let colon = word.firstIndex(of: ":") {
            return .pname(prefix: String(word[..<colon]), local: String(word[word.index(after: colon)...]))
        }
        return .other
    }

    private mutating func skipString(quote q: Unicode.Scalar) {
        let long = peek(1) == q && peek(2) == q
        if long {
            advance(); advance(); advance()
            while let d = peek() {
                if d == "\\" { advance(); if peek() != nil { advance() }; continue }
                if d == q && peek(1) == q && peek(2) == q {
                    advance(); advance(); advance()
                    // Up to two more quotes may end the string's content.
                    return
                }
                advance()
            }
        } else {
            advance()
            while let d = peek(), d != "\n" {
                if d == "\\" { advance(); if peek() != nil { advance() }; continue }
                advance()
                if d == q { return }
            }
        }
    }
}
