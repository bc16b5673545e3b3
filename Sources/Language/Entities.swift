import RDFModel

/// What an entity is; decides its class and the kind part of its IRI.
public enum EntityKind: String, Sendable, Hashable, Comparable, CaseIterable {
    case person, country, organization, city, place, initiative

    public var cls: IRI {
        switch self {
        case .person: return NG.Person
        case .country: return NG.Country
        case .organization: return NG.Organization
        case .city: return NG.City
        case .place: return NG.Place
        case .initiative: return NG.Initiative
        }
    }

    public var isActor: Bool { self == .person || self == .country || self == .organization }

    public static func < (a: EntityKind, b: EntityKind) -> Bool { a.rawValue < b.rawValue }
}

/// An entity by its canonical name.
public struct EntityRef: Hashable, Comparable, Sendable {
    public let kind: EntityKind
    public let name: String

    package init(kind: EntityKind, name: String) {
        self.kind = kind
        self.name = name
    }

    public static func < (a: EntityRef, b: EntityRef) -> Bool { (a.kind, a.name) < (b.kind, b.name) }
}

/// The roles of an event, by the names the lexicon's event frames use.
public enum EventRole: String, CaseIterable, Sendable {
    case agent, host, participant, target, location
    /// Agents, hosts and participants: read only, never set.
    case everyone
}
