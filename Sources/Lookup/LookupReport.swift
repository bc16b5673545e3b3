import Foundation
import RDFModel

/// What a lookup found about one node: the model behind every output format
/// and, encoded as JSON, the `--format json` schema `newsgraph-lookup/1`.
/// Optional fields are left out when the graph has no value for them;
/// `evidence` is there only with `--evidence`.
public struct LookupReport: Codable, Sendable {
    public var schema = LookupReport.schemaName
    public var status = "found"
    public var query: String
    public var graph: String
    public var match: Match
    public var entity: Entity
    public var documents: Section<DocumentItem>
    public var relations: Relations
    public var events: Section<EventItem>
    public var observations: Section<ObservationItem>
    public var quotations: Section<QuotationItem>
    public var partnerships: Section<PartnershipItem>
    /// Titles of the documents the shown facts cite (for the text format; not encoded).
    public var documentTitles: [String: String] = [:]

    public static let schemaName = "newsgraph-lookup/1"

    enum CodingKeys: String, CodingKey {
        case schema, status, query, graph, match, entity, documents, relations, events, observations, quotations, partnerships
    }

    /// A node, named.
    public struct Ref: Codable, Sendable, Hashable {
        public var iri: String
        public var label: String
        /// The node's main class as a CURIE (`ng:Person`).
        public var type: String?
    }

    /// How the query matched: `label`, `altLabel`, `surname`, `acronym`, `title`,
    /// `file`, `givenName`, `iri`, `sameAs`, `prefix` or `nearMiss`.
    public struct Match: Codable, Sendable {
        public var how: String
        /// The name that matched, in normal form.
        public var name: String
        /// The edit distance of a near miss.
        public var distance: Int?
    }

    public struct Entity: Codable, Sendable {
        public var iri: String
        public var label: String
        public var types: [String]
        public var otherNames: [String]
        public var sameAs: [String]
        /// Literal-valued properties other than names (`ng:position`, `ng:date`, …).
        public var attributes: [Attribute]
    }

    public struct Attribute: Codable, Sendable {
        public var property: String
        public var values: [String]
    }

    /// A list cut to `--limit`: `total` is how many there are.
    public struct Section<Item: Codable & Sendable>: Codable, Sendable {
        public var total: Int
        public var items: [Item]
    }

    public struct DocumentItem: Codable, Sendable {
        public var iri: String
        public var title: String?
        public var file: String?
        public var date: String?
        /// How many of the node's facts this document supports.
        public var facts: Int
    }

    public struct Evidence: Codable, Sendable, Hashable {
        public var sentence: String
        /// The document, where the graph pairs it with the sentence (always for relations;
        /// for a fact with several sources the pairing is not recorded, and this is absent).
        public var document: String?
        public var confidence: Decimal?
        public var rule: String?
    }

    public struct Relations: Codable, Sendable {
        public var outgoing: [RelationGroup]
        public var incoming: [RelationGroup]
    }

    public struct RelationGroup: Codable, Sendable {
        /// The property as a CURIE (`ng:allyOf`).
        public var property: String
        public var total: Int
        public var items: [RelationItem]
    }

    public struct RelationItem: Codable, Sendable {
        public var iri: String
        public var label: String
        public var type: String?
        /// IRIs of the documents that state it (from its `rdf:Statement`s).
        public var sources: [String]
        public var evidence: [Evidence]?
    }

    public struct Participant: Codable, Sendable {
        public var iri: String
        public var label: String
        public var type: String?
        /// `agent`, `host`, `target`, `participant`, `location`.
        public var roles: [String]
    }

    public struct EventItem: Codable, Sendable {
        public var iri: String
        public var label: String
        public var type: String?
        public var date: String?
        public var endDate: String?
        public var planned: Bool
        /// The looked-up node's roles in it.
        public var roles: [String]
        public var place: Ref?
        public var others: [Participant]
        public var sources: [String]
        public var evidence: [Evidence]?
    }

    public struct Conflict: Codable, Sendable {
        public var iri: String
        public var value: Decimal?
        public var valueMax: Decimal?
        public var unit: String?
        public var period: String?
        public var bound: String?
        public var sources: [String]
    }

    public struct ObservationItem: Codable, Sendable {
        public var iri: String
        public var label: String?
        public var measure: String?
        public var value: Decimal?
        public var valueMax: Decimal?
        public var unit: String?
        public var period: String?
        public var bound: String?
        public var change: Bool
        /// The other nodes it is about.
        public var about: [Ref]
        public var conflictsWith: [Conflict]
        public var sources: [String]
        public var evidence: [Evidence]?
    }

    public struct QuotationItem: Codable, Sendable {
        public var iri: String
        public var text: String
        public var date: String?
        public var sources: [String]
        public var evidence: [Evidence]?
    }

    public struct PartnershipItem: Codable, Sendable {
        public var iri: String
        public var label: String?
        public var level: String?
        public var date: String?
        /// The other parties.
        public var parties: [Ref]
        public var sources: [String]
        public var evidence: [Evidence]?
    }
}

/// A lookup's answer when no single node was found.
public struct LookupCandidates: Codable, Sendable {
    public var schema = LookupReport.schemaName
    /// `ambiguous` or `notFound`.
    public var status: String
    public var query: String
    public var graph: String
    /// For `ambiguous`: the candidates, best first. For `notFound`: the nearest names.
    public var candidates: [Candidate]

    public struct Candidate: Codable, Sendable {
        public var iri: String
        public var label: String
        public var type: String?
        public var how: String
        public var name: String
        public var score: Int?
        public var distance: Int?
    }
}
