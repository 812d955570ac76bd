import CommunityRegistry
import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import ServiceKit
import ServiceTestSupport
import Testing

/// Funding through the API, as the Financial Tracking Service counts it: pledged, committed,
/// paid, money never counted twice, a need never funded past its cost, and the
/// Communities2Gether pairing's yearly promise followed year by year.
@Suite("Funding that is never counted twice", .serialized)
struct FundingServiceTests {
    /// Kfar Aza with its first assessment submitted; the items' ids by description.
    struct Funded {
        var world: NeedsServiceTests.World
        var items: [String: String]
        var mattresses: String { items["Mattresses for the families in Shefayim"] ?? "" }
        var kindergarten: String { items["Rebuild the kindergarten"] ?? "" }
    }

    static func makeFunded(_ client: some TestClientProtocol) async throws -> Funded {
        let world = try await NeedsServiceTests.makeWorld(client)
        let assessment = try await NeedsServiceTests.submit(client, community: world.kfarAza, json: NeedsServiceTests.firstAssessment)
        var items: [String: String] = [:]
        for item in try NeedsServiceTests.items(assessment) {
            items[try #require(item["description"] as? String)] = try #require(item["id"] as? String)
        }
        return Funded(world: world, items: items)
    }

    static func flow(
        _ funder: String, kind: String, to community: String, item: String? = nil, amount: Int, currency: String = "ILS",
        status: String = "committed", on day: String = "2024-02-01"
    ) -> String {
        let target = item.map { #", "needItemId": "\#($0)""# } ?? ""
        return
            #"{"funder": {"kind": "\#(kind)", "name": "\#(funder)"}, "communityId": "\#(community)"\#(target), "amount": {"amount": \#(amount), "currency": "\#(currency)"}, "status": "\#(status)", "on": "\#(day)"}"#
    }

    @Test(
        "commitments up to an item's cost are accepted; the one past it is refused with a problem naming the item, its cost and who committed"
    )
    func commitmentsUpToTheCost() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let funded = try await Self.makeFunded(client)
            let kfarAza = funded.world.kfarAza
            let tekuma = try await client.send(
                .post, "/funding-flows",
                json: Self.flow("Tekuma Authority", kind: "governmentBody", to: kfarAza, item: funded.mattresses, amount: 20_000_000))
            #expect(tekuma.status == .created, "\(tekuma.body)")
            let eshkol = try await client.send(
                .post, "/funding-flows",
                json: Self.flow("Eshkol Regional Council", kind: "municipality", to: kfarAza, item: funded.mattresses, amount: 16_000_000))
            #expect(eshkol.status == .created, "\(eshkol.body)")
            let past = try await client.send(
                .post, "/funding-flows",
                json: Self.flow("Friends of Kfar Aza", kind: "otherDonor", to: kfarAza, item: funded.mattresses, amount: 1))
            #expect(past.status == .conflict)
            let detail = try #require(try past.object()["detail"] as? String)
            #expect(detail.contains(funded.mattresses) && detail.contains("Mattresses for the families in Shefayim"))
            #expect(detail.contains("36000000 ILS"))
            #expect(detail.contains("36000000 is already committed"))
            #expect(
                detail.contains("20000000 by Tekuma Authority (governmentBody")
                    && detail.contains("16000000 by Eshkol Regional Council (municipality"))
            #expect(past.headers[.contentType] == "application/problem+json")

            // Never converted: a flow to a shekel item is in shekels.
            let dollars = try await client.send(
                .post, "/funding-flows",
                json: Self.flow("Friends of Kfar Aza", kind: "otherDonor", to: kfarAza, item: funded.mattresses, amount: 5, currency: "USD")
            )
            #expect(dollars.status == .unprocessableContent)
            #expect(try dollars.invalidFields() == ["amount.currency"])
            // An item of another community, an unknown one, a bad funder kind.
            let elsewhere = try await client.send(
                .post, "/funding-flows",
                json: Self.flow(
                    "Tekuma Authority", kind: "governmentBody", to: funded.world.desMoines, item: funded.kindergarten, amount: 5,
                    currency: "USD"))
            #expect(try elsewhere.invalidFields() == ["needItemId"])
            #expect(
                try await client.send(.post, "/funding-flows", json: Self.flow("X", kind: "alien", to: kfarAza, amount: 5)).invalidFields()
                    == ["funder.kind"])

            let committed = try await service.outboxEvents(FundingCommitted.self)
            #expect(committed.map(\.committed.amount) == [20_000_000, 16_000_000])
            #expect(committed.allSatisfy { $0.needItemId == funded.mattresses && $0.committed.currency == "ILS" })
        }
    }

    @Test("50 concurrent commitments against one item: one wins each time, and together they never exceed its cost")
    func concurrentCommitments() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let funded = try await Self.makeFunded(client)
            let kfarAza = funded.world.kfarAza
            let item = funded.mattresses
            // 36,000,000 agorot of mattresses; fifty funders offer 1,000,000 each at once.
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        try await client.send(
                            .post, "/funding-flows",
                            json: Self.flow("Donor \(index)", kind: "otherDonor", to: kfarAza, item: item, amount: 1_000_000)
                        ).status
                    }
                }
                var statuses: [HTTPResponse.Status] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(statuses.filter { $0 == .created }.count == 36)
            #expect(statuses.filter { $0 == .conflict }.count == 14)
            #expect(statuses.allSatisfy { $0 == .created || $0 == .conflict })
            let flows = try #require(
                try await client.send(.get, "/funding-flows?needItem=\(item)&limit=1000").object()["flows"] as? [[String: Any]])
            let committed = flows.compactMap { $0["committed"] as? Int }.reduce(0, +)
            #expect(committed == 36_000_000)
            #expect(flows.count == 36)
        }
    }

    @Test("a pledge is committed, then paid in parts; paid above committed is refused; the history keeps every change")
    func paidNeverAboveCommitted() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let funded = try await Self.makeFunded(client)
            let pledge = try await client.send(
                .post, "/funding-flows",
                json: Self.flow(
                    "Jewish Federation of Greater Des Moines", kind: "federation", to: funded.world.kfarAza, item: funded.kindergarten,
                    amount: 50_000_000, currency: "USD", status: "pledged", on: "2024-02-01"))
            #expect(pledge.status == .created, "\(pledge.body)")
            let location = try #require(pledge.headers[.location])
            func change(_ json: String) async throws -> HTTPExchange { try await client.send(.post, "\(location)/transitions", json: json) }

            #expect(try await change(#"{"status": "paid", "on": "2024-03-01", "amount": 1}"#).status == .conflict)
            let committed = try await change(#"{"status": "committed", "on": "2024-03-01", "amount": 40000000}"#)
            #expect(committed.status == .ok, "\(committed.body)")
            #expect(try committed.object()["committed"] as? Int == 40_000_000)
            #expect(try await change(#"{"status": "paid", "on": "2024-04-01", "amount": 25000000}"#).status == .ok)
            let over = try await change(#"{"status": "paid", "on": "2024-05-01", "amount": 20000000}"#)
            #expect(over.status == .conflict)
            #expect(
                try over.object()["detail"] as? String
                    == "Paid never exceeds committed: 40000000 is committed and 25000000 paid already, so at most 15000000 more can be paid, not 20000000."
            )
            #expect(try await change(#"{"status": "paid", "on": "2024-03-15"}"#).status == .unprocessableContent)
            let rest = try await change(#"{"status": "paid", "on": "2024-06-01"}"#)
            #expect(rest.status == .ok)
            let flow = try rest.object()
            #expect(flow["status"] as? String == "paid" && flow["paid"] as? Int == 40_000_000)
            let history = try #require(flow["history"] as? [[String: Any]])
            #expect(history.map { $0["status"] as? String } == ["pledged", "committed", "paid", "paid"])
            #expect(history.map { $0["amount"] as? Int } == [50_000_000, 40_000_000, 25_000_000, 15_000_000])
            #expect(history.map { $0["on"] as? String } == ["2024-02-01", "2024-03-01", "2024-04-01", "2024-06-01"])
            #expect(try await change(#"{"status": "paid", "on": "2024-07-01"}"#).status == .conflict)
            #expect(try await change(#"{"status": "pledged", "on": "2024-07-01"}"#).status == .unprocessableContent)
            #expect(
                try await client.send(.post, "/funding-flows/\(UUID())/transitions", json: #"{"status": "paid", "on": "2024-07-01"}"#)
                    .status == .notFound)
        }
    }

    @Test("pledges are shown but not counted as funded; an overlapping pledge is accepted and announced")
    func pledgesAndOverlaps() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let funded = try await Self.makeFunded(client)
            let kfarAza = funded.world.kfarAza
            #expect(
                try await client.send(
                    .post, "/funding-flows",
                    json: Self.flow("Tekuma Authority", kind: "governmentBody", to: kfarAza, item: funded.mattresses, amount: 36_000_000)
                ).status == .created)
            let pledge = try await client.send(
                .post, "/funding-flows",
                json: Self.flow(
                    "Friends of Kfar Aza", kind: "otherDonor", to: kfarAza, item: funded.mattresses, amount: 15_000_000, status: "pledged"))
            #expect(pledge.status == .created)
            let overlaps = try await service.outboxEvents(FundingOverlapDetected.self)
            #expect(overlaps.count == 1)
            #expect(overlaps.first?.pledgedAndCommitted == 51_000_000)
            #expect(overlaps.first?.estimatedCost == Money(amount: 36_000_000, currency: "ILS"))
            #expect(overlaps.first?.flows.map(\.funderName) == ["Tekuma Authority", "Friends of Kfar Aza"])
            // What the item is, for the coordinators' notice.
            #expect(overlaps.first?.needDescription == "Mattresses for the families in Shefayim")
            // The pledge cannot become a commitment: the item is fully committed.
            let location = try #require(pledge.headers[.location])
            #expect(
                try await client.send(.post, "\(location)/transitions", json: #"{"status": "committed", "on": "2024-03-01"}"#).status
                    == .conflict)

            let report = try await client.send(.get, "/reports/funding?by=community")
            let rows = try #require(try report.object()["rows"] as? [[String: Any]])
            let shekels = try #require(rows.first { $0["key"] as? String == kfarAza && $0["currency"] as? String == "ILS" })
            #expect(shekels["pledged"] as? Int == 15_000_000)
            #expect(shekels["committed"] as? Int == 36_000_000)
            #expect(shekels["needs"] as? Int == 48_500_000)
            #expect(shekels["gap"] as? Int == 12_500_000)
        }
    }

    @Test("a three-year pairing commitment is recorded once however often it is retried, and a short year is shown short")
    func pairingCommitment() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let world = try await NeedsServiceTests.makeWorld(client)
            let pairing = UUID().uuidString.lowercased()
            let terms = """
                {"pairingId": "\(pairing)", "supportingCommunityId": "\(world.desMoines)", "impactedCommunityId": "\(world.kfarAza)",
                 "amountPerYear": {"amount": 25000000, "currency": "USD"}, "years": 3, "confirmedAt": "2023-01-15T10:00:00Z"}
                """
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<5 { group.addTask { try await client.send(.post, "/pairing-commitments", json: terms).status } }
                var statuses: [HTTPResponse.Status] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .ok }.count == 4)
            let other = terms.replacingOccurrences(of: "25000000", with: "20000000")
            #expect(try await client.send(.post, "/pairing-commitments", json: other).status == .conflict)

            let flows = try #require(try await client.send(.get, "/funding-flows?pairing=\(pairing)").object()["flows"] as? [[String: Any]])
            #expect(flows.count == 3)
            #expect(flows.compactMap { $0["pairingYear"] as? Int }.sorted() == [1, 2, 3])
            #expect(flows.allSatisfy { $0["status"] as? String == "committed" && $0["committed"] as? Int == 25_000_000 })
            let events = try await service.outboxEvents(FundingCommitted.self)
            #expect(events.compactMap(\.pairingYear).sorted() == [1, 2, 3])
            #expect(events.allSatisfy { $0.funderName == "Des Moines" && $0.funderKind == "globalCommunity" && $0.pairingId == pairing })

            // Years one and two paid in full, year three $180,000 of $250,000.
            let byYear = Dictionary(
                uniqueKeysWithValues: flows.compactMap { flow in
                    (flow["pairingYear"] as? Int).map { ($0, flow["id"] as? String ?? "") }
                })
            for (year, amount, day) in [(1, 25_000_000, "2023-12-01"), (2, 25_000_000, "2024-12-01"), (3, 18_000_000, "2025-12-01")] {
                let paid = try await client.send(
                    .post, "/funding-flows/\(byYear[year] ?? "")/transitions",
                    json: #"{"status": "paid", "on": "\#(day)", "amount": \#(amount)}"#)
                #expect(paid.status == .ok, "\(paid.body)")
            }
            let read = try await client.send(.get, "/pairing-commitments/\(pairing)?asOf=2026-06-01").object()
            let years = try #require(read["years"] as? [[String: Any]])
            #expect(years.map { $0["standing"] as? String } == ["met", "met", "short"])
            #expect(years.map { $0["shortBy"] as? Int } == [0, 0, 7_000_000])
            #expect(years.map { $0["from"] as? String } == ["2023-01-15", "2024-01-15", "2025-01-15"])
            #expect(read["promised"] as? Int == 75_000_000 && read["committed"] as? Int == 75_000_000 && read["paid"] as? Int == 68_000_000)
            let during = try await client.send(.get, "/pairing-commitments/\(pairing)?asOf=2025-06-01").object()
            #expect((during["years"] as? [[String: Any]])?.map { $0["standing"] as? String } == ["met", "met", "in-progress"])
            #expect(try await client.send(.get, "/pairing-commitments/\(UUID())").status == .notFound)
            #expect(try await client.send(.get, "/pairing-commitments/\(pairing)?asOf=soon").status == .badRequest)
        }
    }

    @Test("a pairing matching confirms carries its commitment into the registry as committed flows, once however often the event comes")
    func pairingConfirmedByMatching() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let world = try await NeedsServiceTests.makeWorld(client)
            let pairing = UUID()
            let confirmed = PairingConfirmed(
                pairingId: pairing, runId: UUID(), program: .communities2gether,
                impactedCommunityId: try #require(UUID(uuidString: world.kfarAza)),
                supportingCommunityId: try #require(UUID(uuidString: world.desMoines)),
                commitment: .init(
                    amountPerYear: Money(amount: 25_000_000, currency: "USD"), years: 3,
                    startsOn: try #require(CalendarDate(parsing: "2025-01-01"))),
                confirmedBy: "agency-coordinator-7", confirmedAt: Date(timeIntervalSince1970: 1_735_725_600))
            let messageID = UUID()
            try await service.publish(confirmed, messageID: messageID)
            try await service.publish(confirmed, messageID: messageID)
            try await service.publish(confirmed)
            let pairingText = pairing.uuidString.lowercased()
            try await service.waitUntil("the pairing's three years are committed") {
                let flows = try await client.send(.get, "/funding-flows?pairing=\(pairingText)").object()["flows"] as? [[String: Any]]
                return flows?.count == 3
            }
            // The redelivered and the repeated event have been handled by now, and added nothing.
            try await service.waitUntil("every delivery is handled") {
                try await service.count("SELECT count(*)::int8 FROM inbox") >= 2
            }
            let flows = try #require(
                try await client.send(.get, "/funding-flows?pairing=\(pairingText)").object()["flows"] as? [[String: Any]])
            #expect(flows.count == 3)
            #expect(flows.allSatisfy { $0["status"] as? String == "committed" && $0["committed"] as? Int == 25_000_000 })
            #expect(try await service.outboxEvents(FundingCommitted.self).filter { $0.pairingId == pairingText }.count == 3)
            #expect(try await service.takeParked().isEmpty)
        }
    }
}
