import AMQP
import Foundation
import TestSupport
import Testing

/// A message whose handler stops the process every time (a fatal error, a segmentation fault):
/// a supervisor restarts the service, the broker delivers the message again, and without a
/// limit the service would never get past it.
@Suite("A message that crashes its handler's process")
struct CrashingHandlerTests {
    @Test(
        "every delivery of it kills the probe: after at most three crashes it is parked with its reason, and every other event of the stream has one effect"
    )
    func crashingMessageIsParked() async throws {
        try await TestSystem.run { system in
            var events = SampleCommunities.events(400)
            events[200].name = "crash 200"
            let crashID = UUID()
            var ids = events.map { _ in UUID() }
            ids[200] = crashID
            // The runtime's backtrace on a crash takes seconds; what matters here is the exit.
            let environment = CrashWindowTests.quickRetries.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
            var instance = try await system.start(.probe, environment: environment)
            instance.expectExit()
            try await system.publish(events, messageIDs: ids)

            var crashes = 0
            var parked: [AMQPDelivery] = []
            // The test plays the supervisor: each time the probe dies, it starts it again.
            while parked.isEmpty, crashes <= 5 {
                let current = instance
                try await system.waitUntil(
                    "the probe crashes or the message is parked", timeout: .seconds(120),
                    probe: { (current.exitStatus, try await system.messageCount(ServiceKind.probe.deadLetterQueue)) }
                ) { $0.0 != nil || $0.1 > 0 }
                if current.exitStatus != nil {
                    #expect(current.exitStatus != 0)
                    crashes += 1
                    instance = try await system.start(.probe, environment: environment, waitUntilReady: false)
                    instance.expectExit()
                } else {
                    parked = try await system.takeDeadLetters(of: .probe)
                }
            }
            #expect((1...3).contains(crashes), "the process stopped \(crashes) times")
            #expect(parked.count == 1)
            #expect(parked.first?.properties.messageID == crashID.uuidString.lowercased())
            let reason = parked.first?.properties.headers["x-p2g-error"]?.stringValue ?? ""
            #expect(reason.contains("stopped the process every time"), "\(reason)")
            print("crashing handler: the process stopped \(crashes) times before the message was parked")

            let healthy = events.count - 1
            let database = try await system.database(for: .probe)
            try await system.waitUntil("the other events are handled", probe: { try await database.effects() }) { $0.rows >= healthy }
            try await Task.sleep(for: .seconds(1))
            let effects = try await database.effects()
            #expect(effects.rows == healthy && effects.communities == healthy, "\(effects)")
            #expect(instance.exitStatus == nil, "the probe still runs")
            #expect(try await system.messageCount(ServiceKind.probe.workQueue) == 0)
        }
    }
}
