import Foundation
import RDFModel

/// The SHACL Core constraint components, by the families of the SHACL
/// specification (section 4): each checks one constraint of a shape on the
/// value nodes of a focus node.
extension ValidationRun {
    /// One constraint checked on one focus node: its value nodes, and the results found so far.
    struct ConstraintCheck {
        let constraint: Constraint
        let focus: Term
        let values: [Term]
        let shape: Shape
        let firstOnly: Bool
        var results: [ValidationResult]

        /// The path as SPARQL, for messages.
        var pathText: String { shape.path.map { $0.sparql() } ?? "the node" }

        mutating func report(_ value: Term?, _ detail: String, path: PropertyPath? = nil, focusNode: Term? = nil) {
            results.append(ValidationResult(
                focusNode: focusNode ?? focus, resultPath: path ?? shape.path, value: value, sourceShape: shape.id,
                sourceConstraintComponent: constraint.component, severity: shape.severity, messages: shape.messages, detail: detail))
        }

        /// Reports every value for which `failing` gives a reason (only the first with `firstOnly`).
        mutating func each(_ failing: (Term) -> String?) {
            for v in values {
                if let detail = failing(v) {
                    report(v, detail)
                    if firstOnly { return }
                }
            }
        }
    }

    func evaluate(_ c: Constraint, focus: Term, values: [Term], shape: Shape, firstOnly: Bool,
                  into results: inout [ValidationResult]) {
        var e = ConstraintCheck(constraint: c, focus: focus, values: values, shape: shape, firstOnly: firstOnly, results: results)
        switch c {
        case .`class`, .datatype, .nodeKind: valueType(&e)
        case .minCount, .maxCount: cardinality(&e)
        case .minExclusive, .minInclusive, .maxExclusive, .maxInclusive: valueRange(&e)
        case .minLength, .maxLength, .pattern, .languageIn, .uniqueLang: stringBased(&e)
        case .equals, .disjoint, .lessThan, .lessThanOrEquals: propertyPair(&e)
        case .not, .and, .or, .xone: logical(&e)
        case .node, .property, .qualifiedMinCount, .qualifiedMaxCount: shapeBased(&e)
        case .closed, .hasValue, .`in`: other(&e)
        }
        results = e.results
    }

    /// Value type (SHACL 4.1): `sh:class`, `sh:datatype`, `sh:nodeKind`.
    private func valueType(_ e: inout ConstraintCheck) {
        switch e.constraint {
        case .class(let cls):
            e.each { v in
                if v.isLiteral { return "\(q(v)) is a literal, not an instance of \(q(cls))" }
                return isInstance(v, of: cls) ? nil : "\(q(v)) is not an instance of \(q(cls))"
            }
        case .datatype(let dt):
            e.each { v in
                guard let l = v.literal else { return "\(q(v)) is not a literal of datatype \(q(dt))" }
                guard l.datatype == dt else { return "\(q(v)) has datatype \(q(l.datatype)), not \(q(dt))" }
                if let problem = XSDDatatype.problem(in: l) { return "\(q(v)) is ill-typed: \(problem)" }
                return nil
            }
        case .nodeKind(let kind):
            e.each { v in NodeKind.matches(v, kind) ? nil : "\(q(v)) is \(NodeKind.name(of: v)), not \(NodeKind.describe(kind))" }
        default:
            break
        }
    }

    /// Cardinality (4.2): `sh:minCount`, `sh:maxCount`.
    private func cardinality(_ e: inout ConstraintCheck) {
        switch e.constraint {
        case .minCount(let n):
            if e.values.count < n { e.report(nil, "\(e.pathText) has \(e.values.count) value\(e.values.count == 1 ? "" : "s"), fewer than the minimum \(n)") }
        case .maxCount(let n):
            if e.values.count > n { e.report(nil, "\(e.pathText) has \(e.values.count) values, more than the maximum \(n)") }
        default:
            break
        }
    }

    /// Value range (4.3): `sh:minExclusive`, `sh:minInclusive`, `sh:maxExclusive`, `sh:maxInclusive`.
    private func valueRange(_ e: inout ConstraintCheck) {
        switch e.constraint {
        case .minExclusive(let bound):
            e.each { v in XSDValue.compare(v, bound) == .greater ? nil : "\(q(v)) is not greater than \(q(bound))" }
        case .minInclusive(let bound):
            e.each { v in
                let o = XSDValue.compare(v, bound)
                return o == .greater || o == .equal ? nil : "\(q(v)) is not greater than or equal to \(q(bound))"
            }
        case .maxExclusive(let bound):
            e.each { v in XSDValue.compare(v, bound) == .less ? nil : "\(q(v)) is not less than \(q(bound))" }
        case .maxInclusive(let bound):
            e.each { v in
                let o = XSDValue.compare(v, bound)
                return o == .less || o == .equal ? nil : "\(q(v)) is not less than or equal to \(q(bound))"
            }
        default:
            break
        }
    }

    /// String-based (4.4): `sh:minLength`, `sh:maxLength`, `sh:pattern`, `sh:languageIn`, `sh:uniqueLang`.
    private func stringBased(_ e: inout ConstraintCheck) {
        switch e.constraint {
        case .minLength(let n):
            e.each { v in
                guard let s = lexical(v) else { return "\(q(v)) is a blank node, which has no length" }
                return s.unicodeScalars.count >= n ? nil : "\(q(v)) is shorter than \(n) characters"
            }
        case .maxLength(let n):
            e.each { v in
                guard let s = lexical(v) else { return "\(q(v)) is a blank node, which has no length" }
                return s.unicodeScalars.count <= n ? nil : "\(q(v)) is longer than \(n) characters"
            }
        case .pattern(let pattern, let flags):
            e.each { v in
                guard let s = lexical(v) else { return "\(q(v)) is a blank node, which cannot match a pattern" }
                return regex.matches(s, pattern: pattern, flags: flags) ? nil
                    : "\(q(v)) does not match the pattern \(NTriples.quote(pattern))\(flags.isEmpty ? "" : " (flags \(flags))")"
            }
        case .languageIn(let ranges):
            e.each { v in
                guard let tag = v.literal?.language else { return "\(q(v)) has no language tag; allowed: \(ranges.joined(separator: ", "))" }
                return ranges.contains(where: { Self.languageMatches(tag, $0) }) ? nil
                    : "\(q(v)) has language \(tag), not one of \(ranges.joined(separator: ", "))"
            }
        case .uniqueLang:
            var byTag: [String: Int] = [:]
            for v in e.values { if let tag = v.literal?.language, !tag.isEmpty { byTag[tag, default: 0] += 1 } }
            for (tag, n) in byTag.sorted(by: { $0.key < $1.key }) where n > 1 {
                e.report(nil, "\(n) values of \(e.pathText) have the language tag \(tag)")
                if e.firstOnly { return }
            }
        default:
            break
        }
    }

    /// Property pair (4.5): `sh:equals`, `sh:disjoint`, `sh:lessThan`, `sh:lessThanOrEquals`.
    private func propertyPair(_ e: inout ConstraintCheck) {
        let pathText = e.pathText
        switch e.constraint {
        case .equals(let p):
            let others = data.objects(e.focus, p)
            let otherSet = Set(others), valueSet = Set(e.values)
            e.each { v in otherSet.contains(v) ? nil : "\(q(v)) is a value of \(pathText) but not of \(q(p))" }
            if e.firstOnly && !e.results.isEmpty { return }
            for o in others where !valueSet.contains(o) {
                e.report(o, "\(q(o)) is a value of \(q(p)) but not of \(pathText)")
                if e.firstOnly { return }
            }
        case .disjoint(let p):
            let others = Set(data.objects(e.focus, p))
            e.each { v in others.contains(v) ? "\(q(v)) is a value of both \(pathText) and \(q(p))" : nil }
        case .lessThan(let p), .lessThanOrEquals(let p):
            let orEqual: Bool
            if case .lessThanOrEquals = e.constraint { orEqual = true } else { orEqual = false }
            let others = data.objects(e.focus, p)
            for v in e.values {
                for o in others {
                    let order = XSDValue.compare(v, o)
                    if order == .less || (orEqual && order == .equal) { continue }
                    e.report(v, "\(q(v)) is not less than \(orEqual ? "or equal to " : "")\(q(o)), the value of \(q(p))")
                    if e.firstOnly { return }
                }
            }
        default:
            break
        }
    }

    /// Logical (4.6): `sh:not`, `sh:and`, `sh:or`, `sh:xone`.
    private func logical(_ e: inout ConstraintCheck) {
        switch e.constraint {
        case .not(let s):
            e.each { v in conforms(v, to: s) ? "\(q(v)) conforms to \(shapes.summary(s)), which sh:not forbids" : nil }
        case .and(let members):
            e.each { v in
                members.allSatisfy({ conforms(v, to: $0) }) ? nil
                    : "\(q(v)) does not conform to every shape of sh:and (\(members.map(shapes.summary).joined(separator: ", ")))"
            }
        case .or(let members):
            e.each { v in
                members.contains(where: { conforms(v, to: $0) }) ? nil
                    : "\(q(v)) conforms to none of \(members.map(shapes.summary).joined(separator: " or "))"
            }
        case .xone(let members):
            e.each { v in
                let n = members.filter { conforms(v, to: $0) }.count
                return n == 1 ? nil : "\(q(v)) conforms to \(n) of the shapes of sh:xone (\(members.map(shapes.summary).joined(separator: ", "))), not exactly one"
            }
        default:
            break
        }
    }

    /// Shape-based (4.7): `sh:node`, `sh:property`, `sh:qualifiedMinCount`, `sh:qualifiedMaxCount`.
    private func shapeBased(_ e: inout ConstraintCheck) {
        switch e.constraint {
        case .node(let s):
            e.each { v in conforms(v, to: s) ? nil : "\(q(v)) does not conform to \(shapes.summary(s))" }
        case .property(let p):
            guard let property = shapes.shapes[p] else { return }
            for v in e.values {
                e.results += validate(v, property, firstOnly: e.firstOnly)
                if e.firstOnly && !e.results.isEmpty { return }
            }
        case .qualifiedMinCount(let s, let n, let disjoint), .qualifiedMaxCount(let s, let n, let disjoint):
            let siblings = disjoint ? (e.shape.siblings[s] ?? []) : []
            let count = e.values.filter { v in conforms(v, to: s) && !siblings.contains(where: { conforms(v, to: $0) }) }.count
            let what = "\(count) value\(count == 1 ? "" : "s") of \(e.pathText) conform\(count == 1 ? "s" : "") to \(shapes.summary(s))\(disjoint ? " and to no sibling shape" : "")"
            if case .qualifiedMinCount = e.constraint, count < n { e.report(nil, "only \(what), fewer than sh:qualifiedMinCount \(n)") }
            if case .qualifiedMaxCount = e.constraint, count > n { e.report(nil, "\(what), more than sh:qualifiedMaxCount \(n)") }
        default:
            break
        }
    }

    /// Other (4.8): `sh:closed`, `sh:hasValue`, `sh:in`.
    private func other(_ e: inout ConstraintCheck) {
        switch e.constraint {
        case .closed(let ignored):
            var allowed = ignored
            for p in shapes.graph.objects(e.shape.id, SH.property) {
                for path in shapes.graph.objects(p, SH.path) { if let iri = path.iri { allowed.insert(iri) } }
            }
            for v in e.values where !v.isLiteral {
                for (p, objects) in data.outgoing(v).sorted(by: { $0.key < $1.key }) where !allowed.contains(p) {
                    for o in objects.sorted() {
                        e.report(o, "\(q(p)) is not allowed on \(q(v)): the shape is closed", path: .predicate(p), focusNode: e.focus)
                        if e.firstOnly { return }
                    }
                }
            }
        case .hasValue(let expected):
            if !e.values.contains(expected) { e.report(nil, "\(e.pathText) does not have the value \(q(expected))") }
        case .in(let members):
            let set = Set(members)
            e.each { v in set.contains(v) ? nil : "\(q(v)) is not one of \(members.map(q).joined(separator: ", "))" }
        default:
            break
        }
    }

    /// The string value SPARQL's `str()` gives, or nil for a blank node.
    private func lexical(_ t: Term) -> String? {
        switch t {
        case .iri(let i): return i.value
        case .literal(let l): return l.lexicalForm
        case .blank: return nil
        }
    }
}

private func q(_ t: Term) -> String { SHACLText.compact(t) }
private func q(_ i: IRI) -> String { SHACLText.compact(i) }
