import Hummingbird
import ServiceKit

/// `GET /communities`: the recipients and how many notifications each is owed.
struct RecipientRoutes: ResourceRoutes {
    let store: RecipientStore

    func add(to router: Router<BasicRequestContext>) {
        router.get("/communities") { request, _ -> Response in
            let page = try await store.list(limit: try ReadModelPage.limit(request))
            return try ReadModelPage.response(total: page.total, items: page.recipients)
        }
    }
}
