import CRaptor
import Foundation
import RDFModel

extension RaptorWorld {
    /// Writes triples to `path` in `syntax`, in the order given, through a
    /// temporary file renamed into place: a failed or killed write never
    /// leaves a half-written file at `path`.
    ///
    /// Every term is checked first (``WriteSafety``); the Turtle serializer is
    /// given no base URI, so prefixes stay absolute.
    public func write(_ quads: [Quad], syntax: RDFSyntax, prefixes: [(prefix: String, namespace: String)] = [],
                      to path: String) throws {
        try check(quads)
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        // raptor_serializer_start_to_filename would write the file's own URI as @base
        // (and relativize against it); a file handle with no base URI keeps output absolute.
        guard let handle = fopen(temporary, "wb") else {
            throw RaptorError.io(path: path, reason: "cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        var closed = false
        defer { if !closed { fclose(handle) } }
        try withWorld(file: path) { world, sink in
            try withSerializer(world, sink, syntax: syntax, prefixes: prefixes) { serializer in
                guard raptor_serializer_start_to_file_handle(serializer, nil, handle) == 0 else {
                    throw RaptorError.callFailed("raptor_serializer_start_to_file_handle")
                }
                try emit(quads, world, serializer, syntax: syntax, sink: sink)
            }
        }
        closed = true
        guard fflush(handle) == 0, fsync(fileno(handle)) == 0, fclose(handle) == 0 else {
            throw RaptorError.io(path: path, reason: "cannot finish writing \(temporary): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, path) == 0 else {
            throw RaptorError.io(path: path, reason: "cannot rename \(temporary) into place: \(String(cString: strerror(errno)))")
        }
        renamed = true
    }

    /// Triples in the default graph, written as ``write(_:syntax:prefixes:to:)-(_,_,_,_)`` does.
    public func write(_ triples: [Triple], syntax: RDFSyntax, prefixes: [(prefix: String, namespace: String)] = [],
                      to path: String) throws {
        try write(triples.map { Quad($0, graph: nil) }, syntax: syntax, prefixes: prefixes, to: path)
    }

    /// The text Raptor writes for `triples` in `syntax`.
    public func serialize(_ triples: [Triple], syntax: RDFSyntax,
                          prefixes: [(prefix: String, namespace: String)] = []) throws -> String {
        let quads = triples.map { Quad($0, graph: nil) }
        try check(quads)
        return try withWorld(file: "<output>") { world, sink in
            var buffer: UnsafeMutableRawPointer?
            var length = 0
            try withSerializer(world, sink, syntax: syntax, prefixes: prefixes) { serializer in
                guard raptor_serializer_start_to_string(serializer, nil, &buffer, &length) == 0 else {
                    throw RaptorError.callFailed("raptor_serializer_start_to_string")
                }
                try emit(quads, world, serializer, syntax: syntax, sink: sink)
            }
            // The string is complete once the serializer is freed.
            guard let buffer else { return "" }
            defer { raptor_free_memory(buffer) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
        }
    }

    private func check(_ quads: [Quad]) throws {
        for quad in quads {
            for term in [quad.triple.subject, quad.triple.object] {
                if case .literal(let literal) = term, let reason = WriteSafety.problem(in: literal) {
                    throw RaptorError.unwritableTerm(quad.triple, reason: reason)
                }
            }
        }
    }

    private func withSerializer(_ world: OpaquePointer, _ sink: LogSink, syntax: RDFSyntax,
                                prefixes: [(prefix: String, namespace: String)],
                                _ body: (OpaquePointer) throws -> Void) throws {
        guard let serializer = raptor_new_serializer(world, syntax.raptorName) else {
            throw RaptorError.unsupportedSyntax(syntax.rawValue)
        }
        defer { raptor_free_serializer(serializer) }
        if syntax == .turtle {
            // The Turtle serializer declares rdf: itself and refuses a second declaration.
            for (prefix, namespace) in prefixes where namespace != RDF.ns {
                try RaptorWorld.withURI(world, namespace) { uri in
                    let rc = prefix.withCString {
                        raptor_serializer_set_namespace(serializer, uri, UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self))
                    }
                    if rc != 0 { throw RaptorError.callFailed("raptor_serializer_set_namespace(\(prefix))") }
                }
            }
        }
        try body(serializer)
    }

    private func emit(_ quads: [Quad], _ world: OpaquePointer, _ serializer: OpaquePointer,
                      syntax: RDFSyntax, sink: LogSink) throws {
        for quad in quads {
            let t = quad.triple
            guard let s = try makeTerm(world, t.subject), let p = try makeTerm(world, .iri(t.predicate)),
                  let o = try makeTerm(world, t.object)
            else { throw RaptorError.callFailed("raptor_new_term") }
            var g: UnsafeMutablePointer<raptor_term>?
            if syntax == .nquads, let graph = quad.graph { g = try makeTerm(world, .iri(graph)) }
            // The statement takes ownership of its terms.
            guard let statement = raptor_new_statement_from_nodes(world, s, p, o, g) else {
                throw RaptorError.callFailed("raptor_new_statement_from_nodes")
            }
            defer { raptor_free_statement(statement) }
            guard raptor_serializer_serialize_statement(serializer, statement) == 0 else {
                if let e = sink.errors.first { throw RaptorError.io(path: sink.file, reason: e.1) }
                throw RaptorError.callFailed("raptor_serializer_serialize_statement")
            }
        }
        guard raptor_serializer_serialize_end(serializer) == 0 else {
            if let e = sink.errors.first { throw RaptorError.io(path: sink.file, reason: e.1) }
            throw RaptorError.callFailed("raptor_serializer_serialize_end")
        }
    }

    private func makeTerm(_ world: OpaquePointer, _ term: Term) throws -> UnsafeMutablePointer<raptor_term>? {
        switch term {
        case .iri(let iri):
            return iri.value.withCString {
                raptor_new_term_from_counted_uri_string(world, UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), strlen($0))
            }
        case .blank(let b):
            return b.label.withCString {
                raptor_new_term_from_counted_blank(world, UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), strlen($0))
            }
        case .literal(let l):
            let bytes = Array(l.lexicalForm.utf8)
            return try bytes.withUnsafeBufferPointer { lexical -> UnsafeMutablePointer<raptor_term>? in
                // A non-empty pointer even for "", which Raptor copies by length.
                let lexicalPointer = lexical.baseAddress ?? UnsafePointer(bitPattern: 1)
                if let language = l.language {
                    // Raptor 2.0.15 copies the tag up to its NUL, whatever length it is given.
                    return language.withCString { tag in
                        raptor_new_term_from_counted_literal(world, lexical.isEmpty ? emptyString : lexicalPointer, lexical.count,
                                                             nil, UnsafeRawPointer(tag).assumingMemoryBound(to: UInt8.self), UInt8(strlen(tag)))
                    }
                }
                if l.datatype == XSD.string {
                    return raptor_new_term_from_counted_literal(world, lexical.isEmpty ? emptyString : lexicalPointer, lexical.count, nil, nil, 0)
                }
                return try RaptorWorld.withURI(world, l.datatype.value) { dt in
                    raptor_new_term_from_counted_literal(world, lexical.isEmpty ? emptyString : lexicalPointer, lexical.count, dt, nil, 0)
                }
            }
        }
    }
}

/// A static, NUL-terminated empty string for empty literals.
nonisolated(unsafe) private let emptyString: UnsafePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    p.initialize(to: 0)
    return UnsafePointer(p)
}()
