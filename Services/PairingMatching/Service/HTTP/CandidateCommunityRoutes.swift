import Hummingbird
import ServiceKit

/// `GET /communities`: the candidate communities the service holds.
struct CandidateCommunityRoutes: ResourceRoutes {
    let store: CandidateCommunityStore

    func add(to router: Router<BasicRequestContext>) {
        router.get("/communities") { request, _ -> Response in
            let page = try await store.list(limit: try ReadModelPage.limit(request))
            return try ReadModelPage.response(total: page.total, items: page.candidates)
        }
    }
}
