/// One hard rule as it bears on one session, as a time set: what it allows or blocks, for
/// every venue option alike or venue by venue.
struct RuleGroup {
    enum Effect {
        /// The session must lie within the set.
        case allowed(SpanSet)
        /// The session must not overlap the set.
        case blocked(SpanSet)
        /// Per venue option (by position): the session must lie within the set; `nil` where the
        /// rule does not concern that venue.
        case venueAllowed([SpanSet?])
        /// Per venue option: the session must not overlap the set.
        case venueBlocked([SpanSet?])
        /// Per venue option: whether the venue may be used at all.
        case venueFilter([Bool])
    }

    let rule: HardRule
    let effect: Effect
    /// For a Shabbat and festival rule, the calendar it comes from (explanations name the
    /// festivals in it).
    let rest: RestCalendar?

    init(_ rule: HardRule, _ effect: Effect, rest: RestCalendar? = nil) {
        self.rule = rule
        self.effect = effect
        self.rest = rest
    }

    /// Whether explanations should try to leave this rule out first: rules about other
    /// bookings and the earliest start explain less than hours, Shabbat and the deadline.
    var deletionPriority: Int {
        switch rule {
        case .participantBooked: 0
        case .venueBooked: 1
        case .participantUnavailable, .venueUnavailable: 2
        case .earliestStart: 3
        case .venueOpeningHours: 4
        case .venueCapacity: 5
        case .shabbatAndFestivals: 6
        case .workingHours: 7
        case .deadline: 8
        }
    }
}
