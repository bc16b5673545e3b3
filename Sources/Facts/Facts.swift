import Language
import RDFModel

/// Where a fact was read: the document and the sentence.
public struct Evidence: Hashable, Sendable {
    public let document: IRI
    public let sentence: String

    package init(document: IRI, sentence: String) {
        self.document = document
        self.sentence = sentence
    }
}

public struct EventFact: Equatable, Sendable {
    public var cls: String
    public var cameo: String
    public var agents: Set<EntityRef> = []
    public var hosts: Set<EntityRef> = []
    public var participants: Set<EntityRef> = []
    public var targets: Set<EntityRef> = []
    public var location: EntityRef?
    public var date: TextDate?
    /// The last day of a span ("from 10 to 12 June 2024").
    public var endDate: TextDate?
    public var planned = false
    public var name: String?
    public var evidence: Evidence

    package init(cls: String, cameo: String, evidence: Evidence) {
        self.cls = cls
        self.cameo = cameo
        self.evidence = evidence
    }

    /// Everyone taking part, whatever the role.
    public var everyone: Set<EntityRef> { agents.union(hosts).union(participants) }

    /// The roles by the names the lexicon's event frames use.
    public typealias Role = EventRole

    /// The entities in a role; the location as a set of at most one.
    public func role(_ r: Role) -> Set<EntityRef> {
        switch r {
        case .agent: return agents
        case .host: return hosts
        case .participant: return participants
        case .target: return targets
        case .location: return location.map { [$0] } ?? []
        case .everyone: return everyone
        }
    }

    /// Sets a role that can be set (every one but ``Role/everyone``).
    package mutating func setRole(_ r: Role, _ value: Set<EntityRef>) {
        switch r {
        case .agent: agents = value
        case .host: hosts = value
        case .participant: participants = value
        case .target: targets = value
        case .location: location = value.first
        case .everyone: break
        }
    }
}

public struct RelationFact: Sendable {
    public let subject: EntityRef
    public let property: String
    public let object: EntityRef?
    public let objectEvent: EventFact?
    public let rule: String
    public let confidence: Double
    public let evidence: Evidence

    package init(subject: EntityRef, property: String, object: EntityRef?, objectEvent: EventFact?, rule: String, confidence: Double, evidence: Evidence) {
        self.subject = subject
        self.property = property
        self.object = object
        self.objectEvent = objectEvent
        self.rule = rule
        self.confidence = confidence
        self.evidence = evidence
    }
}

public struct ObservationFact: Sendable {
    public var measure: String
    public var value: Double
    public var valueMax: Double?
    public var bound: String?
    public var unit: String
    public var change: Bool
    public var period: String?
    public var about: Set<EntityRef>
    public var aboutEvent: EventFact?
    public var evidence: Evidence

    package init(measure: String, value: Double, valueMax: Double?, bound: String?, unit: String, change: Bool, period: String?,
                 about: Set<EntityRef>, aboutEvent: EventFact?, evidence: Evidence) {
        self.measure = measure
        self.value = value
        self.valueMax = valueMax
        self.bound = bound
        self.unit = unit
        self.change = change
        self.period = period
        self.about = about
        self.aboutEvent = aboutEvent
        self.evidence = evidence
    }
}

public struct QuotationFact: Sendable {
    public let speaker: EntityRef
    public let text: String
    public let date: TextDate?
    public let evidence: Evidence

    package init(speaker: EntityRef, text: String, date: TextDate?, evidence: Evidence) {
        self.speaker = speaker
        self.text = text
        self.date = date
        self.evidence = evidence
    }
}

public struct PartnershipFact: Sendable {
    public let parties: Set<EntityRef>
    public let level: String
    public let date: TextDate?
    public let evidence: Evidence

    package init(parties: Set<EntityRef>, level: String, date: TextDate?, evidence: Evidence) {
        self.parties = parties
        self.level = level
        self.date = date
        self.evidence = evidence
    }
}

/// Everything read from one document.
public struct DocumentFacts: Sendable {
    public let document: IRI
    public var title: String?
    public var date: TextDate?
    public var dateInferred = false
    public var creators: [String] = []
    public var publisher: EntityRef?
    public var relations: [RelationFact] = []
    public var events: [EventFact] = []
    public var observations: [ObservationFact] = []
    public var quotations: [QuotationFact] = []
    public var partnerships: [PartnershipFact] = []
    /// Other names each entity was written with in this document.
    public var surfaceNames: [EntityRef: Set<String>] = [:]
    /// Short forms the document defines for an entity: "RGC" for "Ruritanian Gas Corridor".
    public var shortForms: [EntityRef: Set<String>] = [:]
    /// Why an entity that the lexicon lacks exists: the rules that found it ("shape.organization").
    public var entityRules: [EntityRef: Set<String>] = [:]
    /// Titles as written, per person: "President".
    public var positions: [EntityRef: Set<String>] = [:]

    package init(document: IRI) { self.document = document }
}
