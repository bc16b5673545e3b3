import Crypto
import Foundation
import Language
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
    /// The encoding the file was decoded from when it is not UTF-8 ("UTF-16LE"), else nil.
    public var decodedFrom: String? = nil

    /// The relative path as the graph writes it (`ng:sourceFile`): a control character or a
    /// noncharacter, which a file name may hold and RDF syntaxes do not take raw, becomes U+FFFD.
    public var sourceName: String {
        guard relativePath.unicodeScalars.contains(where: SourceDocument.isControl) else { return relativePath }
        return String(String.UnicodeScalarView(relativePath.unicodeScalars.map { SourceDocument.isControl($0) ? "\u{FFFD}" : $0 }))
    }

    /// Whether the graph writes the file's name other than it is.
    public var nameIsNormalized: Bool { sourceName != relativePath }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value) || TextCleaner.isNoncharacter(u)
    }
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
        case hidden = "hidden"
        case notAFile = "not a regular file"
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
        for corpus in corpora {
            var info = stat()
            guard stat(corpus, &info) == 0 else {
                var link = stat()
                let detail = lstat(corpus, &link) == 0 ? "is a symbolic link to nothing" : "no such file or folder"
                skipped.append(SkippedFile(path: corpus, reason: .missing, detail: detail))
                continue
            }
            let files: [(relative: String, full: String)]
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let found = CorpusWalk.articles(in: corpus)
                files = found.files
                skipped += found.skipped
            case S_IFREG:
                files = [(URL(fileURLWithPath: corpus).lastPathComponent, corpus)]
            default:
                skipped.append(CorpusWalk.notRegular(corpus, kind: info.st_mode & S_IFMT))
                continue
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
        if let (decoded, encoding) = decodeWithByteOrderMark(bytes) {
            return document(decoded, bytes: bytes, path: path, relative: relative).map {
                var d = $0
                d.decodedFrom = encoding
                return d
            }
        }
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(SkippedFile(path: path, reason: .binary, detail: "is a binary file (a NUL byte at offset \(nul)), not an article"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8(bytes)
            return .failure(SkippedFile(path: path, reason: .notUTF8, detail: "is not valid UTF-8 (first bad byte at offset \(offset)); convert it, e.g. iconv -f LATIN1 -t UTF-8"))
        }
        return document(text, bytes: bytes, path: path, relative: relative)
    }

    /// The article of a decoded text. Byte-order marks are no text: one at the start, and any a
    /// file joined from others carries inside, are dropped.
    static func document(_ decoded: String, bytes: [UInt8], path: String, relative: String) -> Result<SourceDocument, SkippedFile> {
        let text = decoded.contains("\u{FEFF}") ? decoded.replacingOccurrences(of: "\u{FEFF}", with: "") : decoded
        if text.allSatisfy({ $0.isWhitespace }) {
            return .failure(SkippedFile(path: path, reason: .empty, detail: bytes.isEmpty ? "is empty" : "holds only white space"))
        }
        return .success(SourceDocument(relativePath: relative, displayPath: path, text: text, sha256: ContentHash.sha256(bytes)))
    }

    /// A UTF-16 or UTF-32 text that starts with its byte-order mark, decoded as editors and browsers
    /// do, and the encoding's name; nil for any other bytes (UTF-8 with or without its mark included).
    static func decodeWithByteOrderMark(_ b: [UInt8]) -> (String, String)? {
        let encoding: String.Encoding, name: String
        if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            (encoding, name) = (.utf32LittleEndian, "UTF-32LE")
        } else if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            (encoding, name) = (.utf32BigEndian, "UTF-32BE")
        } else if b.starts(with: [0xFF, 0xFE]) {
            (encoding, name) = (.utf16LittleEndian, "UTF-16LE")
        } else if b.starts(with: [0xFE, 0xFF]) {
            (encoding, name) = (.utf16BigEndian, "UTF-16BE")
        } else {
            return nil
        }
        let width = name.hasPrefix("UTF-32") ? 4 : 2
        // A length that is no multiple of the code unit is no such text.
        guard b.count > width, (b.count - width) % width == 0,
              let text = String(data: Data(b.dropFirst(width)), encoding: encoding) else { return nil }
        return (text, name)
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
