import AMQP
import Contracts
import Foundation
import Testing

@Suite("A joint team formed gets its meetings scheduled, across the four executables")
struct JointTeamMeetingTests {
    @Test("matching.joint-team-formed.v1 leads program-scheduling to publish scheduling.program-scheduled.v1 with the team's first meeting")
    func teamFormedLeadsToAScheduledMeeting() async throws {
        try await TestSystem.run { system in
            let registry = try await system.start(.registry)
            var scheduling: ServiceProcess?
            for kind in ServiceKind.consumers {
                let process = try await system.start(kind)
                if kind == .scheduling { scheduling = process }
            }
            let schedulingProcess = try #require(scheduling)
            let ids = try await RegistryClient(registry).registerAll(0..<2)
            try await system.waitUntil("scheduling holds both communities", probe: { try await FanOutTests.total(schedulingProcess) }) {
                $0 == 2
            }
            // What a notification service would hear: a queue of its own on p2g.events.
            let listener = "e2e.scheduled-meetings"
            _ = try await system.amqp.declare(AMQPQueue(name: listener, durable: false, exclusive: false, autoDelete: false))
            try await system.amqp.bind(
                AMQPBinding(queue: listener, exchange: MessagingNames.eventsExchange, routingKey: ProgramScheduled.eventType.description))

            func member(_ delegation: JointTeamFormed.Delegation, _ zone: String) -> JointTeamFormed.Member {
                .init(volunteerId: UUID(), delegation: delegation, timeZone: zone, languages: ["en"])
            }
            let team = JointTeamFormed(
                teamId: UUID(), pairingId: UUID(), program: .communities2gether, impactedCommunityId: ids[0], supportingCommunityId: ids[1],
                members: [
                    member(.impacted, "Asia/Jerusalem"), member(.impacted, "Asia/Jerusalem"), member(.supporting, "America/Chicago"),
                    member(.supporting, "America/Chicago"), member(.agency, "Asia/Jerusalem"), member(.agency, "America/New_York"),
                ], workingLanguage: "en", interpreterNeeded: false, formedAt: Date())
            // As pairing-matching publishes it once a pairing's joint team is formed.
            let type = JointTeamFormed.eventType.description
            let properties = AMQPProperties(
                contentType: "application/json", deliveryMode: .persistent, correlationID: team.pairingId.uuidString.lowercased(),
                messageID: UUID().uuidString.lowercased(), timestamp: Date(), type: type, appID: "matching")
            try await system.publisher.publishConfirmed(
                AMQPMessage(
                    exchange: MessagingNames.eventsExchange, routingKey: type, body: Array(try ContractCoding.encode(team)),
                    properties: properties))

            try await system.waitUntil("the meeting is announced", probe: { try await system.messageCount(listener) }) { $0 >= 1 }
            let delivery = try #require(try await system.amqp.get(from: listener))
            #expect(delivery.properties.type == ProgramScheduled.eventType.description)
            #expect(delivery.properties.correlationID == team.pairingId.uuidString.lowercased(), "the pairing's workflow")
            let scheduled = try ContractCoding.decode(ProgramScheduled.self, from: Data(delivery.body))
            #expect(scheduled.teamId == team.teamId.uuidString.lowercased())
            #expect(scheduled.sessions.count == 12)
            let first = try #require(scheduled.sessions.first)
            #expect(first.virtual)
            #expect(Set(first.participantVolunteerIds) == Set(team.members.map { $0.volunteerId.uuidString.lowercased() }))
            #expect(first.startsAt < Date().addingTimeInterval(14 * 86_400))
            #expect(try await system.messageCount(ServiceKind.scheduling.deadLetterQueue) == 0)
            try await system.deleteQueue(listener)
        }
    }
}
