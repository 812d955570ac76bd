import CommunityRegistry
import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ServiceKit
import ServiceTestSupport
import Testing

/// Steering committees through the API: the Central Area Consortium's joint steering
/// committee and subcommittees, with volunteers from both sides in their terms.
@Suite("Steering committees", .serialized)
struct CommitteeServiceTests {
    /// Registers a fictional volunteer of `community` and returns their id.
    static func volunteer(_ name: String, of community: String, _ client: some TestClientProtocol) async throws -> String {
        let answer = try await client.send(
            .post, "/volunteers", json: #"{"name": "\#(name)", "homeCommunityId": "\#(community)", "languages": ["en", "he"]}"#)
        #expect(answer.status == .created, "\(answer.body)")
        return try #require(try answer.object()["id"] as? String)
    }

    /// The seats of the committee named `name`, as (volunteer's name, role) pairs.
    static func seats(_ answer: HTTPExchange, of name: String) throws -> [(String?, String?)] {
        let committees = try #require(try answer.object()["committees"] as? [[String: Any]])
        let committee = try #require(committees.first { $0["name"] as? String == name }, "no \(name) in \(answer.body)")
        return try #require(committee["seats"] as? [[String: Any]]).map { ($0["name"] as? String, $0["role"] as? String) }
    }

    @Test("the joint steering committee and named subcommittees, with chairs, co-chairs and members from both sides in their terms")
    func committeesWithTerms() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let registered = try await PartnershipServiceTests.registerConsortium(client)
            let partnership = try #require(
                try await client.send(.post, "/partnerships", json: PartnershipServiceTests.formation(registered)).headers[.location])
            let committees = "\(partnership)/committees"

            let initial = try await client.send(.get, committees)
            #expect(initial.status == .ok)
            let joint = try #require(try initial.object()["committees"] as? [[String: Any]])
            #expect(joint.count == 1)
            #expect(joint.first?["kind"] as? String == "jointSteering")
            #expect((joint.first?["names"] as? [String: String])?["he"] == "ועדת היגוי משותפת")
            let jointSeats = "\(committees)/\(try #require(joint.first?["id"] as? String))/members"

            let education = try await client.send(.post, committees, json: #"{"name": "Education", "names": {"he": "חינוך"}}"#)
            #expect(education.status == .created, "\(education.body)")
            #expect(try await client.send(.post, committees, json: #"{"name": "economic development"}"#).status == .created)
            #expect(try await client.send(.post, committees, json: #"{"name": "EDUCATION"}"#).status == .conflict)
            #expect(
                try await client.send(.post, committees, json: #"{"name": "Joint Steering Committee"}"#).status == .unprocessableContent)

            let galilee = registered.westernGalilee
            let miriam = try await Self.volunteer("Miriam Adler", of: try #require(registered.consortium["Des Moines"]), client)
            let david = try await Self.volunteer("David Stern", of: try #require(registered.consortium["Omaha"]), client)
            let noa = try await Self.volunteer("Noa Levi", of: galilee, client)
            let yael = try await Self.volunteer("Yael Mizrahi", of: galilee, client)
            let sarah = try await Self.volunteer("Sarah Katz", of: try #require(registered.consortium["Tulsa"]), client)

            func seat(_ volunteer: String, _ role: String, _ start: String, _ end: String? = nil, on uri: String) async throws
                -> HTTPExchange
            {
                let endField = end.map { #", "termEnd": "\#($0)""# } ?? ""
                return try await client.send(
                    .post, uri, json: #"{"volunteerId": "\#(volunteer)", "role": "\#(role)", "termStart": "\#(start)"\#(endField)}"#)
            }
            #expect(try await seat(miriam, "chair", "2019-01-01", "2021-01-01", on: jointSeats).status == .created)
            #expect(try await seat(noa, "chair", "2019-01-01", on: jointSeats).status == .created)
            // A new global chair when Miriam's term ends.
            #expect(try await seat(david, "chair", "2021-01-01", on: jointSeats).status == .created)

            // A second Israeli chair while Noa chairs is refused; as co-chair Yael is welcome.
            let duplicate = try await seat(yael, "chair", "2020-06-01", "2022-06-01", on: jointSeats)
            #expect(duplicate.status == .conflict)
            #expect(try duplicate.invalidFields() == ["role"])
            #expect(try await seat(yael, "co-chair", "2020-06-01", on: jointSeats).status == .created)
            let twice = try await seat(david, "member", "2022-01-01", on: jointSeats)
            #expect(twice.status == .conflict)
            #expect(try twice.invalidFields() == ["volunteerId"])
            // Tulsa is not in this partnership: its volunteer cannot sit on its committees.
            let outsider = try await seat(sarah, "member", "2020-01-01", on: jointSeats)
            #expect(outsider.status == .unprocessableContent)
            #expect(try outsider.invalidFields() == ["termStart"])
            let badTerm = try await seat(noa, "vice-chair", "2020-01-01", "2019-01-01", on: jointSeats)
            #expect(Set(try badTerm.invalidFields()) == ["role", "termEnd"])

            let educationSeats = "\(committees)/\(try #require(try education.object()["id"] as? String))/members"
            #expect(try await seat(miriam, "chair", "2018-09-01", on: educationSeats).status == .created)
            #expect(try await seat(yael, "member", "2018-09-01", on: educationSeats).status == .created)

            let in2020 = try await client.send(.get, "\(committees)?asOf=2020-01-01")
            #expect(
                Set(try Self.seats(in2020, of: "Joint Steering Committee").map { "\($0.0 ?? "-") \($0.1 ?? "-")" }) == [
                    "Miriam Adler chair", "Noa Levi chair",
                ])
            let in2022 = try await client.send(.get, "\(committees)?asOf=2022-01-01")
            #expect(
                Set(try Self.seats(in2022, of: "Joint Steering Committee").map { "\($0.0 ?? "-") \($0.1 ?? "-")" }) == [
                    "David Stern chair", "Noa Levi chair", "Yael Mizrahi co-chair",
                ])
            #expect(try Self.seats(in2022, of: "Education").count == 2)
            #expect(try Self.seats(in2022, of: "economic development").isEmpty)

            // Erased, Miriam stays in the committee's history without her name.
            #expect(try await client.send(.delete, "/volunteers/\(miriam)").status == .noContent)
            let history = try await client.send(.get, committees)
            let jointHistory = try Self.seats(history, of: "Joint Steering Committee")
            #expect(jointHistory.count == 4)
            #expect(jointHistory.first?.0 == nil && jointHistory.first?.1 == "chair")
            #expect(!history.body.contains("Miriam"))
            #expect(try await service.count("SELECT count(*) FROM committee_seats") == 6)
            // Each seat taken is announced once, with its committee and term; refusals are not.
            let taken = try await service.outboxEvents(CommitteeSeatTaken.self)
            #expect(taken.count == 6)
            #expect(Set(taken.map(\.committeeName)) == ["Joint Steering Committee", "Education"])
            let miriamsChair = try #require(
                taken.first { $0.volunteerId.uuidString.lowercased() == miriam && $0.committeeKind == "jointSteering" })
            #expect(miriamsChair.role == "chair")
            #expect(miriamsChair.side == .global)
            #expect(miriamsChair.termStart.description == "2019-01-01")
            #expect(miriamsChair.termEnd?.description == "2021-01-01")
            #expect(
                taken.first { $0.volunteerId.uuidString.lowercased() == yael && $0.committeeKind == "jointSteering" }?.role == "co-chair")

            let nowhere = try await client.send(.get, "/partnerships/0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d/committees")
            #expect(nowhere.status == .notFound)
        }
    }

    @Test("a chair steps down early and the next chair of the side follows; a term never ends before it began or later than it was to")
    func steppingDown() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let registered = try await PartnershipServiceTests.registerConsortium(client)
            let partnership = try #require(
                try await client.send(.post, "/partnerships", json: PartnershipServiceTests.formation(registered)).headers[.location])
            let listed = try await client.send(.get, "\(partnership)/committees")
            let joint = try #require((try listed.object()["committees"] as? [[String: Any]])?.first?["id"] as? String)
            let noa = try await Self.volunteer("Noa Levi", of: registered.westernGalilee, client)
            let yael = try await Self.volunteer("Yael Mizrahi", of: registered.westernGalilee, client)
            let seated = try await client.send(
                .post, "\(partnership)/committees/\(joint)/members",
                json: #"{"volunteerId": "\#(noa)", "role": "chair", "termStart": "2019-01-01", "termEnd": "2023-01-01"}"#)
            let seat = try #require(try seated.object()["seatId"] as? String)
            let departures = "\(partnership)/committees/\(joint)/departures"

            let later = try await client.send(.post, departures, json: #"{"seatId": "\#(seat)", "termEnd": "2024-01-01"}"#)
            #expect(later.status == .conflict)
            #expect(try later.invalidFields() == ["termEnd"])
            let before = try await client.send(.post, departures, json: #"{"seatId": "\#(seat)", "termEnd": "2018-06-01"}"#)
            #expect(before.status == .unprocessableContent)
            let unknown = try await client.send(.post, departures, json: #"{"seatId": "\#(noa)", "termEnd": "2021-06-01"}"#)
            #expect(try unknown.invalidFields() == ["seatId"])

            let early = try await client.send(.post, departures, json: #"{"seatId": "\#(seat)", "termEnd": "2021-06-01"}"#)
            #expect(early.status == .ok, "\(early.body)")
            #expect(try early.object()["termEnd"] as? String == "2021-06-01")
            let next = try await client.send(
                .post, "\(partnership)/committees/\(joint)/members",
                json: #"{"volunteerId": "\#(yael)", "role": "chair", "termStart": "2021-06-01"}"#)
            #expect(next.status == .created, "\(next.body)")
            let in2022 = try await client.send(.get, "\(partnership)/committees?asOf=2022-01-01")
            #expect(try Self.seats(in2022, of: "Joint Steering Committee").map { $0.0 } == ["Yael Mizrahi"])
            // The early end is announced once; the refused ones are not.
            let ended = try await service.outboxEvents(CommitteeSeatEnded.self)
            #expect(ended.map { "\($0.seatId.uuidString.lowercased()) \($0.termEnd)" } == ["\(seat) 2021-06-01"])
            #expect(ended.first?.volunteerId.uuidString.lowercased() == noa)
            #expect(try await service.outboxEvents(CommitteeSeatTaken.self).count == 2)
        }
    }
}
