import CRaptor
import Foundation
import RDFModel

/// A streaming writer: statements go to Raptor one at a time, and the file
/// appears at `path` only when ``finish()`` succeeds.
///
/// It keeps the guarantees of ``RaptorWorld/write(_:syntax:prefixes:to:)-(_,_,_,_)``:
/// every term is checked (``WriteSafety``) before Raptor sees it; the Turtle
/// serializer is given no base URI, so no `@base` is written and prefixes stay
/// absolute; output goes to a temporary file beside `path`, flushed, synced and
/// renamed into place by ``finish()``. A writer that is never finished, or that
/// fails, removes its temporary file and leaves whatever was at `path` as it was.
///
/// After any error from ``write(_:)-(Quad)`` or ``finish()`` the writer is closed:
/// later calls throw. N-Triples and N-Quads go to the file as they are written;
/// Raptor's Turtle serializer gathers every statement until ``finish()`` to
/// group them by subject, so Turtle output is held in memory until then.
///
/// Like its ``RaptorWorld``, a writer must stay on the thread that made it.
/// The Raptor serializer is private to it and freed before it is released.
public final class RDFFileWriter {
    public let path: String
    public let syntax: RDFSyntax
    /// The number of statements written so far.
    public private(set) var count = 0

    private let world: RaptorWorld
    private let temporary: String
    private var file: UnsafeMutablePointer<FILE>?
    private var serializer: OpaquePointer?
    /// Why the writer is closed (finished, or failed), or nil while it is open.
    private var closedBecause: String?

    /// Opens a temporary file beside `path` and starts a serializer for `syntax` on it.
    public init(world: RaptorWorld, path: String, syntax: RDFSyntax,
                prefixes: [(prefix: String, namespace: String)] = []) throws {
        self.world = world
        self.path = path
        self.syntax = syntax
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        // Unique per writer, so two writers for one path in one process cannot share it.
        let tag = UUID().uuidString.prefix(8)
        temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(tag)"
        // raptor_serializer_start_to_filename would write the file's own URI as @base
        // (and relativize against it); a file handle with no base URI keeps output absolute.
        guard let handle = fopen(temporary, "wb") else {
            throw RaptorError.io(path: path, reason: "cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        file = handle
        do {
            try world.withWorld(file: path) { w, _ in
                let s = try SerializerCalls.newSerializer(w, syntax: syntax, prefixes: prefixes)
                serializer = s
                guard raptor_serializer_start_to_file_handle(s, nil, handle) == 0 else {
                    throw RaptorError.callFailed("raptor_serializer_start_to_file_handle")
                }
            }
        } catch {
            discard(because: "it could not be opened")
            throw error
        }
    }

    deinit {
        discard(because: "it was released")
    }

    /// Checks `quad` and hands it to Raptor. Outside N-Quads the graph name is dropped.
    public func write(_ quad: Quad) throws {
        try ensureOpen()
        do {
            try SerializerCalls.check(quad)
            try world.withWorld(file: path) { w, sink in
                guard let serializer else { throw RaptorError.callFailed("raptor_serializer_serialize_statement") }
                try SerializerCalls.serialize(quad, w, serializer, syntax: syntax, sink: sink)
            }
            count += 1
        } catch {
            discard(because: "an earlier write failed (\(error))")
            throw error
        }
    }

    /// A triple in the default graph.
    public func write(_ triple: Triple) throws {
        try write(Quad(triple, graph: nil))
    }

    /// Ends the output, flushes and syncs the temporary file and renames it to `path`.
    public func finish() throws {
        try ensureOpen()
        do {
            try world.withWorld(file: path) { _, sink in
                guard let serializer else { throw RaptorError.callFailed("raptor_serializer_serialize_end") }
                try SerializerCalls.end(serializer, sink: sink)
                // Raptor's output stream is finished when the serializer is freed.
                raptor_free_serializer(serializer)
                self.serializer = nil
            }
            guard let handle = file else { throw RaptorError.callFailed("fclose") }
            file = nil
            var failure = fflush(handle) == 0 && fsync(fileno(handle)) == 0 ? nil : String(cString: strerror(errno))
            if fclose(handle) != 0, failure == nil { failure = String(cString: strerror(errno)) }
            if let failure {
                throw RaptorError.io(path: path, reason: "cannot finish writing \(temporary): \(failure)")
            }
            guard rename(temporary, path) == 0 else {
                throw RaptorError.io(path: path, reason: "cannot rename \(temporary) into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            discard(because: "finishing it failed (\(error))")
            throw error
        }
        closedBecause = "it is finished"
    }

    private func ensureOpen() throws {
        if let closedBecause {
            throw RaptorError.io(path: path, reason: "the writer is closed: \(closedBecause)")
        }
    }

    /// Frees the serializer, closes and removes the temporary file, and closes the writer.
    /// Does nothing to a writer already closed (finished or discarded).
    private func discard(because reason: String) {
        guard closedBecause == nil else { return }
        closedBecause = reason
        if let serializer {
            RaptorWorld.lock.lock()
            raptor_free_serializer(serializer)
            RaptorWorld.lock.unlock()
            self.serializer = nil
        }
        if let file {
            fclose(file)
            self.file = nil
        }
        unlink(temporary)
    }
}
