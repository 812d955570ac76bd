import Foundation

/// Asks for an impacted community's needs assessment, as `POST /workflows` does:
/// `matching.request-needs-assessment.v1` on `p2g.commands`, taken from `matching.commands`.
/// A community not yet in a cycle is enrolled (its assessment requested, a matching run
/// planned); in a cycle whose first assessment is in, the next reassessment is requested now.
/// The effects are published with the command's correlation id. A community the matching
/// service has not heard of from the registry yet is tried again later; one that is not an
/// Israeli locality is parked with the reason.
public struct RequestNeedsAssessment: IntegrationCommand {
    public static let commandType = MessageType(service: "matching", name: "request-needs-assessment", version: 1)

    @LowercasedUUID public var impactedCommunityId: UUID
    /// Absent: Communities2Gether.
    public var program: PartnershipProgram?

    public init(impactedCommunityId: UUID, program: PartnershipProgram? = nil) {
        self.impactedCommunityId = impactedCommunityId
        self.program = program
    }
}
