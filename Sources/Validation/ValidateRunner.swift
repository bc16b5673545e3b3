import Foundation
import RDFModel
import SHACL
import RaptorIO

/// What `newsgraph validate` is asked to do.
public struct ValidateOptions: Sendable {
    /// The data files (Turtle or N-Triples).
    public var files: [String]
    /// The ontology folder (`newsgraph.ttl`, `shapes.ttl`). Nil: `ontology` when
    /// no shapes files are given, none when they are.
    public var ontologyFolder: String?
    /// Shapes files; when given, exactly these shapes are used.
    public var shapesFiles: [String]
    public var format: ValidationOutputFormat
    /// The syntax of every data file; nil: by extension (`.nt`, `.ttl`), Turtle otherwise.
    public var inputSyntax: RDFSyntax?
    /// Warnings fail too.
    public var strict: Bool

    public init(files: [String], ontologyFolder: String? = nil, shapesFiles: [String] = [],
                format: ValidationOutputFormat = .text, inputSyntax: RDFSyntax? = nil, strict: Bool = false) {
        self.files = files
        self.ontologyFolder = ontologyFolder
        self.shapesFiles = shapesFiles
        self.format = format
        self.inputSyntax = inputSyntax
        self.strict = strict
    }
}

/// What `newsgraph validate` prints and its exit status.
public struct ValidateOutcome: Sendable {
    /// 0: conforms (warnings and infos allowed unless strict); 1: violations; 2: the input could not be used.
    public var status: Int32
    /// For standard output.
    public var output: String
    /// For standard error.
    public var errors: String
    /// The report, when validation ran.
    public var report: ValidationReport?
}

/// `newsgraph validate`, as a function: the command only prints what this returns.
public enum ValidateRunner {
    public static let defaultOntologyFolder = "ontology"

    public static func run(_ options: ValidateOptions) -> ValidateOutcome {
        var messages = Messages(format: options.format)
        func failed() -> ValidateOutcome { ValidateOutcome(status: 2, output: messages.output, errors: messages.errors, report: nil) }

        let world: RaptorWorld
        do { world = try RaptorWorld() } catch {
            messages.unusable("\(error)")
            return failed()
        }
        guard let validator = loadValidator(options, world: world, &messages),
              let loaded = loadData(options, world: world, &messages)
        else { return failed() }
        var data = loaded.data
        let relabel = relabelClashingBlankNodes(&data, shapes: validator.engine.shapes.graph.triples)

        let report = validator.validate(data: data)
        let status: Int32 = report.fails(strict: options.strict) ? 1 : 0
        let graph = IndexedGraph(data)
        let output = messages.output + render(report, options, validator: validator, graph: graph, texts: loaded.texts,
                                              relabel: relabel, world: world)
        return ValidateOutcome(status: status, output: output, errors: messages.errors, report: report)
    }

    /// What went wrong, for standard error, and in GitHub format also as `::error` lines for standard output.
    struct Messages {
        let format: ValidationOutputFormat
        var errors = ""
        var output = ""

        mutating func unusable(_ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
            errors += "newsgraph validate: \(message)\n"
            if format == .github {
                var props: [String] = []
                if let file { props.append("file=" + ReportRenderer.githubProperty(file)) }
                if let line { props.append("line=\(line)") }
                if let column { props.append("col=\(column)") }
                output += "::error \(props.joined(separator: ","))::\(ReportRenderer.githubData(message))\n"
            }
        }

        mutating func unusable(_ problem: LoadProblem, prefix: String = "") {
            unusable(prefix + problem.message, file: problem.file, line: problem.line, column: problem.column)
        }
    }

    /// A data file read, with what its text needs for finding lines again.
    typealias DataText = (file: String, syntax: RDFSyntax, prefix: String?)

    /// The ontology and the shapes (of the ontology folder, or the shapes files), as a validator; nil after a problem.
    static func loadValidator(_ options: ValidateOptions, world: RaptorWorld, _ messages: inout Messages) -> Validator? {
        var ontology: Ontology?
        var shapes: [Triple] = []
        let ontologyFolder = options.ontologyFolder ?? (options.shapesFiles.isEmpty ? defaultOntologyFolder : nil)
        if let folder = ontologyFolder {
            do {
                let loaded = try Ontology.load(from: folder, world: world)
                ontology = loaded
                if options.shapesFiles.isEmpty { shapes = loaded.shapes }
            } catch {
                messages.unusable("the ontology could not be loaded: \(error)")
                return nil
            }
        }
        var usable = true
        for (i, file) in options.shapesFiles.enumerated() {
            // Blank nodes of different shapes files are different nodes.
            switch load(file, syntax: nil, world: world, rename: options.shapesFiles.count > 1 ? "s\(i + 1)-" : nil) {
            case .success(let triples): shapes += triples
            case .failure(let problem):
                messages.unusable(problem, prefix: "shapes ")
                usable = false
            }
        }
        guard usable else { return nil }
        do {
            return try Validator(ontology: ontology, shapes: shapes)
        } catch {
            messages.unusable("the shapes cannot be used: \(error)")
            return nil
        }
    }

    /// The data, with blank nodes kept apart per file when there are several; nil after a problem.
    static func loadData(_ options: ValidateOptions, world: RaptorWorld,
                         _ messages: inout Messages) -> (data: [Triple], texts: [DataText])? {
        var data: [Triple] = []
        var texts: [DataText] = []
        var usable = true
        for (i, file) in options.files.enumerated() {
            let syntax = options.inputSyntax ?? RDFSyntax.forPath(file) ?? .turtle
            let prefix = options.files.count > 1 ? "f\(i + 1)-" : nil
            switch load(file, syntax: syntax, world: world, rename: prefix) {
            case .success(let triples):
                data += triples
                texts.append((file, syntax, prefix))
            case .failure(let problem):
                messages.unusable(problem)
                usable = false
            }
        }
        return usable ? (data, texts) : nil
    }

    /// A report names data nodes and shape nodes side by side: a data blank
    /// node with the label of a shapes-graph blank node is given another label.
    /// Returns the new label of each old one.
    static func relabelClashingBlankNodes(_ data: inout [Triple], shapes: [Triple]) -> [String: String] {
        var shapeLabels: Set<String> = []
        for t in shapes {
            for case .blank(let b) in [t.subject, t.object] { shapeLabels.insert(b.label) }
        }
        guard !shapeLabels.isEmpty else { return [:] }
        var relabel: [String: String] = [:]
        var dataLabels: Set<String> = []
        for t in data { for case .blank(let b) in [t.subject, t.object] { dataLabels.insert(b.label) } }
        for label in dataLabels.sorted() where shapeLabels.contains(label) {
            var new = "d-" + label
            while shapeLabels.contains(new) || dataLabels.contains(new) { new = "d-" + new }
            relabel[label] = new
            dataLabels.insert(new)
        }
        if !relabel.isEmpty {
            func fix(_ t: Term) -> Term {
                guard case .blank(let b) = t, let new = relabel[b.label], let n = try? BlankNode(new) else { return t }
                return .blank(n)
            }
            data = data.map { Triple(fix($0.subject), $0.predicate, fix($0.object)) }
        }
        return relabel
    }

    /// The report in the asked format; text, JSON and GitHub name the file and line of each result.
    static func render(_ report: ValidationReport, _ options: ValidateOptions, validator: Validator, graph: IndexedGraph,
                       texts: [DataText], relabel: [String: String], world: RaptorWorld) -> String {
        if options.format == .shacl { return turtle(report.triples(), world: world) }
        let locators = texts.map { entry -> SourceLocator? in
            guard let text = try? String(contentsOfFile: entry.file, encoding: .utf8) else { return nil }
            let base = URL(fileURLWithPath: entry.file).absoluteURL.absoluteString
            return SourceLocator(text: text, file: entry.file, baseIRI: base) { label in
                let parsed = (entry.prefix ?? "") + SourceLocator.raptorLabel(label)
                return relabel[parsed] ?? parsed
            }
        }.compactMap { $0 }
        let inputs = "\(options.files.count) file\(options.files.count == 1 ? "" : "s")"
        let renderer = ReportRenderer(report: report, data: graph, inputs: inputs, describeShape: validator.describeShape, locateNode: { node in
            for locator in locators {
                if let line = locator.line(of: node, in: graph) { return ReportLocation(file: locator.file, line: line) }
            }
            return nil
        }) { result in
            locate(result, locators, graph)
        }
        switch options.format {
        case .json: return renderer.json()
        case .github:
            return renderer.github() + "newsgraph validate: \(renderer.counts) in \(graph.triples.count) triples from \(inputs)\n"
        default: return renderer.text()
        }
    }

    /// The file and line of a result: of its triple where it has one, else of its focus node.
    static func locate(_ r: ValidationResult, _ locators: [SourceLocator], _ graph: IndexedGraph) -> ReportLocation? {
        for locator in locators {
            let line: Int?
            if let t = r.offendingTriple {
                line = locator.line(of: t, in: graph)
            } else if let p = r.resultPath?.predicateIRI {
                line = locator.line(subject: r.focusNode, predicate: p) ?? locator.line(of: r.focusNode, in: graph)
            } else {
                line = locator.line(of: r.focusNode, in: graph)
            }
            if let line { return ReportLocation(file: locator.file, line: line) }
        }
        return locators.count == 1 ? ReportLocation(file: locators[0].file, line: nil) : nil
    }

    struct LoadProblem: Error {
        let message: String
        let file: String
        let line: Int?
        let column: Int?
    }

    /// Parses a file; blank node labels get `rename` in front.
    static func load(_ file: String, syntax: RDFSyntax?, world: RaptorWorld, rename: String?) -> Result<[Triple], LoadProblem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            return .failure(LoadProblem(message: "\(file): no such file", file: file, line: nil, column: nil))
        }
        guard !isDirectory.boolValue else {
            return .failure(LoadProblem(message: "\(file): is a folder, not an RDF file", file: file, line: nil, column: nil))
        }
        var triples: [Triple] = []
        func renamed(_ t: Term) -> Term {
            guard let rename, case .blank(let b) = t, let n = try? BlankNode(rename + b.label) else { return t }
            return .blank(n)
        }
        do {
            try world.parse(file: file, syntax: syntax ?? RDFSyntax.forPath(file) ?? .turtle) { quad in
                let t = quad.triple
                triples.append(rename == nil ? t : Triple(renamed(t.subject), t.predicate, renamed(t.object)))
            }
        } catch let e as RDFSyntaxError {
            return .failure(LoadProblem(message: e.description, file: file, line: e.position.line, column: e.position.column))
        } catch {
            return .failure(LoadProblem(message: "\(error)", file: file, line: nil, column: nil))
        }
        return .success(triples)
    }

    /// Turtle from Raptor; where Raptor cannot write a literal faithfully
    /// (a control character), N-Triples lines, which are Turtle too.
    static func turtle(_ triples: [Triple], world: RaptorWorld) -> String {
        let prefixes = standardPrefixes + [("sh", SH.ns), ("ngv", NGV.ns)]
        if let text = try? world.serialize(triples, syntax: .turtle, prefixes: prefixes) { return text }
        return triples.map(NTriples.line).joined()
    }
}
