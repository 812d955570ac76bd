import Foundation
import ServiceKit

/// The links an e-mail carries to its recipient's preferences page and to one-click
/// unsubscribe: each holds a bearer token for that volunteer alone (role volunteer, audience
/// notifications), so the page needs no other login.
struct SignedLinks: Sendable {
    let keys: AccessKeys
    let publicURL: String
    let lifetime: Duration

    func links(for volunteer: UUID) async throws -> (preferences: String, unsubscribe: String) {
        let seconds = Double(lifetime.components.seconds)
        let token = try await keys.sign(
            AccessToken(
                subject: "volunteer-link:\(volunteer.uuidString.lowercased())", issuer: keys.issuer, audience: ["notifications"],
                expires: Date().addingTimeInterval(seconds), role: .volunteer, volunteer: volunteer))
        let id = volunteer.uuidString.lowercased()
        return ("\(publicURL)/preferences/\(id)?access_token=\(token)", "\(publicURL)/unsubscribe/\(id)?access_token=\(token)")
    }
}
