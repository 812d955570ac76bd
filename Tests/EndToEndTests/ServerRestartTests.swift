import Foundation
import Synchronization
import TestSupport
import Testing

@Suite("Servers restarted in the middle of a stream")
struct ServerRestartTests {
    static let streamLength = 5000

    @Test(
        "RabbitMQ restarted while 5,000 communities are being registered: the three consumers each hold exactly 5,000, with no manual step")
    func brokerRestartedMidStream() async throws {
        try await restartMidStream(.rabbitmq)
    }

    @Test(
        "PostgreSQL restarted while 5,000 communities are being registered (clients retrying with their idempotency keys): the registry and the three consumers each hold exactly 5,000"
    )
    func databaseRestartedMidStream() async throws {
        try await restartMidStream(.postgres)
    }

    @Test(
        "PostgreSQL stopped with -m immediate while 5,000 communities are being registered: crash recovery, then every consumer holds each exactly once"
    )
    func databaseStoppedImmediatelyMidStream() async throws {
        try await restartMidStream(name: "postgresImmediateMidStream") {
            _ = try await LocalStack.runScript(["crash", "postgres", "immediate"])
        }
    }

    @Test(
        "PostgreSQL's postmaster killed with SIGKILL while 5,000 communities are being registered: every consumer holds each exactly once"
    )
    func databaseKilledMidStream() async throws {
        try await restartMidStream(name: "postgresKilledMidStream") { _ = try await LocalStack.runScript(["crash", "postgres", "kill"]) }
    }

    private func restartMidStream(_ server: LocalStack.Server) async throws {
        try await restartMidStream(name: "\(server)RestartedMidStream") { try await LocalStack.restart(server) }
    }

    /// Registers 5,000 communities one at a time through the registry, `fault` in the middle;
    /// every consumer, and the probe (whose effects no key protects), must hold each exactly once.
    private func restartMidStream(name: String, fault: @Sendable () async throws -> Void) async throws {
        try await TestSystem.run(name) { system in
            let registry = try await system.start(.registry)
            let consumers = ServiceKind.consumers + [.probe]
            for kind in consumers { try await system.start(kind) }
            let registering = Task { try await RegistryClient(registry).registerAll(0..<Self.streamLength) }

            // In the middle: once the consumers have started on the stream.
            let notifications = try await system.database(for: .notifications)
            try await system.waitUntil(
                "the consumers are handling the stream", interval: .milliseconds(20),
                probe: {
                    try await notifications.inboxCount()
                }
            ) { $0 >= 500 }
            try await fault()
            let handledAtFault = try await notifications.inboxCount()
            #expect(handledAtFault < Self.streamLength, "the fault came after the stream had been handled")

            let ids = try await registering.value
            #expect(Set(ids).count == Self.streamLength)
            let registryDatabase = try await system.database(for: .registry)
            #expect(
                try await registryDatabase.communityIDs() == Set(ids), "the registry holds exactly the communities its clients registered")
            try await system.waitForExactlyOnce(Self.streamLength, in: consumers)
            for kind in consumers {
                #expect(try await system.database(for: kind).communityIDs() == Set(ids), "\(kind)")
                #expect(try await system.messageCount(kind.deadLetterQueue) == 0, "\(kind) parked messages")
            }
            #expect(try await notifications.notificationsPerRecipient().values.allSatisfy { $0 == 1 })
            try system.checkProcesses()
        }
    }

    @Test(
        "while the broker restarts, /health/ready answers 503 naming the broker, then 200 again; an instance with P2G_MAX_DISCONNECTED=1s exits non-zero instead"
    )
    func readinessFollowsTheBroker() async throws {
        try await TestSystem.run { system in
            let patient = try await system.start(.matching)
            let impatient = try await system.start(.scheduling, environment: ["P2G_MAX_DISCONNECTED": "1s"])
            impatient.expectExit()

            let answers = Mutex<[(status: Int, brokerOK: Bool?)]>([])
            let watching = Task {
                while !Task.isCancelled {
                    if let answer = try? await HTTPClient.get("\(patient.baseURL)/health/ready") {
                        let report = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any]
                        let broker = report?["broker"] as? [String: Any]
                        answers.withLock { $0.append((answer.status, broker?["ok"] as? Bool)) }
                    }
                    try? await Task.sleep(for: .milliseconds(50))
                }
            }
            try await LocalStack.restart(.rabbitmq)
            let seen = try await system.waitUntil(
                "readiness answers 200 after a 503", timeout: .seconds(60),
                probe: {
                    answers.withLock { $0 }
                }
            ) { seen in
                guard let down = seen.firstIndex(where: { $0.status == 503 }) else { return false }
                return seen[down...].contains { $0.status == 200 }
            }
            watching.cancel()
            await watching.value
            #expect(seen.contains { $0.status == 503 && $0.brokerOK == false }, "the broker named as the reason: \(seen)")

            let status = try await impatient.waitForExit(timeout: .seconds(60))
            #expect(status == 1)
            #expect(impatient.log.contains("cut off from the broker"))

            // And the patient one works after it.
            let event = SampleCommunities.events(1)
            try await system.publish(event)
            try await system.waitForExactlyOnce(1, in: [.matching])
        }
    }
}
