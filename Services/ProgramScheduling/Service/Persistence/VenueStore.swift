import Contracts
import Foundation
import JewishCalendar
import Postgres
import SchedulingEngine
import UUIDText

/// Venues: rooms and halls with their location, capacity, opening hours and closures.
struct VenueStore: Sendable {
    let postgres: PostgresClient

    /// A venue as the API shows it.
    struct VenueView: Codable, Sendable {
        @LowercasedUUID var id: UUID
        var name: String
        var location: VenueRequest.Location
        var timeZone: String
        var capacity: Int
        var openingHours: VenueRequest.OpeningHours
        var closed: [ParticipantStore.Availability.Period]
    }

    func create(_ venue: VenueRequest, idempotencyKey: String?) async throws -> (VenueView, created: Bool) {
        if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return (existing, false) }
        let id = UUID.timeOrdered()
        let days = venue.openingHours?.days ?? Array(1...7)
        let from = venue.openingHours.flatMap { WorkingHoursText.minutes($0.from) } ?? 0
        let to = venue.openingHours.flatMap { WorkingHoursText.minutes($0.to) } ?? 1440
        do {
            try await postgres.query(
                """
                INSERT INTO venues (id, name, latitude, longitude, time_zone, capacity, opening_days, opening_from_minute, opening_to_minute,
                                    idempotency_key)
                VALUES (\(id), \(venue.name), \(venue.location.latitude), \(venue.location.longitude), \(venue.timeZone), \(venue.capacity),
                        \(days)::bigint[], \(from), \(to), \(idempotencyKey))
                """)
        } catch let error as PostgresError where error.code == .uniqueViolation && idempotencyKey != nil {
            if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return (existing, false) }
            throw error
        }
        guard let created = try await find(id: id) else {
            throw MissingRecord(description: "venue \(id.lowercasedText) just stored is missing")
        }
        return (created, true)
    }

    static let columns = "id, name, latitude, longitude, time_zone, capacity, opening_days, opening_from_minute, opening_to_minute, closed"

    func find(id: UUID) async throws -> VenueView? {
        try await postgres.query("SELECT \(unsafeSQL: Self.columns) FROM venues WHERE id = \(id)").first.map(Self.view)
    }

    func find(idempotencyKey: String) async throws -> VenueView? {
        try await postgres.query("SELECT \(unsafeSQL: Self.columns) FROM venues WHERE idempotency_key = \(idempotencyKey)").first.map(
            Self.view)
    }

    func list(limit: Int, after: UUID?) async throws -> [VenueView] {
        try await postgres.query(
            "SELECT \(unsafeSQL: Self.columns) FROM venues WHERE \(after)::uuid IS NULL OR id > \(after) ORDER BY id LIMIT \(limit)"
        ).map(Self.view)
    }

    /// Adds a closure; false when the venue does not exist.
    func close(_ id: UUID, during period: DateInterval, on connection: PostgresConnection) async throws -> Bool {
        let entry = ParticipantStore.Availability.Period(
            start: ContractCoding.formatInstant(period.start), end: ContractCoding.formatInstant(period.end))
        return
            !(try await connection.query(
                "UPDATE venues SET closed = closed || \(PostgresJSON([entry])) WHERE id = \(id) RETURNING id"
            ).isEmpty)
    }

    static func view(_ row: PostgresRow) throws -> VenueView {
        VenueView(
            id: try row.decode(UUID.self, "id"), name: try row.decode(String.self, "name"),
            location: .init(latitude: try row.decode(Double.self, "latitude"), longitude: try row.decode(Double.self, "longitude")),
            timeZone: try row.decode(String.self, "time_zone"), capacity: try row.decode(Int.self, "capacity"),
            openingHours: .init(
                days: try row.decode([Int].self, "opening_days"),
                from: ParticipantStore.clock(try row.decode(Int.self, "opening_from_minute")),
                to: ParticipantStore.clock(try row.decode(Int.self, "opening_to_minute"))),
            closed: try row.decode(PostgresJSON<[ParticipantStore.Availability.Period]>.self, "closed").value)
    }

    /// What the engine needs of each venue, with its closures and the bookings of other
    /// programs as unavailability; the ids not found are returned as unknown.
    func planningVenues(_ ids: [UUID], excludingProgram program: UUID?, on connection: PostgresConnection) async throws
        -> (venues: [UUID: PlanningVenue], unknown: [UUID])
    {
        var venues: [UUID: PlanningVenue] = [:]
        for row in try await connection.query("SELECT \(unsafeSQL: Self.columns) FROM venues WHERE id = ANY(\(ids)::uuid[])") {
            let view = try Self.view(row)
            let place = Place(
                name: view.name, latitude: view.location.latitude, longitude: view.location.longitude, timeZoneIdentifier: view.timeZone)
            let hours = WeeklyHours(
                on: view.openingHours.days.compactMap(Weekday.init(rawValue:)),
                LocalTimeRange(
                    startMinute: WorkingHoursText.minutes(view.openingHours.from) ?? 0,
                    endMinute: WorkingHoursText.minutes(view.openingHours.to) ?? 1440))
            let closed = view.closed.compactMap { period -> DateInterval? in
                guard let start = ContractCoding.parseInstant(period.start), let end = ContractCoding.parseInstant(period.end) else {
                    return nil
                }
                return DateInterval(start: start, end: end)
            }
            venues[view.id] = PlanningVenue(
                id: view.id, name: view.name, place: place, capacity: view.capacity, openingHours: hours, unavailable: closed)
        }
        for row in try await connection.query(
            """
            SELECT venue_id, starts_at, ends_at FROM sessions
            WHERE venue_id = ANY(\(ids)::uuid[]) AND status = 'confirmed' AND program_id IS DISTINCT FROM \(program)
            """)
        {
            let id = try row.decode(UUID.self, "venue_id")
            venues[id]?.unavailable.append(
                DateInterval(start: try row.decode(Date.self, "starts_at"), end: try row.decode(Date.self, "ends_at")))
        }
        return (venues, ids.filter { venues[$0] == nil })
    }
}
