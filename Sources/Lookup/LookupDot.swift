/// The `dot` format: a Graphviz picture of the node's neighbourhood. The node
/// is in the middle (bold); related actors, places and initiatives around it,
/// coloured by class; its events as boxes with their date, linked to every
/// participant by role; its numbers as notes. `dot -Tsvg` draws it.
struct LookupDot {
    let report: LookupReport

    private static let fills: [String: String] = [
        "ng:Person": "#fde2a7", "ng:Country": "#b9d7f0", "ng:Organization": "#c9e4c5", "ng:City": "#e2d4f0",
        "ng:Place": "#e2d4f0", "ng:Initiative": "#f7c6c7", "ng:Document": "#f2f2f2", "ng:Observation": "#fff7d6",
        "ng:Partnership": "#d9f0ee",
    ]

    private struct Builder {
        var ids: [String: String] = [:]
        var lines: [String] = []

        mutating func node(_ iri: String, _ label: String, _ type: String?, extra: String = "") -> String {
            if let id = ids[iri] { return id }
            let id = "n\(ids.count)"
            ids[iri] = id
            let fill = type.flatMap { LookupDot.fills[$0] } ?? (type.map { _ in "#eeeeee" } ?? "#ffffff")
            let kind = type.map { LookupText.typeName($0) }
            let text = LookupDot.wrap(label) + (kind.map { "\n" + $0 } ?? "")
            lines.append("  \(id) [label=\(LookupDot.quote(text)), fillcolor=\"\(fill)\", tooltip=\(LookupDot.quote(iri))\(extra)];")
            return id
        }

        mutating func edge(_ from: String, _ to: String, _ label: String, _ extra: String = "") {
            lines.append("  \(from) -> \(to) [label=\(LookupDot.quote(label))\(extra)];")
        }
    }

    func render() -> String {
        var b = Builder()
        let e = report.entity
        let center = b.node(e.iri, e.label, e.types.first, extra: ", shape=ellipse, penwidth=2.5, fontsize=13, fontname=\"Helvetica-Bold\"")
        for group in report.relations.outgoing {
            let mutual = Set(report.relations.incoming.first { $0.property == group.property }?.items.map(\.iri) ?? [])
            for item in group.items {
                let other = b.node(item.iri, item.label, item.type)
                b.edge(center, other, LV.phrase(curie: group.property), mutual.contains(item.iri) ? ", dir=both" : "")
            }
        }
        for group in report.relations.incoming {
            let mutual = Set(report.relations.outgoing.first { $0.property == group.property }?.items.map(\.iri) ?? [])
            for item in group.items where !mutual.contains(item.iri) {
                let other = b.node(item.iri, item.label, item.type)
                b.edge(other, center, LV.phrase(curie: group.property))
            }
        }
        for ev in report.events.items {
            var label = LookupText.typeName(ev.type)
            if ev.planned { label = "planned " + label }
            label += "\n" + (ev.date ?? "undated")
            let id = "n\(b.ids.count)"
            b.ids[ev.iri] = id
            b.lines.append("  \(id) [label=\(Self.quote(label)), shape=box, style=\"filled\", fillcolor=\"#eef2f7\", tooltip=\(Self.quote(ev.label))];")
            b.edge(id, center, Self.roles(ev.roles), ", style=dashed")
            for o in ev.others {
                let other = b.node(o.iri, o.label, o.type)
                b.edge(id, other, Self.roles(o.roles), ", style=dashed")
            }
            if let place = ev.place, place.iri != e.iri {
                let p = b.node(place.iri, place.label, place.type)
                b.edge(id, p, "in", ", style=dotted")
            }
        }
        for o in report.observations.items {
            var label = (o.measure ?? "value") + ": " + LookupText.quantity(value: o.value, valueMax: o.valueMax, unit: o.unit, bound: o.bound)
            if o.change { label += " (change)" }
            if let p = o.period { label += "\n" + p }
            if !o.conflictsWith.isEmpty { label += "\nconflicting sources" }
            let id = b.node(o.iri, label, nil, extra: ", shape=note, fillcolor=\"\(o.conflictsWith.isEmpty ? "#fff7d6" : "#ffd6d6")\"")
            b.edge(id, center, "about", ", style=dotted, arrowhead=none")
        }
        for p in report.partnerships.items {
            for party in p.parties {
                let other = b.node(party.iri, party.label, party.type)
                b.edge(center, other, p.level ?? "partnership", ", dir=both, color=\"#2a9d8f\"")
            }
        }
        var dot = "digraph lookup {\n"
        dot += "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11, labelloc=t, overlap=false, splines=true, "
        dot += "label=\(Self.quote("newsgraph lookup: " + e.label))];\n"
        dot += "  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"filled,rounded\", color=\"#666666\"];\n"
        dot += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#777777\", fontcolor=\"#444444\"];\n"
        dot += b.lines.joined(separator: "\n") + "\n}\n"
        return dot
    }

    /// An actor's roles in an event, without `participant` when a more telling role is there.
    static func roles(_ roles: [String]) -> String {
        (roles.count > 1 ? roles.filter { $0 != "participant" } : roles).joined(separator: ", ")
    }

    /// A DOT string: quotes and backslashes escaped, line breaks as `\n`.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r", "\t": out += " "
            default: out.append(c)
            }
        }
        return out + "\""
    }

    /// Long labels on several lines of about 24 characters.
    static func wrap(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { LookupText.wrap(String($0), 24).joined(separator: "\n") }
            .joined(separator: "\n")
    }
}
