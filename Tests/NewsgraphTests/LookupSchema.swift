import Foundation

/// The `--format json` schema `newsgraph-lookup/1` as the README documents it,
/// and a checker: every documented required key is there with its type, no
/// key is undocumented, and `evidence` is there exactly when asked for.
indirect enum LookupSchema: Sendable {
    case string, integer, number, boolean
    case constant(String)
    case array(LookupSchema)
    case object([String: Field])

    struct Field: Sendable {
        var shape: LookupSchema
        var required = true
        var evidenceOnly = false
    }

    static func req(_ s: LookupSchema) -> Field { Field(shape: s) }
    static func opt(_ s: LookupSchema) -> Field { Field(shape: s, required: false) }

    static let ref: LookupSchema = .object(["iri": req(.string), "label": req(.string), "type": opt(.string)])
    static let evidenceItem: LookupSchema = .object(["sentence": req(.string), "document": opt(.string),
                                                     "confidence": opt(.number), "rule": opt(.string)])
    static let evidenceField = Field(shape: .array(evidenceItem), required: true, evidenceOnly: true)
    static func section(_ item: LookupSchema) -> LookupSchema { .object(["total": req(.integer), "items": req(.array(item))]) }
    static let group: LookupSchema = .object([
        "property": req(.string), "total": req(.integer),
        "items": req(.array(.object(["iri": req(.string), "label": req(.string), "type": opt(.string),
                                     "sources": req(.array(.string)), "evidence": evidenceField]))),
    ])

    static let found: LookupSchema = .object([
        "schema": req(.constant("newsgraph-lookup/1")), "status": req(.constant("found")),
        "query": req(.string), "graph": req(.string),
        "match": req(.object(["how": req(.string), "name": req(.string), "distance": opt(.integer)])),
        "entity": req(.object([
            "iri": req(.string), "label": req(.string), "types": req(.array(.string)), "otherNames": req(.array(.string)),
            "sameAs": req(.array(.string)),
            "attributes": req(.array(.object(["property": req(.string), "values": req(.array(.string))]))),
        ])),
        "documents": req(section(.object(["iri": req(.string), "title": opt(.string), "file": opt(.string),
                                          "date": opt(.string), "facts": req(.integer)]))),
        "relations": req(.object(["outgoing": req(.array(group)), "incoming": req(.array(group))])),
        "events": req(section(.object([
            "iri": req(.string), "label": req(.string), "type": opt(.string), "date": opt(.string), "endDate": opt(.string),
            "planned": req(.boolean), "roles": req(.array(.string)), "place": opt(ref),
            "others": req(.array(.object(["iri": req(.string), "label": req(.string), "type": opt(.string), "roles": req(.array(.string))]))),
            "sources": req(.array(.string)), "evidence": evidenceField,
        ]))),
        "observations": req(section(.object([
            "iri": req(.string), "label": opt(.string), "measure": opt(.string), "value": opt(.number), "valueMax": opt(.number),
            "unit": opt(.string), "period": opt(.string), "bound": opt(.string), "change": req(.boolean),
            "about": req(.array(ref)),
            "conflictsWith": req(.array(.object(["iri": req(.string), "value": opt(.number), "valueMax": opt(.number), "unit": opt(.string),
                                                 "period": opt(.string), "bound": opt(.string), "sources": req(.array(.string))]))),
            "sources": req(.array(.string)), "evidence": evidenceField,
        ]))),
        "quotations": req(section(.object(["iri": req(.string), "text": req(.string), "date": opt(.string),
                                           "sources": req(.array(.string)), "evidence": evidenceField]))),
        "partnerships": req(section(.object(["iri": req(.string), "label": opt(.string), "level": opt(.string), "date": opt(.string),
                                             "parties": req(.array(ref)), "sources": req(.array(.string)), "evidence": evidenceField]))),
    ])

    static let candidates: LookupSchema = .object([
        "schema": req(.constant("newsgraph-lookup/1")), "status": req(.string), "query": req(.string), "graph": req(.string),
        "candidates": req(.array(.object(["iri": req(.string), "label": req(.string), "type": opt(.string), "how": req(.string),
                                          "name": req(.string), "score": opt(.integer), "distance": opt(.integer)]))),
    ])

    /// What does not fit, as "path: problem" lines.
    func problems(_ value: Any, at path: String, evidence: Bool) -> [String] {
        switch self {
        case .string: return value is String ? [] : ["\(path): not a string"]
        case .constant(let c): return value as? String == c ? [] : ["\(path): not \"\(c)\""]
        case .boolean: return value is Bool ? [] : ["\(path): not a boolean"]
        case .integer: return (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } == true ? [] : ["\(path): not an integer"]
        case .number: return value is NSNumber ? [] : ["\(path): not a number"]
        case .array(let item):
            guard let list = value as? [Any] else { return ["\(path): not an array"] }
            return list.enumerated().flatMap { item.problems($0.element, at: "\(path)[\($0.offset)]", evidence: evidence) }
        case .object(let fields):
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            var out: [String] = []
            for key in object.keys where fields[key] == nil { out.append("\(path).\(key): not in the schema") }
            for (key, field) in fields {
                if let v = object[key] {
                    if field.evidenceOnly && !evidence { out.append("\(path).\(key): present without --evidence") }
                    out += field.shape.problems(v, at: "\(path).\(key)", evidence: evidence)
                } else if field.required && (!field.evidenceOnly || evidence) {
                    out.append("\(path).\(key): missing")
                }
            }
            return out
        }
    }
}
