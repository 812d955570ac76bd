import Foundation
import Logging
import Postgres
import ServiceKit
import ServiceKitProbe
import ServiceLifecycle
import ServiceTestSupport
import Testing

/// Durable timers against the real PostgreSQL, with the probe service's timer, whose every
/// firing appends a row: a timer fired twice would show as two rows.
@Suite("Durable timers", .serialized)
struct DurableTimerTests {
    /// The database's clock, which decides when a timer is due.
    static func databaseNow(_ service: InProcessService) async throws -> Date {
        try await service.database.query("SELECT clock_timestamp()")[0].decode(Date.self, at: 0)
    }

    static func schedule(_ service: InProcessService, _ timers: [(key: String, due: Date)]) async throws {
        try await service.database.withTransaction { connection in
            for timer in timers {
                try await Timers().schedule(
                    ProbeService.timerName, key: timer.key, at: timer.due, payload: EffectNote(note: "for \(timer.key)"), on: connection)
            }
        }
    }

    /// Every effect: key, when due, when fired, by which instance.
    static func effects(_ service: InProcessService) async throws -> [(key: String, due: Date, fired: Date, instance: String)] {
        try await service.database.query("SELECT key, due_at, fired_at, instance FROM timer_effects ORDER BY id").map {
            (
                try $0.decode(String.self, at: 0), try $0.decode(Date.self, at: 1), try $0.decode(Date.self, at: 2),
                try $0.decode(String.self, at: 3)
            )
        }
    }

    @Test("1,000 timers due within one second, shared by two instances, each fire exactly once and never early")
    func thousandTimersTwoInstances() async throws {
        try await InProcessService.run(ProbeService.definition, environment: ["P2G_TIMER_BATCH_SIZE": "50"]) { service, _ in
            var settings = service.application.settings
            settings.instanceID = "probe-second"
            settings.database.applicationName = "probe-second"
            let second = try await ServiceApplication.build(
                ProbeService.definition, settings: settings, metrics: ServiceMetrics(service: "probe"),
                logger: Logger(label: "probe-second"))
            // The second instance's services, without its HTTP server: it only fires timers.
            let secondGroup = ServiceGroup(configuration: .init(services: second.services, logger: Logger(label: "probe-second")))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await secondGroup.run() }
                let now = try await Self.databaseNow(service)
                let timers = (0..<1000).map { (key: "timer-\($0)", due: now.addingTimeInterval(0.5 + Double($0 % 100) / 100)) }
                try await Self.schedule(service, timers)
                try await service.waitUntil("every timer has fired", timeout: .seconds(60)) {
                    try await service.count("SELECT count(*) FROM timers") == 0
                }
                // Both instances poll again: any second firing would land by now.
                try await Task.sleep(for: .milliseconds(600))
                let effects = try await Self.effects(service)
                #expect(effects.count == 1000)
                #expect(Set(effects.map(\.key)) == Set(timers.map(\.key)))
                let due = Dictionary(uniqueKeysWithValues: timers.map { ($0.key, $0.due) })
                #expect(effects.allSatisfy { $0.fired >= $0.due }, "a timer fired before it was due")
                #expect(effects.allSatisfy { abs($0.due.timeIntervalSince(due[$0.key] ?? .distantPast)) < 0.001 })
                await secondGroup.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }
    }

    @Test("a rescheduled timer fires once, at its new time only")
    func rescheduled() async throws {
        try await InProcessService.run(ProbeService.definition) { service, _ in
            let now = try await Self.databaseNow(service)
            try await Self.schedule(service, [("reminder", now.addingTimeInterval(0.6))])
            let later = now.addingTimeInterval(1.5)
            try await Self.schedule(service, [("reminder", later)])
            try await Task.sleep(for: .milliseconds(1000))
            #expect(try await Self.effects(service).isEmpty, "the timer fired at its old time")
            try await service.waitUntil("the timer has fired") { try await service.count("SELECT count(*) FROM timers") == 0 }
            try await Task.sleep(for: .milliseconds(500))
            let effects = try await Self.effects(service)
            #expect(effects.count == 1)
            #expect(effects.first.map { $0.fired >= later && abs($0.due.timeIntervalSince(later)) < 0.001 } == true)
        }
    }

    @Test("a cancelled timer never fires; the others do")
    func cancelled() async throws {
        try await InProcessService.run(ProbeService.definition) { service, _ in
            let now = try await Self.databaseNow(service)
            try await Self.schedule(service, [("kept", now.addingTimeInterval(0.5)), ("cancelled", now.addingTimeInterval(0.5))])
            try await service.database.withTransaction { connection in
                try await Timers().cancel(ProbeService.timerName, key: "cancelled", on: connection)
            }
            try await service.waitUntil("the kept timer has fired") { try await service.count("SELECT count(*) FROM timer_effects") == 1 }
            try await Task.sleep(for: .milliseconds(800))
            #expect(try await Self.effects(service).map(\.key) == ["kept"])
            #expect(try await service.count("SELECT count(*) FROM timers") == 0)
        }
    }

    @Test("a timer whose payload cannot be read is put back for later with its error, not lost")
    func failingTimerIsPostponed() async throws {
        try await InProcessService.run(ProbeService.definition) { service, _ in
            try await service.database.query(
                "INSERT INTO timers (name, key, due_at, payload) VALUES (\(ProbeService.timerName), 'broken', clock_timestamp(), '{\"no\": 1}')"
            )
            try await service.waitUntil("the timer has failed once") {
                try await service.count("SELECT count(*) FROM timers WHERE key = 'broken' AND attempts = 1 AND last_error IS NOT NULL") == 1
            }
            let row = try await service.database.query("SELECT last_error, due_at > clock_timestamp() FROM timers WHERE key = 'broken'")[0]
            #expect(try row.decode(String.self, at: 0).contains("payload does not decode"))
            #expect(try row.decode(Bool.self, at: 1), "a failed timer is due again at once")
            #expect(try await Self.effects(service).isEmpty)
        }
    }
}
