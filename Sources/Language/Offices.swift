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
