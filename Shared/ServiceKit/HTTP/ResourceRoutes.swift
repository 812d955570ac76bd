import Hummingbird

/// The routes of one resource (`/communities`, `/partnerships`...), added to the service's
/// router at start.
public protocol ResourceRoutes: Sendable {
    func add(to router: Router<BasicRequestContext>)
}
