import AMQP
import Contracts
import Foundation
import Testing

@Suite("Messages that cannot be handled are parked with their reason")
struct ParkingTests {
    @Test(
        "a malformed body, an unknown version and a message without an id are parked on matching.dead with their reasons; the next message is handled"
    )
    func undecodableMessagesAreParked() async throws {
        try await TestSystem.run { system in
            let matching = try await system.start(.matching)
            let events = SampleCommunities.events(4)

            let malformedID = UUID()
            let malformed = try TestSystem.message(events[0], messageID: malformedID, body: Array(#"{"communityId": 42, "name": "#.utf8))
            let futureID = UUID()
            let future = try TestSystem.message(events[1], messageID: futureID, type: "registry.community-registered.v9")
            var anonymous = try TestSystem.message(events[2])
            anonymous.properties.messageID = nil
            try await system.publisher.publishConfirmed([malformed, future, anonymous])
            // Published after them: the consumer must go on.
            try await system.publish([events[3]])

            try await system.waitForExactlyOnce(1, in: [.matching], parked: 3)
            try await system.waitUntil(
                "three messages are parked",
                probe: {
                    try await system.messageCount(ServiceKind.matching.deadLetterQueue)
                }
            ) { $0 == 3 }
            #expect(try await system.database(for: .matching).communityIDs() == [events[3].communityId])

            let parked = try await system.takeDeadLetters(of: .matching)
            let byID = Dictionary(parked.map { ($0.properties.messageID ?? "none", $0) }, uniquingKeysWith: { first, _ in first })
            let malformedCopy = try #require(byID[malformedID.uuidString.lowercased()])
            let futureCopy = try #require(byID[futureID.uuidString.lowercased()])
            let anonymousCopy = try #require(byID["none"])

            #expect(
                Self.reason(malformedCopy).contains("does not decode as registry.community-registered.v1"), "\(Self.reason(malformedCopy))")
            #expect(malformedCopy.body == malformed.body, "the parked copy keeps the body for a replay")
            #expect(Self.reason(futureCopy).contains("unsupported version v9"), "\(Self.reason(futureCopy))")
            #expect(futureCopy.properties.type == "registry.community-registered.v9")
            #expect(Self.reason(anonymousCopy).contains("message_id"), "\(Self.reason(anonymousCopy))")
            for copy in parked {
                let headers = copy.properties.headers
                #expect(headers[MessagingNames.Header.attempts]?.intValue == 1)
                #expect(headers[MessagingNames.Header.originalQueue]?.stringValue == ServiceKind.matching.workQueue)
                let failedAt = try #require(headers[MessagingNames.Header.failedAt]?.stringValue)
                #expect(ContractCoding.parseInstant(failedAt) != nil, "x-p2g-failed-at is RFC 3339: \(failedAt)")
            }

            let metrics = try await matching.metrics()
            #expect(metrics.value("p2g_messages_parked_total") == 3)
            #expect(metrics.value("p2g_messages_handled_total") == 1)
            #expect(try await system.messageCount(ServiceKind.matching.workQueue) == 0)
        }
    }

    @Test("a name holding a NUL character and a 2 MB body can never succeed: each consumer parks them at once, untried again")
    func hopelessMessagesAreParkedAtOnce() async throws {
        try await TestSystem.run { system in
            var started: [ServiceKind: ServiceProcess] = [:]
            for kind in ServiceKind.consumers { started[kind] = try await system.start(kind) }
            var events = SampleCommunities.events(3)
            events[0].name = "Sderot\u{0}"
            events[1].name = String(repeating: "Nahariya ", count: 240_000)
            try await system.publish(events)
            try await system.waitForExactlyOnce(1, in: ServiceKind.consumers, parked: 2)
            for kind in ServiceKind.consumers {
                try await system.waitUntil("\(kind) parked both", probe: { try await system.messageCount(kind.deadLetterQueue) }) {
                    $0 == 2
                }
                let parked = try await system.takeDeadLetters(of: kind)
                let reasons = parked.map(Self.reason)
                #expect(reasons.contains { $0.contains("the database refuses a value of the message") }, "\(kind): \(reasons)")
                #expect(reasons.contains { $0.contains("over this service's limit") }, "\(kind): \(reasons)")
                #expect(parked.allSatisfy { $0.properties.headers[MessagingNames.Header.attempts]?.intValue == 1 })
                let metrics = try await #require(started[kind]).metrics()
                #expect(metrics.value("p2g_messages_retried_total") == 0, "\(kind) retried a hopeless message")
                #expect(try await system.database(for: kind).communityIDs() == [events[2].communityId])
            }
        }
    }

    static func reason(_ delivery: AMQPDelivery) -> String {
        delivery.properties.headers[MessagingNames.Header.error]?.stringValue ?? "(no x-p2g-error)"
    }
}
