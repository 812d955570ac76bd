import Foundation
import JewishCalendar

/// Everything the engine needs to place a set of programs: who, where, what, the planning
/// horizon, the current instant and the fixed part of the schedule, checked when created.
///
/// "Now" is an input: nothing movable is placed before it, and the engine never reads a clock.
public struct SchedulingProblem: Sendable {
    /// The participants, by id.
    public let participants: [Participant]
    /// The communities, by id.
    public let communities: [Community]
    /// The venues, by id.
    public let venues: [Venue]
    /// The programs, by id.
    public let programs: [Program]
    /// The stretch of time in which sessions may be placed.
    public let horizon: DateInterval
    /// The current instant: sessions are placed from here on.
    public let now: Date
    /// Placements that must stay as they are (confirmed or already held), by start.
    public let fixed: [Placement]
    /// The weights of the soft preferences.
    public let weights: SoftWeights
    /// Sessions in minutes start on multiples of this many minutes past the hour (UTC).
    public let slotMinutes: Int

    /// The longest planning horizon: the calendar's range less a month of margin.
    public static let maximumHorizon: TimeInterval = ObservanceCalendar.maximumRange - 30 * 86_400

    let participantIndex: [Participant.ID: Int]
    let communityIndex: [Community.ID: Int]
    let venueIndex: [Venue.ID: Int]
    let programIndex: [Program.ID: Int]
    /// Parallel to `participants`, `venues` and `communities`.
    let participantCalendars: [ObservanceCalendar]
    let venueCalendars: [ObservanceCalendar]
    let communityCalendars: [ObservanceCalendar]
    /// Participant indices of each community's members, in id order.
    let communityMembers: [[Int]]
    /// Parallel to `programs`.
    let resolved: [ResolvedProgram]
    /// Index into `fixed` of each fixed session.
    let fixedIndex: [SessionKey: Int]

    /// Checks and indexes a problem.
    /// - Throws: `SchedulingError` naming the entity that is wrong: a duplicate or unknown
    ///   identifier, an unknown time zone, hours outside the day, a deadline not after the
    ///   earliest start, a horizon that is empty or too long, or a participant or venue in two
    ///   places at once in the fixed placements.
    public init(
        participants: [Participant], communities: [Community] = [], venues: [Venue] = [], programs: [Program],
        horizon: DateInterval, now: Date, fixed: [Placement] = [], weights: SoftWeights = .standard,
        slotMinutes: Int = 15
    ) throws {
        guard horizon.duration > 0, horizon.duration <= Self.maximumHorizon else {
            throw SchedulingError(
                .invalidHorizon,
                "the planning horizon from \(InstantText.utc(horizon.start)) to \(InstantText.utc(horizon.end)) must be longer than 0 and at most \(Int(Self.maximumHorizon / 86_400)) days"
            )
        }
        guard slotMinutes > 0, 1440 % slotMinutes == 0 else {
            throw SchedulingError(.invalidQuantity, "a slot of \(slotMinutes) minutes does not divide a day")
        }
        self.horizon = horizon
        self.now = now
        self.weights = weights
        self.slotMinutes = slotMinutes

        self.communities = communities.sorted { $0.id < $1.id }
        communityIndex = try Self.index(self.communities, kind: "community")
        communityCalendars = try self.communities.map { community in
            try Self.calendar(of: community.place, owner: "community \"\(community.name)\" (\(community.id))")
        }

        self.participants = participants.sorted { $0.id < $1.id }
        participantIndex = try Self.index(self.participants, kind: "participant")
        var members = [[Int]](repeating: [], count: communities.count)
        var participantCalendars: [ObservanceCalendar] = []
        for (index, participant) in self.participants.enumerated() {
            let owner = Self.name(participant)
            participantCalendars.append(try Self.calendar(of: participant.place, owner: owner))
            try Self.check(participant.acceptableHours, "acceptable hours", owner: owner)
            try Self.check(participant.comfortableHours, "comfortable hours", owner: owner)
            if let community = participant.community {
                guard let communityIndex = communityIndex[community] else {
                    throw SchedulingError(.unknownReference, "\(owner) belongs to unknown community \"\(community)\"")
                }
                members[communityIndex].append(index)
            }
        }
        self.participantCalendars = participantCalendars
        communityMembers = members

        self.venues = venues.sorted { $0.id < $1.id }
        venueIndex = try Self.index(self.venues, kind: "venue")
        venueCalendars = try self.venues.map { venue in
            let owner = "venue \"\(venue.name)\" (\(venue.id))"
            guard venue.capacity > 0 else {
                throw SchedulingError(
                    .invalidQuantity, "\(owner) has a capacity of \(venue.capacity); it must hold someone")
            }
            try Self.check(venue.openingHours, "opening hours", owner: owner)
            return try Self.calendar(of: venue.place, owner: owner)
        }

        self.programs = programs.sorted { $0.id < $1.id }
        programIndex = try Self.index(self.programs, kind: "program")
        var resolved: [ResolvedProgram] = []
        resolved.reserveCapacity(programs.count)
        let resolver = ProgramResolver(
            participantIndex: participantIndex, communityIndex: communityIndex, venueIndex: venueIndex,
            communityMembers: members, participantCalendars: participantCalendars)
        for program in self.programs {
            resolved.append(try resolver.resolve(program))
        }
        self.resolved = resolved

        self.fixed = fixed.sorted(by: Placement.chronological)
        var fixedIndex: [SessionKey: Int] = [:]
        for (index, placement) in self.fixed.enumerated() {
            guard fixedIndex.updateValue(index, forKey: placement.key) == nil else {
                throw SchedulingError(.duplicateIdentifier, "session \(placement.key) is fixed twice")
            }
        }
        self.fixedIndex = fixedIndex
        try checkFixedPlacements()
    }

    /// The same problem with one more program, checked; the rest is not checked again.
    /// - Throws: `SchedulingError` naming what is wrong with the program, or a duplicate id.
    public func adding(_ program: Program) throws -> SchedulingProblem {
        guard programIndex[program.id] == nil else {
            throw SchedulingError(.duplicateIdentifier, "program id \"\(program.id)\" is already used")
        }
        let resolvedProgram = try resolver.resolve(program)
        let position = programs.firstIndex { program.id < $0.id } ?? programs.count
        var programs = programs
        var resolved = resolved
        programs.insert(program, at: position)
        resolved.insert(resolvedProgram, at: position)
        return SchedulingProblem(copying: self, programs: programs, resolved: resolved)
    }

    private init(copying problem: SchedulingProblem, programs: [Program], resolved: [ResolvedProgram]) {
        participants = problem.participants
        communities = problem.communities
        venues = problem.venues
        horizon = problem.horizon
        now = problem.now
        fixed = problem.fixed
        weights = problem.weights
        slotMinutes = problem.slotMinutes
        participantIndex = problem.participantIndex
        communityIndex = problem.communityIndex
        venueIndex = problem.venueIndex
        participantCalendars = problem.participantCalendars
        venueCalendars = problem.venueCalendars
        communityCalendars = problem.communityCalendars
        communityMembers = problem.communityMembers
        fixedIndex = problem.fixedIndex
        self.programs = programs
        self.resolved = resolved
        var programIndex: [Program.ID: Int] = [:]
        for (index, program) in programs.enumerated() { programIndex[program.id] = index }
        self.programIndex = programIndex
    }

    // MARK: - Looking things up

    /// The participant with an id.
    public func participant(_ id: Participant.ID) -> Participant? {
        participantIndex[id].map { participants[$0] }
    }

    /// The venue with an id.
    public func venue(_ id: Venue.ID) -> Venue? {
        venueIndex[id].map { venues[$0] }
    }

    /// The program with an id.
    public func program(_ id: Program.ID) -> Program? {
        programIndex[id].map { programs[$0] }
    }

    /// The community with an id.
    public func community(_ id: Community.ID) -> Community? {
        communityIndex[id].map { communities[$0] }
    }

    /// The members of a community, in id order.
    public func members(of community: Community.ID) -> [Participant.ID] {
        communityIndex[community].map { communityMembers[$0].map { participants[$0].id } } ?? []
    }

    /// Every session of every occurrence of a program, in key order.
    public func sessionKeys(of program: Program.ID) -> [SessionKey] {
        guard let program = self.program(program) else { return [] }
        return (0..<program.occurrenceCount).flatMap { occurrence in
            program.sessions.map { SessionKey(program: program.id, occurrence: occurrence, session: $0.id) }
                .sorted()
        }
    }

    /// The window `[earliest start, deadline)` of one occurrence of a program.
    public func window(of program: Program.ID, occurrence: Int) -> DateInterval? {
        guard let index = programIndex[program], resolved[index].windows.indices.contains(occurrence) else {
            return nil
        }
        let window = resolved[index].windows[occurrence]
        return DateInterval(start: Date(instant: window.start), end: Date(instant: window.end))
    }

    /// The program and session indices of a key, if it names a session of the problem.
    func locate(_ key: SessionKey) -> (program: Int, session: Int)? {
        guard let program = programIndex[key.program],
            resolved[program].windows.indices.contains(key.occurrence),
            let session = programs[program].sessions.firstIndex(where: { $0.id == key.session })
        else { return nil }
        return (program, session)
    }

    /// The horizon in engine instants.
    var horizonSpan: Span {
        Span(horizon.start.instant, horizon.end.instantRoundedUp)
    }

    /// `participant "Sderot coordinator" (sderot-coordinator)`.
    static func name(_ participant: Participant) -> String {
        "participant \"\(participant.name)\" (\(participant.id))"
    }

    // MARK: - Checks

    private var resolver: ProgramResolver {
        ProgramResolver(
            participantIndex: participantIndex, communityIndex: communityIndex, venueIndex: venueIndex,
            communityMembers: communityMembers, participantCalendars: participantCalendars)
    }

    private static func index<Entity: Identifiable>(_ entities: [Entity], kind: String) throws -> [Entity.ID: Int]
    where Entity.ID: CustomStringConvertible {
        var index: [Entity.ID: Int] = [:]
        for (position, entity) in entities.enumerated() {
            guard index.updateValue(position, forKey: entity.id) == nil else {
                throw SchedulingError(.duplicateIdentifier, "\(kind) id \"\(entity.id)\" is used twice")
            }
        }
        return index
    }

    private static func calendar(of place: Place, owner: String) throws -> ObservanceCalendar {
        do {
            return try place.observanceCalendar()
        } catch let error as CalendarError {
            let code: SchedulingError.Code = error.code == .unknownTimeZone ? .unknownTimeZone : .invalidPlace
            throw SchedulingError(code, "\(owner) is at \"\(place.name)\", where \(error.description)")
        }
    }

    static func check(_ hours: WeeklyHours, _ what: String, owner: String) throws {
        if let (weekday, range) = hours.firstInvalidRange {
            throw SchedulingError(
                .invalidHours,
                "\(owner) has \(what) on \(weekday.shortName) from minute \(range.startMinute) to \(range.endMinute), which is empty or outside 0...1440"
            )
        }
    }

    /// Every fixed placement names a real session, has its length and its required attendees,
    /// and nobody (person or venue) is in two places at once.
    private func checkFixedPlacements() throws {
        var participantBookings = [[(Span, SessionKey)]](repeating: [], count: participants.count)
        var venueBookings = [[(Span, SessionKey)]](repeating: [], count: venues.count)
        for placement in fixed {
            guard let (program, session) = locate(placement.key) else {
                throw SchedulingError(
                    .unknownReference, "fixed placement \(placement.key) names no session of the programs given")
            }
            let span = Span(placement.start.instant, placement.end.instantRoundedUp)
            let plan = resolved[program].sessions[session]
            if case .minutes(let minutes) = plan.length, span.length != minutes * 60 {
                throw SchedulingError(
                    .invalidFixedPlacement,
                    "fixed placement \(placement.key) lasts \(span.length / 60) minutes, but the session lasts \(minutes)"
                )
            }
            guard span.length > 0 else {
                throw SchedulingError(
                    .invalidFixedPlacement, "fixed placement \(placement.key) does not end after it starts")
            }
            for attendee in placement.attendees {
                guard let index = participantIndex[attendee] else {
                    throw SchedulingError(
                        .unknownReference, "fixed placement \(placement.key) names unknown participant \"\(attendee)\"")
                }
                participantBookings[index].append((span, placement.key))
            }
            for required in plan.required where !placement.attendees.contains(participants[required].id) {
                throw SchedulingError(
                    .invalidFixedPlacement,
                    "fixed placement \(placement.key) leaves out required \(Self.name(participants[required]))")
            }
            if let venue = placement.venue {
                guard let index = venueIndex[venue] else {
                    throw SchedulingError(
                        .unknownReference, "fixed placement \(placement.key) names unknown venue \"\(venue)\"")
                }
                venueBookings[index].append((span, placement.key))
            }
        }
        for (index, bookings) in participantBookings.enumerated() {
            if let (first, second) = Self.firstOverlap(bookings) {
                throw SchedulingError(
                    .doubleBookedFixedPlacement,
                    "\(Self.name(participants[index])) is in two places at once in the fixed part of the schedule: \(Self.describe(first)) and \(Self.describe(second))"
                )
            }
        }
        for (index, bookings) in venueBookings.enumerated() {
            if let (first, second) = Self.firstOverlap(bookings) {
                throw SchedulingError(
                    .doubleBookedFixedPlacement,
                    "venue \"\(venues[index].name)\" (\(venues[index].id)) is booked twice at once in the fixed part of the schedule: \(Self.describe(first)) and \(Self.describe(second))"
                )
            }
        }
    }

    private static func firstOverlap(_ bookings: [(Span, SessionKey)]) -> ((Span, SessionKey), (Span, SessionKey))? {
        let sorted = bookings.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.0.start < earlier.0.end {
            return (earlier, later)
        }
        return nil
    }

    private static func describe(_ booking: (Span, SessionKey)) -> String {
        "\(booking.1) (\(InstantText.utc(booking.0.start)) to \(InstantText.utc(booking.0.end)))"
    }
}
