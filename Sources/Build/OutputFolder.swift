import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder a build writes into, made when missing, with what goes wrong said in one sentence
/// a person can act on (not Foundation's error domains).
enum OutputFolder {
    /// Makes `path` and the folders above it that are missing; throws why it cannot.
    static func prepare(_ path: String) throws(BuildError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .outputFolder(path, "it is a file, not a folder; give --out a folder (it is made if missing)")
            }
            guard access(path, W_OK) == 0 else {
                throw .outputFolder(path, "the folder cannot be written (\(reason(errno))); give --out a folder you can write")
            }
            return
        }
        // Make each missing folder from the top down, so that the one that fails is named.
        var made = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            made += "/" + part
            if stat(made, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw .outputFolder(path, "\(display(made)) is a file, so no folder can be made below it")
                }
                continue
            }
            guard mkdir(made, 0o755) == 0 || errno == EEXIST else {
                throw .outputFolder(path, "the folder \(display(made)) cannot be made (\(reason(errno))); give --out a folder you can write")
            }
        }
    }

    /// The name of the lock file a build holds in its output folder.
    static let lockName = ".newsgraph.lock"

    /// Takes the folder's lock, so that two builds into one folder cannot interleave their files;
    /// the descriptor holds it until it is closed (or the process ends, however it ends).
    static func lock(_ path: String) throws(BuildError) -> Int32 {
        let fd = open(path + "/" + lockName, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            throw .outputFolder(path, "its lock file \(lockName) cannot be opened (\(reason(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .outputFolder(path, "another newsgraph build is writing into it; wait for that one to end, or give another --out")
        }
        return fd
    }

    static func display(_ made: String) -> String { made.hasPrefix("./") ? String(made.dropFirst(2)) : made }

    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "the file system is read-only"
        case ENOSPC: return "the disk is full"
        case ENOENT: return "that file system takes no new folders there"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
