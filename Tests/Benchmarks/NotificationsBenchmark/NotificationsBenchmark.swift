import Foundation
import Logging
import Postgres
import ServiceKit
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// An announcement to many volunteers through the notifications service next to smtp-source;
/// see main.swift.
struct NotificationsBenchmark {
    struct Options {
        /// Volunteers the announcement goes to.
        var recipients = 300_000
        /// Connections to the SMTP server, for the service and for smtp-source alike.
        var connections = 8
        /// Timers (deliveries) the service decides and sends in one transaction.
        var batch = 500
    }

    let options: Options

    static let logger: Logger = {
        var logger = Logger(label: "notifications-benchmark")
        logger.logLevel = .warning
        return logger
    }()

    static let smtpSource = "/usr/sbin/smtp-source"
    static let sender = "notifications@p2g.localhost"
    static let community = UUID(uuidString: "5e0e0000-0000-4000-8000-000000000001") ?? UUID()

    func run() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.smtpSource) else {
            throw BenchmarkFailure("\(Self.smtpSource) is missing: install Debian's postfix package (deploy/stack.sh up does)")
        }
        let service = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("notifications").path
        guard FileManager.default.isExecutableFile(atPath: service) else {
            throw BenchmarkFailure("\(service) is missing: build it with swift build -c release --product notifications")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notifications-benchmark-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        let database = "bench_notifications_\(UUID().uuidString.prefix(8).lowercased())"
        let admin = PostgresClient(
            configuration: try PostgresConfiguration(url: LocalStack.adminDatabaseURL(), maximumConnections: 1), logger: Self.logger)
        try await admin.query("CREATE DATABASE \(identifier: database) OWNER p2g_test")
        let sink = try SMTPSink(folder: folder)
        do {
            try await measure(service: service, database: database, sink: sink, folder: folder)
        } catch {
            sink.stop()
            _ = try? await admin.query("DROP DATABASE IF EXISTS \(identifier: database) WITH (FORCE)")
            await admin.shutdown()
            throw error
        }
        sink.stop()
        _ = try? await admin.query("DROP DATABASE IF EXISTS \(identifier: database) WITH (FORCE)")
        await admin.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }

    func measure(service executable: String, database: String, sink: SMTPSink, folder: URL) async throws {
        let recipients = options.recipients
        let databaseURL = try LocalStack.testDatabaseURL(database: database)
        let port = try FreePort.next()
        let environment = [
            "P2G_AMQP_URL": try LocalStack.setting("P2G_TEST_NOTIFICATIONS_AMQP_URL"), "P2G_DATABASE_URL": databaseURL,
            "P2G_HTTP_HOST": "127.0.0.1", "P2G_HTTP_PORT": "\(port)", "P2G_METRICS_PORT": "\(try FreePort.next())",
            "P2G_INSTANCE_ID": "notifications-benchmark", "P2G_AUTH_KEY_FILE": try LocalStack.setting("P2G_AUTH_KEY_FILE"),
            "P2G_LOG_LEVEL": "warning", "P2G_LOG_FORMAT": "text",
            "P2G_SMTP_URL": "smtp://127.0.0.1:\(sink.port)", "P2G_SMTP_SECURITY": "off", "P2G_SMTP_RATE": "100000",
            "P2G_SMTP_CONNECTIONS": "\(options.connections)", "P2G_TIMER_BATCH_SIZE": "\(options.batch)",
            // A Tuesday at noon in Jerusalem: no Shabbat, no quiet hours, whenever the benchmark runs.
            "P2G_NOTIFICATIONS_CLOCK": "2026-12-08T10:00:00Z",
        ]
        let log = folder.appendingPathComponent("notifications.log").path
        let process = try ChildProcess.launch([executable], environment: environment, outputPath: log)
        defer {
            process.signal(SIGTERM)
            _ = process.blockingWaitForExit()
        }
        let base = "http://127.0.0.1:\(port)"
        try await Self.waitUntilReady("\(base)/health/ready", log: log)

        // The recipients' read model, as the registry's events would have filled it.
        let psql = try LocalStack.postgresProgram("psql")
        let seeding = ContinuousClock.now
        let seeded = try await ChildProcess.run([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", Self.seed(recipients), databaseURL])
        guard seeded.status == 0 else { throw BenchmarkFailure("seeding failed: \(seeded.output.prefix(500))") }
        print(
            "data: \(recipients) volunteers of one community (a third reading Hebrew), seeded in "
                + String(format: "%.1f s", (ContinuousClock.now - seeding).seconds))

        let keys = try await AccessKeys.load(path: try LocalStack.setting("P2G_AUTH_KEY_FILE"), issuer: "p2g")
        let token = try await keys.sign(
            AccessToken(
                subject: "notifications-benchmark", issuer: "p2g", audience: ["notifications"], expires: Date().addingTimeInterval(7200),
                role: .agencyCoordinator))
        let body = folder.appendingPathComponent("announcement.json")
        try JSONSerialization.data(withJSONObject: Self.announcement).write(to: body)

        // The service: from the POST until the progress shows every delivery sent.
        let before = try await sink.counts()
        let started = ContinuousClock.now
        let posted = try await Self.curl([
            "-X", "POST", "-H", "Authorization: Bearer \(token)", "-H", "Content-Type: application/json", "--data-binary",
            "@\(body.path)", "\(base)/announcements",
        ])
        guard posted.status == 201, let id = posted.json["id"] as? String else {
            throw BenchmarkFailure("POST /announcements answered \(posted.status): \(posted.body.prefix(300))")
        }
        let recorded = ContinuousClock.now - started
        var last = (settled: 0, at: ContinuousClock.now)
        var progress: [String: Any] = [:]
        while true {
            // Every 2 s: the progress counts 300,000 rows, which takes the database's time too.
            try await Task.sleep(for: .seconds(2))
            let answer = try await Self.curl(["-H", "Authorization: Bearer \(token)", "\(base)/announcements/\(id)"])
            guard answer.status == 200 else { throw BenchmarkFailure("GET /announcements/\(id) answered \(answer.status)") }
            progress = answer.json
            let settled = ["sent", "failed", "suppressed"].reduce(0) { $0 + ((progress[$1] as? Int) ?? 0) }
            if settled >= recipients { break }
            if settled > last.settled {
                last = (settled, ContinuousClock.now)
            } else if ContinuousClock.now - last.at > .seconds(120) {
                throw BenchmarkFailure("no progress for 2 minutes at \(settled) of \(recipients): \(progress); see \(log)")
            }
        }
        let serviceTime = (ContinuousClock.now - started).seconds
        let peak = try Self.peakResidentKilobytes(of: process.pid)
        let afterService = try await sink.counts()
        let received = afterService.messages - before.messages
        let sent = (progress["sent"] as? Int) ?? 0
        guard sent == recipients, received >= recipients else {
            throw BenchmarkFailure("\(sent) recorded as sent and \(received) received of \(recipients): \(progress)")
        }
        let averageSize = (afterService.bytes - before.bytes) / received

        // smtp-source: its headers are measured with one message, then its payload is sized so
        // that its messages are as long as the service's.
        let probe = 1000
        let calibration = try await Self.smtpSource(messages: 1, payload: probe, sessions: 1, port: sink.port)
        guard calibration.status == 0 else { throw BenchmarkFailure("smtp-source failed: \(calibration.output.prefix(500))") }
        let afterCalibration = try await sink.counts()
        let headers = afterCalibration.bytes - afterService.bytes - probe
        let payload = max(1, averageSize - headers)
        let sourceStarted = ContinuousClock.now
        let source = try await Self.smtpSource(messages: recipients, payload: payload, sessions: options.connections, port: sink.port)
        let sourceTime = (ContinuousClock.now - sourceStarted).seconds
        guard source.status == 0 else { throw BenchmarkFailure("smtp-source failed: \(source.output.prefix(500))") }
        let afterSource = try await sink.counts()
        let sourceReceived = afterSource.messages - afterCalibration.messages
        let sourceSize = (afterSource.bytes - afterCalibration.bytes) / max(1, sourceReceived)

        let serviceRate = Double(recipients) / serviceTime
        let sourceRate = Double(sourceReceived) / sourceTime
        print(
            "an announcement to \(recipients) recipients through the notifications service (\(options.connections) SMTP connections, "
                + "\(options.batch) deliveries a transaction), next to smtp-source (\(options.connections) sessions), same SMTP server:")
        print(
            String(
                format: "  service      %d messages of %d bytes in %.1f s: %.0f messages/s (recorded in %.1f s), peak RSS %.1f MB",
                received, averageSize, serviceTime, serviceRate, recorded.seconds, Double(peak) / 1024))
        print(
            String(
                format: "  smtp-source  %d messages of %d bytes in %.1f s: %.0f messages/s (baseline)", sourceReceived, sourceSize,
                sourceTime, sourceRate))
        print(
            String(
                format: "  ratio %.2f of smtp-source's rate (goal: at least 0.5), peak RSS %.1f MB (goal: under 150 MB)",
                serviceRate / sourceRate, Double(peak) / 1024))
    }

    /// The process's peak resident set (VmHWM), in kB.
    static func peakResidentKilobytes(of pid: pid_t) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { throw BenchmarkFailure("no VmHWM in /proc/\(pid)/status") }
        return kilobytes
    }

    static func smtpSource(messages: Int, payload: Int, sessions: Int, port: Int) async throws -> (status: Int32, output: String) {
        try await ChildProcess.run([
            smtpSource, "-d", "-s", "\(sessions)", "-m", "\(messages)", "-l", "\(payload)", "-M", "p2g.localhost", "-f", sender,
            "-t", "volunteer@example.org", "-S", "Benchmark", "127.0.0.1:\(port)",
        ])
    }

    static func waitUntilReady(_ url: String, log: String) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if let answer = try? await curl([url]), answer.status == 200 { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        throw BenchmarkFailure("the notifications service did not become ready: \(output.suffix(1000))")
    }

    /// An HTTP exchange through curl: the status and the body.
    static func curl(_ arguments: [String]) async throws -> (status: Int, body: String, json: [String: Any]) {
        let bodyPath = FileManager.default.temporaryDirectory.appendingPathComponent("notifications-benchmark-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: bodyPath) }
        let result = try await ChildProcess.run(
            ["/usr/bin/curl", "-s", "-S", "--max-time", "1800", "-o", bodyPath, "-w", "%{http_code}"] + arguments)
        guard result.status == 0 else { throw BenchmarkFailure("curl failed: \(result.output.prefix(300))") }
        let body = (try? String(contentsOfFile: bodyPath, encoding: .utf8)) ?? ""
        let json = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        return (Int(result.output.suffix(3)) ?? 0, body, json)
    }

    static var announcement: [String: Any] {
        [
            "communityId": community.uuidString.lowercased(),
            "subjects": ["en": "Volunteer evening and the spring delegation", "he": "ערב מתנדבים ומשלחת האביב"],
            "bodies": [
                "en": String(
                    repeating:
                        "Thank you for a year of partnership. The spring delegation leaves on the 3rd; host families meet on Sunday evening at the community centre to plan home hospitality, school visits and the joint steering committee's site visit. ",
                    count: 3),
                "he": String(
                    repeating:
                        "תודה על שנה של שותפות. משלחת האביב יוצאת ב־3 בחודש; המשפחות המארחות נפגשות ביום ראשון בערב במתנ״ס כדי לתכנן אירוח, ביקורים בבתי ספר וסיור של הוועדה המשותפת. ",
                    count: 3),
            ],
        ]
    }

    static func seed(_ recipients: Int) -> String {
        let community = community.uuidString.lowercased()
        return """
            INSERT INTO recipients (community_id, name, email, language, time_zone, latitude, longitude)
            VALUES ('\(community)', 'Benchmark community', 'community@example.org', 'he', 'Asia/Jerusalem', 31.7683, 35.2137);
            INSERT INTO volunteer_recipients (volunteer_id, name, languages, time_zone, email, home_community_id)
            SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'Volunteer ' || n,
                   CASE WHEN n % 3 = 0 THEN '{he}'::text[] ELSE '{en}'::text[] END, 'Asia/Jerusalem',
                   'volunteer' || n || '@example.org', '\(community)'
            FROM generate_series(1, \(recipients)) n;
            ANALYZE;
            """
    }
}

/// deploy/smtp-sink.py on a free port, counting what it accepts and storing nothing.
final class SMTPSink: Sendable {
    let port: Int
    let process: LaunchedProcess
    let log: String

    init(folder: URL) throws {
        port = try FreePort.next()
        log = folder.appendingPathComponent("smtp-sink.log").path
        let script = LocalStack.packageRoot.appendingPathComponent("deploy/smtp-sink.py").path
        process = try ChildProcess.launch(["/usr/bin/python3", script, "--port", "\(port)", "--discard"], outputPath: log)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("listening") { return }
            usleep(100_000)
        }
        stop()
        throw BenchmarkFailure("the SMTP sink did not start: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    /// What it has accepted so far: it prints its counters on SIGUSR1.
    func counts() async throws -> (messages: Int, bytes: Int) {
        let before = lines().count
        process.signal(SIGUSR1)
        for _ in 0..<100 {
            let lines = lines()
            if lines.count > before, let last = lines.last {
                let words = last.split(separator: " ")
                guard words.count >= 6, let messages = Int(words[2]), let bytes = Int(words[4]) else { break }
                return (messages, bytes)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchmarkFailure("the SMTP sink did not report its counters: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    private func lines() -> [Substring] {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").filter { $0.hasPrefix("smtp-sink: accepted") }
    }

    func stop() {
        process.signal(SIGTERM)
        _ = process.blockingWaitForExit()
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
