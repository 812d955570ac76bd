import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ServiceKit
import ServiceTestSupport
import Testing

@testable import PairingMatching

/// The needs-assessment cycle's process manager, through the HTTP API and the commands, against
/// the real stack, with its durations shortened to seconds.
@Suite("Needs-assessment workflow", .serialized)
struct WorkflowServiceTests {
    typealias Sample = Communities2GetherSample

    /// A cycle as `GET /workflows/{id}` returns it.
    struct Cycle: Decodable {
        struct Step: Decodable {
            var step: String
            var occurrence: Int
            var status: String
            var dueAt: Date?
            var reason: String?
        }
        struct Entry: Decodable {
            var step: String
            var occurrence: Int
            var what: String
            var reason: String?
        }
        struct Due: Decodable {
            var step: String
            var overdue: Bool
        }
        var id: UUID
        var impactedCommunityId: UUID
        var correlationId: String
        var pairingId: UUID?
        var supportingCommunityId: UUID?
        var teamId: UUID?
        var kickoffAt: Date?
        var closedAt: Date?
        var summary: String?
        var stage: String
        var next: Due?
        var steps: [Step]
        var timeline: [Entry]

        func status(_ step: String, _ occurrence: Int = 0) -> String? {
            steps.first { $0.step == step && $0.occurrence == occurrence }?.status
        }
    }

    struct Page: Decodable {
        struct Item: Decodable {
            var id: UUID
            var impactedCommunityId: UUID
            var stage: String
            var next: Cycle.Due?
        }
        var total: Int
        var items: [Item]
    }

    static let fast = [
        "P2G_WORKFLOW_MATCHING_DELAY": "300ms", "P2G_WORKFLOW_AUTO_CONFIRM": "communities2gether",
        "P2G_WORKFLOW_MEETING_REMINDER": "2h", "P2G_WORKFLOW_ASSESSMENT_DUE": "1500ms", "P2G_WORKFLOW_ESCALATE_AFTER": "1s",
    ]

    // MARK: Helpers

    static func wholeSecond(_ instant: Date) -> Date { Date(timeIntervalSince1970: instant.timeIntervalSince1970.rounded(.down)) }

    /// What the scheduling service publishes when it places a team's kickoff at `startsAt`.
    static func kickoff(of team: UUID, at startsAt: Date, participants: [VolunteerRegistered]) -> ProgramScheduled {
        ProgramScheduled(
            programId: UUID(), kind: "joint-team-meeting", partnershipId: nil, teamId: team, titles: ["en": "Kickoff"],
            timeZone: "Asia/Jerusalem",
            sessions: [
                ScheduledSession(
                    sessionId: UUID(), occurrence: 1, titles: nil, startsAt: startsAt, endsAt: startsAt.addingTimeInterval(3600),
                    virtual: true, venueId: nil, timeZone: "Asia/Jerusalem", participantVolunteerIds: participants.map(\.volunteerId))
            ], scheduledAt: Date())
    }

    func post(_ client: any TestClientProtocol, _ uri: String, _ body: String, token: String? = nil) async throws -> (
        HTTPResponse.Status, String
    ) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            (response.status, String(buffer: response.body))
        }
    }

    func cycle(_ client: any TestClientProtocol, _ id: UUID) async throws -> Cycle? {
        try await client.execute(uri: "/workflows/\(id.uuidString.lowercased())", method: .get) { response in
            response.status == .ok ? try ContractCoding.decode(Cycle.self, from: Data(buffer: response.body)) : nil
        }
    }

    func waitFor(
        _ what: String, _ service: InProcessService, _ client: any TestClientProtocol, _ id: UUID, _ condition: (Cycle) -> Bool
    ) async throws -> Cycle {
        try await service.waitUntil(what) { try await cycle(client, id).map(condition) ?? false }
        return try #require(try await cycle(client, id))
    }

    func notices(_ service: InProcessService, _ kind: WorkflowNotice.Notice) async throws -> [WorkflowNotice] {
        try await service.outboxEvents(WorkflowNotice.self).filter { $0.notice == kind }
    }

    /// The volunteers a team of `impacted` and `supporting` is formed from: two of each
    /// community and two Agency staff, all speaking English.
    static func teamVolunteers(_ impacted: CommunityRegistered, _ supporting: CommunityRegistered) -> [VolunteerRegistered] {
        [
            Sample.volunteer(of: impacted, languages: ["he", "en"]), Sample.volunteer(of: impacted, languages: ["he", "en"]),
            Sample.volunteer(of: supporting, languages: ["en"]), Sample.volunteer(of: supporting, languages: ["en"]),
            Sample.volunteer(of: impacted, languages: ["he", "en"], roles: ["agency-staff"]),
            Sample.volunteer(of: supporting, languages: ["en"], roles: ["agency-staff"]),
        ]
    }

    /// Enrols `impacted` over HTTP and waits until its pairing is confirmed by the auto-confirm
    /// policy and its team formed.
    func enrolAndForm(
        _ impacted: CommunityRegistered, world: Sample, service: InProcessService, matching: MatchingTestClient,
        client: any TestClientProtocol
    ) async throws -> (Cycle, [VolunteerRegistered]) {
        let (status, body) = try await post(client, "/workflows", #"{"impactedCommunityId":"\#(impacted.communityId.uuidString)"}"#)
        #expect(status == .created, "\(body)")
        let enrolled = try ContractCoding.decode(Cycle.self, from: Data(body.utf8))
        #expect(enrolled.status("enrolment") == "done")
        #expect(enrolled.status("needsAssessment") == "requested")
        #expect(enrolled.stage == "matching")
        let paired = try await waitFor("the community is paired", service, client, enrolled.id) { $0.pairingId != nil }
        #expect(paired.status("matching") == "done")
        let partner = try #require(world.communities.first { $0.communityId == paired.supportingCommunityId })
        let volunteers = Self.teamVolunteers(impacted, partner)
        try await matching.publish(volunteers)
        let formed = try await waitFor("the team is formed", service, client, enrolled.id) { $0.status("jointTeam") == "done" }
        #expect(formed.teamId != nil)
        return (formed, volunteers)
    }

    // MARK: Tests

    @Test(
        "enrolled, auto-confirmed, team formed, kickoff reminded; an overdue assessment reminds the team once, then escalates once to the Agency"
    )
    func cycleToEscalation() async throws {
        try await InProcessService.run(PairingMatchingService.definition, environment: Self.fast) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Sample()
            try await matching.publish(world)
            let (formed, volunteers) = try await enrolAndForm(
                world.sderot, world: world, service: service, matching: matching, client: client)
            #expect(formed.stage == "kickoffMeeting")
            let assessment = try #require(formed.steps.first { $0.step == "needsAssessment" })
            #expect(assessment.dueAt != nil)

            // The scheduling service places the kickoff an hour ahead: the reminder (2 h ahead) goes at once.
            let teamId = try #require(formed.teamId)
            let kickoff = Self.wholeSecond(Date().addingTimeInterval(3600))
            try await service.publish(Self.kickoff(of: teamId, at: kickoff, participants: volunteers))
            let scheduled = try await waitFor("the kickoff is scheduled", service, client, formed.id) {
                $0.status("kickoffMeeting") == "done"
            }
            #expect(scheduled.kickoffAt == kickoff)
            try await service.waitUntil("the meeting reminder is published") { try await !notices(service, .meetingReminder).isEmpty }
            let reminder = try #require(try await notices(service, .meetingReminder).first)
            #expect(reminder.meetingAt == kickoff)
            #expect(Set(reminder.recipients.map(\.volunteerId)) == Set(volunteers.map(\.volunteerId)))

            // Nobody submits: overdue, the team reminded; a second later, escalated to the two Agency members.
            let escalated = try await waitFor("the assessment is escalated", service, client, formed.id) {
                $0.status("needsAssessment") == "escalated"
            }
            #expect(escalated.next?.step == "needsAssessment" && escalated.next?.overdue == true)
            let overdue = try await notices(service, .overdueReminder)
            #expect(overdue.count == 1)
            #expect(overdue.first?.recipients.count == 6)
            let escalations = try await notices(service, .escalation)
            #expect(escalations.count == 1)
            #expect(Set(escalations.first?.recipients.map(\.delegation) ?? []) == [.agency])
            #expect(escalations.first?.recipients.count == 2)
            let overdueList = try await client.execute(uri: "/workflows", method: .get) { response in
                try ContractCoding.decode(Page.self, from: Data(buffer: response.body))
            }
            #expect(overdueList.items.first?.id == formed.id && overdueList.items.first?.next?.overdue == true)

            // The assessment comes in (and again, redelivered under a new message id): done once, the road map requested.
            let submitted = NeedsAssessmentSubmitted(
                assessmentId: UUID(), communityId: world.sderot.communityId, version: 1, previousAssessmentId: nil, immediateItems: 4,
                longTermItems: 9, estimatedCost: [Money(amount: 120_000_00, currency: "USD")], submittedAt: Date())
            try await service.publish(submitted)
            try await service.publish(submitted)
            let done = try await waitFor("the assessment is done", service, client, formed.id) { $0.status("needsAssessment") == "done" }
            #expect(done.status("roadMap") == "requested")
            #expect(done.stage == "roadMap")
            try await matching.waitForInbox(try await matching.inboxCount())
            try await Task.sleep(for: .seconds(1))
            let after = try #require(try await cycle(client, formed.id))
            #expect(after.steps.filter { $0.step == "reassessment" }.isEmpty)
            #expect(after.timeline.filter { $0.step == "needsAssessment" && $0.what == "done" }.count == 1)
            #expect(try await notices(service, .overdueReminder).count == 1)
            #expect(try await notices(service, .escalation).count == 1)
        }
    }

    @Test(
        "events out of order and timers after the fact change nothing they should not; road map, funding, a reassessment, a skip and the close"
    )
    func outOfOrderToClose() async throws {
        var environment = Self.fast
        environment["P2G_WORKFLOW_ASSESSMENT_DUE"] = "2s"
        environment["P2G_WORKFLOW_CYCLE"] = "20s"
        environment["P2G_WORKFLOW_REASSESSMENT_EVERY"] = "1h"
        try await InProcessService.run(PairingMatchingService.definition, environment: environment) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Sample()
            try await matching.publish(world)
            let (formed, volunteers) = try await enrolAndForm(
                world.kfarAza, world: world, service: service, matching: matching, client: client)

            // The assessment arrives before the kickoff is scheduled; its due timer fires later and finds it done.
            try await service.publish(
                NeedsAssessmentSubmitted(
                    assessmentId: UUID(), communityId: world.kfarAza.communityId, version: 1, previousAssessmentId: nil, immediateItems: 2,
                    longTermItems: 3, estimatedCost: [], submittedAt: Date()))
            _ = try await waitFor("the assessment is done", service, client, formed.id) { $0.status("needsAssessment") == "done" }
            // The kickoff's event comes after: the meeting is recorded, the assessment stays done.
            let kickoff = Self.wholeSecond(Date().addingTimeInterval(7 * 86_400))
            try await service.publish(Self.kickoff(of: try #require(formed.teamId), at: kickoff, participants: volunteers))
            let met = try await waitFor("the kickoff is recorded", service, client, formed.id) { $0.status("kickoffMeeting") == "done" }
            #expect(met.status("needsAssessment") == "done")
            #expect(met.kickoffAt == kickoff)
            // A milestone before the funding is asked for; funding that is the pairing's own flow does not count.
            let milestone = UUID()
            try await service.publish(
                MilestonePlanned(
                    milestoneId: milestone, communityId: world.kfarAza.communityId, title: "Reopen the clinic", quarter: "2027-Q1",
                    needItemIds: [], plannedOn: CalendarDate(year: 2026, month: 12, day: 7)!, recordedAt: Date()))
            try await service.publish(
                FundingCommitted(
                    flowId: UUID(), communityId: world.kfarAza.communityId, funderKind: "community", funderName: "Des Moines",
                    pairingId: formed.pairingId?.uuidString.lowercased(), pairingYear: 1,
                    committed: Money(amount: 250_000_00, currency: "USD"),
                    committedOn: CalendarDate(year: 2026, month: 12, day: 7)!))
            let mapped = try await waitFor("the road map is done", service, client, formed.id) { $0.status("roadMap") == "done" }
            #expect(mapped.status("fundingCommitment") == "requested")
            try await service.publish(
                FundingCommitted(
                    flowId: UUID(), communityId: world.kfarAza.communityId, funderKind: "community", funderName: "Des Moines",
                    milestoneId: milestone.uuidString.lowercased(), committed: Money(amount: 40_000_00, currency: "USD"),
                    committedOn: CalendarDate(year: 2026, month: 12, day: 7)!))
            let funded = try await waitFor("funding is committed", service, client, formed.id) { $0.status("fundingCommitment") == "done" }
            #expect(funded.stage == "reassessment")
            try await Task.sleep(for: .seconds(2.5))
            #expect(try await notices(service, .overdueReminder).isEmpty)

            // An automation asks for a reassessment now, then skips it with a reason; both carry its correlation id.
            let request = UUID()
            try await service.send(RequestNeedsAssessment(impactedCommunityId: world.kfarAza.communityId), messageID: request)
            let reassessing = try await waitFor("a reassessment is requested", service, client, formed.id) {
                $0.status("reassessment", 1) == "requested"
            }
            #expect(reassessing.next?.step == "reassessment")
            #expect(try await notices(service, .reassessmentRequested).count == 1)
            let correlated = try await service.count(
                """
                SELECT count(*) FROM outbox WHERE message_type = 'matching.workflow-step-recorded.v1'
                  AND correlation_id = \("test-\(request.uuidString.lowercased())")
                """)
            #expect(correlated == 1)
            try await service.send(
                SkipWorkflowStep(
                    impactedCommunityId: world.kfarAza.communityId, step: .reassessment, occurrence: 1, reason: "Evacuated again"))
            let skipped = try await waitFor("the reassessment is skipped", service, client, formed.id) {
                $0.status("reassessment", 1) == "skipped"
            }
            #expect(skipped.steps.first { $0.step == "reassessment" }?.reason?.hasPrefix("Evacuated again") == true)
            let (conflict, _) = try await post(
                client, "/workflows/\(formed.id.uuidString.lowercased())/skips", #"{"step":"reassessment","occurrence":1,"reason":"again"}"#
            )
            #expect(conflict == .conflict)

            // The cycle's twenty seconds end: closed with its summary, the team told once.
            let closed = try await waitFor("the cycle closes", service, client, formed.id) { $0.closedAt != nil }
            #expect(closed.stage == "closing")
            #expect(closed.summary?.contains("0 of 1 reassessments submitted") == true)
            #expect(try await notices(service, .cycleClosed).count == 1)
        }
    }

    @Test("a community paired before it is enrolled starts its cycle from its pairing, its team and the team's kickoff scheduled before")
    func pairedBeforeEnrolment() async throws {
        try await InProcessService.run(PairingMatchingService.definition, environment: Self.fast) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Sample()
            try await matching.publish(world)
            let run = try await matching.optimalRun()
            let pairing = try #require(run.pairing(of: world.sderot))
            let partner = try #require(world.communities.first { $0.communityId == pairing.supportingCommunityId })
            let volunteers = Self.teamVolunteers(world.sderot, partner)
            try await matching.publish(volunteers)
            let (decided, _) = try await matching.decide(pairing.pairingId, "confirmation")
            #expect(decided == .ok)
            // The scheduling service places the team's kickoff before anyone enrols the community.
            try await service.waitUntil("the team is formed") {
                try await service.count("SELECT count(*) FROM joint_teams WHERE pairing_id = \(pairing.pairingId) AND status = 'formed'")
                    == 1
            }
            let team = try #require(
                try await service.database.query("SELECT id FROM joint_teams WHERE pairing_id = \(pairing.pairingId)").first?.decode(
                    UUID.self, at: 0))
            let kickoff = Self.wholeSecond(Date().addingTimeInterval(7 * 86_400))
            try await matching.publishAndWait([Self.kickoff(of: team, at: kickoff, participants: volunteers)])

            let (status, body) = try await post(client, "/workflows", #"{"impactedCommunityId":"\#(world.sderot.communityId.uuidString)"}"#)
            #expect(status == .created, "\(body)")
            let cycle = try ContractCoding.decode(Cycle.self, from: Data(body.utf8))
            #expect(cycle.pairingId == pairing.pairingId)
            #expect(cycle.status("matching") == "done" && cycle.status("jointTeam") == "done")
            #expect(cycle.steps.first { $0.step == "needsAssessment" }?.dueAt != nil)
            #expect(cycle.status("kickoffMeeting") == "done")
            #expect(cycle.kickoffAt == kickoff)
            #expect(cycle.steps.first { $0.step == "kickoffMeeting" }?.reason?.contains("before the cycle knew its team") == true)
            #expect(cycle.stage == "needsAssessment")
            // Its team will be reminded of the kickoff; no matching run is planned for it.
            #expect(try await service.count("SELECT count(*) FROM timers WHERE name = 'workflow-meeting-reminder'") == 1)
            #expect(try await service.count("SELECT count(*) FROM timers WHERE name = 'workflow-matching'") == 0)
        }
    }

    @Test("a command for a community not known yet is tried again until it is; a global community's is parked; bad requests are refused")
    func commandsAndRefusals() async throws {
        let environment = ["P2G_WORKFLOW_MATCHING_DELAY": "1h", "P2G_RETRY_DELAYS": "200ms,500ms,1s"]
        try await InProcessService.run(PairingMatchingService.definition, environment: environment) {
            service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Sample()
            let early = UUID()
            try await service.send(RequestNeedsAssessment(impactedCommunityId: world.nirOz.communityId), messageID: early)
            try await Task.sleep(for: .milliseconds(300))
            try await matching.publish(world)
            try await service.waitUntil("the early command enrols the community", timeout: .seconds(30)) {
                try await service.count("SELECT count(*) FROM workflows WHERE impacted_id = \(world.nirOz.communityId)") == 1
            }
            #expect(
                try await service.count(
                    "SELECT count(*) FROM workflows WHERE correlation_id = \("test-\(early.uuidString.lowercased())")") == 1)

            try await service.send(RequestNeedsAssessment(impactedCommunityId: world.chicago.communityId))
            var parked: [(type: String?, reason: String)] = []
            try await service.waitUntil("the global community's command is parked") {
                parked += try await service.takeParked()
                return !parked.isEmpty
            }
            #expect(parked.first?.type == RequestNeedsAssessment.commandType.description)
            #expect(parked.first?.reason.contains("global community") == true)

            let (unknown, _) = try await post(client, "/workflows", #"{"impactedCommunityId":"\#(UUID().uuidString)"}"#)
            #expect(unknown == .unprocessableContent)
            let (global, globalBody) = try await post(
                client, "/workflows", #"{"impactedCommunityId":"\#(world.paris.communityId.uuidString)"}"#)
            #expect(global == .unprocessableContent)
            #expect(globalBody.contains("global community"))
            let (again, _) = try await post(client, "/workflows", #"{"impactedCommunityId":"\#(world.nirOz.communityId.uuidString)"}"#)
            #expect(again == .ok)
            let id = try #require(
                try await service.database.query("SELECT id FROM workflows WHERE impacted_id = \(world.nirOz.communityId)").first?.decode(
                    UUID.self, at: 0))
            let (badSkip, badBody) = try await post(
                client, "/workflows/\(id.uuidString.lowercased())/skips", #"{"step":"lunch","reason":""}"#)
            #expect(badSkip == .unprocessableContent)
            #expect(badBody.contains("step"))
            let (emptyReason, _) = try await post(
                client, "/workflows/\(id.uuidString.lowercased())/skips", #"{"step":"roadMap","reason":" "}"#)
            #expect(emptyReason == .unprocessableContent)
            let badStage = try await client.execute(uri: "/workflows?stage=lunch", method: .get) { $0.status }
            #expect(badStage == .badRequest)
            // By the community's id as well as the cycle's.
            #expect(try await cycle(client, world.nirOz.communityId)?.id == id)
            let (skippedRoadMap, _) = try await post(
                client, "/workflows/\(id.uuidString.lowercased())/skips", #"{"step":"roadMap","reason":"Its municipal plan serves"}"#)
            #expect(skippedRoadMap == .ok)
            #expect(try await cycle(client, id)?.status("fundingCommitment") == "requested")
            try await service.expectRoutesMatchTheDocument(client)
        }
    }
}
