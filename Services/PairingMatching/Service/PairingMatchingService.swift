import Contracts
import ServiceKit

/// Pairing matching: keeps a read model of the registry's communities, partnerships and
/// volunteers; runs matchings (over HTTP or by the command `matching.run-matching.v1`) and
/// stores each whole; takes coordinators' confirmations and rejections of the proposals; forms
/// each confirmed pairing's joint team, as soon as the volunteers it needs are registered; and
/// runs each enrolled community's needs-assessment cycle (the workflow's process manager).
public enum PairingMatchingService {
    public static let definition = ServiceDefinition(
        identity: .matching, migrations: Migrations.all, apiDocument: MatchingAPIDocument.json, access: MatchingAccess.policy,
        components: { dependencies in
            let communities = CandidateCommunityStore(postgres: dependencies.postgres)
            let partnerships = PartnershipReadModel()
            let volunteers = VolunteerReadModel()
            let runs = MatchingRunStore(
                postgres: dependencies.postgres, outbox: dependencies.outbox, communities: communities, partnerships: partnerships)
            let teams = JointTeamStore(postgres: dependencies.postgres, outbox: dependencies.outbox, volunteers: volunteers)
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
                    WorkflowPairingConfirmedHandler(workflows: workflows), WorkflowJointTeamFormedHandler(workflows: workflows),
                    WorkflowProgramScheduledHandler(workflows: workflows), WorkflowSessionRescheduledHandler(workflows: workflows),
                    WorkflowAssessmentSubmittedHandler(workflows: workflows), WorkflowMilestonePlannedHandler(workflows: workflows),
                    WorkflowFundingCommittedHandler(workflows: workflows),
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
