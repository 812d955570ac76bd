import Contracts
import Foundation
import Notifications
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing

/// The needs-assessment cycle's notices, written to the people they name through the real SMTP
/// server: each in their language, once per notice, the escalation to the Agency's members only.
@Suite("Workflow notices by e-mail", .serialized)
struct WorkflowNoticeTests {
    @Test(
        "a kickoff reminder reaches the six members once each in their language, with the meeting's time in their zone; an escalation only the Agency's two"
    )
    func reminderAndEscalation() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, _ in
            let members = (0..<6).map { index in
                DeliveryTests.volunteer(
                    email: DeliveryTests.address(), languages: index % 2 == 0 ? ["he"] : ["en"],
                    timeZone: index < 2 ? "Asia/Jerusalem" : "Europe/London")
            }
            for member in members { try await service.publish(member) }
            let delegations: [JointTeamFormed.Delegation] = [.impacted, .impacted, .supporting, .supporting, .agency, .agency]
            let recipients = zip(members, delegations).map { WorkflowNotice.Recipient(volunteerId: $0.volunteerId, delegation: $1) }
            let meetingAt = DeliveryTests.instant("2026-12-09T16:00:00Z")
            let reminder = WorkflowNotice(
                noticeId: UUID(), workflowId: UUID(), impactedCommunityId: UUID(), pairingId: UUID(), notice: .meetingReminder,
                step: .kickoffMeeting, occurrence: 0, dueAt: nil, meetingAt: meetingAt, summary: nil, recipients: recipients,
                issuedAt: DeliveryTests.tuesdayNoonInJerusalem)
            let messageID = UUID()
            for _ in 0..<3 { try await service.publish(reminder, messageID: messageID) }
            let escalation = WorkflowNotice(
                noticeId: UUID(), workflowId: reminder.workflowId, impactedCommunityId: reminder.impactedCommunityId,
                pairingId: UUID(uuidString: reminder.pairingId ?? ""), notice: .escalation, step: .needsAssessment, occurrence: 0,
                dueAt: DeliveryTests.instant("2026-12-08T08:00:00Z"), meetingAt: nil, summary: nil,
                recipients: recipients.filter { $0.delegation == .agency }, issuedAt: DeliveryTests.tuesdayNoonInJerusalem)
            try await service.publish(escalation)

            try await service.waitUntil("every member has a welcome and the reminder; the Agency's two the escalation too") {
                try members.enumerated().allSatisfy { index, member in
                    try Mailbox.messages(to: member.contactChannels[0].address).count == (index >= 4 ? 3 : 2)
                }
            }
            try await service.waitUntil("the queue is drained") {
                try await service.amqp.queueStatus("notifications.events").messageCount == 0
            }
            #expect(try await service.count("SELECT count(*) FROM deliveries WHERE kind = 'workflow-notice'") == 8)
            for (index, member) in members.enumerated() {
                let mails = try Mailbox.messages(to: member.contactChannels[0].address)
                let hebrew = member.languages == ["he"]
                let subject = hebrew ? "פגישת הפתיחה של הצוות המשותף מתקרבת" : "Your joint team's kickoff meeting is coming up"
                let notice = try #require(mails.first { $0.subject == subject }, "member \(index)")
                // 16:00 UTC is 18:00 in Jerusalem and 16:00 in London.
                let local = index < 2 ? (hebrew ? "18:00" : "6:00") : (hebrew ? "16:00" : "4:00")
                #expect(notice.plainText.contains(local), "member \(index): \(notice.plainText)")
                #expect(notice.plainText.contains(index < 2 ? "Asia/Jerusalem" : "Europe/London"))
                let escalated = mails.contains { $0.subject.hasPrefix(hebrew ? "הועבר לטיפולך" : "Escalated to you") }
                #expect(escalated == (index >= 4), "member \(index)")
            }
        }
    }
}
