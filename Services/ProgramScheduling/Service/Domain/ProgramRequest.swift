import Contracts
import Foundation

/// `POST /programs` as sent: what to schedule, for whom, where and by when. Stored as sent, so
/// that a later change (someone's new unavailability) can place its sessions again.
struct ProgramRequest: Codable, Sendable, Equatable {
    /// e.g. `conference`; see ``ProgramKindName``.
    var kind: String
    var partnershipId: UUID?
    /// The title in each language, BCP 47 tag → title.
    var titles: [String: String]
    /// `virtual` or `in-person`.
    var format: String?
    /// For an in-person program, the venues it may use in order of preference.
    var venueIds: [UUID]?
    /// Who organises it (a volunteer id); the first required participant otherwise. A series
    /// keeps its time of day on the organiser's clock.
    var organiserVolunteerId: UUID?
    var sessions: [SessionRequest]
    /// RFC 3339 instants.
    var earliestStart: String
    var deadline: String
    var recurrence: RecurrenceRequest?
    /// Seats for registrations to the whole program; absent: the smallest venue's capacity, or
    /// no limit for a virtual program.
    var capacity: Int?
    /// How much the program minds sessions on Chol HaMoed, on a festival eve's afternoon, or
    /// without an optional invitee; absent: the engine's defaults.
    var softWeights: SoftWeightsRequest?

    /// The engine's soft weights a program may set (``SoftWeights`` and ``Program/absenceWeight``):
    /// each a non-negative number, per attendee-session (or per absent optional invitee).
    struct SoftWeightsRequest: Codable, Sendable, Equatable {
        /// Per attendee for whom a session falls on an intermediate day of Pesach or Sukkot at
        /// their home; 0 (no preference) by default.
        var cholHamoed: Double?
        /// Per attendee for whom a session falls after midday on a festival eve at their home; 0
        /// by default.
        var festivalEveAfternoon: Double?
        /// Per optional invitee who cannot attend; the engine's 3 by default.
        var absenceWeight: Double?

        /// The largest weight taken: far beyond any other weight, so still finite in every sum.
        static let maximum = 1_000_000.0
    }

    struct SessionRequest: Codable, Sendable, Equatable {
        /// Names the session within the program, e.g. `plenary`, `workshop-triage`.
        var key: String
        var titles: [String: String]?
        var durationMinutes: Int?
        var durationDays: Int?
        /// The venues this session may use (of an in-person program); absent: the program's.
        var venueIds: [UUID]?
        var requiredParticipants: [UUID]
        var optionalParticipants: [UUID]?
        /// People expected besides the participants named, for the size of the room.
        var expectedAttendance: Int?
    }

    struct RecurrenceRequest: Codable, Sendable, Equatable {
        /// `weekly`, `monthly` or `quarterly`.
        var every: String
        /// How many occurrences in all; or `years` of them.
        var count: Int?
        var years: Int?
    }
}

/// A program request that passed every check.
struct ValidProgram: Sendable {
    var request: ProgramRequest
    var isVirtual: Bool
    var occurrences: Int
    /// Every volunteer the program names, required or optional, in order of first mention.
    var participants: [UUID]
    var organiser: UUID
    var venues: [UUID]
    var earliestStart: Date
    var deadline: Date
}

/// The kinds of program P2G runs.
enum ProgramKindName {
    static let all = [
        "delegation", "mission", "visit", "conference", "committee-meeting", "joint-team-meeting", "school-twinning",
    ]
}

extension ProgramRequest {
    /// `he`, `en`, `pt-BR`, `zh-Hant`: a BCP 47 tag's shape.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ ("a"..."z").contains($0) }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// Every invalid field named at once, or the program ready to place.
    func validated() -> Result<ValidProgram, InvalidInput> {
        var invalid: [InvalidInput.InvalidField] = []
        func fail(_ name: String, _ reason: String) { invalid.append(.init(name: name, reason: reason)) }
        if !ProgramKindName.all.contains(kind) { fail("kind", "must be one of \(ProgramKindName.all.joined(separator: ", "))") }
        checkTitles(titles, "titles", required: true, fail)
        let isVirtual: Bool
        switch format ?? ((venueIds ?? []).isEmpty ? "virtual" : "in-person") {
        case "virtual":
            isVirtual = true
            if !(venueIds ?? []).isEmpty { fail("venueIds", "must be absent for a virtual program") }
        case "in-person":
            isVirtual = false
            if (venueIds ?? []).isEmpty { fail("venueIds", "must name at least one venue for an in-person program") }
        default:
            isVirtual = true
            fail("format", "must be virtual or in-person")
        }
        if (venueIds ?? []).count > 50 { fail("venueIds", "may name at most 50 venues") }
        if sessions.isEmpty || sessions.count > 200 { fail("sessions", "must hold 1 to 200 sessions") }
        var keys: Set<String> = []
        var participants: [UUID] = []
        var seen: Set<UUID> = []
        for (index, session) in sessions.enumerated() {
            let name = "sessions[\(index)]"
            if session.key.isEmpty || session.key.count > 64
                || !session.key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            {
                fail("\(name).key", "must be 1 to 64 letters, digits, hyphens or underscores")
            } else if !keys.insert(session.key).inserted {
                fail("\(name).key", "is used by another session")
            }
            if let titles = session.titles { checkTitles(titles, "\(name).titles", required: false, fail) }
            switch (session.durationMinutes, session.durationDays) {
            case (let minutes?, nil): if !(5...(24 * 60)).contains(minutes) { fail("\(name).durationMinutes", "must be 5 to 1440") }
            case (nil, let days?): if !(1...30).contains(days) { fail("\(name).durationDays", "must be 1 to 30") }
            default: fail("\(name).durationMinutes", "exactly one of durationMinutes and durationDays is required")
            }
            if let venues = session.venueIds {
                if isVirtual { fail("\(name).venueIds", "must be absent in a virtual program") }
                if venues.isEmpty || !Set(venues).isSubset(of: Set(venueIds ?? [])) {
                    fail("\(name).venueIds", "must name some of the program's venues")
                }
            }
            if session.requiredParticipants.isEmpty && isVirtual {
                fail("\(name).requiredParticipants", "must name at least one volunteer for a virtual session")
            }
            let everyone = session.requiredParticipants + (session.optionalParticipants ?? [])
            if everyone.count > 500 { fail("\(name).requiredParticipants", "may name at most 500 volunteers") }
            for id in everyone where seen.insert(id).inserted { participants.append(id) }
            if let expected = session.expectedAttendance, !(0...100_000).contains(expected) {
                fail("\(name).expectedAttendance", "must be 0 to 100000")
            }
        }
        let earliest = ContractCoding.parseInstant(earliestStart)
        let latest = ContractCoding.parseInstant(deadline)
        if earliest == nil { fail("earliestStart", "must be an RFC 3339 instant such as 2027-03-01T08:00:00Z") }
        if latest == nil { fail("deadline", "must be an RFC 3339 instant such as 2027-03-15T18:00:00Z") }
        if let earliest, let latest {
            if latest <= earliest { fail("deadline", "must be after earliestStart") }
            if latest.timeIntervalSince(earliest) > 366 * 86_400 { fail("deadline", "must be within a year of earliestStart") }
            if earliest < Date(timeIntervalSince1970: 946_684_800) || latest > Date(timeIntervalSince1970: 4_102_444_800) {
                fail("earliestStart", "must lie between 2000 and 2100")
            }
        }
        var occurrences = 1
        if let recurrence {
            let count =
                recurrence.count
                ?? recurrence.years.map { years in
                    switch recurrence.every {
                    case "weekly": 52 * years
                    case "monthly": 12 * years
                    default: 4 * years
                    }
                }
            if !["weekly", "monthly", "quarterly"].contains(recurrence.every) {
                fail("recurrence.every", "must be weekly, monthly or quarterly")
            }
            if recurrence.count != nil && recurrence.years != nil { fail("recurrence", "takes count or years, not both") }
            if let count, (1...60).contains(count) { occurrences = count } else { fail("recurrence.count", "must be 1 to 60 occurrences") }
        }
        if sessions.count * occurrences > 1000 { fail("sessions", "a program places at most 1000 sessions in all its occurrences") }
        if let capacity, !(1...1_000_000).contains(capacity) { fail("capacity", "must be 1 to 1000000") }
        if let softWeights {
            for (name, weight) in [
                ("cholHamoed", softWeights.cholHamoed), ("festivalEveAfternoon", softWeights.festivalEveAfternoon),
                ("absenceWeight", softWeights.absenceWeight),
            ] {
                guard let weight else { continue }
                if !weight.isFinite || weight < 0 || weight > SoftWeightsRequest.maximum {
                    fail("softWeights.\(name)", "must be a number from 0 to 1000000")
                }
            }
        }
        let organiser = organiserVolunteerId ?? sessions.first?.requiredParticipants.first ?? participants.first
        if organiser == nil { fail("organiserVolunteerId", "is required when no session names a required participant") }
        if let organiser, seen.insert(organiser).inserted { participants.append(organiser) }
        guard invalid.isEmpty, let organiser, let earliest, let latest else {
            return .failure(InvalidInput("the program cannot be scheduled", invalidFields: invalid))
        }
        return .success(
            ValidProgram(
                request: self, isVirtual: isVirtual, occurrences: occurrences, participants: participants, organiser: organiser,
                venues: venueIds ?? [], earliestStart: earliest, deadline: latest))
    }

    private func checkTitles(
        _ titles: [String: String], _ name: String, required: Bool, _ fail: (String, String) -> Void
    ) {
        if required && titles.isEmpty { fail(name, "must hold a title in at least one language") }
        if titles.count > 20 { fail(name, "may hold at most 20 languages") }
        for (language, title) in titles.sorted(by: { $0.key < $1.key }) {
            if !Self.isLanguageTag(language) { fail("\(name).\(language)", "is not a BCP 47 language tag") }
            let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || title.count > 200 { fail("\(name).\(language)", "must be 1 to 200 characters") }
            if title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                fail("\(name).\(language)", "must not hold control characters")
            }
        }
    }
}
