import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The article files below a corpus folder, walked with the system's own calls so that nothing is
/// passed over unsaid: symbolic links are followed (a loop is reported once), and every entry that
/// looks like an article but cannot be read as one is named with its reason: a hidden file, a
/// folder that cannot be listed, a name that is not UTF-8, a path over the system's limit, a FIFO,
/// socket or device.
enum CorpusWalk {
    struct Found {
        var files: [(relative: String, full: String)] = []
        var skipped: [SkippedFile] = []
    }

    /// The longest path the system opens.
    static let pathLimit = Int(PATH_MAX)

    static func articles(in folder: String) -> Found {
        var found = Found()
        var visited = Set<FileID>()
        if let id = FileID(path: folder) { visited.insert(id) }
        walk(folder, relative: "", visited: &visited, &found)
        found.files.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
        return found
    }

    /// A file's device and inode: the same folder reached twice through links is one folder.
    struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64

        init(_ s: stat) {
            device = UInt64(s.st_dev)
            inode = UInt64(s.st_ino)
        }

        init?(path: String) {
            var s = stat()
            guard stat(path, &s) == 0 else { return nil }
            self.init(s)
        }
    }

    private static func walk(_ folder: String, relative: String, visited: inout Set<FileID>, _ found: inout Found) {
        guard let entries = names(in: folder, &found) else { return }
        for raw in entries {
            guard let name = String(validating: raw, as: UTF8.self) else {
                found.skipped.append(SkippedFile(path: folder + "/" + escapedName(raw), reason: .unreadable,
                                                 detail: "its name is not UTF-8; rename it (convmv converts names)"))
                continue
            }
            let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            entry(name: name, full: full, relative: rel, visited: &visited, &found)
        }
    }

    private static func entry(name: String, full: String, relative: String, visited: inout Set<FileID>, _ found: inout Found) {
        let article = CorpusReader.articleExtensions.contains((name as NSString).pathExtension.lowercased())
        var link = stat(), target = stat()
        guard lstat(full, &link) == 0 else {
            // A path over PATH_MAX fails here, before anything else is asked of it.
            let detail = errno == ENAMETOOLONG
                ? "its path is \(full.utf8.count) bytes, over the system's limit of \(pathLimit); move it higher up"
                : "cannot be read (\(String(cString: strerror(errno))))"
            found.skipped.append(SkippedFile(path: full, reason: .unreadable, detail: detail))
            return
        }
        let isLink = (link.st_mode & S_IFMT) == S_IFLNK
        guard stat(full, &target) == 0 else {
            if isLink { found.skipped.append(SkippedFile(path: full, reason: .missing, detail: "is a symbolic link to nothing")) }
            return
        }
        let kind = target.st_mode & S_IFMT
        if name.hasPrefix(".") {
            // Hidden entries are not read; those that would be articles, and hidden folders, are named.
            if article || kind == S_IFDIR {
                found.skipped.append(SkippedFile(path: full, reason: .hidden, detail: "is hidden (its name starts with '.'); rename it to build it"))
            }
            return
        }
        switch kind {
        case S_IFDIR:
            guard visited.insert(FileID(target)).inserted else {
                found.skipped.append(SkippedFile(path: full, reason: .duplicate, detail: "is a link to a folder already read (a loop or a second way in); read once"))
                return
            }
            walk(full, relative: relative, visited: &visited, &found)
        case S_IFREG:
            if article { found.files.append((relative, full)) }
        default:
            if article { found.skipped.append(notRegular(full, kind: kind)) }
        }
    }

    static func notRegular(_ path: String, kind: mode_t) -> SkippedFile {
        let what: String
        switch kind {
        case S_IFIFO: what = "a FIFO (named pipe)"
        case S_IFSOCK: what = "a socket"
        case S_IFCHR, S_IFBLK: what = "a device"
        default: what = "not a regular file"
        }
        return SkippedFile(path: path, reason: .notAFile, detail: "is \(what), not an article file")
    }

    /// The names in a folder as bytes, or nil (and a skipped entry) when it cannot be listed.
    private static func names(in folder: String, _ found: inout Found) -> [[UInt8]]? {
        guard let dir = opendir(folder) else {
            let why = errno == EACCES ? "permission denied" : String(cString: strerror(errno))
            found.skipped.append(SkippedFile(path: folder, reason: .unreadable, detail: "is a folder that cannot be listed (\(why))"))
            return nil
        }
        defer { closedir(dir) }
        var out: [[UInt8]] = []
        while let e = readdir(dir) {
            let bytes = withUnsafeBytes(of: e.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            out.append(bytes)
        }
        return out
    }

    /// A file name that is not UTF-8, printable: its bad bytes as \xHH.
    static func escapedName(_ raw: [UInt8]) -> String {
        raw.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }.joined()
    }
}
