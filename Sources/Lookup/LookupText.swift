import Foundation
import RDFModel

/// The `text` format: for a terminal, aligned, wrapped to `width` columns
/// (80 by default), with ANSI colors only when asked (the CLI asks when
/// standard output is a terminal and `NO_COLOR` is not set).
struct LookupText {
    let report: LookupReport
    let color: Bool
    let width: Int
    let evidence: Bool

    private var out: [String] = []

    init(report: LookupReport, color: Bool, width: Int, evidence: Bool) {
        self.report = report
        self.color = color
        self.width = max(width, 60)
        self.evidence = evidence
    }

    // MARK: styles

    private enum Style: String {
        case bold = "1", dim = "2", warn = "33", heading = "1;4"
    }

    private func style(_ s: String, _ st: Style) -> String { color && !s.isEmpty ? "\u{1B}[\(st.rawValue)m\(s)\u{1B}[0m" : s }

    // MARK: layout

    /// Words of `text` in lines of at most `width` characters (a longer word gets a line of its own).
    static func wrap(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    private static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

    /// An entry: `left` in a column of `leftWidth` after `indent`, `body` wrapped
    /// beside it, `right` right-aligned on the first line (or the last, when there is room).
    private mutating func entry(indent: Int, left: String, leftWidth: Int, body: String, right: String = "",
                                bodyStyle: Style? = nil, leftStyle: Style? = nil) {
        let textWidth = max(20, width - indent - leftWidth)
        let rightRoom = right.isEmpty ? 0 : right.count + 2
        var lines = Self.wrap(body, textWidth - rightRoom)
        if lines.count > 1 {
            // Rewrap the rest to the full width.
            let rest = lines.dropFirst().joined(separator: " ")
            lines = [lines[0]] + Self.wrap(rest, textWidth)
        }
        let margin = String(repeating: " ", count: indent)
        for (i, line) in lines.enumerated() {
            let l = i == 0 ? Self.pad(left, leftWidth) : String(repeating: " ", count: leftWidth)
            var s = margin + (leftStyle.map { style(l, $0) } ?? l) + (bodyStyle.map { style(line, $0) } ?? line)
            if i == 0, !right.isEmpty {
                let used = indent + leftWidth + line.count
                s += String(repeating: " ", count: max(2, width - used - right.count)) + style(right, .dim)
            }
            out.append(s)
        }
    }

    private mutating func heading(_ title: String, _ detail: String) {
        out.append("")
        out.append(style(title, .heading) + (detail.isEmpty ? "" : "  " + style(detail, .dim)))
    }

    private mutating func more<T>(_ section: LookupReport.Section<T>, indent: Int) {
        if section.total > section.items.count {
            out.append(String(repeating: " ", count: indent) + style("… \(section.total - section.items.count) more (--limit 0 shows all)", .dim))
        }
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private func sourcesNote(_ sources: [String]) -> String { sources.isEmpty ? "" : count(sources.count, "source") }

    private func title(_ document: String?) -> String {
        guard let document else { return "" }
        return report.documentTitles[document] ?? LV.localName(document)
    }

    /// The sentences under a fact, and where they come from.
    private mutating func evidence(_ items: [LookupReport.Evidence]?, sources: [String], indent: Int) {
        guard evidence, let items else { return }
        let margin = String(repeating: " ", count: indent)
        let textWidth = max(30, width - indent)
        for e in items {
            for (i, line) in Self.wrap("“" + e.sentence + "”", textWidth - 1).enumerated() {
                out.append(margin + (i == 0 ? "" : " ") + style(line, .dim))
            }
            if let d = e.document {
                var source = "— " + title(d)
                var details: [String] = []
                if let r = e.rule { details.append("rule \(r)") }
                if let c = e.confidence { details.append("confidence \(c)") }
                if !details.isEmpty { source += " (" + details.joined(separator: ", ") + ")" }
                for line in Self.wrap(source, textWidth - 2) { out.append(margin + "  " + line) }
            }
        }
        if items.contains(where: { $0.document == nil }), !sources.isEmpty {
            let list = "— " + (sources.count == 1 ? "" : "sources: ") + sources.map(title).joined(separator: "; ")
            for line in Self.wrap(list, textWidth - 2) { out.append(margin + "  " + line) }
        }
    }

    // MARK: the report

    func render() -> String {
        var copy = self
        copy.renderAll()
        return copy.out.joined(separator: "\n") + "\n"
    }

    private mutating func renderAll() {
        let e = report.entity
        let type = e.types.first ?? ""
        let gap = max(2, width - e.label.count - type.count)
        out.append(style(e.label, .bold) + String(repeating: " ", count: gap) + type)
        out.append(style(e.iri, .dim))
        let column = 16
        if !e.otherNames.isEmpty { entry(indent: 2, left: "other names", leftWidth: column, body: e.otherNames.joined(separator: " · ")) }
        if !e.sameAs.isEmpty { entry(indent: 2, left: "same as", leftWidth: column, body: e.sameAs.joined(separator: " ")) }
        if e.types.count > 1 { entry(indent: 2, left: "classes", leftWidth: column, body: e.types.joined(separator: " ")) }
        for a in e.attributes {
            entry(indent: 2, left: LV.phrase(curie: a.property), leftWidth: column, body: a.values.joined(separator: " · "))
        }
        if !["label", "altLabel", "iri"].contains(report.match.how) {
            entry(indent: 2, left: "matched", leftWidth: column, body: matchDescription(), bodyStyle: .dim)
        }
        if report.documents.total > 0 {
            entry(indent: 2, left: "mentioned in", leftWidth: column, body: count(report.documents.total, "document"))
        }

        relations()
        events()
        observations()
        quotations()
        partnerships()
        documents()
        let r = report
        if r.relations.outgoing.isEmpty && r.relations.incoming.isEmpty && r.events.total == 0 && r.observations.total == 0
            && r.quotations.total == 0 && r.partnerships.total == 0 {
            out.append("")
            out.append(style("The graph states nothing else about it.", .dim))
        }
    }

    private func matchDescription() -> String {
        let m = report.match
        switch m.how {
        case "nearMiss": return "“\(m.name)”, \(m.distance ?? 0) edit\(m.distance == 1 ? "" : "s") from “\(report.query)”"
        case "prefix": return "its name “\(m.name)” begins with “\(LookupNames.key(report.query))”"
        case "sameAs": return "it is owl:sameAs \(m.name)"
        default:
            let kinds = ["altLabel": "other name", "surname": "surname", "acronym": "acronym", "title": "title",
                         "file": "file name", "givenName": "given name"]
            return "by its \(kinds[m.how] ?? m.how) “\(m.name)”"
        }
    }

    private mutating func relations() {
        let groups = report.relations.outgoing.map { (false, $0) } + report.relations.incoming.map { (true, $0) }
        guard !groups.isEmpty else { return }
        heading("RELATIONS", "← marks a relation from the other side")
        let column = min(24, max(12, groups.map { LV.phrase(curie: $0.1.property).count + ($0.0 ? 2 : 0) }.max()! + 2))
        for (incoming, group) in groups {
            let name = (incoming ? "← " : "") + LV.phrase(curie: group.property)
            for (i, item) in group.items.enumerated() {
                let body = item.label + (item.type.map { " (\(shortType($0)))" } ?? "")
                entry(indent: 2, left: i == 0 ? name : "", leftWidth: column, body: body, right: sourcesNote(item.sources))
                evidence(item.evidence, sources: item.sources, indent: 2 + column)
            }
            if group.total > group.items.count {
                out.append(String(repeating: " ", count: 2 + column) + style("… \(group.total - group.items.count) more", .dim))
            }
        }
    }

    private func shortType(_ curie: String) -> String { Self.typeName(curie) }

    /// `ng:AgreementSigning` → "Agreement signing"; a class of another vocabulary stays a CURIE.
    static func typeName(_ curie: String?) -> String {
        guard let curie else { return "Event" }
        guard curie.hasPrefix("ng:") else { return curie }
        let words = LV.phrase(curie: curie)
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private mutating func events() {
        let s = report.events
        guard s.total > 0 else { return }
        heading("EVENTS", "\(s.total), newest first")
        let dates = s.items.map { ev in ev.date.map { d in ev.endDate.map { "\(d)/\($0)" } ?? d } ?? "undated" }
        let column = max(12, (dates.map(\.count).max() ?? 0) + 2)
        for (ev, date) in zip(s.items, dates) {
            var what = Self.typeName(ev.type)
            if let place = ev.place { what += " in \(place.label)" }
            if ev.planned { what += " (planned)" }
            entry(indent: 2, left: date, leftWidth: column, body: what, right: sourcesNote(ev.sources))
            let roles = ev.roles.count > 1 ? ev.roles.filter { $0 != "participant" } : ev.roles
            var detail = roles.isEmpty ? "" : "as " + roles.joined(separator: ", ")
            let others = ev.others.map { o in
                let roles = o.roles.filter { $0 != "participant" }
                return o.label + (roles.isEmpty ? "" : " (\(roles.joined(separator: ", ")))")
            }
            if !others.isEmpty { detail += (detail.isEmpty ? "" : " · ") + "with " + others.joined(separator: ", ") }
            if !detail.isEmpty { entry(indent: 2 + column, left: "", leftWidth: 0, body: detail) }
            evidence(ev.evidence, sources: ev.sources, indent: 2 + column)
        }
        more(s, indent: 2 + column)
    }

    static func number(_ d: Decimal) -> String {
        var s = "\(d)"
        var sign = ""
        if s.hasPrefix("-") { sign = "-"; s.removeFirst() }
        let parts = s.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]).replacingOccurrences(of: "0+$", with: "", options: .regularExpression) : ""
        if whole.count > 4 {
            var grouped = ""
            for (i, c) in whole.reversed().enumerated() {
                if i > 0 && i % 3 == 0 { grouped.append(",") }
                grouped.append(c)
            }
            whole = String(grouped.reversed())
        }
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    static func quantity(value: Decimal?, valueMax: Decimal?, unit: String?, bound: String?) -> String {
        var s = bound.map { $0 + " " } ?? ""
        s += value.map(number) ?? "?"
        if let m = valueMax { s += "–" + number(m) }
        if let unit, unit != "count" { s += " " + unit }
        return s
    }

    private mutating func observations() {
        let s = report.observations
        guard s.total > 0 else { return }
        heading("NUMBERS", "\(s.total), newest first")
        let column = max(12, (s.items.map { ($0.period ?? "undated").count }.max() ?? 0) + 2)
        for o in s.items {
            var body = (o.measure ?? "value") + ": " + Self.quantity(value: o.value, valueMax: o.valueMax, unit: o.unit, bound: o.bound)
            if o.change { body += " (change)" }
            entry(indent: 2, left: o.period ?? "undated", leftWidth: column, body: body, right: sourcesNote(o.sources))
            if !o.about.isEmpty { entry(indent: 2 + column, left: "", leftWidth: 0, body: "about " + o.about.map(\.label).joined(separator: ", ")) }
            for c in o.conflictsWith {
                var text = "⚠ conflicts with " + Self.quantity(value: c.value, valueMax: c.valueMax, unit: c.unit, bound: c.bound)
                if let p = c.period { text += ", \(p)" }
                text += " (" + (c.sources.isEmpty ? "no source" : c.sources.map(title).joined(separator: "; ")) + ")"
                entry(indent: 2 + column, left: "", leftWidth: 0, body: text, bodyStyle: .warn)
            }
            evidence(o.evidence, sources: o.sources, indent: 2 + column)
        }
        more(s, indent: 2 + column)
    }

    private mutating func quotations() {
        datedList(report.quotations, "QUOTATIONS") { "“" + $0.text + "”" }
    }

    private mutating func partnerships() {
        datedList(report.partnerships, "PARTNERSHIPS") { p in
            (p.level ?? p.label ?? "partnership") + (p.parties.isEmpty ? "" : " with " + p.parties.map(\.label).joined(separator: ", "))
        }
    }

    /// A section of items each with a date (shown when known), a line of text, its sources and evidence.
    private mutating func datedList<Item: DatedItem>(_ s: LookupReport.Section<Item>, _ title: String, body: (Item) -> String) {
        guard s.total > 0 else { return }
        heading(title, "\(s.total)")
        for item in s.items {
            entry(indent: 2, left: item.date ?? "", leftWidth: item.date == nil ? 0 : 12, body: body(item), right: sourcesNote(item.sources))
            evidence(item.evidence, sources: item.sources, indent: 4)
        }
        more(s, indent: 2)
    }

    private mutating func documents() {
        let s = report.documents
        guard s.total > 0 else { return }
        heading("DOCUMENTS", "\(s.total), by the number of facts they state")
        for d in s.items {
            entry(indent: 2, left: d.date ?? "", leftWidth: 12, body: d.title ?? d.file ?? LV.localName(d.iri), right: count(d.facts, "fact"))
            if let f = d.file, d.title != nil { entry(indent: 14, left: "", leftWidth: 0, body: f, bodyStyle: .dim) }
        }
        more(s, indent: 14)
    }

    // MARK: no single answer

    static func candidates(_ c: LookupCandidates, total: Int, color: Bool, width: Int = 80) -> String {
        func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
        var lines = wrap("“\(c.query)” matches \(total) nodes about equally well; name one by its label or IRI:", width)
        for (i, x) in c.candidates.enumerated() {
            let number = pad(String(i + 1), 3)
            let type = x.type ?? ""
            let label = x.label.count + type.count + 8 > width ? String(x.label.prefix(width - type.count - 9)) + "…" : x.label
            lines.append("  \(number)\(label)" + String(repeating: " ", count: max(2, width - 5 - label.count - type.count)) + type)
            let how: String
            switch x.how {
            case "nearMiss": how = "near miss of “\(x.name)”"
            case "prefix": how = "name begins so"
            default: how = "\(x.how) “\(x.name)”"
            }
            lines.append("     " + dim(x.iri))
            lines.append("     " + dim("matched by " + how))
        }
        if total > c.candidates.count { lines.append("     … \(total - c.candidates.count) more") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func notFound(_ c: LookupCandidates, empty: Bool) -> String {
        if empty { return "nothing in \(c.graph) has a name: is it a newsgraph graph?" }
        var s = "nothing in \(c.graph) is named like “\(c.query)”"
        if c.candidates.isEmpty { return s + ", and no name is close to it" }
        s += "; the nearest names are:"
        for x in c.candidates { s += "\n  \(x.label)" + (x.type.map { "  (\($0))" } ?? "") }
        return s
    }
}

extension LV {
    /// `ng:headOf` or an IRI → "head of".
    static func phrase(curie: String) -> String {
        var local = curie
        if local.hasPrefix("<") { local = String(local.dropFirst().dropLast()) }
        local = localName(local)
        if let colon = local.firstIndex(of: ":") { local = String(local[local.index(after: colon)...]) }
        return phrase(local: local)
    }
}

/// An item listed under its date with its sources and evidence.
protocol DatedItem: Codable, Sendable {
    var date: String? { get }
    var sources: [String] { get }
    var evidence: [LookupReport.Evidence]? { get }
}

extension LookupReport.QuotationItem: DatedItem {}
extension LookupReport.PartnershipItem: DatedItem {}
