import Foundation
import RDFModel

/// The lookup index: a compact binary file beside an N-Triples graph
/// (`DIR/graph.idx` beside `DIR/graph.nt`) that lets `newsgraph lookup` answer
/// without parsing the graph.
///
/// It holds, for every node (IRI or blank node) of the graph: where its
/// triples are in the sorted N-Triples file (byte offset and length), its
/// label, its main class and its date; the graph's edges between nodes in
/// both directions; and the normal forms of every name (labels, alternative
/// labels, surnames, acronyms, titles) sorted for binary search. A lookup
/// maps the index, finds the entity by name, walks the edges, and parses only
/// the few blocks of N-Triples it shows.
///
/// The index records the graph's size, modification time, inode and a
/// checksum of its content. It is used only when the size matches and either
/// the time and inode match or the content checksum does; otherwise it is stale.
///
/// Layout (little-endian): a 128-byte header, then the term table (60 bytes a
/// term, sorted by the term's text), the name table (12 bytes a name, sorted
/// by normal form), the outgoing and incoming edge tables (8 bytes an edge),
/// and a string pool. See ``IndexFormat``.
public enum LookupIndex {
    /// Where the index of `graphPath` lives: `graph.nt` → `graph.idx`.
    public static func path(for graphPath: String) -> String {
        let url = URL(fileURLWithPath: graphPath)
        if RDFSyntaxName.isNTriples(graphPath) {
            return url.deletingPathExtension().appendingPathExtension("idx").path
        }
        return graphPath + ".idx"
    }

    /// Builds the index of the N-Triples file at `graphPath` (parsing it) and
    /// writes it beside it (temporary file renamed into place). Returns the
    /// index's path. For a graph already on disk (a user's own graph.nt);
    /// `newsgraph build` records its index as it writes instead (``LookupIndexRecorder``).
    @discardableResult
    public static func write(for graphPath: String) throws(LookupError) -> String {
        let graph = try ByteStore(mapping: graphPath)
        guard let stamp = FileStamp.of(graphPath) else {
            throw .graphUnavailable(path: graphPath, reason: ByteStore.lastError())
        }
        let bytes = try IndexBuilder.build(nTriples: graph, path: graphPath, stamp: stamp)
        let target = path(for: graphPath)
        try writeAtomically(bytes, to: target)
        return target
    }

    /// The state of the index beside `graphPath`.
    public static func state(for graphPath: String) -> IndexState {
        let target = path(for: graphPath)
        guard FileManager.default.fileExists(atPath: target) else { return .missing }
        do {
            let reader = try IndexReader(store: ByteStore(mapping: target))
            return reader.freshness(for: graphPath)
        } catch {
            return .unusable("\(error)")
        }
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(LookupError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .indexUnwritable(path: path, reason: ByteStore.lastError())
        }
        guard rename(temporary.path, path) == 0 else {
            let reason = ByteStore.lastError()
            try? FileManager.default.removeItem(at: temporary)
            throw .indexUnwritable(path: path, reason: reason)
        }
    }
}

/// Whether an index can be used for a graph.
public enum IndexState: Equatable, Sendable, CustomStringConvertible {
    case fresh
    case missing
    /// The graph changed after the index was written.
    case stale(String)
    /// The file is not an index this version can read.
    case unusable(String)

    public var description: String {
        switch self {
        case .fresh: return "fresh"
        case .missing: return "missing"
        case .stale(let why): return "stale (\(why))"
        case .unusable(let why): return "unusable (\(why))"
        }
    }
}

enum RDFSyntaxName {
    static func isNTriples(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".nt") || lower.hasSuffix(".ntriples")
    }
}

/// Offsets and sizes of the binary layout.
enum IndexFormat {
    static let magic: [UInt8] = Array("NGLKIDX\n".utf8)
    static let version: UInt32 = 1
    static let headerSize = 128
    static let termSize = 60
    static let nameSize = 12
    static let edgeSize = 8
    static let none = UInt32.max

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

/// Reads an index held in a ``ByteStore`` (mapped from a file, or built in memory).
final class IndexReader {
    let store: ByteStore
    private let base: UnsafeRawPointer
    let termCount: Int
    let nameCount: Int
    private let termsOffset: Int, namesOffset: Int, outOffset: Int, inOffset: Int, stringsOffset: Int
    let graphSize: UInt64
    let graphChecksum: UInt64
    let graphStamp: FileStamp

    init(store: ByteStore) throws(IndexProblem) {
        self.store = store
        let bytes = store.bytes
        guard bytes.count >= IndexFormat.headerSize, let base = bytes.baseAddress else { throw .notAnIndex }
        guard Array(bytes[0..<8]) == IndexFormat.magic else { throw .notAnIndex }
        func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        guard u32(8) == IndexFormat.version else { throw .version(u32(8)) }
        self.base = base
        graphSize = u64(16)
        graphChecksum = u64(24)
        graphStamp = FileStamp(size: graphSize, modifiedSeconds: Int64(bitPattern: u64(32)),
                               modifiedNanoseconds: Int64(bitPattern: u64(40)), inode: u64(48))
        termCount = Int(u32(56))
        nameCount = Int(u32(60))
        let outCount = Int(u32(64)), inCount = Int(u32(68))
        termsOffset = Int(u64(72))
        namesOffset = Int(u64(80))
        outOffset = Int(u64(88))
        inOffset = Int(u64(96))
        stringsOffset = Int(u64(104))
        let stringsLength = Int(u64(112))
        let total = Int(u64(120))
        guard total == bytes.count,
              termsOffset + termCount * IndexFormat.termSize <= bytes.count,
              namesOffset + nameCount * IndexFormat.nameSize <= bytes.count,
              outOffset + outCount * IndexFormat.edgeSize <= bytes.count,
              inOffset + inCount * IndexFormat.edgeSize <= bytes.count,
              stringsOffset + stringsLength <= bytes.count
        else { throw .truncated }
    }

    /// Fresh when the graph has the recorded size and either the recorded
    /// time and inode or the recorded content checksum.
    func freshness(for graphPath: String) -> IndexState {
        guard let now = FileStamp.of(graphPath) else { return .stale("the graph cannot be read") }
        if now.size != graphSize { return .stale("the graph is \(now.size) bytes, the index was made for \(graphSize)") }
        if now == graphStamp { return .fresh }
        guard let graph = try? ByteStore(mapping: graphPath) else { return .stale("the graph cannot be read") }
        return Checksum.of(graph.bytes) == graphChecksum ? .fresh : .stale("the graph's content changed after the index was written")
    }

    // MARK: raw access

    @inline(__always) private func u32(_ at: Int) -> UInt32 {
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    @inline(__always) private func u64(_ at: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    @inline(__always) private func u16(_ at: Int) -> UInt16 {
        UInt16(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt16.self))
    }

    @inline(__always) private func stringBytes(_ offset: UInt32, _ length: UInt32) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + stringsOffset + Int(offset), count: Int(length))
    }

    private func string(_ offset: UInt32, _ length: UInt32) -> String? {
        guard offset != IndexFormat.none else { return nil }
        return String(decoding: stringBytes(offset, length), as: UTF8.self)
    }

    @inline(__always) private func term(_ id: UInt32) -> Int { termsOffset + Int(id) * IndexFormat.termSize }

    // MARK: terms

    func textBytes(_ id: UInt32) -> UnsafeRawBufferPointer { stringBytes(u32(term(id)), u32(term(id) + 4)) }

    func text(_ id: UInt32) -> String { String(decoding: textBytes(id), as: UTF8.self) }

    /// The RDF term of a node: an IRI, or a blank node written `_:label`.
    func rdfTerm(_ id: UInt32) -> Term {
        let t = text(id)
        if t.hasPrefix("_:"), let b = try? BlankNode(String(t.dropFirst(2))) { return .blank(b) }
        return .iri(IRI(constant: t))
    }

    func block(_ id: UInt32) -> (offset: Int, length: Int) {
        (Int(u64(term(id) + 8)), Int(u32(term(id) + 16)))
    }

    /// True for nodes that are the subject of at least one triple.
    func isSubject(_ id: UInt32) -> Bool { u32(term(id) + 16) > 0 }

    func label(_ id: UInt32) -> String? { string(u32(term(id) + 20), u32(term(id) + 24)) }

    func primaryClass(_ id: UInt32) -> UInt32? {
        let c = u32(term(id) + 28)
        return c == IndexFormat.none ? nil : c
    }

    /// `ng:date`, else `ng:period`, else `dcterms:date`: what facts are ordered by.
    func sortKey(_ id: UInt32) -> String? { string(u32(term(id) + 32), u32(term(id) + 36)) }

    func outEdges(_ id: UInt32) -> [(predicate: UInt32, object: UInt32)] {
        edges(start: u32(term(id) + 40), count: u32(term(id) + 44), table: outOffset)
    }

    func inEdges(_ id: UInt32) -> [(predicate: UInt32, subject: UInt32)] {
        edges(start: u32(term(id) + 48), count: u32(term(id) + 52), table: inOffset).map { ($0.0, $0.1) }
    }

    func inDegree(_ id: UInt32) -> Int { Int(u32(term(id) + 52)) }

    /// The property the label comes from: `rdfs:label`, else `dcterms:title`, else `ng:sourceFile`.
    func labelProperty(_ id: UInt32) -> IRI? {
        switch u32(term(id) + 56) {
        case 1: return RDFS.label
        case 2: return DCTerms.title
        case 3: return NG.sourceFile
        default: return nil
        }
    }

    private func edges(start: UInt32, count: UInt32, table: Int) -> [(UInt32, UInt32)] {
        var out: [(UInt32, UInt32)] = []
        out.reserveCapacity(Int(count))
        var at = table + Int(start) * IndexFormat.edgeSize
        for _ in 0..<Int(count) {
            out.append((u32(at), u32(at + 4)))
            at += IndexFormat.edgeSize
        }
        return out
    }

    /// The id of the term whose text (IRI, or `_:label`) is `text`.
    func find(_ text: String) -> UInt32? {
        var key = Array(text.utf8)
        return key.withUnsafeMutableBytes { k -> UInt32? in
            let k = UnsafeRawBufferPointer(k)
            var low = 0, high = termCount
            while low < high {
                let mid = (low + high) / 2
                let c = compare(textBytes(UInt32(mid)), k)
                if c == 0 { return UInt32(mid) }
                if c < 0 { low = mid + 1 } else { high = mid }
            }
            return nil
        }
    }

    /// Ids of terms whose text ends with `suffix` (a scan; used for `kind/slug` queries).
    func terms(withSuffix suffix: String) -> [UInt32] {
        let s = Array(suffix.utf8)
        var out: [UInt32] = []
        for id in 0..<UInt32(termCount) {
            let t = textBytes(id)
            if t.count >= s.count, t.count > 0, Array(t[(t.count - s.count)...]) == s { out.append(id) }
        }
        return out
    }

    // MARK: names

    func nameKey(_ i: Int) -> UnsafeRawBufferPointer {
        let at = namesOffset + i * IndexFormat.nameSize
        return stringBytes(u32(at), UInt32(u16(at + 4)))
    }

    func nameKind(_ i: Int) -> IndexFormat.NameKind {
        IndexFormat.NameKind(rawValue: base.load(fromByteOffset: namesOffset + i * IndexFormat.nameSize + 6, as: UInt8.self)) ?? .label
    }

    func nameTerm(_ i: Int) -> UInt32 { u32(namesOffset + i * IndexFormat.nameSize + 8) }

    /// The first name whose key is not less than `key`.
    func firstName(notBelow key: UnsafeRawBufferPointer) -> Int {
        var low = 0, high = nameCount
        while low < high {
            let mid = (low + high) / 2
            if compare(nameKey(mid), key) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// Byte-wise comparison: negative, zero or positive.
@inline(__always) func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let n = min(a.count, b.count)
    if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
        let c = memcmp(pa, pb, n)
        if c != 0 { return Int(c) }
    }
    return a.count - b.count
}

/// Why an index file cannot be read.
enum IndexProblem: Error, CustomStringConvertible {
    case notAnIndex
    case version(UInt32)
    case truncated

    var description: String {
        switch self {
        case .notAnIndex: return "it is not a newsgraph lookup index"
        case .version(let v): return "it is of format version \(v), this newsgraph reads version \(IndexFormat.version)"
        case .truncated: return "it is truncated or damaged"
        }
    }
}
