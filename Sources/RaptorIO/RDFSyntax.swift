/// The RDF syntaxes this layer reads and writes, with Raptor's names for them.
public enum RDFSyntax: String, CaseIterable, Sendable {
    case turtle
    case ntriples
    case nquads

    var raptorName: String { rawValue }

    /// The syntax for a file name's extension (`.ttl`, `.nt`, `.nq`), or nil.
    public static func forPath(_ path: String) -> RDFSyntax? {
        let lower = path.lowercased()
        if lower.hasSuffix(".ttl") || lower.hasSuffix(".turtle") { return .turtle }
        if lower.hasSuffix(".nt") || lower.hasSuffix(".ntriples") { return .ntriples }
        if lower.hasSuffix(".nq") || lower.hasSuffix(".nquads") { return .nquads }
        return nil
    }

    public var fileExtension: String {
        switch self {
        case .turtle: return "ttl"
        case .ntriples: return "nt"
        case .nquads: return "nq"
        }
    }
}
