import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JewishCalendar
import Logging
import Postgres
import ProgramScheduling
import SchedulingEngine
import ServiceKit
import TestSupport

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// See main.swift.
struct SchedulingServiceBenchmark {
    var registrations: Int

    static let logger: Logger = {
        var logger = Logger(label: "scheduling-service-benchmark")
        logger.logLevel = .warning
        return logger
    }()

    /// The three places people work from, with the service's default working weeks.
    struct Home {
        var name: String
        var zone: String
        var latitude: Double
        var longitude: Double
        var weekdays: [Weekday]
        var community = UUID()
    }

    static let homes = [
        Home(
            name: "Sderot", zone: "Asia/Jerusalem", latitude: 31.525, longitude: 34.597,
            weekdays: [.sunday, .monday, .tuesday, .wednesday, .thursday]),
        Home(
            name: "Des Moines", zone: "America/Chicago", latitude: 41.587, longitude: -93.625,
            weekdays: [.monday, .tuesday, .wednesday, .thursday, .friday]),
        Home(
            name: "New York", zone: "America/New_York", latitude: 40.713, longitude: -74.006,
            weekdays: [.monday, .tuesday, .wednesday, .thursday, .friday]),
    ]
    static let peoplePerHome = 60
    static let programs = 500

    func run() async throws {
        let database = "bench_scheduling_\(UUID().uuidString.prefix(8).lowercased())"
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

    func measure(database: String) async throws {
        let databaseURL = try LocalStack.testDatabaseURL(database: database)
        let values = [
            "P2G_AMQP_URL": try LocalStack.testAMQPURL(), "P2G_DATABASE_URL": databaseURL, "P2G_HTTP_PORT": "0",
            "P2G_INSTANCE_ID": "scheduling-benchmark", "P2G_RETRY_DELAYS": "200ms", "P2G_DATABASE_POOL_SIZE": "16",
            "P2G_AUTH_KEY_FILE": try LocalStack.setting("P2G_AUTH_KEY_FILE"), "P2G_METRICS_PORT": "0",
        ]
        let keys = try await AccessKeys.load(path: try LocalStack.setting("P2G_AUTH_KEY_FILE"), issuer: "p2g")
        let token = try await keys.sign(
            AccessToken(
                subject: "scheduling-benchmark", issuer: "p2g", audience: ["scheduling"], expires: Date().addingTimeInterval(3600),
                role: .agencyCoordinator))
        let settings = try ServiceSettings(service: .scheduling, environment: EnvironmentReader(values))
        let application = try await ServiceApplication.build(
            ProgramSchedulingService.definition, settings: settings, metrics: ServiceMetrics(service: "scheduling"), logger: Self.logger)
        let postgres = PostgresClient(
            configuration: try PostgresConfiguration(url: databaseURL, maximumConnections: 2), logger: Self.logger)
        defer { Task { await postgres.shutdown() } }
        let registrations = registrations
        try await application.testable.test(.router) { client in
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let people = try await Self.seed(postgres)
            let requests = Self.year(people)

            print(
                "a year of \(Self.programs) programs: 60-minute virtual meetings of three (one per place), each within 14 days of its start"
            )
            let started = ContinuousClock.now
            var placed = 0
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                var next = 0
                func add() {
                    let body = requests[next]
                    next += 1
                    group.addTask {
                        try await client.execute(uri: "/programs", method: .post, headers: headers, body: ByteBuffer(data: body)) {
                            $0.status
                        }
                    }
                }
                for _ in 0..<8 where next < requests.count { add() }
                while let status = try await group.next() {
                    if status == .created { placed += 1 }
                    if next < requests.count { add() }
                }
            }
            let apiSeconds = (ContinuousClock.now - started).seconds
            print(
                String(
                    format: "  through POST /programs, 8 in flight: %d placed in %.2f s (%.0f programs/s)", placed, apiSeconds,
                    Double(placed) / apiSeconds))
            let engineStarted = ContinuousClock.now
            let schedule = ProgramScheduler.solve(try Self.problem(people))
            let engineSeconds = (ContinuousClock.now - engineStarted).seconds
            print(
                String(
                    format: "  the engine alone, the same %d programs in one problem: %d placed in %.3f s", Self.programs,
                    schedule.placements.count,
                    engineSeconds))
            print(String(format: "  ratio: the service takes %.1f times the engine's time", apiSeconds / max(engineSeconds, 0.000_001)))

            let conference: [String: Any] = [
                "kind": "conference", "titles": ["en": "New Orleans emergency medicine conference"], "capacity": 300,
                "sessions": [["key": "plenary", "durationMinutes": 90, "requiredParticipants": [people[0].uuidString.lowercased()]]],
                "earliestStart": "2028-03-01T00:00:00Z", "deadline": "2028-03-20T00:00:00Z",
            ]
            let created = try await client.execute(
                uri: "/programs", method: .post, headers: headers,
                body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: conference))
            ) { response in (response.status, String(buffer: response.body)) }
            guard created.0 == .created, let data = created.1.data(using: .utf8),
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let id = object["id"] as? String
            else { throw BenchmarkFailure("the conference was not placed: \(created.1)") }
            print("registrations: \(registrations) for one conference of 300 seats, 16 requests in flight")
            let uri = "/programs/\(id)/registrations"
            let registrationStart = ContinuousClock.now
            var confirmed = 0
            try await withThrowingTaskGroup(of: String?.self) { group in
                var sent = 0
                func add() {
                    sent += 1
                    let body = ByteBuffer(string: "{\"volunteerId\": \"\(UUID().uuidString.lowercased())\"}")
                    group.addTask {
                        try await client.execute(uri: uri, method: .post, headers: headers, body: body) { response in
                            response.status == .created ? String(buffer: response.body) : nil
                        }
                    }
                }
                for _ in 0..<16 where sent < registrations { add() }
                while let answer = try await group.next() {
                    guard let answer else { throw BenchmarkFailure("a registration was refused") }
                    if answer.contains("\"confirmed\"") { confirmed += 1 }
                    if sent < registrations { add() }
                }
            }
            let registrationSeconds = (ContinuousClock.now - registrationStart).seconds
            let registrationRate = Double(registrations) / registrationSeconds
            print(
                String(
                    format: "  %.0f registrations/s (%.2f s); %d confirmed, %d waitlisted", registrationRate, registrationSeconds,
                    confirmed, registrations - confirmed))
            guard confirmed == 300 else { throw BenchmarkFailure("\(confirmed) registrations were confirmed for 300 seats") }

            try await postgres.query(
                "CREATE TABLE bench_rows (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), at timestamptz NOT NULL DEFAULT now())")
            let script = FileManager.default.temporaryDirectory.appendingPathComponent("scheduling-bench-\(UUID().uuidString).sql").path
            try "INSERT INTO bench_rows DEFAULT VALUES;\n".write(toFile: script, atomically: true, encoding: .utf8)
            let pgbench = try LocalStack.postgresProgram("pgbench")
            let run = try await ChildProcess.run([
                pgbench, "-n", "-f", script, "-c", "16", "-j", "2", "-t", String(max(1, registrations / 16)), "-M", "prepared", databaseURL,
            ])
            try? FileManager.default.removeItem(atPath: script)
            guard run.status == 0, let tps = Self.transactionsPerSecond(run.output) else {
                throw BenchmarkFailure("pgbench exited with \(run.status): \(run.output)")
            }
            print(String(format: "  pgbench, one single-row INSERT per transaction, 16 clients: %.0f transactions/s", tps))
            print(String(format: "  ratio: registrations reach %.1f%% of pgbench's single-row inserts", 100 * registrationRate / tps))
        }
    }

    static func transactionsPerSecond(_ output: String) -> Double? {
        for line in output.split(separator: "\n") where line.hasPrefix("tps = ") {
            return Double(line.dropFirst(6).prefix { $0.isNumber || $0 == "." })
        }
        return nil
    }

    /// Communities and volunteers as the registry's events would have left them.
    static func seed(_ postgres: PostgresClient) async throws -> [UUID] {
        var people: [UUID] = []
        for home in homes {
            try await postgres.query(
                """
                INSERT INTO community_locations (community_id, name, latitude, longitude, time_zone, holiday_schedule, candle_lighting_minutes,
                                                 havdalah_sun_degrees)
                VALUES (\(home.community), \(home.name), \(home.latitude), \(home.longitude), \(home.zone),
                        \(home.zone == "Asia/Jerusalem" ? "israel" : "diaspora"), 18, 8.5)
                """)
        }
        for index in 0..<(homes.count * peoplePerHome) {
            let home = homes[index % homes.count]
            let id = UUID()
            people.append(id)
            try await postgres.query(
                "INSERT INTO participants (volunteer_id, home_community_id, time_zone, languages) VALUES (\(id), \(home.community), \(home.zone), \(["en"]))"
            )
        }
        return people
    }

    /// The first day of the year, and program `index`'s window start.
    static let yearStart = Date(timeIntervalSince1970: 1_830_297_600)  // 2028-01-01T00:00:00Z

    static func window(_ index: Int) -> (start: Date, end: Date) {
        let start = yearStart.addingTimeInterval(Double(index * 350 / programs) * 86_400)
        return (start, start.addingTimeInterval(14 * 86_400))
    }

    /// The three people of program `index`: one from each place.
    static func members(_ index: Int, _ people: [UUID]) -> [UUID] {
        (0..<homes.count).map { home in people[(index * 7 + home * 13) % peoplePerHome * homes.count + home] }
    }

    static func year(_ people: [UUID]) -> [Data] {
        (0..<programs).map { index in
            let (start, end) = window(index)
            let object: [String: Any] = [
                "kind": "committee-meeting", "titles": ["en": "Committee meeting \(index)"],
                "partnershipId": UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, UInt8(index % 45))).uuidString.lowercased(),
                "sessions": [
                    [
                        "key": "main", "durationMinutes": 60,
                        "requiredParticipants": members(index, people).map { $0.uuidString.lowercased() },
                    ]
                ],
                "earliestStart": ContractCoding.formatInstant(start), "deadline": ContractCoding.formatInstant(end),
            ]
            return (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        }
    }

    /// The same year as one problem for the engine, with the service's places and hours.
    static func problem(_ people: [UUID]) throws -> SchedulingProblem {
        let participants = people.enumerated().map { index, id in
            let home = homes[index % homes.count]
            return Participant(
                id: Participant.ID(id.uuidString.lowercased()), name: "volunteer \(index)",
                place: Place(name: home.name, latitude: home.latitude, longitude: home.longitude, timeZoneIdentifier: home.zone),
                acceptableHours: WeeklyHours(on: home.weekdays, .hours(7, 22)))
        }
        let programs = (0..<Self.programs).map { index in
            let (start, end) = window(index)
            let members = members(index, people).map { Participant.ID($0.uuidString.lowercased()) }
            return Program(
                id: Program.ID("program-\(index)"), title: "Committee meeting \(index)", kind: .committeeMeeting, organiser: members[0],
                required: members.map(Invitee.participant), sessions: [.single(.minutes(60))], earliestStart: start, deadline: end)
        }
        return try SchedulingProblem(
            participants: participants, programs: programs,
            horizon: DateInterval(start: yearStart.addingTimeInterval(-86_400), end: yearStart.addingTimeInterval(400 * 86_400)),
            now: yearStart.addingTimeInterval(-86_400))
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
