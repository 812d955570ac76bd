import Contracts
import Foundation
import Postgres
import ServiceKit

/// `scheduling.program-scheduled.v1`: the program's titles, sessions and people are kept, and
/// each volunteer expected at a session is told of their own sessions, once, in their language
/// and time zone.
struct ProgramScheduledHandler: EventHandler {
    let programs: ProgramStore
    let deliveries: DeliveryStore

    func handle(_ batch: [Delivered<ProgramScheduled>], on connection: PostgresConnection) async throws {
        try await programs.recordScheduled(batch.map(\.event), on: connection)
        var owed: [DeliveryStore.NewDelivery] = []
        for delivered in batch {
            let program = delivered.event
            var sessionsOf: [UUID: [ScheduledSession]] = [:]
            for session in program.sessions.sorted(by: { ($0.startsAt, $0.occurrence) < ($1.startsAt, $1.occurrence) }) {
                for volunteer in Set(session.participantVolunteerIds.compactMap(UUID.init(uuidString:))) {
                    sessionsOf[volunteer, default: []].append(session)
                }
            }
            for (volunteer, sessions) in sessionsOf.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                guard let first = sessions.first else { continue }
                var values = Self.titled(program.titles)
                values["sessionCount"] = "\(sessions.count)"
                values["hebrewDateOf"] = "firstSession"
                var instants = ["firstSession": first.startsAt]
                for (index, session) in sessions.enumerated() {
                    instants["sessions.\(index).startsAt"] = session.startsAt
                    instants["sessions.\(index).endsAt"] = session.endsAt
                    if session.virtual { values["sessions.\(index).online"] = "yes" }
                }
                owed.append(
                    DeliveryStore.NewDelivery(
                        causeId: delivered.context.messageID, recipientId: volunteer, kind: .programScheduled,
                        correlationId: delivered.context.correlationID, values: values, instants: instants))
            }
        }
        try await deliveries.record(owed, on: connection)
    }

    /// A text in several languages as template values: `title@en`, `title@he`...
    static func titled(_ titles: [String: String], as name: String = "title") -> [String: String] {
        var values: [String: String] = [:]
        for (tag, title) in titles {
            let language = String(tag.split(separator: "-").first ?? "").lowercased()
            values["\(name)@\(language)"] = title
        }
        return values
    }
}

/// `scheduling.session-rescheduled.v1`: the session's new time is kept, and each volunteer
/// expected at it is told when it is now, and when it was.
struct SessionRescheduledHandler: EventHandler {
    let programs: ProgramStore
    let deliveries: DeliveryStore

    func handle(_ batch: [Delivered<SessionRescheduled>], on connection: PostgresConnection) async throws {
        try await programs.recordRescheduled(batch.map(\.event), on: connection)
        var owed: [DeliveryStore.NewDelivery] = []
        for delivered in batch {
            let move = delivered.event
            var values = ProgramScheduledHandler.titled(move.session.titles ?? move.titles)
            values["reason"] = move.reason
            values["hebrewDateOf"] = "startsAt"
            if move.session.virtual { values["online"] = "yes" }
            let instants = ["startsAt": move.session.startsAt, "endsAt": move.session.endsAt, "previousStartsAt": move.previousStartsAt]
            for volunteer in Set(move.session.participantVolunteerIds.compactMap(UUID.init(uuidString:))) {
                owed.append(
                    DeliveryStore.NewDelivery(
                        causeId: delivered.context.messageID, recipientId: volunteer, kind: .sessionRescheduled,
                        correlationId: delivered.context.correlationID, values: values, instants: instants))
            }
        }
        try await deliveries.record(owed, on: connection)
    }
}

/// What the three registration events have in common, for their notices.
struct RegistrationNotice {
    var programId: UUID
    var sessionId: String?
    var volunteerId: String?
    /// True when the registration took a seat (it makes the volunteer one of the program's people).
    var seated: Bool
    var values: [String: String] = [:]

    /// The registrant's notice of `kind`, with the program's title and the session's times when
    /// scheduling announced them; nothing for a participant the registry does not know.
    func delivery(
        _ kind: NotificationKind, context: HandlingContext, programs: ProgramStore, on connection: PostgresConnection
    ) async throws -> DeliveryStore.NewDelivery? {
        guard let volunteer = volunteerId.flatMap(UUID.init(uuidString:)) else { return nil }
        if seated { try await programs.recordRegistered(program: programId, volunteer: volunteer, on: connection) }
        let summary = try await programs.summary(of: programId, session: sessionId.flatMap(UUID.init(uuidString:)), on: connection)
        var values = self.values.merging(ProgramScheduledHandler.titled(summary.titles)) { first, _ in first }
        var instants: [String: Date] = [:]
        if let session = summary.session {
            instants = ["sessionStartsAt": session.startsAt, "sessionEndsAt": session.endsAt]
            values["hebrewDateOf"] = "sessionStartsAt"
        }
        return DeliveryStore.NewDelivery(
            causeId: context.messageID, recipientId: volunteer, kind: kind, correlationId: context.correlationID, values: values,
            instants: instants)
    }
}

/// `scheduling.registration-confirmed.v1`: the registrant is told they have a seat.
struct RegistrationConfirmedHandler: EventHandler {
    let programs: ProgramStore
    let deliveries: DeliveryStore

    func handle(_ batch: [Delivered<RegistrationConfirmed>], on connection: PostgresConnection) async throws {
        var owed: [DeliveryStore.NewDelivery] = []
        for delivered in batch {
            let event = delivered.event
            let notice = RegistrationNotice(
                programId: event.programId, sessionId: event.sessionId, volunteerId: event.volunteerId, seated: true)
            if let delivery = try await notice.delivery(
                .registrationConfirmed, context: delivered.context, programs: programs, on: connection)
            {
                owed.append(delivery)
            }
        }
        try await deliveries.record(owed, on: connection)
    }
}

/// `scheduling.registration-waitlisted.v1`: the registrant is told their place in line.
struct RegistrationWaitlistedHandler: EventHandler {
    let programs: ProgramStore
    let deliveries: DeliveryStore

    func handle(_ batch: [Delivered<RegistrationWaitlisted>], on connection: PostgresConnection) async throws {
        var owed: [DeliveryStore.NewDelivery] = []
        for delivered in batch {
            let event = delivered.event
            let notice = RegistrationNotice(
                programId: event.programId, sessionId: event.sessionId, volunteerId: event.volunteerId, seated: false,
                values: ["position": "\(event.position)"])
            if let delivery = try await notice.delivery(
                .registrationWaitlisted, context: delivered.context, programs: programs, on: connection)
            {
                owed.append(delivery)
            }
        }
        try await deliveries.record(owed, on: connection)
    }
}

/// `scheduling.registration-promoted.v1`: the registrant is told a seat came free for them.
struct RegistrationPromotedHandler: EventHandler {
    let programs: ProgramStore
    let deliveries: DeliveryStore

    func handle(_ batch: [Delivered<RegistrationPromoted>], on connection: PostgresConnection) async throws {
        var owed: [DeliveryStore.NewDelivery] = []
        for delivered in batch {
            let event = delivered.event
            let notice = RegistrationNotice(
                programId: event.programId, sessionId: event.sessionId, volunteerId: event.volunteerId, seated: true)
            if let delivery = try await notice.delivery(
                .registrationPromoted, context: delivered.context, programs: programs, on: connection)
            {
                owed.append(delivery)
            }
        }
        try await deliveries.record(owed, on: connection)
    }
}
