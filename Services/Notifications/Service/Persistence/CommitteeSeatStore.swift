import Contracts
import Foundation
import Postgres
import ServiceKit

/// Who sits on which committee, term by term, as the registry announces it: the people of a
/// committee on a day are the volunteers whose seats are held on it. A term only ever ends
/// earlier, so the earliest end heard of is the one kept, whatever order the events arrive in.
struct CommitteeSeatStore: Sendable {
    func recordTaken(_ batch: [Delivered<CommitteeSeatTaken>], on connection: PostgresConnection) async throws {
        var seats: [UUID: CommitteeSeatTaken] = [:]
        for event in batch.map(\.event) {
            seats[event.seatId] =
                seats[event.seatId].map { earlier in
                    var kept = earlier
                    kept.termEnd = Self.earliest(earlier.termEnd, event.termEnd)
                    return kept
                } ?? event
        }
        let events = Array(seats.values)
        guard !events.isEmpty else { return }
        try await connection.pipeline(
            """
            INSERT INTO committee_seats AS s (seat_id, committee_id, partnership_id, volunteer_id, term_start, term_end)
            SELECT seat, committee, partnership, volunteer, start::date, NULLIF(finish, '')::date
            FROM unnest(\(events.map(\.seatId))::uuid[], \(events.map(\.committeeId))::uuid[],
                        \(events.map(\.partnershipId))::uuid[], \(events.map(\.volunteerId))::uuid[],
                        \(events.map(\.termStart.description))::text[], \(events.map { $0.termEnd?.description ?? "" })::text[])
                 AS e(seat, committee, partnership, volunteer, start, finish)
            ON CONFLICT (seat_id) DO UPDATE
                SET term_start = excluded.term_start, term_end = least(s.term_end, excluded.term_end)
            """)
    }

    func recordEnded(_ batch: [Delivered<CommitteeSeatEnded>], on connection: PostgresConnection) async throws {
        var seats: [UUID: CommitteeSeatEnded] = [:]
        for event in batch.map(\.event) where seats[event.seatId].map({ event.termEnd < $0.termEnd }) ?? true {
            seats[event.seatId] = event
        }
        let events = Array(seats.values)
        guard !events.isEmpty else { return }
        try await connection.pipeline(
            """
            INSERT INTO committee_seats AS s (seat_id, committee_id, partnership_id, volunteer_id, term_end)
            SELECT seat, committee, partnership, volunteer, finish::date
            FROM unnest(\(events.map(\.seatId))::uuid[], \(events.map(\.committeeId))::uuid[],
                        \(events.map(\.partnershipId))::uuid[], \(events.map(\.volunteerId))::uuid[],
                        \(events.map(\.termEnd.description))::text[])
                 AS e(seat, committee, partnership, volunteer, finish)
            ON CONFLICT (seat_id) DO UPDATE SET term_end = least(s.term_end, excluded.term_end)
            """)
    }

    private static func earliest(_ first: CalendarDate?, _ second: CalendarDate?) -> CalendarDate? {
        [first, second].compactMap { $0 }.min()
    }
}
