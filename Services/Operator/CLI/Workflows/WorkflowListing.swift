import Foundation

/// `GET /workflows` of pairing-matching as `p2gctl workflows` reads it, and the table it prints:
/// overdue cycles first, then by the next due instant (the order the service gives).
public struct WorkflowListing: Sendable, Decodable {
    public struct Due: Sendable, Decodable {
        public var step: String
        public var occurrence: Int
        public var dueAt: Date
        public var overdue: Bool
    }

    public struct Item: Sendable, Decodable {
        public var id: String
        public var impactedCommunityId: String
        public var impactedCommunityName: String?
        public var stage: String
        public var next: Due?
        public var closedAt: Date?
    }

    public var total: Int
    public var items: [Item]

    /// The table: one line per cycle, with how long until (or since) its next deadline.
    public func table(now: Date = Date()) -> TextTable {
        var table = TextTable(headers: ["", "COMMUNITY", "STAGE", "NEXT", "DUE", "WORKFLOW"])
        for item in items {
            let next = item.next.map { $0.step + ($0.occurrence > 0 ? " \($0.occurrence)" : "") } ?? "-"
            let due = item.next.map { Self.relative($0.dueAt, now: now) } ?? (item.closedAt != nil ? "closed" : "-")
            table.append([
                item.next?.overdue == true ? "OVERDUE" : "", item.impactedCommunityName ?? item.impactedCommunityId, item.stage, next, due,
                item.id,
            ])
        }
        return table
    }

    /// `in 3d 4h`, `2h 10m ago`.
    static func relative(_ instant: Date, now: Date) -> String {
        let seconds = Int(instant.timeIntervalSince(now).rounded())
        let magnitude = abs(seconds)
        let days = magnitude / 86_400
        let hours = magnitude % 86_400 / 3600
        let minutes = magnitude % 3600 / 60
        let text =
            days > 0
            ? "\(days)d \(hours)h" : hours > 0 ? "\(hours)h \(minutes)m" : minutes > 0 ? "\(minutes)m" : "\(magnitude % 60)s"
        return seconds >= 0 ? "in \(text)" : "\(text) ago"
    }

    public static func decode(_ data: Data) throws -> WorkflowListing {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text) { return date }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an instant: \(text)"))
        }
        return try decoder.decode(WorkflowListing.self, from: data)
    }
}
