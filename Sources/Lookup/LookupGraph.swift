import Foundation
import RDFModel
import RaptorIO

/// A graph opened for lookups: its index (mapped from `graph.idx`, or built
/// in memory), and where each node's triples are read from (blocks of the
/// N-Triples file, parsed on demand, or triples kept in memory).
final class LookupGraph {
    let path: String
    let index: IndexReader
    /// How the index was obtained, for the messages and the tests.
    let indexUse: IndexUse
    private let source: Source
    private let world: RaptorWorld
    private var cache: [UInt32: [Triple]] = [:]

    enum Source {
        case file(ByteStore)
        case memory([UInt32: [Triple]])
    }

    init(path: String, index: IndexReader, indexUse: IndexUse, source: Source, world: RaptorWorld) {
        self.path = path
        self.index = index
        self.indexUse = indexUse
        self.source = source
        self.world = world
    }

    /// The triples whose subject is each of `ids` (nodes without triples map to []).
    func triples(of ids: [UInt32]) throws(LookupError) -> [UInt32: [Triple]] {
        var result: [UInt32: [Triple]] = [:]
        var missing: [UInt32] = []
        for id in Set(ids) {
            if let cached = cache[id] { result[id] = cached } else { missing.append(id) }
        }
        guard !missing.isEmpty else { return result }
        switch source {
        case .memory(let bySubject):
            for id in missing { result[id] = bySubject[id] ?? [] }
        case .file(let graph):
            var wanted: [Term: UInt32] = [:]
            var ranges: [(offset: Int, length: Int)] = []
            for id in missing {
                let block = index.block(id)
                if block.length == 0 { result[id] = []; cache[id] = []; continue }
                guard block.offset + block.length <= graph.bytes.count else { throw .indexMismatch(path: path) }
                wanted[index.rdfTerm(id)] = id
                ranges.append(block)
                result[id] = []
            }
            ranges.sort { $0.offset < $1.offset }
            var text: [UInt8] = []
            for r in ranges {
                text += graph.bytes[r.offset..<(r.offset + r.length)]
                if text.last != 0x0A { text.append(0x0A) }
            }
            do {
                try world.parse(string: String(decoding: text, as: UTF8.self), syntax: .ntriples, sourceName: path) { quad in
                    guard let id = wanted[quad.triple.subject] else { throw LookupError.indexMismatch(path: path) }
                    result[id, default: []].append(quad.triple)
                }
            } catch let error as LookupError {
                throw error
            } catch {
                throw .indexMismatch(path: path)
            }
            for id in wanted.values where result[id]?.isEmpty ?? true { throw .indexMismatch(path: path) }
        }
        for id in missing { cache[id] = result[id] }
        return result
    }

    func triples(_ id: UInt32) throws(LookupError) -> [Triple] { try triples(of: [id])[id] ?? [] }

    // MARK: conveniences over the index

    func label(_ id: UInt32) -> String {
        if let l = index.label(id), !l.isEmpty { return l }
        let t = index.text(id)
        return LV.localName(t)
    }

    func classCURIE(_ id: UInt32) -> String? { index.primaryClass(id).map { LV.curie(index.text($0)) } }

    func classIRI(_ id: UInt32) -> IRI? { index.primaryClass(id).map { IRI(constant: index.text($0)) } }

    func ref(_ id: UInt32) -> LookupReport.Ref {
        LookupReport.Ref(iri: index.text(id), label: label(id), type: classCURIE(id))
    }

    /// The id of an IRI known to the index.
    func id(_ iri: IRI) -> UInt32? { index.find(iri.value) }

    func id(_ term: Term) -> UInt32? {
        switch term {
        case .iri(let i): return index.find(i.value)
        case .blank(let b): return index.find("_:" + b.label)
        case .literal: return nil
        }
    }
}

/// How a lookup got its index.
public enum IndexUse: Equatable, Sendable, CustomStringConvertible {
    /// The index file beside the graph was fresh and used.
    case used(String)
    /// The index file was missing, stale or unusable: it was rebuilt (and written when `written`).
    case rebuilt(path: String, because: IndexState, written: Bool)
    /// No index file is possible or wanted: the whole graph was read into memory.
    case memory(String)

    public var description: String {
        switch self {
        case .used(let p): return "used \(p)"
        case .rebuilt(let p, let why, let written): return "rebuilt \(p) (\(why))\(written ? "" : ", kept in memory")"
        case .memory(let why): return "read into memory (\(why))"
        }
    }
}

extension LookupGraph {
    /// Opens `path`: maps its index when fresh; otherwise builds the index,
    /// writes it beside the graph when `writeIndex` (and the folder allows),
    /// and says what it did in `notes`.
    static func open(_ path: String, useIndex: Bool, writeIndex: Bool, notes: inout [String]) throws(LookupError) -> LookupGraph {
        guard FileManager.default.fileExists(atPath: path) else { throw .graphUnavailable(path: path, reason: "no such file") }
        let graph = try ByteStore(mapping: path)   // also checks that it is a readable regular file
        let world: RaptorWorld
        do { world = try RaptorWorld() } catch { throw .graphUnreadable(path: path, reason: "\(error)") }

        func inMemory(_ why: String, say: Bool) throws(LookupError) -> LookupGraph {
            if say { notes.append("reading the whole of \(path) into memory: \(why)") }
            let (bytes, triples) = try IndexBuilder.build(memoryFrom: path, world: world)
            let reader: IndexReader
            do { reader = try IndexReader(store: ByteStore(copying: bytes)) } catch { throw .graphUnreadable(path: path, reason: "\(error)") }
            return LookupGraph(path: path, index: reader, indexUse: .memory(why), source: .memory(triples), world: world)
        }

        guard useIndex else { return try inMemory("--no-index", say: false) }
        guard RDFSyntaxName.isNTriples(path) else {
            return try inMemory("an index is kept only for N-Triples graphs (use graph.nt)", say: true)
        }
        let indexPath = LookupIndex.path(for: path)
        // The index is checked whole (checksum, bounds of every table) before it is used; a bad one is rebuilt.
        let (state, fresh) = LookupIndex.open(for: path)
        if let fresh {
            return LookupGraph(path: path, index: fresh, indexUse: .used(indexPath), source: .file(graph), world: world)
        }
        guard let stamp = FileStamp.of(path) else { throw .graphUnavailable(path: path, reason: ByteStore.lastError()) }
        let bytes: [UInt8]
        do {
            bytes = try IndexBuilder.build(nTriples: graph, path: path, stamp: stamp, world: world)
        } catch is IndexBuilder.Ungroupable {
            return try inMemory("its triples are not grouped by subject, so it cannot be indexed", say: true)
        } catch let error as LookupError {
            throw error
        } catch {
            throw .graphUnreadable(path: path, reason: "\(error)")
        }
        var written = false
        let why: String
        switch state {
        case .missing: why = "there is no index \(indexPath)"
        case .stale(let reason): why = "the index \(indexPath) is stale: \(reason)"
        case .unusable(let reason): why = "the index \(indexPath) cannot be used: \(reason)"
        case .fresh: why = "the index \(indexPath) could not be read"
        }
        if writeIndex, !LookupIndex.mayReplace(indexPath) {
            // Someone's own file that happens to be called graph.idx: never overwritten. The lookup still answers.
            notes.append("\(why); \(indexPath) is not a newsgraph index, so it is left alone and \(path) was indexed in memory (move it away to keep an index)")
        } else if writeIndex {
            do {
                try LookupIndex.writeAtomically(bytes, to: indexPath)
                written = true
                notes.append("\(why); indexed \(path) and wrote \(indexPath)")
            } catch {
                notes.append("\(why); indexed \(path) in memory (\(error))")
            }
        } else {
            notes.append("\(why); indexed \(path) in memory")
        }
        let reader: IndexReader
        do { reader = try IndexReader(store: ByteStore(copying: bytes)) } catch { throw .graphUnreadable(path: path, reason: "\(error)") }
        return LookupGraph(path: path, index: reader, indexUse: .rebuilt(path: indexPath, because: state, written: written),
                           source: .file(graph), world: world)
    }
}

extension LookupGraph {
    /// `triples` as Turtle, written by Raptor with the standard prefixes.
    func serializeTurtle(_ triples: [Triple]) throws(LookupError) -> String {
        do {
            return try world.serialize(triples, syntax: .turtle, prefixes: standardPrefixes)
        } catch {
            throw .output("\(error)")
        }
    }
}
