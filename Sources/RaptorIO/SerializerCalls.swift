import CRaptor
import Foundation
import RDFModel

/// The Raptor calls shared by every writer: making a serializer, turning terms
/// into Raptor terms, serializing a statement, ending the output.
///
/// Callers hold ``RaptorWorld/lock`` (through `withWorld`) for every call and
/// own the serializer they are given: these functions keep no pointer.
enum SerializerCalls {
    /// Why `quad` cannot be written faithfully (``WriteSafety``), as the error to throw.
    static func check(_ quad: Quad) throws {
        for term in [quad.triple.subject, quad.triple.object] {
            if case .literal(let literal) = term, let reason = WriteSafety.problem(in: literal) {
                throw RaptorError.unwritableTerm(quad.triple, reason: reason)
            }
        }
    }

    /// A new serializer for `syntax` with `prefixes` declared (Turtle only); the caller frees it.
    static func newSerializer(_ world: OpaquePointer, syntax: RDFSyntax,
                              prefixes: [(prefix: String, namespace: String)]) throws -> OpaquePointer {
        guard let serializer = raptor_new_serializer(world, syntax.raptorName) else {
            throw RaptorError.unsupportedSyntax(syntax.rawValue)
        }
        guard syntax == .turtle else { return serializer }
        do {
            // The Turtle serializer declares rdf: itself and refuses a second declaration.
            for (prefix, namespace) in prefixes where namespace != RDF.ns {
                try RaptorWorld.withURI(world, namespace) { uri in
                    let rc = prefix.withCString {
                        raptor_serializer_set_namespace(serializer, uri, UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self))
                    }
                    if rc != 0 { throw RaptorError.callFailed("raptor_serializer_set_namespace(\(prefix))") }
                }
            }
        } catch {
            raptor_free_serializer(serializer)
            throw error
        }
        return serializer
    }

    /// Hands one statement to a started serializer. The graph name is kept for N-Quads only.
    static func serialize(_ quad: Quad, _ world: OpaquePointer, _ serializer: OpaquePointer,
                          syntax: RDFSyntax, sink: LogSink) throws {
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

    /// Ends the output (the Turtle serializer writes everything it has gathered here).
    static func end(_ serializer: OpaquePointer, sink: LogSink) throws {
        guard raptor_serializer_serialize_end(serializer) == 0 else {
            if let e = sink.errors.first { throw RaptorError.io(path: sink.file, reason: e.1) }
            throw RaptorError.callFailed("raptor_serializer_serialize_end")
        }
    }

    private static func makeTerm(_ world: OpaquePointer, _ term: Term) throws -> UnsafeMutablePointer<raptor_term>? {
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
