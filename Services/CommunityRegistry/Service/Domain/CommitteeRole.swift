/// What a volunteer does on a committee. Each side has at most one chair at a time.
public enum CommitteeRole: String, Codable, Sendable, CaseIterable {
    case chair
    case coChair = "co-chair"
    case member
}
