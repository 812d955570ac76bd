import Hummingbird
import ServiceKit

/// `GET /communities`: the communities the service holds, with their calendar rules.
struct CommunityLocationRoutes: ResourceRoutes {
    let store: CommunityLocationStore

    func add(to router: Router<BasicRequestContext>) {
        router.get("/communities") { request, _ -> Response in
            let page = try await store.list(limit: try ReadModelPage.limit(request))
            return try ReadModelPage.response(total: page.total, items: page.locations)
        }
    }
}
