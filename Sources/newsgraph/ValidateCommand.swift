import ArgumentParser
import Foundation
import Validation
import RaptorIO

// The JSON report (`--format json`), one object on standard output:
//
//   {
//     "conforms": false,        // sh:conforms: true only when there is no result of any severity
//     "violations": 1,          // results with sh:Violation (or a severity SHACL does not define)
//     "warnings": 0,            // results with sh:Warning
//     "infos": 0,               // results with sh:Info
//     "results": [              // SHACL results first (by shape, then focus node), then the ontology checks'
//       {
//         "severity": "Violation",                 // "Violation" | "Warning" | "Info" | another severity's IRI
//         "focusNode": "<https://w3id.org/newsgraph/id/country/x>",   // N-Triples syntax
//         "path": "<https://w3id.org/newsgraph/ontology#memberOf>",   // SPARQL path syntax, or null
//         "value": "<https://w3id.org/newsgraph/id/country/y>",       // N-Triples syntax, or null
//         "triple": "<…x> <…#memberOf> <…y> .",   // the offending triple in N-Triples, or null
//         "sourceShape": "_:genid12",              // the shape node, N-Triples syntax
//         "shape": "ng:ActorShape › ng:memberOf",  // the shape for people
//         "component": "http://www.w3.org/ns/shacl#ClassConstraintComponent",
//         "message": "ng:memberOf must point to an ng:Organization …",  // sh:message, else the detail
//         "detail": "<…y> is not an instance of ng:Organization",      // what exactly failed
//         "file": "data.ttl",                      // where the triple or focus node is written, or null
//         "line": 12                               // or null
//       }
//     ]
//   }
//
// Components of the ontology checks are in https://w3id.org/newsgraph/validation#
// (UndefinedTermComponent, DomainComponent, RangeComponent, LexicalFormComponent).

extension ValidationOutputFormat: ExpressibleByArgument {}

/// The syntaxes `--input-format` accepts.
enum InputFormat: String, CaseIterable, ExpressibleByArgument {
    case turtle, ntriples

    var syntax: RDFSyntax { self == .turtle ? .turtle : .ntriples }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate RDF files against the ontology and its SHACL shapes, or against any SHACL shapes.",
        discussion: """
            Reads each FILE (Turtle, or N-Triples for .nt files; --input-format overrides) into one \
            data graph. Without --shapes, checks it against DIR/shapes.ttl (SHACL Core) and against \
            the ontology DIR/newsgraph.ttl: every ng: class and property used must be defined (the \
            nearest defined term is suggested), subjects and objects must fit rdfs:domain and \
            rdfs:range, and every typed literal must have a legal lexical form. With --shapes, uses \
            exactly those shapes (and the ontology checks only when --ontology is also given). \
            rdfs:subClassOf from the data and from the ontology count for class membership.

            Formats: text (by focus node, with the triple, the shape and a message), shacl (a \
            sh:ValidationReport in Turtle), json (for scripts), github (::error annotations for \
            GitHub Actions, with the file and line of the offending triple).

            Exit status: 0 when the data conforms (warnings and infos do not fail unless --strict); \
            1 when there are violations; 2 for a bad option or when an input could not be used (a \
            missing file, a syntax error, which is reported with file, line and column, or an \
            unusable ontology or shapes file).
            """
    )

    @Argument(help: ArgumentHelp("The RDF files to validate.", valueName: "FILE"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The folder holding newsgraph.ttl and shapes.ttl (default: ontology).", valueName: "DIR"))
    var ontology: String?

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Validate against exactly these SHACL shapes files (after the FILEs, or end the list with --).", valueName: "FILE"))
    var shapes: [String] = []

    @Option(name: .long, help: "How to print the report.")
    var format: ValidationOutputFormat = .text

    @Option(name: .customLong("input-format"), help: "The syntax of every FILE (default: by extension; Turtle otherwise).")
    var inputFormat: InputFormat?

    @Flag(name: .long, help: "Fail (exit 1) on warnings too.")
    var strict = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one FILE to validate") }
    }

    func run() throws {
        let outcome = ValidateRunner.run(ValidateOptions(
            files: files, ontologyFolder: ontology, shapesFiles: shapes, format: format,
            inputSyntax: inputFormat?.syntax, strict: strict))
        if !outcome.output.isEmpty { print(outcome.output, terminator: "") }
        if !outcome.errors.isEmpty { FileHandle.standardError.write(Data(outcome.errors.utf8)) }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}
