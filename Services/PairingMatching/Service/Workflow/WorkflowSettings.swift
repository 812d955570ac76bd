import Contracts
import Foundation
import ServiceKit

/// How long each step of a needs-assessment cycle may take, read once at start from the
/// environment. Every duration is a setting, so that tests and the demo can run a cycle in
/// minutes (`250ms`, `5s`, `2m`, `1h`, `7d`).
struct WorkflowSettings: Sendable {
    /// `P2G_WORKFLOW_MATCHING_DELAY`: how long an enrolled community waits for the next
    /// matching run, so that communities enrolled together are matched together (default 1h).
    var matchingDelay: Duration
    /// `P2G_WORKFLOW_AUTO_CONFIRM`: the programs whose proposals for enrolled communities are
    /// confirmed without a coordinator (comma-separated, e.g. `communities2gether`; default none).
    var autoConfirm: Set<PartnershipProgram>
    /// `P2G_WORKFLOW_MEETING_REMINDER`: how long before the kickoff meeting the team is
    /// reminded (default 24h).
    var meetingReminderLead: Duration
    /// `P2G_WORKFLOW_ASSESSMENT_DUE`: from the team's forming (or a reassessment's request) to
    /// the assessment's due instant (default 30d).
    var assessmentDue: Duration
    /// `P2G_WORKFLOW_ROAD_MAP_DUE`: from the first assessment to the road map's first
    /// milestone (default 60d).
    var roadMapDue: Duration
    /// `P2G_WORKFLOW_FUNDING_DUE`: from the road map to a commitment against it (default 90d).
    var fundingDue: Duration
    /// `P2G_WORKFLOW_ESCALATE_AFTER`: from the overdue reminder to the escalation (default 7d).
    var escalateAfter: Duration
    /// `P2G_WORKFLOW_REASSESSMENT_EVERY`: between reassessments, counted from the pairing's
    /// confirmation (default 182d, about six months).
    var reassessmentEvery: Duration
    /// `P2G_WORKFLOW_CYCLE`: from the pairing's confirmation to the cycle's close (default
    /// 1096d, three years); the reassessments are those that fall inside it.
    var cycleLength: Duration

    init(environment: EnvironmentReader) throws {
        matchingDelay = try environment.duration("P2G_WORKFLOW_MATCHING_DELAY", default: .seconds(3600))
        let programs = environment.string("P2G_WORKFLOW_AUTO_CONFIRM", default: "")
        var autoConfirm: Set<PartnershipProgram> = []
        for name in programs.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let program = PartnershipProgram(rawValue: name) else {
                throw ConfigurationError(
                    setting: "P2G_WORKFLOW_AUTO_CONFIRM",
                    problem: "expected programs among \(PartnershipProgram.allCases.map(\.rawValue).joined(separator: ", ")), got '\(name)'"
                )
            }
            autoConfirm.insert(program)
        }
        self.autoConfirm = autoConfirm
        meetingReminderLead = try environment.duration("P2G_WORKFLOW_MEETING_REMINDER", default: .seconds(86_400))
        assessmentDue = try environment.duration("P2G_WORKFLOW_ASSESSMENT_DUE", default: .seconds(30 * 86_400))
        roadMapDue = try environment.duration("P2G_WORKFLOW_ROAD_MAP_DUE", default: .seconds(60 * 86_400))
        fundingDue = try environment.duration("P2G_WORKFLOW_FUNDING_DUE", default: .seconds(90 * 86_400))
        escalateAfter = try environment.duration("P2G_WORKFLOW_ESCALATE_AFTER", default: .seconds(7 * 86_400))
        reassessmentEvery = try environment.duration("P2G_WORKFLOW_REASSESSMENT_EVERY", default: .seconds(182 * 86_400))
        cycleLength = try environment.duration("P2G_WORKFLOW_CYCLE", default: .seconds(1096 * 86_400))
        guard reassessmentEvery > .zero else {
            throw ConfigurationError(setting: "P2G_WORKFLOW_REASSESSMENT_EVERY", problem: "must be longer than 0")
        }
    }

    /// How many reassessments fall inside the cycle.
    var reassessments: Int {
        var count = 0
        while reassessmentEvery * (count + 1) < cycleLength { count += 1 }
        return count
    }
}
