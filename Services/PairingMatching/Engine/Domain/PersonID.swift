/// Identifies a person who can sit on a joint team (a volunteer or a staff member).
public struct PersonID: StringBacked {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}
