/// How much each soft preference weighs in the score the engine minimises; a weight of 0
/// ignores the preference.
public struct SoftWeights: Sendable, Hashable {
    /// Per session outside its program's preferred hours.
    public var outsidePreferredHours: Double
    /// Per attendee for whom a session falls outside their comfortable hours.
    public var outsideComfortableHours: Double
    /// Per hour from the start of a conference occurrence's first session to the end of its last.
    public var conferenceSpreadPerHour: Double
    /// Per hour a later occurrence of a series starts away from the first one's local time of day.
    public var seriesDriftPerHour: Double
    /// Per later occurrence of a series on another weekday than the first.
    public var seriesWeekdayChange: Double
    /// Per pair of sessions one participant attends on the same local day.
    public var sameDayPair: Double
    /// Per optional invitee who cannot attend. By default as much as attending outside
    /// comfortable hours with another session the same day, so that the engine never prefers
    /// someone absent to someone inconvenienced; a program can say otherwise
    /// (``Program/absenceWeight``).
    public var absentOptionalInvitee: Double
    /// Per attendee for whom a session falls on an intermediate day (Chol HaMoed, Hoshana Rabba
    /// included) of Pesach or Sukkot at their home, by its festival schedule and local day.
    /// 0 by default: many work on those days, and a program says whether to avoid them.
    public var cholHamoed: Double
    /// Per attendee for whom a session falls after local midday on the eve of a festival at
    /// their home (Erev Rosh Hashana, Yom Kippur, Sukkot, Pesach or Shavuot), when many prepare
    /// for it. 0 by default.
    public var festivalEveAfternoon: Double

    /// Creates weights.
    public init(
        outsidePreferredHours: Double = 3, outsideComfortableHours: Double = 2, conferenceSpreadPerHour: Double = 0.25,
        seriesDriftPerHour: Double = 1, seriesWeekdayChange: Double = 2, sameDayPair: Double = 1,
        absentOptionalInvitee: Double = 3, cholHamoed: Double = 0, festivalEveAfternoon: Double = 0
    ) {
        self.cholHamoed = cholHamoed
        self.festivalEveAfternoon = festivalEveAfternoon
        self.outsidePreferredHours = outsidePreferredHours
        self.outsideComfortableHours = outsideComfortableHours
        self.conferenceSpreadPerHour = conferenceSpreadPerHour
        self.seriesDriftPerHour = seriesDriftPerHour
        self.seriesWeekdayChange = seriesWeekdayChange
        self.sameDayPair = sameDayPair
        self.absentOptionalInvitee = absentOptionalInvitee
    }

    /// The defaults: comfort and preferred hours first, then stable series and light days.
    public static let standard = SoftWeights()
}

extension SoftWeights {
    /// What an absent optional invitee costs in `program`: the program's own weight, if it has one.
    public func absentOptionalInvitee(of program: Program) -> Double {
        program.absenceWeight ?? absentOptionalInvitee
    }
}
