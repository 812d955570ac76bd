import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import SchedulingEngine
import ServiceKit
import UUIDText

/// iCalendar (RFC 5545) feeds at stable URLs: `GET /calendars/participants/{id}` (a
/// volunteer's own, reached with the signed link sent to them, `?access_token=`),
/// `GET /calendars/communities/{id}` and `GET /calendars/programs/{id}`.
struct CalendarRoutes: ResourceRoutes {
    let programs: ProgramStore
    let participants: ParticipantStore
    let postgres: PostgresClient

    func add(to router: Router<BasicRequestContext>) {
        router.get("/calendars/participants/:id") { _, context in try await participant(context: context) }
        router.get("/calendars/communities/:id") { _, context in try await community(context: context) }
        router.get("/calendars/programs/:id") { _, context in try await program(context: context) }
    }

    func participant(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a volunteer")
        let zone = try await postgres.query("SELECT time_zone FROM participants WHERE volunteer_id = \(id)").first?.decode(
            String.self, "time_zone")
        guard let zone else { throw ProblemDetails.notFound("participant \(id.lowercasedText)") }
        let sessions = try await programs.calendarSessions(.participant(id))
        return try await feed(name: "P2G: my programs", zone: zone, sessions)
    }

    func community(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a community")
        guard let row = try await postgres.query("SELECT name, time_zone FROM community_locations WHERE community_id = \(id)").first else {
            throw ProblemDetails.notFound("community \(id.lowercasedText)")
        }
        let sessions = try await programs.calendarSessions(.community(id))
        return try await feed(name: "P2G: \(try row.decode(String.self, "name"))", zone: try row.decode(String.self, "time_zone"), sessions)
    }

    func program(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a program")
        guard let program = try await programs.find(id: id) else { throw ProblemDetails.notFound("program \(id.lowercasedText)") }
        try SchedulingAccess.requireProgram(partnership: program.partnershipId.flatMap(UUID.init(uuidString:)))
        let sessions = try await programs.calendarSessions(.program(id))
        return try await feed(name: "P2G: \(ProgramPlanner.title(program.titles) ?? "program")", zone: program.timeZone, sessions)
    }

    /// The stable UID of a session, the same in every feed and every export.
    static func uid(_ session: UUID) -> String { "\(session.lowercasedText)@\(ICalendarWriter.uidDomain)" }

    private func feed(name: String, zone: String, _ sessions: [(program: ProgramStore.ProgramView, session: ProgramStore.SessionView)])
        async throws -> Response
    {
        let venueIDs = Array(Set(sessions.compactMap { $0.session.venueUUID }))
        var venueNames: [String: String] = [:]
        if !venueIDs.isEmpty {
            for row in try await postgres.query("SELECT id, name FROM venues WHERE id = ANY(\(venueIDs)::uuid[])") {
                venueNames[try row.decode(UUID.self, "id").lowercasedText] = try row.decode(String.self, "name")
            }
        }
        let events = sessions.map { program, session in
            let programTitle = ProgramPlanner.title(program.titles) ?? "Program"
            let summary = session.titles.flatMap(ProgramPlanner.title).map { "\(programTitle): \($0)" } ?? programTitle
            return FeedWriter.Event(
                uid: Self.uid(session.id), start: session.startsAt, end: session.endsAt, summary: summary,
                description: program.titles.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n"),
                location: session.venueId.map { venueNames[$0] ?? "Venue \($0)" } ?? "Online", sequence: session.sequence,
                isCancelled: session.status == "cancelled", attendees: session.participants.map { "urn:p2g:volunteer:\($0)" })
        }
        let writer = FeedWriter(
            name: name, timeZoneIdentifier: zone,
            organiser: (address: "mailto:p2g-scheduling@jewishagency.org", name: "P2G program scheduling"))
        let text = try writer.calendar(events, stamp: Date())
        return Response(
            status: .ok, headers: [.contentType: "text/calendar; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
