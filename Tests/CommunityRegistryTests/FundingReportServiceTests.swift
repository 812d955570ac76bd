import CommunityRegistry
import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import ServiceKit
import ServiceTestSupport
import Testing

/// The reports through the API: needs against funding per community, partnership and sector,
/// and who funds what where, checked against sums the test keeps itself as it records each
/// need and flow.
@Suite("Funding reports and access to needs and funding", .serialized)
struct FundingReportServiceTests {
    /// What the test recorded, one line per need or flow: the report's cells.
    struct Cell {
        var community: String
        var sector: String
        var currency: String
        var needs = 0
        var pledged = 0
        var committed = 0
        var paid = 0
    }

    struct Totals: Hashable, CustomStringConvertible {
        var key: String
        var currency: String
        var needs: Int
        var pledged: Int
        var committed: Int
        var paid: Int
        var gap: Int
        var description: String { "\(key) \(currency): \(needs) \(pledged) \(committed) \(paid) \(gap)" }
    }

    static func sums(_ cells: [Cell], key: (Cell) -> String?) -> Set<Totals> {
        var totals: [String: Totals] = [:]
        for cell in cells {
            guard let group = key(cell) else { continue }
            var total =
                totals["\(group)|\(cell.currency)"]
                ?? Totals(key: group, currency: cell.currency, needs: 0, pledged: 0, committed: 0, paid: 0, gap: 0)
            total.needs += cell.needs
            total.pledged += cell.pledged
            total.committed += cell.committed
            total.paid += cell.paid
            total.gap = total.needs - total.committed
            totals["\(group)|\(cell.currency)"] = total
        }
        return Set(totals.values)
    }

    static func reported(_ rows: [[String: Any]]) -> Set<Totals> {
        Set(
            rows.map {
                Totals(
                    key: $0["key"] as? String ?? "", currency: $0["currency"] as? String ?? "", needs: $0["needs"] as? Int ?? -1,
                    pledged: $0["pledged"] as? Int ?? -1, committed: $0["committed"] as? Int ?? -1, paid: $0["paid"] as? Int ?? -1,
                    gap: $0["gap"] as? Int ?? -1)
            })
    }

    @Test("reports per community, partnership and sector, as JSON and CSV, equal the sums the test computes; 4W carries HXL hashtags")
    func reportsEqualIndependentSums() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let world = try await NeedsServiceTests.makeWorld(client)
            let nahalOz = try await client.register(
                SampleCommunity.israeli("Nahal Oz", hebrew: "נחל עוז", region: "Western Negev", 31.4736, 34.4972))
            var cells: [Cell] = []
            func assess(_ community: String, _ items: [(String, Int, String)]) async throws -> [String] {
                let json =
                    #"{"assessedOn": "2024-01-20", "items": [\#(items.map { NeedsServiceTests.item($0.0, 1, $0.1, $0.2) }.joined(separator: ", "))]}"#
                let assessment = try await NeedsServiceTests.submit(client, community: community, json: json)
                for (sector, cost, currency) in items {
                    cells.append(Cell(community: community, sector: sector, currency: currency, needs: cost))
                }
                return try NeedsServiceTests.items(assessment).compactMap { $0["id"] as? String }
            }
            let kfarAzaItems = try await assess(
                world.kfarAza, [("housing", 36_000_000, "ILS"), ("welfare", 12_500_000, "ILS"), ("education", 150_000_000, "USD")])
            let nahalOzItems = try await assess(nahalOz, [("infrastructure", 20_000_000, "ILS"), ("culture", 3_000_000, "EUR")])
            // A draft reassessment of Kfar Aza is not counted until it is submitted.
            let draft = try await client.send(
                .post, "/communities/\(world.kfarAza)/needs-assessments",
                json:
                    #"{"reassesses": "\#(try await Self.latest(client, world.kfarAza))", "assessedOn": "2024-06-01", "items": [\#(NeedsServiceTests.item("health", 1, 80_000_000, "ILS"))]}"#
            )
            #expect(draft.status == .created, "\(draft.body)")

            func flow(_ community: String, item: String?, sector: String, _ amount: Int, _ currency: String, status: String, paid: Int = 0)
                async throws
            {
                let answer = try await client.send(
                    .post, "/funding-flows",
                    json: FundingServiceTests.flow(
                        "Funder", kind: "otherDonor", to: community, item: item, amount: amount, currency: currency, status: status))
                #expect(answer.status == .created, "\(answer.body)")
                if paid > 0 {
                    let location = try #require(answer.headers[.location])
                    #expect(
                        try await client.send(
                            .post, "\(location)/transitions", json: #"{"status": "paid", "on": "2024-03-01", "amount": \#(paid)}"#
                        ).status == .ok)
                }
                cells.append(
                    Cell(
                        community: community, sector: sector, currency: currency, pledged: status == "pledged" ? amount : 0,
                        committed: status == "committed" ? amount : 0, paid: paid))
            }
            try await flow(world.kfarAza, item: kfarAzaItems[0], sector: "housing", 20_000_000, "ILS", status: "committed", paid: 5_000_000)
            try await flow(world.kfarAza, item: kfarAzaItems[1], sector: "welfare", 4_000_000, "ILS", status: "pledged")
            try await flow(
                world.kfarAza, item: kfarAzaItems[2], sector: "education", 60_000_000, "USD", status: "committed", paid: 60_000_000)
            try await flow(nahalOz, item: nahalOzItems[0], sector: "infrastructure", 7_000_000, "ILS", status: "committed")
            try await flow(nahalOz, item: nil, sector: "unassigned", 1_000_000, "EUR", status: "pledged")
            try await flow(world.desMoines, item: nil, sector: "unassigned", 2_500_000, "USD", status: "committed", paid: 1_000_000)
            let pairing = try await client.send(
                .post, "/pairing-commitments",
                json: """
                    {"pairingId": "\(UUID())", "supportingCommunityId": "\(world.desMoines)", "impactedCommunityId": "\(world.kfarAza)",
                     "amountPerYear": {"amount": 25000000, "currency": "USD"}, "years": 3, "confirmedAt": "2024-02-01T00:00:00Z"}
                    """)
            #expect(pairing.status == .created, "\(pairing.body)")
            for _ in 0..<3 { cells.append(Cell(community: world.kfarAza, sector: "unassigned", currency: "USD", committed: 25_000_000)) }

            let members = Set([world.kfarAza, world.desMoines])
            let partnershipId = world.partnership.uuidString.lowercased()
            let expected: [String: Set<Totals>] = [
                "community": Self.sums(cells) { $0.community },
                "sector": Self.sums(cells) { $0.sector },
                "partnership": Self.sums(cells) { members.contains($0.community) ? partnershipId : nil },
            ]
            for (grouping, sums) in expected {
                let report = try await client.send(.get, "/reports/funding?by=\(grouping)")
                #expect(report.status == .ok)
                let rows = try #require(try report.object()["rows"] as? [[String: Any]])
                #expect(Self.reported(rows) == sums, "\(grouping)")

                let csv = try await client.send(.get, "/reports/funding?by=\(grouping)", headers: [.accept: "text/csv"])
                #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
                let lines = csv.body.split(separator: "\r\n").map {
                    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                }
                #expect(lines.first == [grouping, "name", "currency", "needs", "pledged", "committed", "paid", "gap"])
                let fromCSV = Set(
                    lines.dropFirst().map {
                        Totals(
                            key: $0[0], currency: $0[2], needs: Int($0[3]) ?? -1, pledged: Int($0[4]) ?? -1, committed: Int($0[5]) ?? -1,
                            paid: Int($0[6]) ?? -1, gap: Int($0[7]) ?? -1)
                    })
                #expect(fromCSV == sums, "\(grouping) as CSV")
            }

            let table = try await client.send(.get, "/reports/who-funds-what-where")
            #expect(table.status == .ok)
            #expect(table.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = table.body.split(separator: "\r\n").map(String.init)
            #expect(lines[0].hasPrefix("Funder,Funder type,Community,"))
            #expect(lines[1].hasPrefix("#org+funder+name,#org+funder+type,#loc+name,"))
            #expect(lines[1].contains("#sector") && lines[1].contains("#value+committed") && lines[1].contains("#currency"))
            #expect(lines.count == 2 + 9)
            #expect(lines.contains { $0.hasPrefix("Des Moines,globalCommunity,Kfar Aza,") })
            let json = try await client.send(.get, "/reports/who-funds-what-where?format=json")
            #expect((try json.object()["rows"] as? [Any])?.count == 9)
            #expect(try await client.send(.get, "/reports/funding?by=region").status == .badRequest)
            #expect(try await client.send(.get, "/reports/funding?format=xml").status == .badRequest)
        }
    }

    static func latest(_ client: some TestClientProtocol, _ community: String) async throws -> String {
        let versions = try #require(
            try await client.send(.get, "/communities/\(community)/needs-assessments").object()["assessments"] as? [[String: Any]])
        return try #require(versions.last?["id"] as? String)
    }

    static func bearer(_ role: Role, partnerships: [UUID]? = nil) async throws -> HTTPFields {
        [.authorization: "Bearer \(try await TestTokens.token(role, partnerships: partnerships))"]
    }

    @Test(
        "a partnership coordinator writes needs and funding for their own partnership's communities only; workflows read; acceptance and pairings are the Agency's"
    )
    func access() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let funded = try await FundingServiceTests.makeFunded(client)
            let kfarAza = funded.world.kfarAza
            let nahalOz = try await client.register(
                SampleCommunity.israeli("Nahal Oz", hebrew: "נחל עוז", region: "Western Negev", 31.4736, 34.4972))
            let coordinator = try await Self.bearer(.partnershipCoordinator, partnerships: [funded.world.partnership])
            let stranger = try await Self.bearer(.partnershipCoordinator, partnerships: [UUID()])
            let automation = try await Self.bearer(.automation)
            let volunteer = try await Self.bearer(.volunteer)

            let own = try await client.send(
                .post, "/communities/\(kfarAza)/needs-assessments",
                json:
                    #"{"reassesses": "\#(try await Self.latest(client, kfarAza))", "assessedOn": "2024-06-01", "items": [\#(NeedsServiceTests.item("housing", 1, 100, "ILS"))]}"#,
                headers: coordinator)
            #expect(own.status == .created, "\(own.body)")
            let ownId = try #require(try own.object()["id"] as? String)
            #expect(try await client.send(.post, "/needs-assessments/\(ownId)/submission", headers: coordinator).status == .ok)
            #expect(try await client.send(.post, "/needs-assessments/\(ownId)/acceptance", headers: coordinator).status == .forbidden)
            #expect(
                try await client.send(
                    .post, "/communities/\(nahalOz)/needs-assessments", json: NeedsServiceTests.firstAssessment, headers: coordinator
                ).status
                    == .forbidden)
            #expect(
                try await client.send(
                    .post, "/communities/\(kfarAza)/needs-assessments", json: NeedsServiceTests.firstAssessment, headers: stranger
                ).status
                    == .forbidden)
            let flow = FundingServiceTests.flow(
                "Tekuma Authority", kind: "governmentBody", to: kfarAza, item: funded.mattresses, amount: 1_000)
            #expect(try await client.send(.post, "/funding-flows", json: flow, headers: coordinator).status == .created)
            #expect(try await client.send(.post, "/funding-flows", json: flow, headers: stranger).status == .forbidden)
            #expect(try await client.send(.post, "/funding-flows", json: flow, headers: automation).status == .forbidden)
            #expect(
                try await client.send(
                    .post, "/funding-flows",
                    json: FundingServiceTests.flow("Tekuma Authority", kind: "governmentBody", to: nahalOz, amount: 1_000),
                    headers: coordinator
                ).status == .forbidden)
            let pairing = """
                {"pairingId": "\(UUID())", "supportingCommunityId": "\(funded.world.desMoines)", "impactedCommunityId": "\(kfarAza)",
                 "amountPerYear": {"amount": 25000000, "currency": "USD"}, "years": 3, "confirmedAt": "2024-02-01T00:00:00Z"}
                """
            #expect(try await client.send(.post, "/pairing-commitments", json: pairing, headers: coordinator).status == .forbidden)
            for path in [
                "/reports/funding", "/reports/who-funds-what-where", "/funding-flows", "/need-sectors", "/communities/\(kfarAza)/road-map",
            ] {
                #expect(try await client.send(.get, path, headers: automation).status == .ok, "\(path)")
                #expect(try await client.send(.get, path, headers: stranger).status == .ok, "\(path)")
                #expect(try await client.send(.get, path, headers: volunteer).status == .forbidden, "\(path)")
            }
            let anonymous = try #require(client as? AuthorizedTestClient).anonymous
            #expect(try await anonymous.send(.get, "/reports/funding").status == .unauthorized)
        }
    }
}
