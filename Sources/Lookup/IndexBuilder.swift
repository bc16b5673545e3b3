import Foundation
import RDFModel

/// Makes the bytes of a lookup index (layout in ``LookupIndex``) from a graph.
///
/// From an N-Triples file whose triples are grouped by subject (as
/// `newsgraph build` writes them, sorted), each node's block of lines is
/// recorded by byte offset. From any other file (Turtle, or N-Triples not
/// grouped by subject) the triples are kept in memory instead
/// (``build(memoryFrom:world:)``), and the index is used in memory only.
/// While a graph is written, ``LookupIndexRecorder`` feeds it each triple
/// with its line's length instead of parsing the file.
struct IndexBuilder {
    private var ids: [Term: UInt32] = [:]
    private(set) var terms: [Term] = []
    private var blockOffset: [UInt64] = []
    private var blockLength: [UInt32] = []
    private var labels: [UInt32: String] = [:]
    private var titles: [UInt32: String] = [:]
    private var files: [UInt32: String] = [:]
    private var alternatives: [UInt32: [String]] = [:]
    private var classes: [UInt32: [UInt32]] = [:]
    /// Subjects with an event role (agent, host, target, participant, location).
    private var eventNodes: Set<UInt32> = []
    private var dates: [UInt32: String] = [:]
    private var periods: [UInt32: String] = [:]
    private var documentDates: [UInt32: String] = [:]
    /// Nodes with a name that is not a plain string (a language tag): the index does not restate it.
    private var notPlain = Set<UInt32>()
    private var edges: [Edge] = []
    /// Memory mode: every triple, by subject id (ids before sorting).
    private(set) var triplesBySubject: [UInt32: [Triple]]?

    struct Edge {
        var s: UInt32, p: UInt32, o: UInt32
    }

    init(keepTriples: Bool) {
        if keepTriples { triplesBySubject = [:] }
    }

    mutating func id(_ term: Term) -> UInt32 {
        if let id = ids[term] { return id }
        let id = UInt32(terms.count)
        ids[term] = id
        terms.append(term)
        blockOffset.append(0)
        blockLength.append(0)
        return id
    }

    /// Records one triple; returns its subject's id.
    @discardableResult
    mutating func add(_ t: Triple) -> UInt32 {
        let s = id(t.subject)
        if triplesBySubject != nil {
            triplesBySubject![s, default: []].append(t)
            blockLength[Int(s)] &+= 1
        }
        switch t.object {
        case .literal(let l):
            _ = id(.iri(t.predicate))
            if l.datatype != XSD.string, [RDFS.label, DCTerms.title, NG.sourceFile].contains(t.predicate) { notPlain.insert(s) }
            switch t.predicate {
            case RDFS.label: if labels[s] == nil || l.lexicalForm < labels[s]! { labels[s] = l.lexicalForm }
            case SKOS.altLabel: alternatives[s, default: []].append(l.lexicalForm)
            case DCTerms.title: titles[s] = l.lexicalForm
            case NG.sourceFile: files[s] = l.lexicalForm
            case LV.date: dates[s] = l.lexicalForm
            case LV.period: periods[s] = l.lexicalForm
            case DCTerms.date: documentDates[s] = l.lexicalForm
            default: break
            }
        case .iri, .blank:
            let o = id(t.object)
            if t.predicate == RDF.type {
                classes[s, default: []].append(o)
            } else {
                // A node with an event role is an event, whatever its class: an event class added to the
                // ontology needs no change here.
                if LV.roleSet.contains(t.predicate) { eventNodes.insert(s) }
                edges.append(Edge(s: s, p: id(.iri(t.predicate)), o: o))
            }
        }
        return s
    }

    /// Starts the block of lines of subject `s` at `offset` of the file; false when it has one already
    /// (its triples are not on consecutive lines).
    mutating func startBlock(of s: UInt32, at offset: UInt64) -> Bool {
        guard blockLength[Int(s)] == 0 else { return false }
        blockOffset[Int(s)] = offset
        return true
    }

    /// Adds a line of `length` bytes to the block of subject `s`.
    mutating func extendBlock(of s: UInt32, by length: Int) {
        blockLength[Int(s)] &+= UInt32(length)
    }

    // MARK: - Writing

    func finish(graphSize: UInt64, checksum: UInt64, stamp: FileStamp) -> [UInt8] {
        finishWithRanks(graphSize: graphSize, checksum: checksum, stamp: stamp).0
    }

    /// The index bytes, and for each id used while building, its final id.
    func finishWithRanks(graphSize: UInt64, checksum: UInt64, stamp: FileStamp) -> ([UInt8], [UInt32]) {
        let order = TermOrder(terms)
        let edges = EdgeTables(edges, rank: order.rank, termCount: terms.count)
        let names = nameEntries(order)
        var pool = StringPool()
        let termTable = termTable(order, edges, &pool)
        var nameTable = ByteWriter()
        for name in names {
            let key = pool.add(name.key)
            nameTable.u32(key.offset); nameTable.u16(UInt16(name.key.count)); nameTable.u8(name.kind.rawValue); nameTable.u8(0)
            nameTable.u32(name.term)
        }
        var outTable = ByteWriter(), inTable = ByteWriter()
        for e in edges.out { outTable.u32(e.p); outTable.u32(e.o) }
        for e in edges.into { inTable.u32(e.p); inTable.u32(e.s) }
        let header = Header(graphSize: graphSize, checksum: checksum, stamp: stamp, termCount: terms.count,
                            nameCount: names.count, outCount: edges.out.count, inCount: edges.into.count)
        let bytes = header.file(sections: [termTable.bytes, nameTable.bytes, outTable.bytes, inTable.bytes], pool: pool.bytes)
        return (bytes, order.rank)
    }

    /// The final order of the terms: by their text (IRI, or `_:` and the blank node's label).
    struct TermOrder {
        /// Each term's text, by id while building.
        let texts: [[UInt8]]
        /// The ids while building, in final order.
        let order: [Int]
        /// For each id while building, its final id.
        let rank: [UInt32]

        init(_ terms: [Term]) {
            texts = terms.map { term in
                switch term {
                case .iri(let i): return Array(i.value.utf8)
                case .blank(let b): return Array(("_:" + b.label).utf8)
                case .literal: return []
                }
            }
            let texts = self.texts
            order = (0..<terms.count).sorted { texts[$0].lexicographicallyPrecedes(texts[$1]) }
            var rank = [UInt32](repeating: 0, count: terms.count)
            for (position, old) in order.enumerated() { rank[old] = UInt32(position) }
            self.rank = rank
        }
    }

    /// The edges in final ids, both directions, deduplicated, with where each node's run starts and its length.
    struct EdgeTables {
        var out: [Edge], into: [Edge]
        var outStart: [UInt32], outCount: [UInt32], inStart: [UInt32], inCount: [UInt32]

        init(_ edges: [Edge], rank: [UInt32], termCount n: Int) {
            out = edges.map { Edge(s: rank[Int($0.s)], p: rank[Int($0.p)], o: rank[Int($0.o)]) }
            out.sort { ($0.s, $0.p, $0.o) < ($1.s, $1.p, $1.o) }
            out = IndexBuilder.dedupe(out)
            into = out
            into.sort { ($0.o, $0.p, $0.s) < ($1.o, $1.p, $1.s) }
            outStart = [UInt32](repeating: 0, count: n); outCount = outStart
            inStart = outStart; inCount = outStart
            for (i, e) in out.enumerated() {
                if outCount[Int(e.s)] == 0 { outStart[Int(e.s)] = UInt32(i) }
                outCount[Int(e.s)] += 1
            }
            for (i, e) in into.enumerated() {
                if inCount[Int(e.o)] == 0 { inStart[Int(e.o)] = UInt32(i) }
                inCount[Int(e.o)] += 1
            }
        }
    }

    /// One entry of the name table.
    struct Name { var key: [UInt8]; var kind: IndexFormat.NameKind; var term: UInt32 }

    /// Every name of every named node, each normal form once with its best kind, sorted by normal form.
    private func nameEntries(_ order: TermOrder) -> [Name] {
        var entries: [Name] = []
        let subjects = Set(labels.keys).union(alternatives.keys).union(titles.keys).union(files.keys)
        for old in subjects {
            for (key, kind) in names(of: old) { entries.append(Name(key: Array(key.utf8), kind: kind, term: order.rank[Int(old)])) }
        }
        entries.sort { $0.key != $1.key ? $0.key.lexicographicallyPrecedes($1.key) : $0.term < $1.term }
        return entries
    }

    /// The normal forms a node can be found by, each with the best kind it has.
    private func names(of old: UInt32) -> [String: IndexFormat.NameKind] {
        let classIRIs = Set((classes[old] ?? []).compactMap { terms[Int($0)].iri })
        let isFact = !classIRIs.isDisjoint(with: LV.factClasses) || eventNodes.contains(old)
        let isPerson = classIRIs.contains(NG.Person) || classIRIs.contains(LV.schemaPerson)
        var best: [String: IndexFormat.NameKind] = [:]
        func note(_ key: String, _ kind: IndexFormat.NameKind) {
            guard !key.isEmpty, key.utf8.count < 1000 else { return }
            if let k = best[key], k.score >= kind.score { return }
            best[key] = kind
        }
        if !isFact, let label = labels[old] {
            let key = LookupNames.key(label)
            note(key, .label)
            let words = key.split(separator: " ").map(String.init)
            if isPerson, words.count >= 2 {
                note(words[words.count - 1], .surname)
                for w in words.dropLast() where w.count >= 2 { note(w, .givenName) }
            } else if let acronym = LookupNames.acronym(ofKey: key) {
                note(acronym, .acronym)
            }
            if case .iri(let iri) = terms[Int(old)] { note(LookupNames.key(LV.localName(iri.value)), .localName) }
        }
        for alt in alternatives[old] ?? [] { note(LookupNames.key(alt), .altLabel) }
        if let title = titles[old] { note(LookupNames.key(title), .title) }
        if let file = files[old] { note(LookupNames.key(file), .file) }
        return best
    }

    /// A node's main class: the most specific one (not a generic superclass), by name; as a final id.
    private func primaryClass(_ old: UInt32, _ order: TermOrder) -> UInt32? {
        guard let list = classes[old], !list.isEmpty else { return nil }
        let specific = list.filter { c in terms[Int(c)].iri.map { !LV.genericClasses.contains($0) } ?? true }
        let pick = (specific.isEmpty ? list : specific).min { order.texts[Int($0)].lexicographicallyPrecedes(order.texts[Int($1)]) }
        return pick.map { order.rank[Int($0)] }
    }

    /// The term table, in final order (``IndexFormat/termSize`` bytes a term); its strings go to `pool` first.
    private func termTable(_ order: TermOrder, _ edges: EdgeTables, _ pool: inout StringPool) -> ByteWriter {
        var table = ByteWriter()
        for old in order.order {
            let o = UInt32(old)
            let text = pool.add(order.texts[old])
            table.u32(text.offset); table.u32(text.length)
            table.u64(blockOffset[old]); table.u32(blockLength[old])
            let label = pool.add(optional: labels[o] ?? titles[o] ?? files[o])
            table.u32(label.offset); table.u32(label.length)
            table.u32(primaryClass(o, order) ?? IndexFormat.none)
            let sortKey = pool.add(optional: dates[o] ?? periods[o] ?? documentDates[o])
            table.u32(sortKey.offset); table.u32(sortKey.length)
            let r = Int(order.rank[old])
            table.u32(edges.outStart[r]); table.u32(edges.outCount[r])
            table.u32(edges.inStart[r]); table.u32(edges.inCount[r])
            table.u32(notPlain.contains(o) ? 0 : labels[o] != nil ? 1 : titles[o] != nil ? 2 : files[o] != nil ? 3 : 0)
        }
        return table
    }

    /// The header (``IndexFormat/headerSize`` bytes): the graph it was made for, the table sizes and where each section starts.
    struct Header {
        var graphSize: UInt64, checksum: UInt64, stamp: FileStamp
        var termCount: Int, nameCount: Int, outCount: Int, inCount: Int

        /// The header followed by the sections (terms, names, outgoing and incoming edges) and the string pool.
        func file(sections: [[UInt8]], pool: [UInt8]) -> [UInt8] {
            var offsets: [Int] = [IndexFormat.headerSize]
            for section in sections { offsets.append(offsets[offsets.count - 1] + section.count) }
            let total = offsets[offsets.count - 1] + pool.count
            var file = ByteWriter()
            file.bytes.append(contentsOf: IndexFormat.magic)
            file.u32(IndexFormat.version); file.u32(0)
            file.u64(graphSize); file.u64(checksum)
            file.u64(UInt64(bitPattern: stamp.modifiedSeconds)); file.u64(UInt64(bitPattern: stamp.modifiedNanoseconds)); file.u64(stamp.inode)
            file.u32(UInt32(termCount)); file.u32(UInt32(nameCount)); file.u32(UInt32(outCount)); file.u32(UInt32(inCount))
            for offset in offsets { file.u64(UInt64(offset)) }
            file.u64(UInt64(pool.count)); file.u64(UInt64(total))
            file.u64(0)   // the checksum, filled in below
            precondition(file.bytes.count == IndexFormat.headerSize)
            file.bytes.reserveCapacity(total)
            for section in sections { file.bytes += section }
            file.bytes += pool
            let sum = file.bytes.withUnsafeBytes { IndexFormat.checksum(of: $0) }
            withUnsafeBytes(of: sum.littleEndian) { file.bytes.replaceSubrange(IndexFormat.checksumOffset..<IndexFormat.headerSize, with: $0) }
            return file.bytes
        }
    }

    fileprivate static func dedupe(_ sorted: [Edge]) -> [Edge] {
        var out: [Edge] = []
        out.reserveCapacity(sorted.count)
        for e in sorted {
            if let last = out.last, last.s == e.s, last.p == e.p, last.o == e.o { continue }
            out.append(e)
        }
        return out
    }
}

/// Little-endian bytes.
struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
}

/// Strings stored once each.
struct StringPool {
    var bytes: [UInt8] = []
    private var known: [[UInt8]: UInt32] = [:]

    mutating func add(_ s: [UInt8]) -> (offset: UInt32, length: UInt32) {
        if let at = known[s] { return (at, UInt32(s.count)) }
        let at = UInt32(bytes.count)
        bytes += s
        known[s] = at
        return (at, UInt32(s.count))
    }

    mutating func add(optional s: String?) -> (offset: UInt32, length: UInt32) {
        guard let s else { return (IndexFormat.none, 0) }
        return add(Array(s.utf8))
    }
}
