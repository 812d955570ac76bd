import CommunityRegistry
import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import ServiceKit
import ServiceTestSupport
import Testing

/// Needs assessments and road maps through the API: Kfar Aza's joint team records what the
/// kibbutz needs now and once residents return, reassesses it, and plans three years.
@Suite("Needs assessments and road maps", .serialized)
struct NeedsServiceTests {
    /// Kfar Aza, Des Moines, and their Communities2Gether pairing as a partnership.
    struct World {
        var kfarAza: String
        var desMoines: String
        var partnership: UUID
    }

    static func makeWorld(_ client: some TestClientProtocol) async throws -> World {
        let kfarAza = try await client.register(SampleCommunity.kfarAza)
        let desMoines = try await client.register(SampleCommunity.centralAreaConsortium[0])
        let formed = try await client.send(
            .post, "/partnerships",
            json: """
                {"name": "Kfar Aza – Des Moines", "program": "communities2gether", "formedOn": "2024-01-01",
                 "israeli": [{"communityId": "\(kfarAza)", "joinedOn": "2024-01-01"}],
                 "global": [{"communityId": "\(desMoines)", "joinedOn": "2024-01-01"}]}
                """)
        #expect(formed.status == .created, "\(formed.body)")
        let partnershipText = try #require(try formed.object()["id"] as? String)
        let partnership = try #require(UUID(uuidString: partnershipText))
        return World(kfarAza: kfarAza, desMoines: desMoines, partnership: partnership)
    }

    /// The first assessment: two immediate needs and one long-term, costs in shekels and dollars.
    static let firstAssessment = """
        {"assessedOn": "2024-01-20", "items": [
          {"horizon": "immediate", "sector": "housing", "description": "Mattresses for the families in Shefayim", "language": "en",
           "quantity": 400, "unit": "mattress", "estimatedCost": {"amount": 36000000, "currency": "ILS"}},
          {"horizon": "immediate", "sector": "welfare", "description": "כלי מטבח למשפחות המפונות", "language": "he",
           "quantity": 250, "unit": "set", "estimatedCost": {"amount": 12500000, "currency": "ILS"}},
          {"horizon": "long-term", "sector": "education", "description": "Rebuild the kindergarten", "quantity": 1, "unit": "building",
           "estimatedCost": {"amount": 150000000, "currency": "USD"}}
        ]}
        """

    /// Records `json` for the community and submits it; returns the assessment.
    static func submit(_ client: some TestClientProtocol, community: String, json: String) async throws -> [String: Any] {
        let recorded = try await client.send(.post, "/communities/\(community)/needs-assessments", json: json)
        #expect(recorded.status == .created, "\(recorded.body)")
        let location = try #require(recorded.headers[.location])
        let submitted = try await client.send(.post, "\(location)/submission")
        #expect(submitted.status == .ok, "\(submitted.body)")
        return try submitted.object()
    }

    static func items(_ assessment: [String: Any]) throws -> [[String: Any]] {
        try #require(assessment["items"] as? [[String: Any]])
    }

    @Test("an assessment with immediate and long-term items is submitted, reassessed, and the diff reads what changed")
    func assessmentReassessmentAndDiff() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let world = try await Self.makeWorld(client)
            let draft = try await client.send(.post, "/communities/\(world.kfarAza)/needs-assessments", json: Self.firstAssessment)
            #expect(draft.status == .created, "\(draft.body)")
            let first = try draft.object()
            #expect(first["status"] as? String == "draft" && first["version"] as? Int == 1)
            let firstItems = try Self.items(first)
            #expect(firstItems.map { $0["horizon"] as? String } == ["immediate", "immediate", "long-term"])
            #expect(firstItems[1]["description"] as? String == "כלי מטבח למשפחות המפונות")
            let firstId = try #require(first["id"] as? String)
            // Nothing is announced for a draft, and a draft cannot be accepted or reassessed.
            #expect(try await service.outboxEvents(NeedsAssessmentSubmitted.self).isEmpty)
            #expect(try await client.send(.post, "/needs-assessments/\(firstId)/acceptance").status == .conflict)
            let tooEarly = try await client.send(
                .post, "/communities/\(world.kfarAza)/needs-assessments",
                json: #"{"reassesses": "\#(firstId)", "assessedOn": "2024-02-01", "items": [\#(Self.item("housing", 1, 100, "ILS"))]}"#)
            #expect(tooEarly.status == .conflict, "\(tooEarly.body)")

            let submitted = try await client.send(.post, "/needs-assessments/\(firstId)/submission")
            #expect(submitted.status == .ok)
            #expect(try submitted.object()["status"] as? String == "submitted")
            #expect(try await client.send(.post, "/needs-assessments/\(firstId)/submission").status == .conflict)
            let accepted = try await client.send(.post, "/needs-assessments/\(firstId)/acceptance")
            #expect(try accepted.object()["status"] as? String == "accepted")

            // Residents begin to return: more mattresses, no kitchen sets, a clinic added.
            let mattresses = try #require(firstItems[0]["id"] as? String)
            let kindergarten = try #require(firstItems[2]["id"] as? String)
            let reassessment = """
                {"reassesses": "\(firstId)", "assessedOn": "2024-06-01", "items": [
                  {"carriesOver": "\(mattresses)", "horizon": "immediate", "sector": "housing",
                   "description": "Mattresses for the families in Shefayim", "language": "en", "quantity": 520, "unit": "mattress",
                   "estimatedCost": {"amount": 46800000, "currency": "ILS"}},
                  {"carriesOver": "\(kindergarten)", "horizon": "long-term", "sector": "education", "description": "Rebuild the kindergarten",
                   "quantity": 1, "unit": "building", "estimatedCost": {"amount": 150000000, "currency": "USD"}},
                  {"horizon": "long-term", "sector": "health", "description": "A clinic for returning residents", "quantity": 1,
                   "unit": "clinic", "estimatedCost": {"amount": 80000000, "currency": "ILS"}}
                ]}
                """
            let second = try await Self.submit(client, community: world.kfarAza, json: reassessment)
            #expect(second["version"] as? Int == 2 && second["previousAssessmentId"] as? String == firstId)
            let secondId = try #require(second["id"] as? String)

            let diff = try await client.send(.get, "/needs-assessments/\(secondId)/diff")
            #expect(diff.status == .ok, "\(diff.body)")
            let read = try diff.object()
            #expect((read["added"] as? [[String: Any]])?.map { $0["description"] as? String } == ["A clinic for returning residents"])
            #expect((read["removed"] as? [[String: Any]])?.map { $0["description"] as? String } == ["כלי מטבח למשפחות המפונות"])
            let changed = try #require(read["changed"] as? [[String: Any]])
            #expect(changed.count == 1)
            #expect(changed.first?["fields"] as? [String] == ["quantity", "estimatedCost"])
            #expect(read["unchanged"] as? Int == 1)
            let moved = try #require(read["costMoved"] as? [[String: Any]])
            // ILS: 36,000,000 + 12,500,000 before; 46,800,000 + 80,000,000 after. USD did not move.
            #expect(moved.count == 1)
            #expect(moved.first?["currency"] as? String == "ILS")
            #expect(moved.first?["before"] as? Int == 48_500_000 && moved.first?["after"] as? Int == 126_800_000)
            #expect(moved.first?["change"] as? Int == 78_300_000)
            #expect(
                (read["summary"] as? [String])?.contains("changed: Mattresses for the families in Shefayim (quantity, estimatedCost)")
                    == true)

            // Only the latest version is reassessed; both versions stay readable.
            let stale = try await client.send(
                .post, "/communities/\(world.kfarAza)/needs-assessments",
                json: #"{"reassesses": "\#(firstId)", "assessedOn": "2024-07-01", "items": [\#(Self.item("housing", 1, 100, "ILS"))]}"#)
            #expect(stale.status == .conflict)
            let versions = try await client.send(.get, "/communities/\(world.kfarAza)/needs-assessments")
            #expect(try versions.object()["total"] as? Int == 2)

            let events = try await service.outboxEvents(NeedsAssessmentSubmitted.self)
            #expect(events.map(\.version) == [1, 2])
            #expect(events.first?.immediateItems == 2 && events.first?.longTermItems == 1)
            #expect(
                events.first?.estimatedCost == [Money(amount: 48_500_000, currency: "ILS"), Money(amount: 150_000_000, currency: "USD")])
            #expect(events.last?.previousAssessmentId == firstId)
        }
    }

    static func idempotencyKey(_ key: String) -> HTTPFields {
        HTTPFields([HTTPField(name: HTTPField.Name("Idempotency-Key")!, value: key)])
    }

    /// One item's JSON.
    static func item(_ sector: String, _ quantity: Int, _ cost: Int, _ currency: String, horizon: String = "immediate") -> String {
        #"{"horizon": "\#(horizon)", "sector": "\#(sector)", "description": "\#(sector) need", "quantity": \#(quantity), "unit": "unit", "estimatedCost": {"amount": \#(cost), "currency": "\#(currency)"}}"#
    }

    @Test("bad assessments are refused naming every field; a coordinator adds a sector and items may use it")
    func badAssessmentsAndSectors() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let world = try await Self.makeWorld(client)
            let bad = try await client.send(
                .post, "/communities/\(world.kfarAza)/needs-assessments",
                json: """
                    {"assessedOn": "2024-02-30", "items": [
                      {"horizon": "someday", "sector": "mental-health", "description": "", "quantity": 0, "unit": "x",
                       "estimatedCost": {"amount": -5, "currency": "XYZ1"}}]}
                    """)
            #expect(bad.status == .unprocessableContent, "\(bad.body)")
            #expect(
                Set(try bad.invalidFields()).isSuperset(of: [
                    "assessedOn", "items[0].horizon", "items[0].sector", "items[0].description", "items[0].quantity",
                    "items[0].estimatedCost.amount", "items[0].estimatedCost.currency",
                ]))
            #expect(
                try await client.send(.post, "/communities/\(UUID())/needs-assessments", json: Self.firstAssessment).status == .notFound)
            #expect(
                try await client.send(.post, "/communities/not-an-id/needs-assessments", json: Self.firstAssessment).status == .badRequest)
            #expect(try await client.send(.post, "/communities/\(world.kfarAza)/needs-assessments", json: "[1, 2]").status == .badRequest)
            #expect(try await client.send(.get, "/needs-assessments/\(UUID())").status == .notFound)
            #expect(try await client.send(.get, "/needs-assessments/\(UUID())/diff?from=nope").status == .badRequest)

            let added = try await client.send(.post, "/need-sectors", json: #"{"name": "mental-health"}"#)
            #expect(added.status == .created, "\(added.body)")
            #expect(try await client.send(.post, "/need-sectors", json: #"{"name": "mental-health"}"#).status == .ok)
            #expect(try await client.send(.post, "/need-sectors", json: #"{"name": "Mental Health!"}"#).status == .unprocessableContent)
            let sectors = try #require(try await client.send(.get, "/need-sectors").object()["sectors"] as? [[String: Any]])
            #expect(sectors.compactMap { $0["name"] as? String }.contains("mental-health"))
            #expect(sectors.filter { $0["base"] as? Bool == true }.count == 7)
            let recorded = try await client.send(
                .post, "/communities/\(world.kfarAza)/needs-assessments",
                json:
                    #"{"assessedOn": "2024-02-01", "items": [\#(Self.item("mental-health", 30, 9_000_000, "ILS", horizon: "long-term"))]}"#)
            #expect(recorded.status == .created, "\(recorded.body)")
            // The same Idempotency-Key again gives the same assessment.
            let once = try await client.send(
                .post, "/communities/\(world.desMoines)/needs-assessments", json: Self.firstAssessment, headers: Self.idempotencyKey("dm-1")
            )
            let twice = try await client.send(
                .post, "/communities/\(world.desMoines)/needs-assessments", json: Self.firstAssessment, headers: Self.idempotencyKey("dm-1")
            )
            #expect(once.status == .created && twice.status == .ok)
            #expect(try once.object()["id"] as? String == twice.object()["id"] as? String)
        }
    }

    @Test("a road map holds milestones by quarter over three years, each with its status and the day of each change, each announced")
    func roadMap() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let world = try await Self.makeWorld(client)
            let assessment = try await Self.submit(client, community: world.kfarAza, json: Self.firstAssessment)
            let itemIds = try Self.items(assessment).compactMap { $0["id"] as? String }
            func milestone(_ title: String, _ quarter: String, _ items: [String]) async throws -> HTTPExchange {
                try await client.send(
                    .post, "/communities/\(world.kfarAza)/milestones",
                    json:
                        #"{"title": "\#(title)", "quarter": "\#(quarter)", "needItemIds": [\#(items.map { "\"\($0)\"" }.joined(separator: ", "))], "plannedOn": "2024-02-01"}"#
                )
            }
            let first = try await milestone("Every family sleeps on a new mattress", "2024-Q2", [itemIds[0]])
            #expect(first.status == .created, "\(first.body)")
            #expect(try await milestone("Kitchens equipped", "2024-Q3", [itemIds[1]]).status == .created)
            #expect(try await milestone("Kindergarten reopens", "2026-Q4", [itemIds[2]]).status == .created)
            // Each milestone is announced, the first one being what the needs-assessment cycle waits for.
            let planned = try await service.outboxEvents(MilestonePlanned.self)
            #expect(planned.map(\.quarter) == ["2024-Q2", "2024-Q3", "2026-Q4"])
            #expect(planned.first?.communityId.uuidString.lowercased() == world.kfarAza.lowercased())
            #expect(planned.first?.needItemIds == [itemIds[0]])
            #expect(planned.first?.plannedOn.description == "2024-02-01")
            // 2027-Q2 is twelve quarters after 2024-Q2: past three years.
            let late = try await milestone("Too late", "2027-Q2", [])
            #expect(late.status == .unprocessableContent)
            #expect(try late.invalidFields() == ["quarter"])
            #expect(try await milestone("Someone else's", "2025-Q1", [UUID().uuidString]).status == .unprocessableContent)
            #expect(try await milestone("Bad quarter", "2025-Q5", []).status == .unprocessableContent)

            let id = try #require(try first.object()["id"] as? String)
            #expect(
                try await client.send(.post, "/milestones/\(id)/status", json: #"{"status": "under-way", "on": "2024-04-02"}"#).status
                    == .ok)
            let done = try await client.send(.post, "/milestones/\(id)/status", json: #"{"status": "done", "on": "2024-06-20"}"#)
            #expect(done.status == .ok)
            let history = try #require(try done.object()["history"] as? [[String: Any]])
            #expect(history.map { $0["status"] as? String } == ["planned", "under-way", "done"])
            #expect(history.map { $0["on"] as? String } == ["2024-02-01", "2024-04-02", "2024-06-20"])
            #expect(
                try await client.send(.post, "/milestones/\(id)/status", json: #"{"status": "dropped", "on": "2024-07-01"}"#).status
                    == .conflict)

            let map = try await client.send(.get, "/communities/\(world.kfarAza)/road-map").object()
            let quarters = try #require(map["quarters"] as? [[String: Any]])
            #expect(quarters.map { $0["quarter"] as? String } == ["2024-Q2", "2024-Q3", "2026-Q4"])
            #expect(map["from"] as? String == "2024-Q2" && map["to"] as? String == "2026-Q4")
        }
    }
}
