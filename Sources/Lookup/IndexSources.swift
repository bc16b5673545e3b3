import Foundation
import RDFModel
import RaptorIO

/// Indexes of graphs on disk: a sorted N-Triples file parsed and its lines'
/// byte offsets found (``build(nTriples:path:stamp:)``), or any graph read
/// whole into memory (``build(memoryFrom:world:)``).
extension IndexBuilder {
    /// Why a file cannot be indexed by byte offsets.
    enum Ungroupable: Error { case notGrouped }

    /// The index of a sorted N-Triples file, with byte offsets. Throws
    /// ``Ungroupable`` when a subject's triples are not on consecutive lines.
    static func build(nTriples graph: ByteStore, path: String, stamp: FileStamp) throws(LookupError) -> [UInt8] {
        let world: RaptorWorld
        do { world = try RaptorWorld() } catch { throw .graphUnreadable(path: path, reason: "\(error)") }
        do {
            return try build(nTriples: graph, path: path, stamp: stamp, world: world)
        } catch let error as LookupError {
            throw error
        } catch {
            throw .graphUnreadable(path: path, reason: "its triples are not grouped by subject (write it with `newsgraph build`, which sorts them)")
        }
    }

    static func build(nTriples graph: ByteStore, path: String, stamp: FileStamp, world: RaptorWorld) throws(any Error) -> [UInt8] {
        let blocks = subjectBlocks(graph.bytes)
        var builder = IndexBuilder(keepTriples: false)
        var blockIndex = -1
        var remaining = 0
        var current: UInt32 = 0
        do {
            try world.parse(file: path, syntax: .ntriples) { quad in
                if remaining == 0 {
                    blockIndex += 1
                    guard blockIndex < blocks.count else { throw Ungroupable.notGrouped }
                    remaining = blocks[blockIndex].lines
                    let s = builder.add(quad.triple)
                    guard builder.startBlock(of: s, at: UInt64(blocks[blockIndex].offset)) else { throw Ungroupable.notGrouped }
                    builder.extendBlock(of: s, by: blocks[blockIndex].length)
                    current = s
                } else {
                    guard builder.add(quad.triple) == current else { throw Ungroupable.notGrouped }
                }
                remaining -= 1
            }
        } catch let error as Ungroupable {
            throw error
        } catch {
            throw LookupError.graphUnreadable(path: path, reason: "\(error)")
        }
        guard blockIndex == blocks.count - 1, remaining == 0 else { throw Ungroupable.notGrouped }
        return builder.finish(graphSize: UInt64(graph.bytes.count), checksum: Checksum.of(graph.bytes), stamp: stamp)
    }

    /// An index kept in memory with the triples themselves, for a graph in
    /// any syntax. Returns the index bytes and the triples by (final) node id.
    static func build(memoryFrom path: String, world: RaptorWorld) throws(LookupError) -> ([UInt8], [UInt32: [Triple]]) {
        var builder = IndexBuilder(keepTriples: true)
        do {
            try world.parse(file: path) { quad in builder.add(quad.triple) }
        } catch {
            throw .graphUnreadable(path: path, reason: "\(error)")
        }
        let (bytes, rank) = builder.finishWithRanks(graphSize: 0, checksum: 0, stamp: FileStamp(size: 0, modifiedSeconds: 0, modifiedNanoseconds: 0, inode: 0))
        var bySubject: [UInt32: [Triple]] = [:]
        for (old, triples) in builder.triplesBySubject ?? [:] { bySubject[rank[Int(old)]] = triples }
        return (bytes, bySubject)
    }

    /// Runs of consecutive lines with the same subject: byte offset, length
    /// (through the last line's newline) and number of triple lines. Blank
    /// and comment lines belong to no run.
    static func subjectBlocks(_ bytes: UnsafeRawBufferPointer) -> [(offset: Int, length: Int, lines: Int)] {
        var blocks: [(offset: Int, length: Int, lines: Int)] = []
        guard let base = bytes.baseAddress else { return blocks }
        let count = bytes.count
        var lineStart = 0
        var previousSubject: UnsafeRawBufferPointer?
        while lineStart < count {
            let remaining = count - lineStart
            let newline = memchr(base + lineStart, 0x0A, remaining)
            let lineEnd = newline.map { UnsafeRawPointer($0) - base } ?? count   // index of '\n' or end
            let next = min(lineEnd + 1, count)
            var i = lineStart
            while i < lineEnd, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            if i < lineEnd, bytes[i] != 0x23, bytes[i] != 0x0D {
                var j = i
                while j < lineEnd, bytes[j] != 0x20, bytes[j] != 0x09 { j += 1 }
                let subject = UnsafeRawBufferPointer(start: base + i, count: j - i)
                if let p = previousSubject, compare(p, subject) == 0 {
                    blocks[blocks.count - 1].lines += 1
                    blocks[blocks.count - 1].length = next - blocks[blocks.count - 1].offset
                } else {
                    blocks.append((lineStart, next - lineStart, 1))
                    previousSubject = subject
                }
            }
            lineStart = next
        }
        return blocks
    }
}
