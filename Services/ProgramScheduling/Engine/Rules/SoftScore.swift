import Foundation

/// How well a schedule meets the soft preferences: the count behind each preference and the
/// weighted total (lower is better, 0 is every preference met).
public struct SoftScore: Sendable, Hashable, CustomStringConvertible {
    /// Sessions outside their program's preferred hours.
    public let outsidePreferredHours: Int
    /// Attendee-sessions outside the attendee's comfortable hours.
    public let outsideComfortableHours: Int
    /// Hours each conference occurrence occupies beyond its longest session, summed.
    public let conferenceSpreadHours: Double
    /// Hours later occurrences of series start away from the first placed occurrence's local
    /// time of day (on the organiser's clock), summed.
    public let seriesDriftHours: Double
    /// Later occurrences on another weekday than the first placed one.
    public let seriesWeekdayChanges: Int
    /// Pairs of sessions one participant attends on the same local day (the venue's day for a
    /// session in person, their own for one online), but for two sessions of one occurrence of a
    /// program (a conference's plenary and workshop belong together; its spread counts instead).
    public let sameDayPairs: Int
    /// Optional invitees who cannot attend.
    public let absentOptionalInvitees: Int
    /// Attendee-sessions on an intermediate day of Pesach or Sukkot at the attendee's home.
    public let cholHamoedAttendances: Int
    /// Attendee-sessions after local midday on the eve of a festival at the attendee's home.
    public let festivalEveAfternoonAttendances: Int
    /// The weighted sum of the above.
    public let total: Double

    /// Scores a schedule of `problem` with the problem's weights.
    public init(_ schedule: Schedule, of problem: SchedulingProblem) {
        var outsidePreferred = 0
        var outsideComfortable = 0
        var absent = 0
        var absenceCost = 0.0
        var conferences: [String: (start: Date, end: Date, longest: TimeInterval)] = [:]
        var series: [String: [(occurrence: Int, start: Date, zone: TimeZone)]] = [:]
        var days: [String: Int] = [:]
        var sameOccurrence: [String: Int] = [:]
        var cholHamoed = 0
        var eveAfternoons = 0
        let index = AvailabilityIndex(problem)
        for placement in schedule.placements {
            guard let (programIndex, sessionIndex) = problem.locate(placement.key) else { continue }
            let program = problem.programs[programIndex]
            let isMinutes: Bool = {
                if case .minutes = program.sessions[sessionIndex].length { return true }
                return false
            }()
            absent += placement.absentees.count
            absenceCost += problem.weights.absentOptionalInvitee(of: program) * Double(placement.absentees.count)
            if isMinutes, let preferred = program.preferredHours,
                let zone = TimeZone(identifier: preferred.timeZoneIdentifier),
                !ScheduleChecker.lies(placement.start, placement.end, within: preferred.hours, in: zone)
            {
                outsidePreferred += 1
            }
            let venueZone = placement.venue.flatMap { problem.venue($0) }.flatMap {
                TimeZone(identifier: $0.place.timeZoneIdentifier)
            }
            let span = Span(placement.start.instant, placement.end.instantRoundedUp)
            for id in placement.attendees {
                if let participantIndex = problem.participantIndex[id] {
                    let seasons = index.festivalSeasons(ofParticipant: participantIndex)
                    if seasons.cholHamoed.overlaps(span) { cholHamoed += 1 }
                    if seasons.eveAfternoons.overlaps(span) { eveAfternoons += 1 }
                }
                guard let participant = problem.participant(id),
                    let zone = TimeZone(identifier: participant.place.timeZoneIdentifier)
                else { continue }
                if isMinutes,
                    !ScheduleChecker.lies(
                        placement.start, placement.end, within: participant.comfortableHours, in: zone)
                {
                    outsideComfortable += 1
                }
                let day = "\(id)|\(Self.localDay(placement.start, venueZone ?? zone))"
                days[day, default: 0] += 1
                if program.sessions.count > 1 {
                    sameOccurrence["\(day)|\(program.id)#\(placement.key.occurrence)", default: 0] += 1
                }
            }
            if program.sessions.count > 1 {
                let key = "\(program.id)#\(placement.key.occurrence)"
                let length = placement.end.timeIntervalSince(placement.start)
                if let current = conferences[key] {
                    conferences[key] = (
                        min(current.start, placement.start), max(current.end, placement.end),
                        max(current.longest, length)
                    )
                } else {
                    conferences[key] = (placement.start, placement.end, length)
                }
            }
            if program.occurrenceCount > 1,
                let organiser = problem.participant(program.organiser),
                let zone = TimeZone(identifier: organiser.place.timeZoneIdentifier)
            {
                series["\(program.id)/\(placement.key.session)", default: []].append(
                    (placement.key.occurrence, placement.start, zone))
            }
        }

        var drift = 0.0
        var weekdayChanges = 0
        // Summed in key order, so that the total is the same to the last bit on every run.
        for key in series.keys.sorted() {
            let sorted = (series[key] ?? []).sorted { $0.occurrence < $1.occurrence }
            guard let anchor = sorted.first else { continue }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = anchor.zone
            let anchorParts = calendar.dateComponents([.hour, .minute, .weekday], from: anchor.start)
            for later in sorted.dropFirst() {
                let parts = calendar.dateComponents([.hour, .minute, .weekday], from: later.start)
                let difference = abs(
                    ((parts.hour ?? 0) * 60 + (parts.minute ?? 0))
                        - ((anchorParts.hour ?? 0) * 60 + (anchorParts.minute ?? 0)))
                drift += Double(min(difference, 1440 - difference)) / 60
                if parts.weekday != anchorParts.weekday { weekdayChanges += 1 }
            }
        }
        let spread = conferences.keys.sorted().compactMap { conferences[$0] }.reduce(0.0) {
            $0 + ($1.end.timeIntervalSince($1.start) - $1.longest) / 3600
        }
        let pairs =
            days.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 } - sameOccurrence.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }

        let weights = problem.weights
        outsidePreferredHours = outsidePreferred
        outsideComfortableHours = outsideComfortable
        conferenceSpreadHours = spread
        seriesDriftHours = drift
        seriesWeekdayChanges = weekdayChanges
        sameDayPairs = pairs
        absentOptionalInvitees = absent
        cholHamoedAttendances = cholHamoed
        festivalEveAfternoonAttendances = eveAfternoons
        total =
            weights.outsidePreferredHours * Double(outsidePreferred)
            + weights.outsideComfortableHours * Double(outsideComfortable)
            + weights.conferenceSpreadPerHour * spread
            + weights.seriesDriftPerHour * drift
            + weights.seriesWeekdayChange * Double(weekdayChanges)
            + weights.sameDayPair * Double(pairs)
            + absenceCost
            + weights.cholHamoed * Double(cholHamoed)
            + weights.festivalEveAfternoon * Double(eveAfternoons)
    }

    private static func localDay(_ date: Date, _ zone: TimeZone) -> Int {
        let local = date.timeIntervalSince1970 + TimeInterval(zone.secondsFromGMT(for: date))
        return Int((local / 86_400).rounded(.down))
    }

    /// One line per preference and the total.
    public var description: String {
        """
        total \(String(format: "%.2f", total)): \(outsidePreferredHours) sessions outside preferred hours, \
        \(outsideComfortableHours) attendee-sessions outside comfortable hours, \
        \(String(format: "%.1f", conferenceSpreadHours)) h conference spread, \
        \(String(format: "%.1f", seriesDriftHours)) h series drift and \(seriesWeekdayChanges) weekday changes, \
        \(sameDayPairs) same-day pairs, \(absentOptionalInvitees) optional invitees absent, \
        \(cholHamoedAttendances) attendee-sessions on Chol HaMoed, \
        \(festivalEveAfternoonAttendances) on a festival eve's afternoon
        """
    }
}
