import CRaptor
import Foundation
import RDFModel

/// One Raptor world: the owner of every Raptor object this library makes.
///
/// Raptor has no internal locking, so a world must stay on the thread (or task)
/// that made it: the type is not `Sendable`. Make one per thread and keep it for
/// as long as the thread parses or writes. Every C pointer lives inside a method
/// of this class and is freed before the method returns; `deinit` frees the world.
public final class RaptorWorld {
    /// Raptor 2.0.15 is not safe to call from two threads at once even through
    /// two worlds (concurrent serializing and parsing corrupted Turtle output in
    /// the tests), so every call into Raptor holds this process-wide lock.
    static let lock = NSRecursiveLock()

    private let world: OpaquePointer
    /// Where the world's log handler sends messages while a call is under way.
    fileprivate var sink: LogSink?

    public init() throws(RaptorError) {
        RaptorWorld.lock.lock()
        defer { RaptorWorld.lock.unlock() }
        guard let w = newsgraph_raptor_new_world() else { throw .worldUnavailable }
        world = w
        guard raptor_world_open(w) == 0 else {
            raptor_free_world(w)
            throw .worldUnavailable
        }
        raptor_world_set_log_handler(w, Unmanaged.passUnretained(self).toOpaque(), raptorLogHandler)
    }

    deinit {
        RaptorWorld.lock.lock()
        defer { RaptorWorld.lock.unlock() }
        raptor_free_world(world)
    }

    /// Runs `body` with the world pointer and a fresh log sink, which collects
    /// Raptor's errors and warnings for the caller.
    func withWorld<R>(file: String, _ body: (OpaquePointer, LogSink) throws -> R) rethrows -> R {
        RaptorWorld.lock.lock()
        defer { RaptorWorld.lock.unlock() }
        let s = LogSink(file: file)
        let outer = sink
        sink = s
        defer { sink = outer }
        return try body(world, s)
    }

    fileprivate func receive(_ message: UnsafeMutablePointer<raptor_log_message>) {
        sink?.receive(message.pointee)
    }
}

/// Collects Raptor's log messages for one call.
final class LogSink {
    let file: String
    private(set) var errors: [(SourcePosition, String)] = []
    private(set) var warnings: [(SourcePosition, String)] = []
    /// Set by a statement handler to stop the parse with a Swift error.
    var abortError: (any Error)?

    init(file: String) { self.file = file }

    func receive(_ m: raptor_log_message) {
        var line: Int?
        var column: Int?
        if let loc = m.locator?.pointee {
            if loc.line > 0 { line = Int(loc.line) }
            if loc.column >= 0 { column = Int(loc.column) + (loc.column == 0 ? 1 : 0) }
        }
        let text = m.text.map { String(cString: $0) } ?? "unknown error"
        let position = SourcePosition(file: file, line: line, column: column)
        if m.level.rawValue >= RAPTOR_LOG_LEVEL_ERROR.rawValue {
            errors.append((position, text))
        } else if m.level.rawValue == RAPTOR_LOG_LEVEL_WARN.rawValue {
            warnings.append((position, text))
        }
    }

    func syntaxError() -> RDFSyntaxError? {
        guard let first = errors.first else { return nil }
        return RDFSyntaxError(position: first.0, message: first.1, more: Array(errors.dropFirst()))
    }
}

private let raptorLogHandler: raptor_log_handler = { userData, message in
    guard let userData, let message else { return }
    Unmanaged<RaptorWorld>.fromOpaque(userData).takeUnretainedValue().receive(message)
}

// MARK: - URIs

extension RaptorWorld {
    /// A new raptor_uri for `string`, freed by the caller through `withURI`.
    static func withURI<R>(_ world: OpaquePointer, _ string: String, _ body: (OpaquePointer) throws -> R) throws -> R {
        let uri = string.withCString { raptor_new_uri_from_counted_string(world, UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), strlen($0)) }
        guard let uri else { throw RaptorError.callFailed("raptor_new_uri(\(string))") }
        defer { raptor_free_uri(uri) }
        return try body(uri)
    }

    static func string(of uri: OpaquePointer) -> String {
        var length = 0
        guard let bytes = raptor_uri_as_counted_string(uri, &length) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
}
