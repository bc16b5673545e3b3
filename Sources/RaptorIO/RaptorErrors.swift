import RDFModel

/// A position in an input file, as Raptor's locator reports it (1-based; nil where unknown).
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?

    public init(file: String, line: Int?, column: Int?) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if line != nil, let column { s += ":\(column)" }
        return s
    }
}

/// The input is not valid in its syntax. Carries the first error's position
/// and every message Raptor gave.
public struct RDFSyntaxError: Error, Sendable, CustomStringConvertible {
    public let position: SourcePosition
    public let message: String
    /// Further error messages after the first, with their positions.
    public let more: [(SourcePosition, String)]

    public var description: String { "\(position): syntax error: \(message)" }
}

/// A failure of the Raptor layer that is not a syntax error in the input.
public enum RaptorError: Error, Sendable, CustomStringConvertible {
    /// Raptor could not be initialised (out of memory).
    case worldUnavailable
    /// Raptor has no parser or serializer of this name.
    case unsupportedSyntax(String)
    /// A file could not be read or written.
    case io(path: String, reason: String)
    /// A term Raptor would write in a form that other parsers read differently.
    case unwritableTerm(Triple, reason: String)
    /// Raptor returned a term this library cannot represent.
    case unreadableTerm(reason: String, position: SourcePosition)
    /// A Raptor call failed without a message.
    case callFailed(String)

    public var description: String {
        switch self {
        case .worldUnavailable: return "Raptor could not be initialised"
        case .unsupportedSyntax(let s): return "Raptor has no support for the syntax \(s)"
        case .io(let path, let reason): return "\(path): \(reason)"
        case .unwritableTerm(let t, let reason): return "cannot write \(t): \(reason)"
        case .unreadableTerm(let reason, let position): return "\(position): \(reason)"
        case .callFailed(let call): return "Raptor call \(call) failed"
        }
    }
}
