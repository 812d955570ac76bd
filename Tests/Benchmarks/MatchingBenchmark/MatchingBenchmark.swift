import AMQP
import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PairingEngine
import PairingMatching
import Postgres
import ServiceKit
import TestSupport

/// A run through the service next to the engine alone; see main.swift.
struct MatchingBenchmark {
    var runs: Int

    static let logger: Logger = {
        var logger = Logger(label: "matching-benchmark")
        logger.logLevel = .warning
        return logger
    }()

    func run() async throws {
        let database = "bench_matching_\(UUID().uuidString.prefix(8).lowercased())"
        let admin = PostgresClient(
            configuration: try PostgresConfiguration(url: LocalStack.adminDatabaseURL(), maximumConnections: 1), logger: Self.logger)
        try await admin.query("CREATE DATABASE \(identifier: database) OWNER p2g_test")
        do {
            try await measure(database: database)
        } catch {
            _ = try? await admin.query("DROP DATABASE IF EXISTS \(identifier: database) WITH (FORCE)")
            await admin.shutdown()
            throw error
        }
        _ = try? await admin.query("DROP DATABASE IF EXISTS \(identifier: database) WITH (FORCE)")
        await admin.shutdown()
    }

    func measure(database name: String) async throws {
        let databaseURL = try LocalStack.testDatabaseURL(database: name)
        let amqpURL = try LocalStack.testAMQPURL()
        let values = [
            "P2G_AMQP_URL": amqpURL, "P2G_DATABASE_URL": databaseURL, "P2G_HTTP_PORT": "0", "P2G_INSTANCE_ID": "matching-benchmark",
            "P2G_RETRY_DELAYS": "200ms", "P2G_AUTH_KEY_FILE": try LocalStack.setting("P2G_AUTH_KEY_FILE"), "P2G_METRICS_PORT": "0",
            "P2G_OUTBOX_POLL_INTERVAL": "50ms", "P2G_CONSUMER_ACK_DELAY": "0ms",
        ]
        let settings = try ServiceSettings(service: .matching, environment: EnvironmentReader(values))
        let application = try await ServiceApplication.build(
            PairingMatchingService.definition, settings: settings, metrics: ServiceMetrics(service: "matching"), logger: Self.logger)
        let postgres = PostgresClient(
            configuration: try PostgresConfiguration(url: databaseURL, maximumConnections: 2), logger: Self.logger)
        let amqp = try await AMQPConnection.connect(try AMQPConfiguration(url: amqpURL), logger: Self.logger)
        let publisher = try await amqp.makePublisher()
        let runs = runs
        defer { Task { await amqp.close() } }
        try await application.testable.test(.router) { _ in
            func publish(_ exchange: String, _ type: String, _ body: Data) async throws {
                let id = UUID().uuidString.lowercased()
                let properties = AMQPProperties(
                    contentType: "application/json", deliveryMode: .persistent, correlationID: id, messageID: id, timestamp: Date(),
                    type: type,
                    appID: "matching-benchmark")
                try await publisher.publishConfirmed(
                    AMQPMessage(exchange: exchange, routingKey: type, body: Array(body), properties: properties, mandatory: true))
            }
            func count(_ query: PostgresQuery) async throws -> Int { try await postgres.query(query)[0].decode(Int.self, at: 0) }
            func waitUntil(_ what: String, _ condition: () async throws -> Bool) async throws {
                let deadline = ContinuousClock.now + .seconds(120)
                while try await !condition() {
                    guard ContinuousClock.now < deadline else { throw BenchmarkFailure("timed out waiting until \(what)") }
                    try await Task.sleep(for: .milliseconds(1))
                }
            }

            // 25 impacted communities in 5 regions, 150 supporters, 15 partnerships with a region.
            let regions = ["Western Negev", "Gaza Envelope", "Eshkol", "Sha'ar HaNegev", "Sdot Negev"]
            let zones = [
                "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Paris", "Australia/Melbourne",
            ]
            var impacted: [UUID] = []
            for index in 0..<25 {
                let event = CommunityRegistered(
                    communityId: UUID(), name: "Impacted \(index)", kind: .israeliLocality, country: "IL", region: regions[index % 5],
                    timeZone: "Asia/Jerusalem", coordinates: Coordinates(latitude: 31.4, longitude: 34.5),
                    languages: index % 3 == 0 ? ["he"] : ["he", "en"], contactEmail: "impacted\(index)@example.org",
                    registeredAt: Date(timeIntervalSince1970: 1_716_458_400 + Double(index)))
                impacted.append(event.communityId)
                try await publish(
                    MessagingNames.eventsExchange, CommunityRegistered.eventType.description, try ContractCoding.encode(event))
            }
            var supporters: [UUID] = []
            for index in 0..<150 {
                let event = CommunityRegistered(
                    communityId: UUID(), name: "Supporter \(index)", kind: .globalCommunity, country: "US", region: "Region \(index % 20)",
                    timeZone: zones[index % zones.count], coordinates: Coordinates(latitude: 40, longitude: -80),
                    languages: index % 4 == 0 ? ["en", "he"] : (index % 4 == 1 ? ["fr", "he"] : ["en"]),
                    contactEmail: "supporter\(index)@example.org", registeredAt: Date(timeIntervalSince1970: 1_716_460_000 + Double(index)))
                supporters.append(event.communityId)
                try await publish(
                    MessagingNames.eventsExchange, CommunityRegistered.eventType.description, try ContractCoding.encode(event))
            }
            for index in 0..<15 {
                let day = CalendarDate(year: 2000, month: 1, day: 1) ?? CalendarDate(parsing: "2000-01-01")
                guard let day else { throw BenchmarkFailure("no date") }
                let event = PartnershipFormed(
                    partnershipId: UUID(), name: "Partnership \(index)", names: nil, program: .partnership2gether, formedOn: day,
                    members: [
                        .init(membershipId: UUID(), communityId: impacted[index], side: .israeli, joinedOn: day),
                        .init(membershipId: UUID(), communityId: supporters[index * 7], side: .global, joinedOn: day),
                        .init(membershipId: UUID(), communityId: supporters[index * 7 + 1], side: .global, joinedOn: day),
                    ], recordedAt: Date())
                try await publish(MessagingNames.eventsExchange, PartnershipFormed.eventType.description, try ContractCoding.encode(event))
            }
            try await waitUntil("the read model holds the communities and partnerships") {
                try await count("SELECT count(*) FROM inbox") == 190
            }

            print("Communities2Gether run: 25 impacted communities, 150 possible supporters, 15 partnerships; \(runs) runs, optimal mode")
            let command = try ContractCoding.encode(RunMatching(program: .communities2gether, mode: .optimal))
            var service: [Double] = []
            for run in 1...runs {
                let started = ContinuousClock.now
                try await publish(MessagingNames.commandsExchange, RunMatching.commandType.description, command)
                try await waitUntil("run \(run) is stored and its proposals published") {
                    let stored = try await count("SELECT count(*) FROM matching_runs")
                    let unsent = try await count(
                        "SELECT count(*) FROM outbox WHERE message_type = 'matching.pairing-proposed.v1' AND sent_at IS NULL")
                    return stored == run && unsent == 0
                }
                service.append((ContinuousClock.now - started).seconds)
            }

            // The engine alone on the inputs the last run stored.
            let document = try await postgres.query("SELECT document::text FROM matching_runs ORDER BY position DESC LIMIT 1")[0]
                .decode(String.self, at: 0)
            let stored = try ContractCoding.decode(StoredRun.self, from: Data(document.utf8))
            let request = stored.request()
            var engine: [Double] = []
            var pairings = 0
            for _ in 0..<max(runs, 5) {
                let started = ContinuousClock.now
                let result = try OptimalPairing.run(request)
                engine.append((ContinuousClock.now - started).seconds)
                pairings = result.pairings.count
            }
            let sameResult = try OptimalPairing.run(request).totalScore.points == stored.result.totalScore
            let serviceMedian = median(service)
            let engineMedian = median(engine)
            print(
                String(
                    format: "  through the service (command in, run stored, %d proposals published): best %.2f ms, median %.2f ms",
                    stored.result.pairings.count, 1000 * (service.min() ?? 0), 1000 * serviceMedian))
            print(
                String(
                    format: "  the engine alone, same inputs (%d pairings, same total score: %@): best %.2f ms, median %.2f ms", pairings,
                    sameResult ? "yes" : "NO", 1000 * (engine.min() ?? 0), 1000 * engineMedian))
            print(String(format: "  service / engine (medians): %.1fx", serviceMedian / max(engineMedian, 1e-9)))
        }
        for queue in [ServiceIdentity.matching.eventQueue, ServiceIdentity.matching.commandQueue] {
            _ = try? await amqp.delete(queue: queue)
        }
        await postgres.shutdown()
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

/// What the benchmark reads back of a stored run: its inputs, to give the engine the same
/// request, and its total score.
struct StoredRun: Decodable {
    struct Community: Decodable {
        var communityId: String
        var name: String
        var region: String
        var utcOffsetMinutes: Int
        var languages: [String]
        var partnershipRegions: [String]?
        var pairingCapacity: Int?
        var yearlyBudget: Contracts.Money?
        var partnersNeeded: Int?
    }
    struct Inputs: Decodable {
        var impacted: [Community]
        var supporting: [Community]
    }
    struct Pairing: Decodable { var score: Double }
    struct Result: Decodable {
        var pairings: [Pairing]
        var totalScore: Double
    }
    var inputs: Inputs
    var result: Result

    func request() -> PairingRequest {
        func languages(_ tags: [String]) -> Set<LanguageCode> { Set(tags.map { LanguageCode($0) }) }
        return PairingRequest(
            impacted: inputs.impacted.map { community in
                ImpactedCommunity(
                    id: CommunityID(community.communityId), name: community.name, region: IsraeliRegion(community.region),
                    languages: languages(community.languages), utcOffset: UTCOffset(minutes: community.utcOffsetMinutes),
                    partnersNeeded: community.partnersNeeded)
            },
            supporting: inputs.supporting.map { community in
                SupportingCommunity(
                    id: CommunityID(community.communityId), name: community.name,
                    yearlyBudget: Money(minorUnits: Int64(community.yearlyBudget?.amount ?? 0), currency: .usd),
                    pairingCapacity: community.pairingCapacity ?? 0,
                    partnershipRegions: Set((community.partnershipRegions ?? []).map { IsraeliRegion($0) }),
                    languages: languages(community.languages), utcOffset: UTCOffset(minutes: community.utcOffsetMinutes))
            })
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
