import Contracts
import ServiceKit

/// Pairing matching: keeps a read model of the registry's communities, partnerships,
/// volunteers, needs assessments and committed funding; runs matchings (over HTTP or by the command `matching.run-matching.v1`) and
/// stores each whole; takes coordinators' confirmations and rejections of the proposals; forms
/// each confirmed pairing's joint team, as soon as the volunteers it needs are registered; and
/// runs each enrolled community's needs-assessment cycle (the workflow's process manager).
public enum PairingMatchingService {
    public static let definition = ServiceDefinition(
        identity: .matching, migrations: Migrations.all, apiDocument: MatchingAPIDocument.json, access: MatchingAccess.policy,
        components: { dependencies in
            // `P2G_MATCHING_MINIMUM_WEEKLY_OVERLAP` (default 2h): the least a joint team's working
            // hours may overlap in a week outside Shabbat.
            let overlap = try dependencies.settings.environment.duration("P2G_MATCHING_MINIMUM_WEEKLY_OVERLAP", default: .seconds(7200))
            let teamSettings = TeamPlanner.Settings(minimumWeeklyOverlapMinutes: Int(overlap.components.seconds / 60))
            let communities = CandidateCommunityStore(postgres: dependencies.postgres)
            let partnerships = PartnershipReadModel()
            let volunteers = VolunteerReadModel()
            let needs = NeedsAssessmentReadModel()
            let funding = CommittedFundingReadModel()
            let runs = MatchingRunStore(
                postgres: dependencies.postgres, outbox: dependencies.outbox, communities: communities, partnerships: partnerships,
                needs: needs, funding: funding)
            let teams = JointTeamStore(
                postgres: dependencies.postgres, outbox: dependencies.outbox, volunteers: volunteers, settings: teamSettings)
            let proposals = ProposalStore(postgres: dependencies.postgres, outbox: dependencies.outbox, teams: teams)
            let workflows = WorkflowStore(
                postgres: dependencies.postgres, outbox: dependencies.outbox, timers: dependencies.timers,
                settings: try WorkflowSettings(environment: dependencies.settings.environment))
            return ServiceComponents(
                routes: [
                    CandidateCommunityRoutes(store: communities), MatchingRunRoutes(store: runs),
                    ProposalRoutes(proposals: proposals, teams: teams), WorkflowRoutes(workflows: workflows),
                ],
                eventHandlers: [
                    CommunityRegisteredHandler(store: communities), CommunityUpdatedHandler(store: communities),
                    PartnershipFormedHandler(store: partnerships), PartnershipMemberJoinedHandler(store: partnerships),
                    PartnershipMemberLeftHandler(store: partnerships),
                    VolunteerRegisteredHandler(volunteers: volunteers, teams: teams, proposals: proposals),
                    VolunteerUpdatedHandler(volunteers: volunteers, teams: teams, proposals: proposals),
                    VolunteerErasedHandler(volunteers: volunteers),
                    NeedsAssessmentSubmittedHandler(needs: needs, workflows: workflows),
                    FundingCommittedHandler(funding: funding, workflows: workflows),
                    WorkflowPairingConfirmedHandler(workflows: workflows), WorkflowJointTeamFormedHandler(workflows: workflows),
                    WorkflowProgramScheduledHandler(workflows: workflows), WorkflowSessionRescheduledHandler(workflows: workflows),
                    WorkflowMilestonePlannedHandler(workflows: workflows),
                ],
                commandHandlers: [
                    RunMatchingHandler(runs: runs), RequestNeedsAssessmentHandler(workflows: workflows),
                    SkipWorkflowStepHandler(workflows: workflows),
                ],
                timerHandlers: [
                    WorkflowMatchingTimer(workflows: workflows, runs: runs, proposals: proposals),
                    WorkflowStepDueTimer(workflows: workflows), WorkflowEscalationTimer(workflows: workflows),
                    WorkflowMeetingReminderTimer(workflows: workflows), WorkflowReassessmentTimer(workflows: workflows),
                    WorkflowCloseTimer(workflows: workflows),
                ])
        })
}
