import Foundation
import RDFModel
import SHACL
import RaptorIO

/// The project's ontology, loaded at run time through Raptor from a folder
/// (`newsgraph.ttl`, `shapes.ttl`), so that users can extend it without rebuilding.
public struct Ontology: Sendable {
    public let classes: Set<IRI>
    public let properties: Set<IRI>
    /// Direct superclasses of each class (`rdfs:subClassOf`).
    public let superclasses: [IRI: Set<IRI>]
    public let domains: [IRI: Set<IRI>]
    public let ranges: [IRI: Set<IRI>]
    /// Every triple of the ontology file.
    public let triples: [Triple]
    /// Every triple of the shapes file (empty when there is none).
    public let shapes: [Triple]

    public enum LoadError: Error, CustomStringConvertible {
        case missing(String)
        case unusable(String, any Error)

        public var description: String {
            switch self {
            case .missing(let path): return "\(path): no such file (the ontology folder must hold newsgraph.ttl; see --ontology)"
            case .unusable(let path, let error): return "\(path): \(error)"
            }
        }
    }

    public static func load(from folder: String, world: RaptorWorld) throws(LoadError) -> Ontology {
        let ontologyPath = folder + "/newsgraph.ttl"
        let shapesPath = folder + "/shapes.ttl"
        guard FileManager.default.fileExists(atPath: ontologyPath) else { throw .missing(ontologyPath) }
        var triples: [Triple] = []
        var shapes: [Triple] = []
        do {
            try world.parse(file: ontologyPath) { triples.append($0.triple) }
        } catch {
            throw .unusable(ontologyPath, error)
        }
        if FileManager.default.fileExists(atPath: shapesPath) {
            do {
                try world.parse(file: shapesPath) { shapes.append($0.triple) }
            } catch {
                throw .unusable(shapesPath, error)
            }
        }
        return Ontology(triples: triples, shapes: shapes)
    }

    public init(triples: [Triple], shapes: [Triple] = []) {
        self.triples = triples
        self.shapes = shapes
        let classTypes: Set<IRI> = [OWL.class, RDFS.class]
        let propertyTypes: Set<IRI> = [
            OWL.objectProperty, OWL.datatypeProperty, IRI(constant: RDF.ns + "Property"),
            IRI(constant: OWL.ns + "SymmetricProperty"), IRI(constant: OWL.ns + "TransitiveProperty"),
            IRI(constant: OWL.ns + "FunctionalProperty"), IRI(constant: OWL.ns + "AnnotationProperty"),
        ]
        var classes: Set<IRI> = []
        var properties: Set<IRI> = []
        var superclasses: [IRI: Set<IRI>] = [:]
        var domains: [IRI: Set<IRI>] = [:]
        var ranges: [IRI: Set<IRI>] = [:]
        for t in triples {
            guard let s = t.subject.iri else { continue }
            switch t.predicate {
            case RDF.type:
                if let o = t.object.iri, classTypes.contains(o) { classes.insert(s) }
                if let o = t.object.iri, propertyTypes.contains(o) { properties.insert(s) }
            case RDFS.subClassOf:
                if let o = t.object.iri { superclasses[s, default: []].insert(o); classes.insert(s) }
            case RDFS.domain:
                if let o = t.object.iri { domains[s, default: []].insert(o) }
            case RDFS.range:
                if let o = t.object.iri { ranges[s, default: []].insert(o) }
            default:
                break
            }
        }
        self.classes = classes
        self.properties = properties
        self.superclasses = superclasses
        self.domains = domains
        self.ranges = ranges
    }

    /// `cls` and all its superclasses.
    public func ancestors(of cls: IRI) -> Set<IRI> {
        var out: Set<IRI> = [cls]
        var todo = [cls]
        while let c = todo.popLast() {
            for sup in superclasses[c] ?? [] where out.insert(sup).inserted { todo.append(sup) }
        }
        return out
    }

    public func isDefined(_ term: IRI) -> Bool { classes.contains(term) || properties.contains(term) }

    /// The defined `ng:` term nearest to `term` by edit distance, for "did you mean".
    public func nearestTerm(to term: IRI) -> IRI? {
        let all = (classes.union(properties)).filter { $0.value.hasPrefix(NG.ns) }.sorted()
        let local = term.value.lowercased()
        return all.min { editDistance($0.value.lowercased(), local) < editDistance($1.value.lowercased(), local) }
    }
}

/// Levenshtein distance over Unicode scalars.
public func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[y.count]
}
