import Foundation
import Postgres

/// A fresh database that one service (and its instances) uses in one test, and the test's own
/// connection to it, to read what the service did.
final class ServiceDatabase: Sendable {
    let kind: ServiceKind
    /// e.g. `e2e_matching_3f9a01c2`.
    let name: String
    /// What the service gets as `P2G_DATABASE_URL`.
    let url: String
    let client: PostgresClient

    init(kind: ServiceKind, name: String, url: String, client: PostgresClient) {
        self.kind = kind
        self.name = name
        self.url = url
        self.client = client
    }

    /// What a consumer holds: rows in its read model, distinct communities among them, the
    /// messages in its inbox, and for notifications, the welcome notifications.
    struct Effects: Sendable, Equatable, CustomStringConvertible {
        var rows: Int
        var communities: Int
        var inbox: Int
        var notifications: Int?

        var description: String {
            "\(rows) rows, \(communities) communities, \(inbox) in the inbox" + (notifications.map { ", \($0) notifications" } ?? "")
        }

        /// Exactly one effect for each of `count` events.
        func isExactlyOnce(_ count: Int) -> Bool {
            rows == count && communities == count && inbox == count && (notifications ?? count) == count
        }
    }

    func effects() async throws -> Effects {
        let table = kind.communityTable
        let column = kind.communityColumn
        let row = try await client.query(
            """
            SELECT (SELECT count(*) FROM \(identifier: table)), (SELECT count(DISTINCT \(identifier: column)) FROM \(identifier: table)),
                   (SELECT count(*) FROM inbox)
            """)[0]
        var effects = Effects(
            rows: try row.decode(Int.self, at: 0), communities: try row.decode(Int.self, at: 1), inbox: try row.decode(Int.self, at: 2))
        if kind == .notifications {
            effects.notifications = try await client.query("SELECT count(*) FROM notifications")[0].decode(Int.self, at: 0)
        }
        return effects
    }

    /// Messages recorded in the inbox so far.
    func inboxCount() async throws -> Int {
        try await client.query("SELECT count(*) FROM inbox")[0].decode(Int.self, at: 0)
    }

    /// The communities the service holds.
    func communityIDs() async throws -> Set<UUID> {
        let rows = try await client.query("SELECT \(identifier: kind.communityColumn) FROM \(identifier: kind.communityTable)")
        return Set(try rows.map { try $0.decode(UUID.self, at: 0) })
    }

    /// Welcome notifications per recipient, for the notifications service: every count should be 1.
    func notificationsPerRecipient() async throws -> [UUID: Int] {
        let rows = try await client.query(
            "SELECT r.community_id, count(n.id) FROM recipients r LEFT JOIN notifications n ON n.recipient_id = r.community_id GROUP BY 1")
        var counts: [UUID: Int] = [:]
        for row in rows { counts[try row.decode(UUID.self, at: 0)] = try row.decode(Int.self, at: 1) }
        return counts
    }
}
