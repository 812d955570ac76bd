/// Who a caller is to the program, as their token says.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// An Agency coordinator: everything in the domain.
    case agencyCoordinator = "agency-coordinator"
    /// A partnership's coordinator: writes to the partnerships named in their token only, and
    /// reads what that work needs.
    case partnershipCoordinator = "partnership-coordinator"
    /// A volunteer, through a signed link that expires: their own profile and preferences.
    case volunteer
    /// An operator: health, dead letters and replays; never personal data.
    case `operator`
    /// An automated workflow: the commands it sends, and the reads they need.
    case automation
}
