import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// A community's three-year road map to recovery: `POST /communities/{id}/milestones`,
/// `GET /communities/{id}/road-map` and `POST /milestones/{id}/status`.
struct RoadMapRoutes: ResourceRoutes {
    let store: NeedsStore

    func add(to router: Router<BasicRequestContext>) {
        router.post("/communities/:id/milestones") { request, context in try await addMilestone(request, context: context) }
        router.get("/communities/:id/road-map") { _, context in try await roadMap(context: context) }
        router.post("/milestones/:id/status") { request, context in try await changeStatus(request, context: context) }
    }

    /// 201 with the milestone, planned; 200 for an `Idempotency-Key` used before; 422 for items
    /// not of the community or a quarter that stretches the road map past three years.
    func addMilestone(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let community = try context.parameters.uuid("id", of: "a community")
        let input = try await JSONBody.decode(MilestoneInput.self, from: request, limit: 64 * 1024, describing: "a milestone")
        let idempotencyKey = try IdempotencyKey.of(request)
        guard try await store.communityExists(community) else {
            throw ProblemDetails.notFound("community \(community.uuidString.lowercased())")
        }
        try await CommunityScope.requireWrite(community, store: store)
        let valid = try checked(input.validated(), title: "Invalid milestone")
        switch try await store.addMilestone(valid, communityId: community, idempotencyKey: idempotencyKey) {
        case .failure(let refusal): throw refusal.problem(title: "Cannot record the milestone")
        case .success(let (milestone, created)):
            var response = try JSONBody.response(milestone, status: created ? .created : .ok)
            response.headers[.location] = "/communities/\(community.uuidString.lowercased())/road-map"
            return response
        }
    }

    struct RoadMap: Encodable {
        struct QuarterPlan: Encodable {
            var quarter: String
            var milestones: [Milestone]
        }

        @LowercasedUUID var communityId: UUID
        /// The first and last quarter with a milestone.
        var from: String?
        var to: String?
        var quarters: [QuarterPlan]
    }

    /// The milestones by quarter, in order.
    func roadMap(context: BasicRequestContext) async throws -> Response {
        let community = try context.parameters.uuid("id", of: "a community")
        guard try await store.communityExists(community) else {
            throw ProblemDetails.notFound("community \(community.uuidString.lowercased())")
        }
        let milestones = try await store.roadMap(of: community)
        var quarters: [RoadMap.QuarterPlan] = []
        for milestone in milestones {
            if quarters.last?.quarter == milestone.quarter {
                quarters[quarters.count - 1].milestones.append(milestone)
            } else {
                quarters.append(.init(quarter: milestone.quarter, milestones: [milestone]))
            }
        }
        return try JSONBody.response(
            RoadMap(communityId: community, from: quarters.first?.quarter, to: quarters.last?.quarter, quarters: quarters))
    }

    /// 200 with the milestone and its history; 409 for a change its status does not allow.
    func changeStatus(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a milestone")
        let input = try await JSONBody.decode(MilestoneStatusInput.self, from: request, limit: 4 * 1024, describing: "a status")
        guard let community = try await store.community(ofMilestone: id) else {
            throw ProblemDetails.notFound("milestone \(id.uuidString.lowercased())")
        }
        try await CommunityScope.requireWrite(community, store: store)
        let (status, date) = try checked(input.validated(), title: "Invalid status")
        switch try await store.changeMilestone(id, to: status, on: date) {
        case .success(let milestone): return try JSONBody.response(milestone)
        case .failure(let refusal): throw refusal.problem(title: "Cannot change the milestone")
        }
    }
}
