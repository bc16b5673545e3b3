import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only bytes: a file mapped into memory, or bytes made in memory.
/// Owns them and frees them (munmap or deallocate) in `deinit`; the buffer
/// must not be used after the store is gone.
final class ByteStore {
    let bytes: UnsafeRawBufferPointer
    private let isMapped: Bool

    /// Maps the file at `path` read-only.
    init(mapping path: String) throws(LookupError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .graphUnavailable(path: path, reason: ByteStore.lastError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .graphUnavailable(path: path, reason: ByteStore.lastError()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .graphUnavailable(path: path, reason: (info.st_mode & S_IFMT) == S_IFDIR ? "it is a folder, not a file" : "it is not a regular file")
        }
        let size = Int(info.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            isMapped = false
            return
        }
        let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let pointer, pointer != MAP_FAILED else { throw .graphUnavailable(path: path, reason: ByteStore.lastError()) }
        bytes = UnsafeRawBufferPointer(start: pointer, count: size)
        isMapped = true
    }

    /// A copy of `array`.
    init(copying array: [UInt8]) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(array.count, 1), alignment: 16)
        array.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        }
        bytes = UnsafeRawBufferPointer(start: buffer.baseAddress, count: array.count)
        isMapped = false
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// What identifies one version of a file cheaply (size, modification time,
/// inode), and its content checksum for when the cheap test is not enough.
struct FileStamp: Equatable {
    var size: UInt64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64
    var inode: UInt64

    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return FileStamp(size: UInt64(info.st_size), modifiedSeconds: Int64(time.tv_sec),
                         modifiedNanoseconds: Int64(time.tv_nsec), inode: UInt64(info.st_ino))
    }
}

/// A fast 64-bit checksum of a whole file's bytes (four multiply-xorshift lanes
/// over 8-byte words). It detects changes, not tampering; it runs at memory
/// speed, so checking a graph of a million triples costs tens of milliseconds.
enum Checksum {
    private static let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
    fileprivate static let initialLanes: (UInt64, UInt64, UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89)

    @inline(__always) fileprivate static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
        var x = (h ^ w) &* prime
        x ^= x >> 29
        return x
    }

    /// The 32-byte blocks of `bytes` into the lanes; returns where the unprocessed tail starts.
    @inline(__always) fileprivate static func blocks(_ bytes: UnsafeRawBufferPointer, into lanes: inout (UInt64, UInt64, UInt64, UInt64)) -> Int {
        var offset = 0
        guard let base = bytes.baseAddress else { return 0 }
        while offset + 32 <= bytes.count {
            lanes.0 = mix(lanes.0, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = mix(lanes.1, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        return offset
    }

    /// The last (fewer than 32) bytes, then the lanes and the length, into one value.
    fileprivate static func finish(_ lanes: (UInt64, UInt64, UInt64, UInt64), tail: some Collection<UInt8>, count: Int) -> UInt64 {
        var lanes = lanes
        var word: UInt64 = 0
        var shift: UInt64 = 0
        for byte in tail {
            word |= UInt64(byte) << shift
            shift += 8
            if shift == 64 { lanes.0 = mix(lanes.0, word); word = 0; shift = 0 }
        }
        var h = mix(lanes.0, word)
        h = mix(h, lanes.1)
        h = mix(h, lanes.2)
        h = mix(h, lanes.3)
        return mix(h, UInt64(count))
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes = initialLanes
        let offset = blocks(bytes, into: &lanes)
        return finish(lanes, tail: bytes[offset...], count: bytes.count)
    }

    /// The checksum of bytes that come in pieces (a file as it is written): the same value ``of(_:)`` gives for all of them.
    struct Running {
        private var lanes = Checksum.initialLanes
        /// Bytes not yet in a 32-byte block (fewer than 32).
        private var pending: [UInt8] = []
        /// The number of bytes added.
        private(set) var count = 0

        mutating func add(_ bytes: [UInt8]) {
            count += bytes.count
            var rest = bytes[...]
            if !pending.isEmpty {
                let needed = min(32 - pending.count, rest.count)
                pending += rest.prefix(needed)
                rest = rest.dropFirst(needed)
                guard pending.count == 32 else { return }
                _ = pending.withUnsafeBytes { Checksum.blocks($0, into: &lanes) }
                pending.removeAll(keepingCapacity: true)
            }
            let used = rest.withUnsafeBytes { Checksum.blocks($0, into: &lanes) }
            pending += rest.dropFirst(used)
        }

        var value: UInt64 { Checksum.finish(lanes, tail: pending, count: count) }
    }
}
