import Foundation
import RaptorIO
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
/// Layout (little-endian): a 136-byte header (ending with a checksum of the
/// header and everything after it), then the term table (60 bytes a
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
    public static func state(for graphPath: String) -> IndexState { open(for: graphPath).state }

    /// The state of the index beside `graphPath`, and its reader when it is fresh (so it is checked once).
    static func open(for graphPath: String) -> (state: IndexState, reader: IndexReader?) {
        let target = path(for: graphPath)
        guard FileManager.default.fileExists(atPath: target) else { return (.missing, nil) }
        do {
            let reader = try IndexReader(store: ByteStore(mapping: target))
            let state = reader.freshness(for: graphPath)
            return (state, state == .fresh ? reader : nil)
        } catch {
            return (.unusable("\(error)"), nil)
        }
    }

    /// True when `path` may be replaced by a new index: it does not exist, or
    /// it starts with the index magic (an index of any version, whole or
    /// damaged). A file of the user's that merely has the index's name is not.
    static func mayReplace(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: IndexFormat.magic.count)) ?? Data()
        return Array(head) == IndexFormat.magic
    }

    /// Through an exclusive temporary file beside `path`, never through a link (``TemporaryFiles``).
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(LookupError) {
        do {
            try TemporaryFiles.writeAtomically(bytes, to: path)
        } catch {
            throw .indexUnwritable(path: path, reason: error.description)
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

    /// Checks everything before anything is used: the magic, the version,
    /// the checksum of the header and sections, that every section lies
    /// inside the file, and that every offset, length and id in the tables
    /// points inside its section or the string pool. A damaged or hostile
    /// file throws; after `init` the accessors below cannot read out of bounds.
    init(store: ByteStore) throws(IndexProblem) {
        self.store = store
        let bytes = store.bytes
        let size = bytes.count
        guard size >= IndexFormat.magic.count, let base = bytes.baseAddress,
              Array(bytes[0..<IndexFormat.magic.count]) == IndexFormat.magic else { throw .notAnIndex }
        func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        guard size >= 12 else { throw .truncated }
        guard u32(8) == IndexFormat.version else { throw .version(u32(8)) }
        guard size >= IndexFormat.headerSize else { throw .truncated }
        guard u64(120) == UInt64(size) else { throw .truncated }
        guard u64(IndexFormat.checksumOffset) == IndexFormat.checksum(of: bytes) else { throw .checksum }
        self.base = base
        graphSize = u64(16)
        graphChecksum = u64(24)
        graphStamp = FileStamp(size: graphSize, modifiedSeconds: Int64(bitPattern: u64(32)),
                               modifiedNanoseconds: Int64(bitPattern: u64(40)), inode: u64(48))
        let terms = u32(56), names = u32(60), outs = u32(64), ins = u32(68)
        /// A section of `count` entries of `width` bytes at the offset stored at `at`: inside the file, after the header.
        func section(_ at: Int, _ count: UInt32, _ width: Int) throws(IndexProblem) -> Int {
            let offset = u64(at), limit = UInt64(size)
            guard offset >= UInt64(IndexFormat.headerSize), offset <= limit,
                  UInt64(count) <= (limit - offset) / UInt64(width) else { throw .truncated }
            return Int(offset)
        }
        termsOffset = try section(72, terms, IndexFormat.termSize)
        namesOffset = try section(80, names, IndexFormat.nameSize)
        outOffset = try section(88, outs, IndexFormat.edgeSize)
        inOffset = try section(96, ins, IndexFormat.edgeSize)
        let poolLength = u64(112)
        guard poolLength <= UInt64(UInt32.max) else { throw .truncated }
        stringsOffset = try section(104, UInt32(poolLength), 1)
        termCount = Int(terms)
        nameCount = Int(names)

        let pool = poolLength
        func inPool(_ offset: UInt32, _ length: UInt32) -> Bool { UInt64(offset) <= pool && UInt64(length) <= pool - UInt64(offset) }
        func optionalInPool(_ offset: UInt32, _ length: UInt32) -> Bool { offset == IndexFormat.none || inPool(offset, length) }
        func run(_ start: UInt32, _ count: UInt32, within total: UInt32) -> Bool { UInt64(start) + UInt64(count) <= UInt64(total) }
        for i in 0..<termCount {
            let at = termsOffset + i * IndexFormat.termSize
            let blockOffset = u64(at + 8), blockLength = UInt64(u32(at + 16))
            let primary = u32(at + 28)
            guard inPool(u32(at), u32(at + 4)),
                  blockOffset <= graphSize, graphSize == 0 || blockLength <= graphSize - blockOffset,
                  optionalInPool(u32(at + 20), u32(at + 24)),
                  primary == IndexFormat.none || primary < terms,
                  optionalInPool(u32(at + 32), u32(at + 36)),
                  run(u32(at + 40), u32(at + 44), within: outs),
                  run(u32(at + 48), u32(at + 52), within: ins)
            else { throw .damaged("term \(i)") }
        }
        for (table, count) in [(outOffset, Int(outs)), (inOffset, Int(ins))] {
            for i in 0..<count {
                let at = table + i * IndexFormat.edgeSize
                guard u32(at) < terms, u32(at + 4) < terms else { throw .damaged("edge \(i)") }
            }
        }
        for i in 0..<nameCount {
            let at = namesOffset + i * IndexFormat.nameSize
            let length = UInt32(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: at + 4, as: UInt16.self)))
            guard inPool(u32(at), length), u32(at + 8) < terms else { throw .damaged("name \(i)") }
        }
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
        (Int(clamping: u64(term(id) + 8)), Int(u32(term(id) + 16)))
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
