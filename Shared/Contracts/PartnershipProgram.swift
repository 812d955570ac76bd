/// The program a partnership belongs to.
public enum PartnershipProgram: String, Codable, Sendable, CaseIterable {
    /// Partnership2Gether (Partnership 2000 until 2014): global communities, often a consortium
    /// of them, with an Israeli region or city, since 1994.
    case partnership2gether
    /// Communities2Gether (2024): a war-impacted Israeli community with a global community that
    /// commits support for at least three years.
    case communities2gether
}
