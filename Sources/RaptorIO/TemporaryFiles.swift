import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Temporary files beside an output, renamed into place when complete. Each is created
/// exclusively (`O_CREAT|O_EXCL`) and never through a symbolic link (`O_NOFOLLOW`), under a name
/// no other process can guess, so that a link planted in the output folder cannot redirect a
/// write. Those a killed process left behind are removed the next time the same output is written.
public enum TemporaryFiles {
    /// The prefix of every temporary name for `path`: ".NAME.tmp-".
    static func prefix(for path: String) -> (directory: String, prefix: String) {
        let url = URL(fileURLWithPath: path)
        return (url.deletingLastPathComponent().path, "." + url.lastPathComponent + ".tmp-")
    }

    /// Creates a new temporary file beside `path`, open for writing; its name and descriptor.
    static func create(beside path: String) throws(RaptorError) -> (path: String, descriptor: Int32) {
        removeStale(beside: path)
        let (directory, prefix) = prefix(for: path)
        for _ in 0..<16 {
            var random = SystemRandomNumberGenerator()
            let tag = String(random.next() & 0xFFFF_FFFF_FFFF, radix: 36)
            let name = directory + "/" + prefix + "\(getpid())-" + tag
            let fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd >= 0 { return (name, fd) }
            if errno != EEXIST { throw RaptorError.io(path: path, reason: "cannot create \(name): \(String(cString: strerror(errno)))") }
        }
        throw RaptorError.io(path: path, reason: "cannot create a temporary file beside it: every name tried exists")
    }

    /// Writes `bytes` to `path` through a temporary file, synced and renamed into place: a reader
    /// sees the old file or the new one, never part of one.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(RaptorError) {
        let (temporary, fd) = try create(beside: path)
        var written = 0
        let failure: String? = bytes.withUnsafeBytes { raw -> String? in
            while written < raw.count {
                let n = write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return String(cString: strerror(errno)) }
                written += n
            }
            return fsync(fd) == 0 ? nil : String(cString: strerror(errno))
        }
        let closed = close(fd) == 0
        guard failure == nil, closed, rename(temporary, path) == 0 else {
            let reason = failure ?? String(cString: strerror(errno))
            unlink(temporary)
            throw RaptorError.io(path: path, reason: "cannot write it: \(reason)")
        }
    }

    /// Removes the temporary files for `path` whose process is gone (a killed build).
    public static func removeStale(beside path: String) {
        let (directory, prefix) = prefix(for: path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ pid_t($0) }), pid > 0 else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { unlink(directory + "/" + name) }
        }
    }
}
