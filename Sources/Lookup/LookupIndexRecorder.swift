import Foundation
import RDFModel

/// The lookup index of an N-Triples graph, made while the graph is written:
/// from the triples themselves and the bytes the writer gave each line, so
/// the graph is neither parsed nor read again (`newsgraph build` uses it).
///
/// Record every triple in the order of the file, with its line exactly as
/// written (RaptorIO's `RDFFileWriter` with `keepingOutput` hands them over),
/// then ``write(for:)`` once the file is in place. The index is the one
/// ``LookupIndex/write(for:)`` makes from the file on disk.
public struct LookupIndexRecorder {
    private var builder = IndexBuilder(keepTriples: false)
    private var checksum = Checksum.Running()
    /// The subject of the previous line.
    private var current: UInt32?
    /// False once a subject's lines turned out not to be consecutive.
    private var grouped = true

    public init() {}

    /// Records the next line of the graph: `triple`, which the file holds as `line` (through its newline).
    public mutating func record(_ triple: Triple, line: [UInt8]) {
        let s = builder.add(triple)
        if s != current {
            if !builder.startBlock(of: s, at: UInt64(checksum.count)) { grouped = false }
            current = s
        }
        builder.extendBlock(of: s, by: line.count)
        checksum.add(line)
    }

    /// Writes the index beside `graphPath`, which must hold exactly the recorded lines (its size is checked),
    /// and returns the index's path.
    @discardableResult
    public func write(for graphPath: String) throws(LookupError) -> String {
        guard let stamp = FileStamp.of(graphPath) else {
            throw .graphUnavailable(path: graphPath, reason: ByteStore.lastError())
        }
        guard stamp.size == UInt64(checksum.count) else {
            throw .graphUnreadable(path: graphPath, reason: "it has \(stamp.size) bytes, not the \(checksum.count) of the lines recorded for its index")
        }
        guard grouped else {
            throw .graphUnreadable(path: graphPath, reason: "its triples are not grouped by subject (write it sorted)")
        }
        let bytes = builder.finish(graphSize: stamp.size, checksum: checksum.value, stamp: stamp)
        let target = LookupIndex.path(for: graphPath)
        try LookupIndex.writeAtomically(bytes, to: target)
        return target
    }
}
