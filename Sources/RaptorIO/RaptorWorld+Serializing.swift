import CRaptor
import Foundation
import RDFModel

extension RaptorWorld {
    /// Writes triples to `path` in `syntax`, in the order given, through a
    /// temporary file renamed into place: a failed or killed write never
    /// leaves a half-written file at `path`.
    ///
    /// Every term is checked first (``WriteSafety``), before anything is written;
    /// the Turtle serializer is given no base URI, so prefixes stay absolute.
    /// This is ``RDFFileWriter`` fed the whole array.
    public func write(_ quads: [Quad], syntax: RDFSyntax, prefixes: [(prefix: String, namespace: String)] = [],
                      to path: String) throws {
        for quad in quads { try SerializerCalls.check(quad) }
        let writer = try RDFFileWriter(world: self, path: path, syntax: syntax, prefixes: prefixes)
        for quad in quads { try writer.write(quad) }
        try writer.finish()
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
        for quad in quads { try SerializerCalls.check(quad) }
        return try withWorld(file: "<output>") { world, sink in
            var buffer: UnsafeMutableRawPointer?
            var length = 0
            // Raptor allocates the string when the serializer is freed, also after an error.
            defer { if let buffer { raptor_free_memory(buffer) } }
            do {
                let serializer = try SerializerCalls.newSerializer(world, syntax: syntax, prefixes: prefixes)
                defer { raptor_free_serializer(serializer) }
                guard raptor_serializer_start_to_string(serializer, nil, &buffer, &length) == 0 else {
                    throw RaptorError.callFailed("raptor_serializer_start_to_string")
                }
                for quad in quads { try SerializerCalls.serialize(quad, world, serializer, syntax: syntax, sink: sink) }
                try SerializerCalls.end(serializer, sink: sink)
            }
            // The string is complete once the serializer is freed.
            guard let buffer else { return "" }
            return String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
        }
    }
}
