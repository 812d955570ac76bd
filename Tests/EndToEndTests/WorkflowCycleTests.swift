import AMQP
import Contracts
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The needs-assessment cycle across the four executables, its durations shortened to seconds:
/// impacted communities enrolled by command, matched and auto-confirmed, teams formed, kickoffs
/// scheduled and reminded, assessments, road maps and commitments through the registry, one
/// reassessment, the close; every e-mail in the SMTP server's store once, the one overdue
/// assessment escalated once.
@Suite("Needs-assessment cycle end to end")
struct WorkflowCycleTests {
    static let pairs = 25

    struct Cycle: Decodable {
        struct Step: Decodable {
            let step: String
            let occurrence: Int
            let status: String
        }
        struct Entry: Decodable {
            let step: String
            let occurrence: Int
            let what: String
        }
        let id: UUID
        let impactedCommunityId: UUID
        let teamId: UUID?
        let stage: String
        let closedAt: String?
        let steps: [Step]
        let timeline: [Entry]

        func status(_ step: String, _ occurrence: Int = 0) -> String? {
            steps.first { $0.step == step && $0.occurrence == occurrence }?.status
        }
    }

    struct Page: Decodable {
        struct Item: Decodable {
            let id: UUID
            let impactedCommunityId: UUID
            let stage: String
        }
        let total: Int
        let items: [Item]
    }

    /// A stored e-mail: to whom, about what, its Message-ID.
    struct Mail: Hashable {
        let address: String
        let subject: String
        let messageID: String
    }

    static func mails(run: String) throws -> [Mail] {
        let folder = try LocalStack.setting("P2G_STACK_SMTP_STORE")
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".eml") }.compactMap { name in
            let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
            let lines = text.components(separatedBy: "\r\n")
            guard let to = lines.first(where: { $0.hasPrefix("Delivered-To: cycle-\(run)-") }) else { return nil }
            return Mail(
                address: String(to.dropFirst("Delivered-To: ".count)),
                subject: lines.first { $0.hasPrefix("Subject: ") }.map { String($0.dropFirst("Subject: ".count)) } ?? "",
                messageID: lines.first { $0.hasPrefix("Message-ID: ") } ?? name)
        }
    }

    @Test(
        "25 impacted communities from enrolment to the close: matched, teams formed, kickoffs reminded, assessments, road maps, commitments, one reassessment; every e-mail once, the overdue assessment escalated once"
    )
    func wholeCycle() async throws {
        try await runCycle(faults: false)
    }

    @Test(
        "the same with each service killed with SIGKILL in turn and RabbitMQ restarted in the middle: the same end state, no step done twice, no e-mail sent twice"
    )
    func wholeCycleThroughFaults() async throws {
        try await runCycle(faults: true)
    }

    private func runCycle(faults: Bool, testName: String = #function) async throws {
        try await TestSystem.run(testName) { system in
            let run = UUID().uuidString.prefix(8).lowercased()
            let workflow = [
                "P2G_WORKFLOW_MATCHING_DELAY": "3s", "P2G_WORKFLOW_AUTO_CONFIRM": "communities2gether",
                "P2G_WORKFLOW_MEETING_REMINDER": "30d", "P2G_WORKFLOW_ASSESSMENT_DUE": "45s", "P2G_WORKFLOW_ESCALATE_AFTER": "5s",
                "P2G_WORKFLOW_ROAD_MAP_DUE": "1h", "P2G_WORKFLOW_FUNDING_DUE": "1h", "P2G_WORKFLOW_REASSESSMENT_EVERY": "90s",
                "P2G_WORKFLOW_CYCLE": "150s",
            ]
            let mail = [
                "P2G_SMTP_URL": try LocalStack.setting("P2G_SMTP_URL"), "P2G_SMTP_RATE": "500",
                // A Tuesday, 17:00 in Jerusalem and 09:00 in Chicago: no Shabbat, nobody's night,
                // whenever the test runs.
                "P2G_NOTIFICATIONS_CLOCK": "2026-12-08T15:00:00Z", "P2G_DELIVERY_RETRY_BASE": "200ms",
            ]
            var registry = try await system.start(.registry)
            var matching = try await system.start(.matching, environment: workflow)
            var scheduling = try await system.start(.scheduling)
            var notifications = try await system.start(.notifications, environment: mail)

            // Communities: impacted ones at even indices, supporting ones at odd; two volunteers
            // of each, and two Agency staff for each pair.
            var impacted: [UUID] = []
            var volunteers: [UUID: [String]] = [:]
            var agency: [UUID: [String]] = [:]
            for index in 0..<(2 * Self.pairs) {
                let answer = try await RegistryClient(registry).register(SampleCommunities.registration(index, prefix: "Cycle \(run)"))
                #expect(answer.status == 201, "\(answer.text)")
                let community = try RegistryClient.communityID(answer)
                let israeli = index % 2 == 0
                if israeli { impacted.append(community) }
                for person in 0..<(israeli ? 4 : 2) {
                    let address = "cycle-\(run)-c\(index)-v\(person)@example.org"
                    let roles = person >= 2 ? ["agency-staff"] : ["steering-committee"]
                    let answer = try await HTTPClient.post(
                        "\(registry.baseURL)/volunteers",
                        body: Data(
                            """
                            {"name": "Volunteer \(index)-\(person)", "homeCommunityId": "\(community.uuidString.lowercased())",
                             "languages": ["en", "he"], "timeZone": "\(israeli ? "Asia/Jerusalem" : "America/Chicago")",
                             "roles": \(roles.description),
                             "contactChannels": [{"kind": "email", "address": "\(address)", "consent": {"given": true, "at": "2026-11-01T09:30:00Z"}}]}
                            """.utf8))
                    #expect(answer.status == 201, "\(answer.text)")
                    if person >= 2 {
                        agency[community, default: []].append(address)
                    } else {
                        volunteers[community, default: []].append(address)
                    }
                }
            }
            let matchingDatabase = try await system.database(for: .matching).client
            try await system.waitUntil("matching holds the communities and volunteers") {
                (
                    try await matchingDatabase.query("SELECT count(*) FROM candidate_communities")[0].decode(Int.self, at: 0),
                    try await matchingDatabase.query("SELECT count(*) FROM volunteers")[0].decode(Int.self, at: 0)
                )
            } _: {
                $0.0 == 2 * Self.pairs && $0.1 == 6 * Self.pairs
            }

            // An outside automation enrols each impacted community by command.
            for community in impacted {
                try await system.publisher.publishConfirmed(
                    AMQPMessage(
                        exchange: MessagingNames.commandsExchange, routingKey: RequestNeedsAssessment.commandType.description,
                        body: Array(try ContractCoding.encode(RequestNeedsAssessment(impactedCommunityId: community))),
                        properties: AMQPProperties(
                            contentType: "application/json", deliveryMode: .persistent,
                            correlationID: "cycle-\(community.uuidString.lowercased())", messageID: UUID().uuidString.lowercased(),
                            timestamp: Date(), type: RequestNeedsAssessment.commandType.description, appID: "automation")))
            }
            if faults {
                matching.kill()
                _ = try await matching.waitForExit()
                matching = try await system.start(.matching, environment: workflow)
            }

            func cycles() async throws -> [Cycle] {
                let page = try await HTTPClient.get("\(matching.baseURL)/workflows?limit=1000").json(Page.self)
                var all: [Cycle] = []
                for item in page.items {
                    all.append(
                        try await HTTPClient.get("\(matching.baseURL)/workflows/\(item.id.uuidString.lowercased())").json(Cycle.self))
                }
                return all
            }
            try await system.waitUntil("every cycle has its kickoff scheduled", timeout: .seconds(240)) {
                try await HTTPClient.get("\(matching.baseURL)/workflows?limit=1000").json(Page.self).items
            } _: { items in
                items.count == Self.pairs && items.allSatisfy { $0.stage == "needsAssessment" }
            }
            if faults {
                scheduling.kill()
                _ = try await scheduling.waitForExit()
                scheduling = try await system.start(.scheduling)
                registry.kill()
                _ = try await registry.waitForExit()
                registry = try await system.start(.registry)
            }

            // Every team but the last submits its assessment, plans a milestone and gets funding
            // committed against it; the last is late.
            let late = try #require(impacted.last)
            func assess(_ community: UUID, reassessing previous: String? = nil) async throws -> (assessment: String, item: String) {
                let reassesses = previous.map { #""reassesses": "\#($0)", "# } ?? ""
                let recorded = try await HTTPClient.post(
                    "\(registry.baseURL)/communities/\(community.uuidString.lowercased())/needs-assessments",
                    body: Data(
                        """
                        {\(reassesses)"assessedOn": "2026-12-07", "items": [{"horizon": "immediate", "sector": "housing",
                         "description": "Mattresses for the returning families", "language": "en", "quantity": 40, "unit": "mattress",
                         "estimatedCost": {"amount": 3600000, "currency": "USD"}}]}
                        """.utf8))
                #expect(recorded.status == 201, "\(recorded.text)")
                let object = try #require(try JSONSerialization.jsonObject(with: recorded.body) as? [String: Any])
                let assessment = try #require(object["id"] as? String)
                let item = try #require((object["items"] as? [[String: Any]])?.first?["id"] as? String)
                let submitted = try await HTTPClient.post("\(registry.baseURL)/needs-assessments/\(assessment)/submission", body: Data())
                #expect(submitted.status == 200, "\(submitted.text)")
                return (assessment, item)
            }
            func roadMapAndFunding(_ community: UUID, item: String) async throws {
                let milestone = try await HTTPClient.post(
                    "\(registry.baseURL)/communities/\(community.uuidString.lowercased())/milestones",
                    body: Data(
                        #"{"title": "Every returning family sleeps in its own bed", "quarter": "2027-Q1", "needItemIds": ["\#(item)"], "plannedOn": "2026-12-07"}"#
                            .utf8))
                #expect(milestone.status == 201, "\(milestone.text)")
                let flow = try await HTTPClient.post(
                    "\(registry.baseURL)/funding-flows",
                    body: Data(
                        #"{"funder": {"kind": "federation", "name": "Jewish Federation of Greater Des Moines"}, "communityId": "\#(community.uuidString.lowercased())", "needItemId": "\#(item)", "amount": {"amount": 1800000, "currency": "USD"}, "status": "committed", "on": "2026-12-07"}"#
                            .utf8))
                #expect(flow.status == 201, "\(flow.text)")
            }
            var assessments: [UUID: String] = [:]
            for community in impacted where community != late {
                let (assessment, item) = try await assess(community)
                assessments[community] = assessment
                try await roadMapAndFunding(community, item: item)
            }
            if faults { try await LocalStack.restart(.rabbitmq) }

            // The late team is reminded, then its Agency members are told; then it submits too.
            let lateCycle = try await system.waitUntil("the late assessment is escalated", timeout: .seconds(180)) {
                try await cycles().first { $0.impactedCommunityId == late }
            } _: {
                $0?.status("needsAssessment") == "escalated"
            }
            let (lateAssessment, lateItem) = try await assess(late)
            assessments[late] = lateAssessment
            try await roadMapAndFunding(late, item: lateItem)
            if faults {
                notifications.kill()
                _ = try await notifications.waitForExit()
                notifications = try await system.start(.notifications, environment: mail)
            }

            // Six months (ninety seconds) on, each team is asked to reassess, and does.
            try await system.waitUntil("every cycle asks for its reassessment", timeout: .seconds(240)) {
                try await cycles()
            } _: { all in
                all.count == Self.pairs && all.allSatisfy { $0.status("reassessment", 1) != nil }
            }
            for community in impacted {
                _ = try await assess(community, reassessing: assessments[community])
            }
            let closed = try await system.waitUntil("every cycle closes", timeout: .seconds(240)) {
                try await cycles()
            } _: { all in
                all.count == Self.pairs && all.allSatisfy { $0.closedAt != nil }
            }

            // The end state: every step done once, the late one overdue and escalated once.
            for cycle in closed {
                for step in ["enrolment", "matching", "jointTeam", "kickoffMeeting", "needsAssessment", "roadMap", "fundingCommitment"] {
                    #expect(cycle.status(step) == "done", "\(cycle.impactedCommunityId) \(step)")
                    #expect(cycle.timeline.filter { $0.step == step && $0.what == "done" }.count == 1, "\(step) done twice")
                }
                #expect(cycle.status("reassessment", 1) == "done")
                #expect(cycle.stage == "closing")
                let overdue = cycle.timeline.filter { $0.what == "overdue" }.count
                let escalated = cycle.timeline.filter { $0.what == "escalated" }.count
                #expect(overdue == (cycle.id == lateCycle?.id ? 1 : 0))
                #expect(escalated == (cycle.id == lateCycle?.id ? 1 : 0))
            }

            // The e-mails: each member told of the kickoff, the reassessment and the close once;
            // the late team reminded once, its Agency members told once; nothing twice.
            let lateTeam = try #require(closed.first { $0.impactedCommunityId == late }?.teamId)
            let teamMembers = try await matchingDatabase.query(
                "SELECT count(*) FROM joint_team_members WHERE team_id = \(lateTeam)")[0].decode(Int.self, at: 0)
            #expect(teamMembers == 6)
            let expected = 3 * 6 * Self.pairs + 6 + 2
            let stored = try await system.waitUntil("every workflow e-mail is in the SMTP server's store", timeout: .seconds(180)) {
                try Self.mails(run: run)
            } _: { mails in
                Set(mails.filter { Self.isWorkflowMail($0.subject) }).count >= expected
            }
            // A message the server took just before a kill, and not yet recorded as sent, goes
            // again with the same Message-ID: the same e-mail, counted once.
            let workflowMails = Array(Set(stored.filter { Self.isWorkflowMail($0.subject) }))
            #expect(workflowMails.count == expected)
            let bySubject = Dictionary(grouping: workflowMails, by: \.subject).mapValues(\.count)
            #expect(bySubject["Your joint team's kickoff meeting is coming up"] == 6 * Self.pairs)
            #expect(bySubject["Time to reassess your community's needs"] == 6 * Self.pairs)
            #expect(bySubject["Your pairing's three-year cycle has closed"] == 6 * Self.pairs)
            #expect(bySubject["Overdue: The needs assessment"] == 6)
            #expect(bySubject["Escalated to you: The needs assessment is overdue"] == 2)
            let escalatedTo = Set(workflowMails.filter { $0.subject.hasPrefix("Escalated") }.map(\.address))
            #expect(escalatedTo.count == 2 && escalatedTo.isSubset(of: Set(agency.values.flatMap { $0 })), "\(escalatedTo)")
            let twice = Dictionary(grouping: Set(stored), by: { "\($0.address) \($0.subject)" }).filter { $0.value.count > 1 }
            #expect(twice.isEmpty, "e-mails sent twice: \(twice.keys.sorted().prefix(5))")
            #expect(Set(volunteers.values.flatMap { $0 }).isSubset(of: Set(stored.map(\.address))), "a volunteer had no e-mail")
            try system.checkProcesses()
        }
    }

    static func isWorkflowMail(_ subject: String) -> Bool {
        [
            "Your joint team's kickoff meeting is coming up", "Time to reassess your community's needs",
            "Your pairing's three-year cycle has closed", "Overdue: ", "Escalated to you: ",
        ].contains { subject.hasPrefix($0) }
    }
}
