/// A named reason a candidate pair scores what it does. Every pair's score is the sum of one
/// contribution per factor.
public enum ScoringFactor: String, CaseIterable, Hashable, Sendable {
    /// The supporting community already has a partnership with the impacted community's region;
    /// the program leans on existing relationships.
    case existingPartnership
    /// Share of the impacted community's estimated need cost that falls in the supporting
    /// community's strengths (full credit) or focus areas (half credit).
    case needsFit
    /// The two communities share at least one working language.
    case sharedLanguage
    /// Overlap of the two communities' working hours, as a share of the working day.
    case workingHoursOverlap
    /// Pairings the supporting community can still take, relative to the roomiest candidate.
    case capacityLeft
}
