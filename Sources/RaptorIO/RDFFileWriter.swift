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
/// With `keepingOutput`, the writer also keeps a copy of the bytes Raptor
/// writes, for ``takeOutput()``: in N-Triples and N-Quads, after each
/// ``write(_:)-(Quad)`` they are exactly that statement's line of the file.
///
/// Like its ``RaptorWorld``, a writer must stay on the thread that made it.
/// The Raptor serializer and its output stream are private to it and freed before it is released.
public final class RDFFileWriter {
    public let path: String
    public let syntax: RDFSyntax
    /// The number of statements written so far.
    public private(set) var count = 0
    /// The number of bytes Raptor has written to the file so far.
    public var bytesWritten: Int { output.count }

    private let world: RaptorWorld
    private let temporary: String
    private var file: UnsafeMutablePointer<FILE>?
    private var serializer: OpaquePointer?
    /// Where the serializer writes: ``output``, through ``handler``.
    private var stream: OpaquePointer?
    private var handler: UnsafeMutablePointer<raptor_iostream_handler>?
    private let output: Output
    /// Why the writer is closed (finished, or failed), or nil while it is open.
    private var closedBecause: String?

    /// Opens a temporary file beside `path` and starts a serializer for `syntax` on it.
    public init(world: RaptorWorld, path: String, syntax: RDFSyntax,
                prefixes: [(prefix: String, namespace: String)] = [], keepingOutput: Bool = false) throws {
        self.world = world
        output = Output(keeping: keepingOutput)
        self.path = path
        self.syntax = syntax
        // Created exclusively, never through a link, under a name unique per writer (TemporaryFiles).
        let (temporary, descriptor) = try TemporaryFiles.create(beside: path)
        self.temporary = temporary
        // raptor_serializer_start_to_filename would write the file's own URI as @base
        // (and relativize against it); a file handle with no base URI keeps output absolute.
        guard let handle = fdopen(descriptor, "wb") else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporary)
            throw RaptorError.io(path: path, reason: "cannot open \(temporary): \(reason)")
        }
        file = handle
        output.file = handle
        do {
            try world.withWorld(file: path) { w, _ in
                let s = try SerializerCalls.newSerializer(w, syntax: syntax, prefixes: prefixes)
                serializer = s
                let h = Output.newHandler()
                handler = h
                guard let stream = raptor_new_iostream_from_handler(w, Unmanaged.passUnretained(output).toOpaque(), h) else {
                    throw RaptorError.callFailed("raptor_new_iostream_from_handler")
                }
                self.stream = stream
                guard raptor_serializer_start_to_iostream(s, nil, stream) == 0 else {
                    throw RaptorError.callFailed("raptor_serializer_start_to_iostream")
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

    /// The bytes Raptor has written since the writer was opened or since the last call
    /// (empty unless opened with `keepingOutput`).
    public func takeOutput() -> [UInt8] {
        defer { output.kept.removeAll(keepingCapacity: true) }
        return output.kept
    }

    /// Ends the output, flushes and syncs the temporary file and renames it to `path`.
    public func finish() throws {
        try ensureOpen()
        do {
            try world.withWorld(file: path) { _, sink in
                guard let serializer else { throw RaptorError.callFailed("raptor_serializer_serialize_end") }
                try SerializerCalls.end(serializer, sink: sink)
                // Raptor's output is complete when the serializer, then its stream, are freed.
                raptor_free_serializer(serializer)
                self.serializer = nil
                freeStream()
            }
            guard let handle = file else { throw RaptorError.callFailed("fclose") }
            file = nil
            output.file = nil
            var failure = output.failure ?? (fflush(handle) == 0 && fsync(fileno(handle)) == 0 ? nil : String(cString: strerror(errno)))
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
        RaptorWorld.lock.lock()
        freeStream()
        RaptorWorld.lock.unlock()
        output.file = nil
        if let file {
            fclose(file)
            self.file = nil
        }
        unlink(temporary)
    }

    /// Frees the output stream (after the serializer that wrote to it) and its handler. Hold the lock.
    private func freeStream() {
        if let stream {
            raptor_free_iostream(stream)
            self.stream = nil
        }
        if let handler {
            handler.deallocate()
            self.handler = nil
        }
    }

    /// What Raptor's output stream writes to: the file, counting the bytes and keeping them when asked.
    private final class Output {
        var file: UnsafeMutablePointer<FILE>?
        let keeping: Bool
        var kept: [UInt8] = []
        var count = 0
        /// Why a write to the file failed, the first time one did.
        var failure: String?

        init(keeping: Bool) { self.keeping = keeping }

        func write(_ bytes: UnsafeRawBufferPointer) -> Int {
            guard let file, let base = bytes.baseAddress else { return 0 }
            let written = fwrite(base, 1, bytes.count, file)
            if written < bytes.count, failure == nil { failure = String(cString: strerror(errno)) }
            count += written
            if keeping { kept.append(contentsOf: bytes.prefix(written)) }
            return written
        }

        /// A handler whose context is an `Output` (unretained: the writer keeps it alive); the caller deallocates it.
        /// It answers as Raptor's own file stream does: 1 for a byte written, the number of items for bytes.
        static func newHandler() -> UnsafeMutablePointer<raptor_iostream_handler> {
            var h = raptor_iostream_handler()
            h.version = 2   // Raptor counts writing as a version 2 ability
            h.write_byte = { context, byte in
                guard let context else { return 0 }
                var b = UInt8(truncatingIfNeeded: byte)
                let output = Unmanaged<Output>.fromOpaque(context).takeUnretainedValue()
                return withUnsafeBytes(of: &b) { Int32(output.write($0)) }
            }
            h.write_bytes = { context, pointer, size, items in
                guard let context, let pointer, size > 0 else { return 0 }
                let output = Unmanaged<Output>.fromOpaque(context).takeUnretainedValue()
                let written = output.write(UnsafeRawBufferPointer(start: pointer, count: size * items))
                return Int32(written / size)
            }
            let handler = UnsafeMutablePointer<raptor_iostream_handler>.allocate(capacity: 1)
            handler.initialize(to: h)
            return handler
        }
    }
}
