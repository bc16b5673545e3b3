import Crypto
import Foundation
import RDFModel

/// SHA-256 as 64 lower-case hexadecimal digits: a document's `ng:sha256`, and the keys of nodes without a name.
public enum ContentHash {
    public static func sha256(_ bytes: some DataProtocol) -> String {
        lowercaseHex(SHA256.hash(data: bytes))
    }
}

/// A source article read from a corpus folder.
public struct SourceDocument: Sendable {
    /// The path relative to its corpus folder (`ng:sourceFile`).
    public let relativePath: String
    /// The path as given on the command line, for messages.
    public let displayPath: String
    public let text: String
    public let sha256: String
}

/// Why a file of a corpus was not built.
public struct SkippedFile: Error, Sendable, Hashable {
    public enum Reason: String, Sendable, CaseIterable {
        case missing = "missing"
        case unreadable = "unreadable"
        case notUTF8 = "not UTF-8"
        case binary = "binary"
        case empty = "empty"
        case duplicate = "duplicate"
    }

    public let path: String
    public let reason: Reason
    public let detail: String

    public var message: String { "\(path): \(detail)" }
}

/// Reads every article file under corpus folders, in a stable order.
public enum CorpusReader {
    /// The extensions read as articles; other files are not articles and are not listed.
    public static let articleExtensions: Set<String> = ["txt", "text", "md", "markdown"]

    public static func read(corpora: [String]) -> (documents: [SourceDocument], skipped: [SkippedFile]) {
        var documents: [SourceDocument] = []
        var skipped: [SkippedFile] = []
        var seen: [String: String] = [:]  // sha256 -> first path
        let fm = FileManager.default
        for corpus in corpora {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: corpus, isDirectory: &isDirectory) else {
                skipped.append(SkippedFile(path: corpus, reason: .missing, detail: "no such file or folder"))
                continue
            }
            let files: [(relative: String, full: String)]
            if isDirectory.boolValue {
                files = listArticles(in: corpus, skipped: &skipped)
            } else {
                files = [(URL(fileURLWithPath: corpus).lastPathComponent, corpus)]
            }
            for file in files {
                switch load(path: file.full, relative: file.relative) {
                case .success(let doc):
                    if let first = seen[doc.sha256] {
                        skipped.append(SkippedFile(path: file.full, reason: .duplicate, detail: "same content as \(first); built once"))
                    } else {
                        seen[doc.sha256] = file.full
                        documents.append(doc)
                    }
                case .failure(let s):
                    skipped.append(s)
                }
            }
        }
        return (documents, skipped)
    }

    /// Article files below `folder`, sorted by relative path (byte order), hidden files excluded.
    static func listArticles(in folder: String, skipped: inout [SkippedFile]) -> [(relative: String, full: String)] {
        let root = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
            skipped.append(SkippedFile(path: folder, reason: .unreadable, detail: "cannot list the folder"))
            return []
        }
        var out: [(String, String)] = []
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            guard articleExtensions.contains(url.pathExtension.lowercased()) else { continue }
            var relative = url.standardizedFileURL.path
            if relative.hasPrefix(rootPath + "/") { relative.removeFirst(rootPath.count + 1) }
            let full = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            out.append((relative, full))
        }
        return out.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    }

    static func load(path: String, relative: String) -> Result<SourceDocument, SkippedFile> {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read (permission denied)" : "no such file"
            return .failure(SkippedFile(path: path, reason: .unreadable, detail: reason))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            return .failure(SkippedFile(path: path, reason: .unreadable, detail: "cannot be read: \(error.localizedDescription)"))
        }
        let bytes = [UInt8](data)
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(SkippedFile(path: path, reason: .binary, detail: "is a binary file (a NUL byte at offset \(nul)), not an article"))
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8(bytes)
            return .failure(SkippedFile(path: path, reason: .notUTF8, detail: "is not valid UTF-8 (first bad byte at offset \(offset)); convert it, e.g. iconv -f LATIN1 -t UTF-8"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy({ $0.isWhitespace }) {
            return .failure(SkippedFile(path: path, reason: .empty, detail: bytes.isEmpty ? "is empty" : "holds only white space"))
        }
        return .success(SourceDocument(relativePath: relative, displayPath: path, text: text, sha256: ContentHash.sha256(bytes)))
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let n: Int
            if b < 0x80 { n = 1 } else if b & 0xE0 == 0xC0, b >= 0xC2 { n = 2 } else if b & 0xF0 == 0xE0 { n = 3 } else if b & 0xF8 == 0xF0, b <= 0xF4 { n = 4 } else { return i }
            if i + n > bytes.count { return i }
            if String(validating: bytes[i..<(i + n)], as: UTF8.self) == nil { return i }
            i += n
        }
        return i
    }
}
