import Foundation
import Testing

/// The sizes the architecture promises (README, "Architecture"): every folder of `Sources/` is a
/// target of its own, no target over 3,000 lines, no file over 400, no function over 80.
@Suite struct ArchitectureTests {
    static let sources = repositoryRoot + "/Sources"

    static func swiftFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".swift") }.sorted().map { folder + "/" + $0 }
    }

    static var targets: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sources)) ?? []
        return names.filter { !swiftFiles(in: sources + "/" + $0).isEmpty }.sorted()
    }

    static func lines(_ path: String) -> [Substring] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func everySourceFolderIsATargetOfThePackage() throws {
        let manifest = try String(contentsOfFile: repositoryRoot + "/Package.swift", encoding: .utf8)
        #expect(Self.targets.count >= 8)
        for target in Self.targets {
            #expect(manifest.contains("name: \"\(target)\""), "Sources/\(target) is no target of Package.swift")
        }
    }

    @Test func noTargetOverThreeThousandLinesAndNoFileOverFourHundred() {
        for target in Self.targets {
            let files = Self.swiftFiles(in: Self.sources + "/" + target)
            let total = files.reduce(0) { $0 + Self.lines($1).count }
            #expect(total <= 3_000, "Sources/\(target) has \(total) lines")
            for file in files {
                let n = Self.lines(file).count
                #expect(n <= 400, "\(file.dropFirst(repositoryRoot.count + 1)) has \(n) lines")
            }
        }
    }

    /// The length of each function body, from the line that declares it to the line that closes
    /// its braces (string literals and comments do not count their braces).
    static func functionLengths(_ lines: [Substring]) -> [(line: Int, length: Int)] {
        var out: [(Int, Int)] = []
        for (k, line) in lines.enumerated() where isDeclaration(line) {
            var depth = 0, opened = false, j = k
            while j < lines.count {
                for c in code(lines[j]) {
                    if c == "{" { depth += 1; opened = true } else if c == "}" { depth -= 1 }
                }
                if opened && depth <= 0 { break }
                j += 1
            }
            if opened { out.append((k + 1, j - k + 1)) }
        }
        return out
    }

    static func isDeclaration(_ line: Substring) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "<" })
        guard let first = words.first, !first.hasPrefix("//") else { return false }
        return words.prefix(5).contains { $0 == "func" || $0 == "init" || $0 == "init?" }
    }

    /// A line without its string literals and its comment.
    static func code(_ line: Substring) -> String {
        var out = "", inString = false, escaped = false
        var previous: Character = " "
        for c in line {
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "/" && previous == "/" {
                out.removeLast()
                break
            } else {
                out.append(c)
            }
            previous = c
        }
        return out
    }

    @Test func noFunctionOverEightyLines() {
        for target in Self.targets {
            for file in Self.swiftFiles(in: Self.sources + "/" + target) {
                for f in Self.functionLengths(Self.lines(file)) {
                    #expect(f.length <= 80, "\(file.dropFirst(repositoryRoot.count + 1)):\(f.line) is a function of \(f.length) lines")
                }
            }
        }
    }

    @Test func theFunctionMeasureCountsBodiesAndIgnoresBracesInStrings() {
        let text = """
            func a() {
                let s = "{ not a brace"  // nor } this
                if true {
                    print(s)
                }
            }
            init(x: Int) { self.x = x }
            """
        let lengths = Self.functionLengths(text.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(lengths.map(\.length) == [6, 1])
        #expect(lengths.map(\.line) == [1, 7])
    }
}
