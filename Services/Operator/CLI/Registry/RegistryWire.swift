import Foundation

/// The registry's JSON as `p2gctl import` and `export` send and read it: only the fields they
/// use. Requests leave out what is absent, so that the registry names each missing field.
public enum RegistryWire {
    public struct Coordinates: Codable, Sendable, Equatable {
        public var latitude: Double
        public var longitude: Double
    }

    /// The body of `POST /communities`, and what `GET /communities` shows of one.
    public struct Community: Codable, Sendable, Equatable {
        public var id: String?
        public var name: String?
        public var names: [String: String]?
        public var kind: String?
        public var country: String?
        public var region: String?
        public var timeZone: String?
        public var coordinates: Coordinates?
        public var languages: [String]?
        public var contactEmail: String?
    }

    public struct CommunityPage: Decodable, Sendable {
        public var total: Int
        public var communities: [Community]
    }

    /// A community and the day it joined, in `POST /partnerships`; also the body of
    /// `POST /partnerships/{id}/members` and, with `leftOn`, of `.../departures`.
    public struct Membership: Codable, Sendable, Equatable {
        public var communityId: String
        public var joinedOn: String?
        public var leftOn: String?
    }

    /// The body of `POST /partnerships`.
    public struct PartnershipFormation: Encodable, Sendable {
        public var name: String?
        public var names: [String: String]?
        public var program: String?
        public var formedOn: String?
        public var israeli: [Membership]
        public var global: [Membership]
    }

    /// One stay of a community in a partnership.
    public struct Stay: Decodable, Sendable, Equatable {
        public var communityId: String
        public var name: String
        public var side: String
        public var joinedOn: String
        public var leftOn: String?
    }

    /// A partnership with every stay of its communities.
    public struct Partnership: Decodable, Sendable {
        public var id: String
        public var name: String
        public var names: [String: String]
        public var program: String
        public var formedOn: String
        public var israeli: [Stay]
        public var global: [Stay]

        public var stays: [Stay] { israeli + global }
    }

    public struct PartnershipSummary: Decodable, Sendable {
        public var id: String
    }

    public struct PartnershipPage: Decodable, Sendable {
        public var total: Int
        public var partnerships: [PartnershipSummary]
    }

    public struct Consent: Codable, Sendable, Equatable {
        public var given: Bool?
        public var at: String?
    }

    public struct ContactChannel: Codable, Sendable, Equatable {
        public var kind: String?
        public var address: String?
        public var consent: Consent?
    }

    /// The body of `POST /volunteers`, and what `GET /volunteers` shows of one.
    public struct Volunteer: Codable, Sendable, Equatable {
        public var id: String?
        public var name: String?
        public var names: [String: String]?
        public var homeCommunityId: String?
        public var languages: [String]?
        public var timeZone: String?
        public var roles: [String]?
        public var contactChannels: [ContactChannel]?
    }

    public struct VolunteerPage: Decodable, Sendable {
        public var total: Int
        public var volunteers: [Volunteer]
    }

    /// The body of `POST /partnerships/{id}/committees`.
    public struct CommitteeFormation: Encodable, Sendable {
        public var name: String
        public var names: [String: String]?
    }

    public struct Seat: Decodable, Sendable, Equatable {
        public var seatId: String
        public var volunteerId: String
        public var name: String?
        public var erased: Bool
        public var role: String
        public var termStart: String
        public var termEnd: String?
    }

    public struct Committee: Decodable, Sendable {
        public var id: String
        public var name: String
        public var names: [String: String]
        public var kind: String
        public var seats: [Seat]
    }

    public struct CommitteeList: Decodable, Sendable {
        public var committees: [Committee]
    }

    /// The body of `POST /partnerships/{id}/committees/{committeeId}/members`.
    public struct SeatRequest: Encodable, Sendable {
        public var volunteerId: String
        public var role: String?
        public var termStart: String?
        public var termEnd: String?
    }

    /// The body of `POST /partnerships/{id}/committees/{committeeId}/departures`.
    public struct SeatEnding: Encodable, Sendable {
        public var seatId: String
        public var termEnd: String
    }

    /// An RFC 9457 problem as the registry writes it.
    public struct Problem: Decodable, Sendable {
        public struct InvalidParam: Decodable, Sendable {
            public var name: String
            public var reason: String
        }

        public var title: String?
        public var detail: String?
        public var invalidParams: [InvalidParam]?

        enum CodingKeys: String, CodingKey {
            case title, detail
            case invalidParams = "invalid-params"
        }

        /// The problem in one line: each invalid field and why, or the detail.
        public var summary: String {
            if let params = invalidParams, !params.isEmpty { return params.map { "\($0.name): \($0.reason)" }.joined(separator: "; ") }
            return detail ?? title ?? "no reason given"
        }
    }
}
