import Foundation

/// Reads a file line by line in blocks of 64 KiB, so that memory stays bounded
/// by the longest line, not the file. Lines are returned as bytes, each with
/// its line end (the last line may have none); nothing is decoded here.
final class LineReader {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var first = true
    static let blockSize = 1 << 16

    init(path: String) throws {
        self.path = path
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        handle = h
    }

    deinit { try? handle.close() }

    /// The next line with its "\n" (or "\r\n"), or nil at the end of the file.
    func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = buffer[position...newline]
                position = newline + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                position = buffer.count
                return line
            }
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            let block = try handle.read(upToCount: LineReader.blockSize) ?? Data()
            if block.isEmpty {
                atEnd = true
            } else {
                buffer.append(contentsOf: block)
                if first {
                    first = false
                    if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }   // a UTF-8 byte order mark
                }
            }
        }
    }

    /// Whether a line of N-Triples or N-Quads holds a statement: anything but
    /// white space and a comment.
    static func holdsStatement(_ line: ArraySlice<UInt8>) -> Bool {
        for byte in line {
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0A: continue
            case UInt8(ascii: "#"): return false
            default: return true
            }
        }
        return false
    }
}
