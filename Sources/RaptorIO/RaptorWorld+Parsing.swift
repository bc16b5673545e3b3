import CRaptor
import Foundation
import RDFModel

extension RaptorWorld {
    /// Parses an RDF file, pushing each triple to `handle` as it is read.
    ///
    /// The file is read in chunks of 64 KiB. N-Triples and N-Quads are parsed as the
    /// chunks arrive; Raptor 2.0.15's Turtle parser keeps the whole document itself and
    /// gives its triples only after the last chunk, so a Turtle file is still held whole.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - syntax: its syntax; by default from the extension (`.ttl`, `.nt`, `.nq`).
    ///   - baseIRI: the base for relative IRIs; by default the file's `file:` URI.
    /// - Throws: ``RDFSyntaxError`` with file, line and column (also for what Raptor would accept but
    ///   the grammar forbids: see `SyntaxPrecheck`); ``RaptorError/io(path:reason:)``
    ///   for a file that cannot be read; or whatever `handle` throws, which stops the parse.
    public func parse(file path: String, syntax: RDFSyntax? = nil, baseIRI: String? = nil,
                      _ handle: (Quad) throws -> Void) throws {
        guard let syntax = syntax ?? RDFSyntax.forPath(path) else {
            throw RaptorError.unsupportedSyntax("of \(path) (use .ttl, .nt or .nq, or name the syntax)")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw RaptorError.io(path: path, reason: RaptorWorld.reason(errno: errno)) }
        defer { close(descriptor) }
        let base = baseIRI ?? URL(fileURLWithPath: path).absoluteURL.absoluteString
        try parse(syntax: syntax, baseIRI: base, sourceName: path, fill: { buffer in
            // Fills the whole buffer unless the file ends first.
            var filled = 0
            while filled < buffer.count {
                let n = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if n == 0 { break }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw RaptorError.io(path: path, reason: RaptorWorld.reason(errno: errno))
                }
                filled += n
            }
            return filled
        }, handle)
    }

    /// Parses RDF text held in memory (see ``parse(file:syntax:baseIRI:_:)``).
    public func parse(string: String, syntax: RDFSyntax, baseIRI: String = "urn:newsgraph:input",
                      sourceName: String = "<string>", _ handle: (Quad) throws -> Void) throws {
        let data = Data(string.utf8)
        var offset = 0
        try parse(syntax: syntax, baseIRI: baseIRI, sourceName: sourceName, fill: { buffer in
            let n = min(buffer.count, data.count - offset)
            data.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: offset..<(offset + n))
            offset += n
            return n
        }, handle)
    }

    /// The most bytes handed to Raptor at once, and so the most this layer holds of a file.
    static let parseChunkSize = 1 << 16

    /// Parses the bytes `fill` gives, in chunks, so that this layer holds one chunk of
    /// the input, not all of it (Raptor's Turtle parser still buffers the whole input). `fill` fills as much of its buffer as the input has
    /// left and returns how many bytes it filled: fewer than the buffer holds only at the end.
    ///
    /// The last chunk with bytes is the one marked as the end (an empty input is one
    /// empty chunk), so Raptor sees the same calls whether the input is a file or a string.
    func parse(syntax: RDFSyntax, baseIRI: String, sourceName: String,
               fill: (UnsafeMutableRawBufferPointer) throws -> Int,
               _ handle: (Quad) throws -> Void) throws {
        try withoutActuallyEscaping(handle) { handle in
            try withWorld(file: sourceName) { world, sink in
                guard let parser = raptor_new_parser(world, syntax.raptorName) else {
                    throw RaptorError.unsupportedSyntax(syntax.rawValue)
                }
                defer { raptor_free_parser(parser) }
                let context = ParseContext(sink: sink, handle: handle)
                let ctx = Unmanaged.passUnretained(context).toOpaque()
                raptor_parser_set_statement_handler(parser, ctx, raptorStatementHandler)
                try withExtendedLifetime(context) {
                    try RaptorWorld.withURI(world, baseIRI) { base in
                        guard raptor_parser_parse_start(parser, base) == 0 else {
                            throw sink.syntaxError() ?? RaptorError.callFailed("raptor_parser_parse_start")
                        }
                        try feed(parser, sink: sink, check: SyntaxPrecheck(syntax: syntax, file: sourceName), fill: fill)
                    }
                }
            }
        }
    }

    /// Hands the input to a started parser one chunk at a time. One byte past the
    /// chunk is read ahead, to know whether the chunk is the last. `check` reads each
    /// chunk too, for what Raptor accepts but the grammar forbids (``SyntaxPrecheck``).
    private func feed(_ parser: OpaquePointer, sink: LogSink, check: SyntaxPrecheck,
                      fill: (UnsafeMutableRawBufferPointer) throws -> Int) throws {
        var check = check
        let chunk = RaptorWorld.parseChunkSize
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk + 1, alignment: 1)
        defer { buffer.deallocate() }
        let bytes = buffer.bindMemory(to: UInt8.self)
        var carried = 0
        while true {
            let n = carried + (try fill(UnsafeMutableRawBufferPointer(rebasing: buffer[carried...])))
            let isEnd = n <= chunk
            let length = isEnd ? n : chunk
            check.scan(UnsafeBufferPointer(start: bytes.baseAddress, count: length))
            let rc = raptor_parser_parse_chunk(parser, bytes.baseAddress, length, isEnd ? 1 : 0)
            if let found = check.error {
                // The handler's own error stands; a term Raptor could not give is this same problem, seen later.
                if let error = sink.abortError, !RaptorWorld.isUnreadableTerm(error) { throw error }
                if let raptors = sink.syntaxError(), raptors.position.precedes(found.position) { throw raptors }
                throw found
            }
            if let error = sink.abortError { throw error }
            if let error = sink.syntaxError() { throw error }
            if rc != 0 { throw RaptorError.callFailed("raptor_parser_parse_chunk") }
            if isEnd { return }
            bytes[0] = bytes[chunk]
            carried = 1
        }
    }

    private static func isUnreadableTerm(_ error: any Error) -> Bool {
        if case .unreadableTerm? = error as? RaptorError { return true }
        return false
    }

    /// Why a file cannot be read, in the words used before files were read in chunks.
    static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        default: return String(cString: strerror(code))
        }
    }
}

/// What the statement handler needs: where to send triples, where to put errors.
private final class ParseContext {
    let sink: LogSink
    let handle: (Quad) throws -> Void
    var parser: OpaquePointer?

    init(sink: LogSink, handle: @escaping (Quad) throws -> Void) {
        self.sink = sink
        self.handle = handle
    }
}

private let raptorStatementHandler: raptor_statement_handler = { userData, statement in
    guard let userData, let statement else { return }
    let context = Unmanaged<ParseContext>.fromOpaque(userData).takeUnretainedValue()
    guard context.sink.abortError == nil else { return }
    do {
        let s = statement.pointee
        let position = SourcePosition(file: context.sink.file, line: nil, column: nil)
        guard let subject = try convert(s.subject, position), let predicateTerm = try convert(s.predicate, position),
              case .iri(let predicate) = predicateTerm, let object = try convert(s.object, position)
        else { throw RaptorError.unreadableTerm(reason: "a statement without subject, predicate or object", position: position) }
        var graph: IRI?
        if let g = s.graph, let term = try convert(g, position) {
            guard case .iri(let gi) = term else {
                throw RaptorError.unreadableTerm(reason: "a graph name that is not an IRI", position: position)
            }
            graph = gi
        }
        try context.handle(Quad(Triple(subject, predicate, object), graph: graph))
    } catch {
        context.sink.abortError = error
    }
}

/// Raptor's bytes as a string; bytes that are not UTF-8 (Raptor turns a `\\ud800`
/// escape into an encoded surrogate) are an error, never silently replaced.
private func bytesToString(_ p: UnsafeMutablePointer<UInt8>?, _ n: Int) throws -> String {
    guard let p else { return "" }
    guard let s = String(validating: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) else {
        throw RaptorError.unreadableTerm(reason: "a term that is not valid UTF-8 (an escaped surrogate code point?)",
                                         position: SourcePosition(file: "<input>", line: nil, column: nil))
    }
    return s
}

private func convert(_ term: UnsafeMutablePointer<raptor_term>?, _ position: SourcePosition) throws -> Term? {
    guard let t = term?.pointee else { return nil }
    switch t.type {
    case RAPTOR_TERM_TYPE_URI:
        let s = RaptorWorld.string(of: t.value.uri)
        do {
            return .iri(try IRI(s))
        } catch {
            throw RaptorError.unreadableTerm(reason: error.description, position: position)
        }
    case RAPTOR_TERM_TYPE_BLANK:
        let label = try bytesToString(t.value.blank.string, Int(t.value.blank.string_len))
        return .blank(try BlankNode(RaptorWorld.blankNodeLabel(label)))
    case RAPTOR_TERM_TYPE_LITERAL:
        let lit = t.value.literal
        let lexical = try bytesToString(lit.string, Int(lit.string_len))
        if let lang = lit.language, lit.language_len > 0 {
            let tag = try bytesToString(lang, Int(lit.language_len))
            do {
                return .literal(try Literal(lexical, language: tag))
            } catch {
                throw RaptorError.unreadableTerm(reason: error.description, position: position)
            }
        }
        if let dt = lit.datatype {
            let s = RaptorWorld.string(of: dt)
            do {
                return .literal(Literal(lexical, datatype: try IRI(s)))
            } catch {
                throw RaptorError.unreadableTerm(reason: error.description, position: position)
            }
        }
        return .literal(Literal(lexical))
    default:
        return nil
    }
}

extension RaptorWorld {
    /// The label a parsed blank node `_:label` gets: labels from a document may hold characters
    /// outside `[A-Za-z0-9_-]`; they are kept apart by escaping each such character as `_xHEX_`.
    public static func blankNodeLabel(_ label: String) -> String { safeLabel(label) }
}

private func safeLabel(_ label: String) -> String {
    var out = ""
    for scalar in label.unicodeScalars {
        let v = scalar.value
        if (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v == 0x2D {
            out.unicodeScalars.append(scalar)
        } else {
            out += "_x" + String(v, radix: 16) + "_"
        }
    }
    if out.hasPrefix("-") { out = "_" + out }
    return out.isEmpty ? "_empty" : out
}

private extension SourcePosition {
    /// True when this position is known and comes before `other` in the file.
    func precedes(_ other: SourcePosition) -> Bool {
        guard let line else { return false }
        return (line, column ?? 0) < (other.line ?? Int.max, other.column ?? Int.max)
    }
}
