import Foundation

/// Offsets and sizes of the binary layout.
enum IndexFormat {
    static let magic: [UInt8] = Array("NGLKIDX\n".utf8)
    /// 2: a checksum of the header and sections at ``checksumOffset``; the header is 136 bytes.
    static let version: UInt32 = 2
    static let headerSize = 136
    /// Where the header holds ``checksum(of:)``.
    static let checksumOffset = 128
    static let termSize = 60
    static let nameSize = 12
    static let edgeSize = 8
    static let none = UInt32.max

    /// The checksum of a whole index file: every byte but the 8 of the checksum itself.
    static func checksum(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard bytes.count >= headerSize else { return 0 }
        let head = Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[0..<checksumOffset]))
        let rest = Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[headerSize...]))
        return (head &* 0x9E37_79B9_7F4A_7C15) ^ rest
    }

    /// Kinds of name, with the score an exact match of each is worth.
    enum NameKind: UInt8, CaseIterable, Sendable {
        case label = 0, altLabel, surname, acronym, title, file, givenName, localName

        var score: Int {
            switch self {
            case .label: return 100
            case .altLabel: return 90
            case .title: return 85
            case .file: return 85
            case .surname: return 80
            case .acronym: return 75
            case .localName: return 70
            case .givenName: return 55
            }
        }

        var name: String {
            switch self {
            case .label: return "label"
            case .altLabel: return "altLabel"
            case .surname: return "surname"
            case .acronym: return "acronym"
            case .title: return "title"
            case .file: return "file"
            case .givenName: return "givenName"
            case .localName: return "iri"
            }
        }

        /// Near misses are forgiven against these names only.
        var allowsNearMiss: Bool { [.label, .altLabel, .surname, .title].contains(self) }
    }
}

/// Why an index file cannot be read.
enum IndexProblem: Error, CustomStringConvertible {
    case notAnIndex
    case version(UInt32)
    case truncated
    /// The checksum of the header and sections does not match.
    case checksum
    /// A table entry points outside its section, the string pool or the graph.
    case damaged(String)

    var description: String {
        switch self {
        case .notAnIndex: return "it is not a newsgraph lookup index"
        case .version(let v): return "it is of format version \(v), this newsgraph reads version \(IndexFormat.version)"
        case .truncated: return "it is truncated or damaged"
        case .checksum: return "it is damaged (its checksum does not match its content)"
        case .damaged(let what): return "it is damaged (\(what) points outside the index)"
        }
    }
}
