/// Who held which office, and when (`offices.json`): what lets "President X Y" with no
/// country, and "the president of Ruritania" with no name, be read on the article's date.
public struct OfficeTable: Sendable {
    public struct Holder: Decodable, Sendable {
        public let person: String
        /// "YYYY-MM-DD", "YYYY-MM" or "YYYY"; `to` is "" while the holder is in office.
        public let from: String
        public let to: String
    }

    public struct Office: Decodable, Sendable {
        /// The state's `name` in countries.json, or "" for an office of an organization.
        public let country: String
        public let organization: String
        /// The title as in titles.json: "President", "Prime Minister", "Foreign Minister".
        public let office: String
        public let holders: [Holder]

        /// The state or organization whose office it is.
        public var owner: EntityRef {
            country.isEmpty ? EntityRef(kind: .organization, name: organization) : EntityRef(kind: .country, name: country)
        }
    }

    public let offices: [Office]
    private let byTitle: [String: [Office]]
    private let holderKeys: Set<[String]>

    public init(_ offices: [Office]) {
        self.offices = offices
        self.byTitle = Dictionary(grouping: offices, by: { Lexicon.fold($0.office) })
        self.holderKeys = Set(offices.flatMap(\.holders).map { Self.nameKey($0.person) })
    }

    /// Whether the table has someone of this name (first and last word) in any office.
    public func knows(_ name: String) -> Bool { holderKeys.contains(Self.nameKey(name)) }

    /// The states and organizations whose office `title` a person of this name held: on `date`
    /// when the article has one, at any time when it has none.
    public func owners(title: String, person: String, on date: TextDate?) -> [EntityRef] {
        let key = Self.nameKey(person)
        let found = (byTitle[Lexicon.fold(title)] ?? []).filter { office in
            office.holders.contains { h in Self.nameKey(h.person) == key && (date.map { Self.holds(h, on: $0) } ?? true) }
        }
        return Array(Set(found.map(\.owner))).sorted()
    }

    /// The one person who held `title` of `owner` on `date`; nil when no one or more than one
    /// did (at a change of holder in a year the table gives only by year).
    public func holder(title: String, of owner: EntityRef, on date: TextDate) -> String? {
        let holders = (byTitle[Lexicon.fold(title)] ?? []).filter { $0.owner == owner }.flatMap(\.holders).filter { Self.holds($0, on: date) }
        return holders.count == 1 ? holders[0].person : nil
    }

    /// First and last word of a name, folded, with hyphens as spaces: "Moon Jae-in" and "Moon Jae In" are one.
    static func nameKey(_ name: String) -> [String] {
        let words = Lexicon.fold(name).split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard let first = words.first, let last = words.last else { return [] }
        return [first, last]
    }

    /// Whether the holder was in office over the whole of `date` (a day, a month or a year).
    static func holds(_ h: Holder, on date: TextDate) -> Bool {
        let start = (date.year, date.month ?? 1, date.day ?? 1)
        let end = (date.year, date.month ?? 12, date.day ?? 31)
        guard let from = bound(h.from, end: false) else { return false }
        if from > start { return false }
        guard !h.to.isEmpty else { return true }
        guard let to = bound(h.to, end: true) else { return false }
        return to >= end
    }

    /// "2017" as the first or last day of 2017; "2017-05" as the first or last day of May.
    static func bound(_ s: String, end: Bool) -> (Int, Int, Int)? {
        let parts = s.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first else { return nil }
        let month = parts.count > 1 ? parts[1] : (end ? 12 : 1)
        let day = parts.count > 2 ? parts[2] : (end ? 31 : 1)
        return (year, month, day)
    }
}

extension Extractor {
    /// "the president of Ruritania", "Ruritania's foreign minister", "the Ruritanian prime minister"
    /// with no name beside them: the person who held that office on `date`, from the office table.
    /// Nothing when the article names someone for it, when a modifier ("former") stands before it,
    /// or when the table does not give one holder for that day.
    func officeHolders(_ t: [Token], _ ms: [Mention], on date: TextDate, heads: [EntityRef: EntityRef]) -> [Mention] {
        var out: [Mention] = []
        let covered = Set(ms.filter { $0.role == .entity && $0.ref.kind == .person }.flatMap { Array($0.range) })
        for m in ms where m.role == .title {
            var owner: EntityRef?
            var range = m.range
            let before = m.range.lowerBound - 1
            let after = m.range.upperBound
            if before >= 0, let d = ms.first(where: { $0.range.upperBound == before + 1 && ($0.role == .demonym || $0.role == .entity) && $0.ref.kind == .country }) {
                // "the Ruritanian president", "Ruritanian President"
                owner = d.ref
                range = d.range.lowerBound..<m.range.upperBound
            } else if before >= 1, t[before].text == "'s" || t[before].text == "'",
                      let c = ms.first(where: { $0.range.upperBound == before && $0.role == .entity && ($0.ref.kind == .country || $0.ref.kind == .organization) }) {
                // "Ruritania's foreign minister"
                owner = c.ref
                range = c.range.lowerBound..<m.range.upperBound
            } else if after + 1 < t.count, t[after].lower == "of" {
                // "the president of Ruritania"
                let at = t[after + 1].lower == "the" ? after + 2 : after + 1
                if let c = ms.first(where: { $0.range.lowerBound == at && $0.role == .entity && ($0.ref.kind == .country || $0.ref.kind == .organization) }) {
                    owner = c.ref
                    range = m.range.lowerBound..<c.range.upperBound
                }
            }
            guard let owner, heads[owner] == nil else { continue }
            // A name beside the office ("… President X Y", "…, X Y,") is the article's own answer.
            let next = range.upperBound < t.count && t[range.upperBound].text == "," ? range.upperBound + 1 : range.upperBound
            if covered.contains(next) || (next < t.count && t[next].isCapitalized && t[next].isWord) { continue }
            if range.lowerBound > 0, lexicon.patterns.titleModifiers.contains(t[range.lowerBound - 1].lower) { continue }
            if range.lowerBound > 1, t[range.lowerBound - 1].text == ",", covered.contains(range.lowerBound - 2) { continue }
            guard let name = lexicon.offices.holder(title: m.ref.name, of: owner, on: date) else { continue }
            let person = EntityRef(kind: .person, name: registry.resolve(name)?.name ?? name)
            var mention = Mention(range: range, ref: person, role: .entity, note: nil)
            if m.note == "head" { mention.owner = owner }
            out.append(mention)
        }
        return out
    }
}
