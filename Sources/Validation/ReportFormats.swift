import RDFModel
import SHACL

/// Where a result's triple or focus node is written.
public struct ReportLocation: Hashable, Sendable {
    public let file: String
    public let line: Int?

    public init(file: String, line: Int?) {
        self.file = file
        self.line = line
    }
}

/// The ways `newsgraph validate` prints a report (`--format`).
public enum ValidationOutputFormat: String, CaseIterable, Sendable {
    /// Grouped by focus node, each result with the offending triple, the shape and a message.
    case text
    /// A standard `sh:ValidationReport` in Turtle.
    case shacl
    /// One JSON object for scripts (schema in `ValidateCommand.swift`).
    case json
    /// `::error file=F,line=L::message` workflow commands, which GitHub Actions shows on the file.
    case github
}

/// Renders a ``ValidationReport`` for people (text), scripts (JSON) and GitHub Actions.
public struct ReportRenderer {
    public let report: ValidationReport
    public let data: IndexedGraph
    /// A name for a result's shape (``Validator/describeShape(_:)``).
    public let describeShape: (Term) -> String
    /// Where a result is in the input files.
    public let locate: (ValidationResult) -> ReportLocation?
    /// Where a node is first described, for the heading of its group.
    public let locateNode: (Term) -> ReportLocation?
    /// What was read, for the last line ("1 file"); nil to leave it out.
    public let inputs: String?

    public init(report: ValidationReport, data: IndexedGraph, inputs: String? = nil, describeShape: @escaping (Term) -> String,
                locateNode: @escaping (Term) -> ReportLocation? = { _ in nil },
                locate: @escaping (ValidationResult) -> ReportLocation?) {
        self.report = report
        self.data = data
        self.inputs = inputs
        self.describeShape = describeShape
        self.locateNode = locateNode
        self.locate = locate
    }

    static func severityName(_ iri: IRI) -> String {
        switch iri {
        case SH.Violation: return "Violation"
        case SH.Warning: return "Warning"
        case SH.Info: return "Info"
        default: return SHACLText.compact(iri)
        }
    }

    /// `sh:ClassConstraintComponent` as its parameter, `sh:class`; `ngv:RangeComponent` as `ngv:Range`.
    static func componentName(_ iri: IRI) -> String {
        let name = SHACLText.compact(iri)
        if name.hasPrefix("sh:"), name.hasSuffix("ConstraintComponent") {
            let local = name.dropFirst(3).dropLast("ConstraintComponent".count)
            return "sh:" + local.prefix(1).lowercased() + local.dropFirst()
        }
        return name.hasSuffix("Component") ? String(name.dropLast("Component".count)) : name
    }

    /// "2 violations, 1 warning, 0 infos"
    public var counts: String {
        func n(_ k: Int, _ word: String) -> String { "\(k) \(word)\(k == 1 ? "" : "s")" }
        return [n(report.count(.violation), "violation"), n(report.count(.warning), "warning"), n(report.count(.info), "info")]
            .joined(separator: ", ")
    }

    // MARK: text

    /// Results grouped by focus node (in canonical order), most severe first.
    public func text() -> String {
        var groups: [Term: [ValidationResult]] = [:]
        for r in report.results { groups[r.focusNode, default: []].append(r) }
        var out = ""
        for focus in groups.keys.sorted() {
            let results = groups[focus]!.sorted { $0.level > $1.level }
            let types = data.objects(focus, RDF.type).sorted().map(SHACLText.compact)
            var header = SHACLText.compact(focus)
            if !types.isEmpty { header += " (" + types.joined(separator: ", ") + ")" }
            let headerPlace = locateNode(focus) ?? results.lazy.compactMap(locate).first
            if let headerPlace { header += "  " + Self.place(headerPlace) }
            out += header + "\n"
            for r in results {
                out += "  \(Self.severityName(r.severity)): \(r.message)\n"
                if let t = r.offendingTriple {
                    out += "    triple: \(SHACLText.compact(t.subject)) \(SHACLText.compact(t.predicate)) \(SHACLText.compact(t.object)) .\n"
                } else {
                    if let path = r.resultPath { out += "    path:   \(path.sparql())\n" }
                    if let value = r.value { out += "    value:  \(SHACLText.compact(value))\n" }
                }
                out += "    shape:  \(describeShape(r.sourceShape)) [\(Self.componentName(r.sourceConstraintComponent))]\n"
                if r.detail != r.message { out += "    why:    \(r.detail)\n" }
                if let loc = locate(r), loc.line != nil, loc != headerPlace { out += "    at:     \(Self.place(loc))\n" }
            }
            out += "\n"
        }
        let nodes = groups.count
        let triples = data.triples.count
        let scope = "\(triples) triple\(triples == 1 ? "" : "s")" + (inputs.map { " from \($0)" } ?? "")
        if report.conforms {
            out += "Conforms: no violations, warnings or infos in \(scope).\n"
        } else {
            out += "Does not conform: \(counts) on \(nodes) focus node\(nodes == 1 ? "" : "s") in \(scope).\n"
        }
        return out
    }

    static func place(_ l: ReportLocation) -> String { l.line.map { "\(l.file):\($0)" } ?? l.file }

    // MARK: JSON

    /// The JSON report; the schema is documented in `Sources/newsgraph/ValidateCommand.swift`.
    public func json() -> String {
        func str(_ s: String?) -> String { s.map(JSON.quote) ?? "null" }
        func nt(_ t: Term?) -> String { str(t?.description) }
        var out = "{\n"
        out += "  \"conforms\": \(report.conforms),\n"
        out += "  \"violations\": \(report.count(.violation)),\n"
        out += "  \"warnings\": \(report.count(.warning)),\n"
        out += "  \"infos\": \(report.count(.info)),\n"
        out += "  \"results\": ["
        for (i, r) in report.results.enumerated() {
            let loc = locate(r)
            let fields: [(String, String)] = [
                ("severity", str(Self.severityName(r.severity))),
                ("focusNode", nt(r.focusNode)),
                ("path", str(r.resultPath?.sparql { $0.description })),
                ("value", nt(r.value)),
                ("triple", str(r.offendingTriple.map { String(NTriples.line($0).dropLast()) })),
                ("sourceShape", nt(r.sourceShape)),
                ("shape", str(describeShape(r.sourceShape))),
                ("component", str(r.sourceConstraintComponent.value)),
                ("message", str(r.message)),
                ("detail", str(r.detail)),
                ("file", str(loc?.file)),
                ("line", loc?.line.map(String.init) ?? "null"),
            ]
            out += (i == 0 ? "\n" : ",\n") + "    {\n"
            out += fields.map { "      \(JSON.quote($0.0)): \($0.1)" }.joined(separator: ",\n")
            out += "\n    }"
        }
        out += report.results.isEmpty ? "]\n" : "\n  ]\n"
        out += "}\n"
        return out
    }

    // MARK: GitHub

    /// One workflow command per result: `::error` for violations, `::warning`, `::notice` for infos.
    public func github() -> String {
        var out = ""
        for r in report.results {
            let command: String
            switch r.level {
            case .violation: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var properties: [String] = []
            if let loc = locate(r) {
                properties.append("file=" + Self.githubProperty(loc.file))
                if let line = loc.line { properties.append("line=\(line)") }
            }
            properties.append("title=" + Self.githubProperty("\(describeShape(r.sourceShape)) [\(Self.componentName(r.sourceConstraintComponent))]"))
            var message = r.message
            if let t = r.offendingTriple {
                message += " (triple: \(SHACLText.compact(t.subject)) \(SHACLText.compact(t.predicate)) \(SHACLText.compact(t.object)) .)"
            } else {
                message += " (focus node: \(SHACLText.compact(r.focusNode)))"
            }
            if r.detail != r.message { message += " " + r.detail }
            out += "::\(command) \(properties.joined(separator: ","))::\(Self.githubData(message))\n"
        }
        return out
    }

    /// GitHub's escaping of a workflow command's message.
    public static func githubData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// GitHub's escaping of a workflow command's property value.
    public static func githubProperty(_ s: String) -> String {
        githubData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

enum JSON {
    /// A JSON string: the escapes of N-Triples, which JSON shares, with DEL left as it is.
    static func quote(_ s: String) -> String { NTriples.quote(s, escapingDelete: false) }
}
