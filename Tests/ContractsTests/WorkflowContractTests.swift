import Contracts
import Foundation
import Testing

/// The needs-assessment cycle's commands and events, and the registry's milestone event,
/// against their golden fixtures.
@Suite("Workflow contracts")
struct WorkflowContractTests {
    static func id(_ suffix: String) -> UUID {
        UUID(uuidString: "0190a5c3-7e1f-7b00-8000-0000000000\(suffix)")!
    }

    static let request = RequestNeedsAssessment(impactedCommunityId: id("24"), program: .communities2gether)

    static let skip = SkipWorkflowStep(
        impactedCommunityId: id("24"), step: .roadMap, reason: "The community's existing five-year plan serves as its road map.")

    static let assessmentDone = WorkflowStepRecorded(
        workflowId: id("50"), impactedCommunityId: id("24"), pairingId: id("41"), step: .needsAssessment, occurrence: 0,
        status: .done, dueAt: Date(timeIntervalSince1970: 1_735_725_605), reason: "version 1 submitted",
        recordedAt: Date(timeIntervalSince1970: 1_734_705_000))

    static let meetingReminder = WorkflowNotice(
        noticeId: id("51"), workflowId: id("50"), impactedCommunityId: id("24"), pairingId: id("41"), notice: .meetingReminder,
        step: .kickoffMeeting, occurrence: 0, dueAt: nil, meetingAt: Date(timeIntervalSince1970: 1_733_846_400), summary: nil,
        recipients: [.init(volunteerId: id("31"), delegation: .impacted), .init(volunteerId: id("33"), delegation: .agency)],
        issuedAt: Date(timeIntervalSince1970: 1_733_760_000))

    static let milestone = MilestonePlanned(
        milestoneId: id("60"), communityId: id("24"), title: "Reopen the community centre's after-school programme",
        quarter: "2025-Q2", needItemIds: [id("61").uuidString.lowercased()], plannedOn: CalendarDate(year: 2025, month: 1, day: 15)!,
        recordedAt: Date(timeIntervalSince1970: 1_736_931_600))

    @Test("the cycle's commands and events, and the milestone event, match their fixtures")
    func fixtures() throws {
        try MatchingContractTests.check(Self.request, RequestNeedsAssessment.commandType)
        try MatchingContractTests.check(Self.skip, SkipWorkflowStep.commandType)
        try MatchingContractTests.check(Self.assessmentDone, WorkflowStepRecorded.eventType)
        try MatchingContractTests.check(Self.meetingReminder, WorkflowNotice.eventType)
        try MatchingContractTests.check(Self.milestone, MilestonePlanned.eventType)
    }

    @Test("a request without a program decodes with it absent, and a step the contract does not know is refused")
    func minimalAndUnknown() throws {
        let request = try ContractCoding.decode(
            RequestNeedsAssessment.self, from: Data(#"{"impactedCommunityId":"0190a5c3-7e1f-7b00-8000-000000000024"}"#.utf8))
        #expect(request == RequestNeedsAssessment(impactedCommunityId: Self.id("24")))
        #expect(throws: (any Error).self) {
            try ContractCoding.decode(
                SkipWorkflowStep.self,
                from: Data(#"{"impactedCommunityId":"0190a5c3-7e1f-7b00-8000-000000000024","step":"lunch","reason":"x"}"#.utf8))
        }
    }
}
