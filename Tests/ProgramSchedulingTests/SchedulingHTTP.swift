import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ServiceTestSupport
import Testing

/// One request to the service in-process and what it answered, read as a user would read it.
struct Answer {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String

    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any], "not a JSON object: \(body)")
    }

    /// The body decoded with the contract's coding (RFC 3339 instants with milliseconds).
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try ContractCoding.decode(type, from: Data(body.utf8))
    }
}

extension TestClientProtocol {
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil, headers: HTTPFields = [:]) async throws -> Answer {
        var headers = headers
        if json != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) { response in
            Answer(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, object: [String: Any], headers: HTTPFields = [:]) async throws -> Answer {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try await send(method, uri, json: String(decoding: data, as: UTF8.self), headers: headers)
    }
}

/// What the API answers for a program, as a client reads it.
struct ProgramAnswer: Decodable {
    struct Session: Decodable {
        var id: UUID
        var key: String
        var occurrence: Int
        var startsAt: Date
        var endsAt: Date
        var virtual: Bool
        var venueId: String?
        var timeZone: String
        var participants: [String]
        var sequence: Int
        var status: String
        var capacity: Int?
        var confirmed: Int
    }
    var id: UUID
    var kind: String
    var teamId: String?
    var partnershipId: String?
    var titles: [String: String]
    var timeZone: String
    var capacity: Int?
    var confirmed: Int
    var sessions: [Session]
}

struct RegistrationAnswer: Decodable {
    var id: UUID
    var status: String
    var position: Int?
    var volunteerId: String?
    var participantName: String?
}

/// Communities and volunteers as the registry announces them.
enum People {
    static func melbourne(id: UUID = UUID()) -> CommunityRegistered {
        CommunityRegistered(
            communityId: id, name: "Melbourne", kind: .globalCommunity, country: "AU", region: "Victoria", timeZone: "Australia/Melbourne",
            coordinates: Coordinates(latitude: -37.814, longitude: 144.963), languages: ["en"], contactEmail: "p2g@melbourne.example",
            registeredAt: Date(timeIntervalSince1970: 1_716_458_500))
    }

    static func volunteer(_ id: UUID = UUID(), of community: CommunityRegistered, side: PartnershipSide) -> VolunteerRegistered {
        VolunteerRegistered(
            volunteerId: id, name: "Volunteer", names: nil, homeCommunityId: community.communityId, side: side,
            languages: community.languages,
            timeZone: community.timeZone, roles: ["steering-committee"], contactChannels: [],
            registeredAt: Date(timeIntervalSince1970: 1_716_458_600))
    }

    /// Sderot, Des Moines and Melbourne with one volunteer each, recorded by the service.
    static func threeCommunities(_ service: InProcessService) async throws -> (
        sderot: VolunteerRegistered, desMoines: VolunteerRegistered, melbourne: VolunteerRegistered, communities: [CommunityRegistered]
    ) {
        let communities = [SampleCommunities.sderot(), SampleCommunities.desMoines(), melbourne()]
        for community in communities { try await service.publish(community) }
        let volunteers = [
            volunteer(of: communities[0], side: .israeli), volunteer(of: communities[1], side: .global),
            volunteer(of: communities[2], side: .global),
        ]
        for volunteer in volunteers { try await service.publish(volunteer) }
        try await service.waitUntil("the communities and volunteers are recorded") {
            try await service.count("SELECT count(*) FROM inbox") == 6
        }
        return (volunteers[0], volunteers[1], volunteers[2], communities)
    }
}

/// Instants as tests write them.
func instant(_ text: String) throws -> Date {
    try #require(ContractCoding.parseInstant(text), "\(text) is not an RFC 3339 instant")
}

/// The local clock reading of `date` in `zone`.
func local(_ date: Date, _ zone: String) throws -> DateComponents {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: zone))
    return calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
}
