import HTTPTypes

/// Which callers may use which routes of a service.
///
/// An Agency coordinator may use every route; every other role only what a rule grants it. The
/// first rule whose method and path match the request decides; a request no rule matches is
/// refused to them. A path pattern names its parameters (`/partnerships/{id}/members`), and a
/// trailing `/**` matches anything below.
public struct AccessPolicy: Sendable {
    /// Whom a rule lets in.
    public enum Grant: Sendable, Equatable {
        /// Every caller with the role.
        case role(Role)
        /// A partnership coordinator whose token names the partnership in the path parameter.
        case coordinatorOfPartnership(parameter: String)
        /// The volunteer whose id is the path parameter.
        case volunteerThemself(parameter: String)
    }

    /// One route pattern and whom it lets in.
    public struct Rule: Sendable {
        public var method: HTTPRequest.Method?
        public var path: String
        public var grants: [Grant]

        /// A rule for `method` (any, when nil) on `path`.
        public init(_ method: HTTPRequest.Method?, _ path: String, _ grants: [Grant]) {
            self.method = method
            self.path = path
            self.grants = grants
        }
    }

    public var rules: [Rule]

    public init(_ rules: [Rule]) {
        self.rules = rules
    }

    /// What every service grants beyond its own rules: its OpenAPI document to every caller.
    static let common = [Rule(.get, "/openapi.json", Role.allCases.map(Grant.role))]

    /// Whether `caller` may `method` on `path` (without its query).
    public func allows(_ caller: Caller, _ method: HTTPRequest.Method, _ path: String) -> Bool {
        if caller.role == .agencyCoordinator { return true }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        for rule in Self.common + rules where rule.method == nil || rule.method == method {
            guard let parameters = Self.match(rule.path, segments) else { continue }
            return rule.grants.contains { grant in
                switch grant {
                case .role(let role):
                    return caller.role == role
                case .coordinatorOfPartnership(let parameter):
                    guard caller.role == .partnershipCoordinator, let text = parameters[parameter] else { return false }
                    return caller.partnerships.contains { $0.uuidString.lowercased() == text.lowercased() }
                case .volunteerThemself(let parameter):
                    guard caller.role == .volunteer, let volunteer = caller.volunteer, let text = parameters[parameter] else {
                        return false
                    }
                    return volunteer.uuidString.lowercased() == text.lowercased()
                }
            }
        }
        return false
    }

    /// The parameters of `pattern` in `segments`, or nil when they do not match.
    static func match(_ pattern: String, _ segments: [Substring]) -> [String: String]? {
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true)
        var parameters: [String: String] = [:]
        for (index, part) in parts.enumerated() {
            if part == "**" { return parameters }
            guard index < segments.count else { return nil }
            if part.hasPrefix("{"), part.hasSuffix("}") {
                parameters[String(part.dropFirst().dropLast())] = String(segments[index])
            } else if part != segments[index] {
                return nil
            }
        }
        return parts.count == segments.count ? parameters : nil
    }
}
