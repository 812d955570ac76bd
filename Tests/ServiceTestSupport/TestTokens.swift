import Foundation
import ServiceKit
import TestSupport

/// Bearer tokens for tests, signed with the local stack's keys (`P2G_AUTH_KEY_FILE`).
public enum TestTokens {
    /// The local stack's key file.
    public static func keyFile() throws -> String { try LocalStack.setting("P2G_AUTH_KEY_FILE") }

    /// A token for `role`, valid for the four services for an hour unless said otherwise.
    public static func token(
        _ role: Role, subject: String? = nil, partnerships: [UUID]? = nil, volunteer: UUID? = nil,
        audience: [String] = ["registry", "matching", "scheduling", "notifications"], expires: Date = Date().addingTimeInterval(3600),
        issuer: String = "p2g"
    ) async throws -> String {
        let keys = try await AccessKeys.load(path: try keyFile(), issuer: issuer)
        return try await keys.sign(
            AccessToken(
                subject: subject ?? "test-\(role.rawValue)", issuer: issuer, audience: audience, expires: expires, role: role,
                partnerships: partnerships, volunteer: volunteer))
    }

    /// `Bearer <token>` for an Agency coordinator, who may use every route.
    public static func coordinatorAuthorization() async throws -> String {
        "Bearer \(try await token(.agencyCoordinator))"
    }
}
