import Foundation
import JewishCalendar

/// Resolves a program's references against the indexed entities.
struct ProgramResolver {
    let participantIndex: [Participant.ID: Int]
    let communityIndex: [Community.ID: Int]
    let venueIndex: [Venue.ID: Int]
    let communityMembers: [[Int]]
    let participantCalendars: [ObservanceCalendar]

    func resolve(_ program: Program) throws -> ResolvedProgram {
        let owner = "program \"\(program.title)\" (\(program.id))"
        guard program.deadline > program.earliestStart else {
            throw SchedulingError(
                .deadlineBeforeEarliestStart,
                "\(owner) has its deadline \(InstantText.utc(program.deadline)) before its earliest start \(InstantText.utc(program.earliestStart))"
            )
        }
        guard let organiser = participantIndex[program.organiser] else {
            throw SchedulingError(
                .unknownReference, "\(owner) is organised by unknown participant \"\(program.organiser)\"")
        }
        guard !program.sessions.isEmpty else {
            throw SchedulingError(.nothingToSchedule, "\(owner) has no sessions")
        }
        if let recurrence = program.recurrence, !recurrence.isValid {
            throw SchedulingError(
                .invalidQuantity,
                "\(owner) recurs \(recurrence.count) times every \(recurrence.interval); both must be positive")
        }
        if let preferred = program.preferredHours {
            guard TimeZone(identifier: preferred.timeZoneIdentifier) != nil else {
                throw SchedulingError(
                    .unknownTimeZone,
                    "\(owner) prefers hours in time zone \"\(preferred.timeZoneIdentifier)\", which is not in the IANA time zone database"
                )
            }
            try SchedulingProblem.check(preferred.hours, "preferred hours", owner: owner)
        }
        var sessionIDs: Set<SessionPlan.ID> = []
        var sessions: [ResolvedSession] = []
        for plan in program.sessions {
            let sessionOwner = "session \"\(plan.id)\" of \(owner)"
            guard sessionIDs.insert(plan.id).inserted else {
                throw SchedulingError(.duplicateIdentifier, "\(owner) has two sessions with id \"\(plan.id)\"")
            }
            sessions.append(try resolve(plan, of: program, owner: sessionOwner))
        }
        let first = Span(program.earliestStart.instant, program.deadline.instantRoundedUp)
        let zone = participantCalendars[organiser].location.timeZone
        let windows = (0..<program.occurrenceCount).map { occurrence in
            guard let recurrence = program.recurrence, occurrence > 0 else { return first }
            let start = recurrence.shift(program.earliestStart, by: occurrence, in: zone).instant
            return Span(start, start + first.length)
        }
        return ResolvedProgram(windows: windows, sessions: sessions, organiser: organiser)
    }

    private func resolve(_ plan: SessionPlan, of program: Program, owner: String) throws
        -> ResolvedSession
    {
        switch plan.length {
        case .minutes(let minutes):
            guard minutes > 0, minutes < 7 * 1440 else {
                throw SchedulingError(
                    .invalidQuantity, "\(owner) lasts \(minutes) minutes; it must be more than 0 and less than a week")
            }
        case .days(let days):
            guard days > 0, days <= 30 else {
                throw SchedulingError(.invalidQuantity, "\(owner) lasts \(days) days; it must be 1 to 30")
            }
        }
        guard plan.additionalHeadcount >= 0 else {
            throw SchedulingError(.invalidQuantity, "\(owner) expects \(plan.additionalHeadcount) additional people")
        }
        let required = Set(try expand(plan.required ?? program.required, owner: owner))
        let optional = Set(try expand(plan.optional ?? program.optional, owner: owner)).subtracting(required)
        var venues: [Int] = []
        var observance: InPersonObservance?
        switch program.format {
        case .virtual:
            guard !required.isEmpty else {
                throw SchedulingError(.nothingToSchedule, "\(owner) meets online but requires nobody")
            }
            guard plan.venues?.isEmpty ?? true else {
                throw SchedulingError(.unknownReference, "\(owner) names venues, but the program meets online")
            }
        case .inPerson(let programVenues, let rule):
            observance = rule
            for venue in plan.venues ?? programVenues {
                guard let index = venueIndex[venue] else {
                    throw SchedulingError(.unknownReference, "\(owner) names unknown venue \"\(venue)\"")
                }
                if !venues.contains(index) { venues.append(index) }
            }
            guard !venues.isEmpty else {
                throw SchedulingError(.nothingToSchedule, "\(owner) meets in person but names no venue")
            }
        }
        return ResolvedSession(
            required: required.sorted(), optional: optional.sorted(), venues: venues,
            headcount: required.count + optional.count + plan.additionalHeadcount, length: plan.length,
            observance: observance)
    }

    private func expand(_ invitees: [Invitee], owner: String) throws -> [Int] {
        try invitees.flatMap { invitee -> [Int] in
            switch invitee {
            case .participant(let id):
                guard let index = participantIndex[id] else {
                    throw SchedulingError(.unknownReference, "\(owner) invites unknown participant \"\(id)\"")
                }
                return [index]
            case .community(let id):
                guard let index = communityIndex[id] else {
                    throw SchedulingError(.unknownReference, "\(owner) invites unknown community \"\(id)\"")
                }
                return communityMembers[index]
            }
        }
    }
}
