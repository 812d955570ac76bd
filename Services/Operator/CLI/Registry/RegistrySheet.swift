/// The four files `p2gctl import` reads and `p2gctl export` writes, and their columns.
/// Other columns are left alone on import (a spreadsheet often carries notes); the columns
/// named `*_name` next to an id on export are there for the reader and ignored too.
public enum RegistrySheet: String, CaseIterable, Sendable {
    case communities
    case partnerships
    case volunteers
    case committees

    /// `communities.csv` and so on.
    public var fileName: String { "\(rawValue).csv" }

    /// Every column, in the order export writes them.
    public var columns: [String] {
        switch self {
        case .communities:
            [
                "key", "kind", "name", "name_he", "other_names", "country", "region", "time_zone", "latitude", "longitude", "languages",
                "contact_email",
            ]
        case .partnerships:
            [
                "partnership", "partnership_name", "partnership_name_he", "partnership_other_names", "program", "formed_on", "community",
                "community_name", "joined_on", "left_on",
            ]
        case .volunteers:
            [
                "key", "name", "name_he", "other_names", "home_community", "languages", "time_zone", "roles", "email", "email_consent",
                "email_consent_at", "phone", "phone_consent", "phone_consent_at",
            ]
        case .committees:
            [
                "partnership", "committee", "committee_name_he", "committee_other_names", "volunteer", "volunteer_name", "role",
                "term_start", "term_end",
            ]
        }
    }

    /// The columns a file must have; the others may be left out.
    public var requiredColumns: [String] {
        switch self {
        case .communities: ["key", "kind", "name", "country", "region", "time_zone", "latitude", "longitude", "languages", "contact_email"]
        case .partnerships: ["partnership", "partnership_name", "program", "community", "joined_on"]
        case .volunteers: ["key", "name", "home_community", "languages"]
        case .committees: ["partnership", "committee", "volunteer", "role", "term_start"]
        }
    }
}
