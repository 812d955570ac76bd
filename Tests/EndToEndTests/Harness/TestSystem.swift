import AMQP
import Contracts
import Foundation
import Logging
import Postgres
import Synchronization
import TestSupport

/// The services of one test, against the local stack: a fresh database per service (created
/// for the test and dropped after it), the test vhost's service queues deleted before and
/// after (so that no test sees another's messages), the processes it started (stopped after
/// it, their logs kept under `.local/e2e-logs/<test>/`), and a connection to the broker to
/// publish messages and read queues.
///
/// Tests must run one at a time (`deploy/test.sh` passes `--no-parallel`): the services'
/// queue names are fixed by the wire contract.
final class TestSystem: Sendable {
    /// The retry delays the services use unless a test sets `P2G_RETRY_DELAYS` (the services'
    /// own defaults), and those the tests set: their delay queues are deleted with the others.
    static let retryDelays: [Duration] = [.seconds(5), .seconds(30), .seconds(300), .milliseconds(200), .milliseconds(500), .seconds(1)]

    let testName: String
    let logDirectory: URL
    let admin: PostgresClient
    /// A connection to the test vhost, for publishing and inspecting queues.
    let amqp: AMQPConnection
    let publisher: AMQPPublisher
    let logger: Logger
    private let amqpURL: String
    private let testDatabaseURL: String
    private let state = Mutex(State())

    private struct State {
        var databases: [ServiceKind: ServiceDatabase] = [:]
        var processes: [ServiceProcess] = []
        var started: [ServiceKind: Int] = [:]
        var ports: Set<Int> = []
    }

    /// Runs `body` with a fresh system and tears it down afterwards, whatever happened. A
    /// failure carries the tails of the services' logs.
    static func run(_ testName: String = #function, _ body: (TestSystem) async throws -> Void) async throws {
        let system = try await prepare(testName: testName)
        do {
            try await body(system)
        } catch {
            let logs = system.processes.map { $0.logTail() }.joined(separator: "\n")
            await system.tearDown()
            throw TestFailure(description: "\(error)\n\(logs)")
        }
        await system.tearDown()
    }

    struct TestFailure: Error, CustomStringConvertible {
        let description: String
    }

    private init(
        testName: String, logDirectory: URL, admin: PostgresClient, amqp: AMQPConnection, publisher: AMQPPublisher, logger: Logger,
        amqpURL: String, testDatabaseURL: String
    ) {
        self.testName = testName
        self.logDirectory = logDirectory
        self.admin = admin
        self.amqp = amqp
        self.publisher = publisher
        self.logger = logger
        self.amqpURL = amqpURL
        self.testDatabaseURL = testDatabaseURL
    }

    /// Connects to the stack and clears what an earlier test could have left.
    private static func prepare(testName: String) async throws -> TestSystem {
        let safeName = String(testName.prefix { $0 != "(" }.map { $0.isLetter || $0.isNumber ? $0 : "-" })
        var logger = Logger(label: "e2e")
        logger.logLevel = .error

        let logDirectory = LocalStack.packageRoot.appendingPathComponent(".local/e2e-logs/\(safeName)")
        try? FileManager.default.removeItem(at: logDirectory)
        try FileManager.default.createDirectory(at: logDirectory, withIntermediateDirectories: true)

        let amqpURL = try LocalStack.testAMQPURL()
        let testDatabaseURL = try LocalStack.testDatabaseURL()
        let admin = PostgresClient(
            configuration: try PostgresConfiguration(url: LocalStack.adminDatabaseURL(), maximumConnections: 2), logger: logger)
        var configuration = try AMQPConfiguration(url: amqpURL)
        configuration.connectionName = "e2e \(safeName)"
        configuration.reconnect = .init(initialDelay: .milliseconds(100), maxDelay: .seconds(1))
        let amqp: AMQPConnection
        let publisher: AMQPPublisher
        do {
            amqp = try await AMQPConnection.connect(configuration, logger: logger)
            publisher = try await amqp.makePublisher()
        } catch {
            await admin.shutdown()
            throw error
        }
        let system = TestSystem(
            testName: safeName, logDirectory: logDirectory, admin: admin, amqp: amqp, publisher: publisher, logger: logger,
            amqpURL: amqpURL, testDatabaseURL: testDatabaseURL)
        do {
            try await system.dropLeftoverDatabases()
            try await system.deleteServiceQueues()
        } catch {
            await amqp.close()
            await admin.shutdown()
            throw error
        }
        return system
    }

    // MARK: Databases

    /// The service's database for this test, created on first use.
    func database(for kind: ServiceKind) async throws -> ServiceDatabase {
        if let existing = state.withLock({ $0.databases[kind] }) { return existing }
        let name = "\(Self.databasePrefix)_\(kind.wireName)_\(UUID().uuidString.prefix(8).lowercased())"
        try await admin.query("CREATE DATABASE \(identifier: name) OWNER p2g_test")
        guard var components = URLComponents(string: testDatabaseURL) else {
            throw TestFailure(description: "P2G_TEST_DATABASE_URL is not a URL")
        }
        components.path = "/\(name)"
        guard let url = components.string else { throw TestFailure(description: "cannot make a URL for \(name)") }
        let client = PostgresClient(
            configuration: try PostgresConfiguration(url: url, maximumConnections: 2, applicationName: "e2e-test"), logger: logger)
        let database = ServiceDatabase(kind: kind, name: name, url: url, client: client)
        state.withLock { $0.databases[kind] = database }
        return database
    }

    /// The first part of the names of this checkout's test databases: `e2e` unless
    /// `P2G_E2E_DATABASE_PREFIX` names another (letters and digits), so that two checkouts
    /// testing against one server leave each other's databases alone.
    static let databasePrefix: String = {
        let configured = ProcessInfo.processInfo.environment["P2G_E2E_DATABASE_PREFIX"] ?? ""
        let safe = configured.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return safe.isEmpty ? "e2e" : safe
    }()

    /// Databases left by a test run that was killed before it could drop them.
    private func dropLeftoverDatabases() async throws {
        let rows = try await admin.query("SELECT datname FROM pg_database WHERE datname LIKE '\(unsafeSQL: Self.databasePrefix)\\_%'")
        for row in rows {
            try await admin.query("DROP DATABASE IF EXISTS \(identifier: try row.decode(String.self, at: 0)) WITH (FORCE)")
        }
    }

    /// A proxy in front of PostgreSQL, and the `P2G_DATABASE_URL` that makes `kind` reach its
    /// database through it: the test can then cut the service off from its database alone.
    func databaseProxy(for kind: ServiceKind) async throws -> (proxy: TCPProxy, environment: [String: String]) {
        let database = try await database(for: kind)
        let (proxy, url) = try Self.proxied(database.url)
        return (proxy, ["P2G_DATABASE_URL": url])
    }

    /// A proxy in front of RabbitMQ, and the `P2G_AMQP_URL` that makes a service reach it through it.
    func brokerProxy() throws -> (proxy: TCPProxy, environment: [String: String]) {
        let (proxy, url) = try Self.proxied(amqpURL)
        return (proxy, ["P2G_AMQP_URL": url])
    }

    private static func proxied(_ url: String) throws -> (TCPProxy, String) {
        guard var components = URLComponents(string: url), let port = components.port else {
            throw TestFailure(description: "\(url.prefix { $0 != ":" }) URL without a port")
        }
        let proxy = try TCPProxy(forwardingTo: port)
        components.port = proxy.port
        guard let proxied = components.string else { throw TestFailure(description: "cannot make a URL through the proxy") }
        return (proxy, proxied)
    }

    // MARK: Processes

    /// Starts an instance of `kind` on its database and `port` (by default a free one), and by
    /// default waits until it is ready. `environment` adds settings or overrides the harness's.
    @discardableResult
    func start(
        _ kind: ServiceKind, port: Int? = nil, environment overrides: [String: String] = [:], waitUntilReady: Bool = true
    ) async throws -> ServiceProcess {
        if let delays = overrides["P2G_RETRY_DELAYS"] {
            // Only well-formed delays make queues; a malformed list stops the service at start.
            let wellFormed = delays.split(separator: ",").filter { $0.wholeMatch(of: /[0-9]+(ms|s|m)/) != nil }
            for delay in wellFormed where !Self.retryDelays.map(Self.durationText).contains(String(delay)) {
                throw TestFailure(description: "the delay queue of \(delay) would outlive the test: add \(delay) to TestSystem.retryDelays")
            }
        }
        let database = try await database(for: kind)
        let number = state.withLock { state in
            state.started[kind, default: 0] += 1
            return state.started[kind, default: 0]
        }
        let name = "\(kind.wireName)-\(number)"
        let port = try port ?? freePort()
        let metricsPort = try freePort()
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/tmp",
            "P2G_AMQP_URL": try Self.brokerURL(of: kind, default: amqpURL),
            "P2G_DATABASE_URL": database.url,
            "P2G_HTTP_HOST": "127.0.0.1",
            "P2G_HTTP_PORT": "\(port)",
            "P2G_INSTANCE_ID": name,
            "P2G_LOG_LEVEL": "info",
            "P2G_LOG_FORMAT": "text",
            "P2G_OUTBOX_POLL_INTERVAL": "500ms",
            "P2G_AUTH_KEY_FILE": try LocalStack.setting("P2G_AUTH_KEY_FILE"),
            "P2G_METRICS_PORT": "\(metricsPort)",
        ]
        if let libraryPath = ProcessInfo.processInfo.environment["LD_LIBRARY_PATH"] { environment["LD_LIBRARY_PATH"] = libraryPath }
        environment.merge(overrides) { _, override in override }
        if ProcessInfo.processInfo.environment["P2G_E2E_INBOX_UNCHECKED"] == "1" {
            // A broken inbox in every service, to see which tests notice (README, "Reliability").
            environment["P2G_FAIL_POINTS"] = ([environment["P2G_FAIL_POINTS"]].compactMap { $0 } + ["inbox.unchecked"]).joined(
                separator: ",")
        }
        let process = try ServiceProcess.spawn(
            kind, name: name, environment: environment, httpPort: port, metricsPort: metricsPort,
            logPath: logDirectory.appendingPathComponent("\(name).log").path)
        state.withLock { $0.processes.append(process) }
        if waitUntilReady { try await process.waitUntilReady() }
        return process
    }

    /// The test vhost's URL with the service's own broker user (`P2G_TEST_<SERVICE>_AMQP_URL`,
    /// least privilege, as in production), or `fallback` for the probe, which has none.
    static func brokerURL(of kind: ServiceKind, default fallback: String) throws -> String {
        guard kind != .probe else { return fallback }
        return try LocalStack.setting("P2G_TEST_\(kind.wireName.uppercased())_AMQP_URL")
    }

    /// A free port that no process of this test was given yet (one may not listen yet).
    private func freePort() throws -> Int {
        while true {
            let port = try FreePort.next()
            if state.withLock({ $0.ports.insert(port).inserted }) { return port }
        }
    }

    var processes: [ServiceProcess] { state.withLock { $0.processes } }

    /// Fails if a service ended that the test did not stop.
    func checkProcesses() throws {
        for process in processes where process.exitedUnexpectedly {
            throw TestFailure(
                description:
                    "\(process.name) exited with status \(process.exitStatus ?? -1) although the test did not stop it\n\(process.logTail())"
            )
        }
    }

    /// Waits until `condition` holds for the probed value, failing early when a service dies.
    @discardableResult
    func waitUntil<Value>(
        _ what: String, timeout: Duration = .seconds(180), interval: Duration = .milliseconds(100),
        probe: () async throws -> Value, _ condition: (Value) -> Bool
    ) async throws -> Value {
        try await EndToEndTests.waitUntil(what, timeout: timeout, interval: interval, check: checkProcesses, probe: probe, condition)
    }

    /// Waits until each of `kinds` holds exactly one effect for each of `count` events; fails
    /// at once when one of them parks more than `parked` messages or holds a second effect of
    /// an event (which nothing can undo). Then checks that the effects stay exactly once a
    /// moment later, and that no message waits in a delay queue: a retry, too, is a failure
    /// the counts alone would not show.
    func waitForExactlyOnce(_ count: Int, in kinds: [ServiceKind], parked expected: Int = 0, timeout: Duration = .seconds(240))
        async throws
    {
        for kind in kinds {
            let database = try await database(for: kind)
            let (effects, parked) = try await waitUntil(
                "\(kind) holds exactly \(count) communities", timeout: timeout,
                probe: { (try await database.effects(), try await messageCount(kind.deadLetterQueue)) },
                { effects, parked in effects.isExactlyOnce(count) || parked > expected || effects.rows > count })
            guard parked <= expected else {
                throw TestFailure(description: "\(kind) parked \(parked) messages on \(kind.deadLetterQueue) (it holds \(effects))")
            }
            guard effects.rows <= count else { throw TestFailure(description: "\(kind) holds duplicate effects: \(effects)") }
        }
        try await Task.sleep(for: .milliseconds(500))
        for kind in kinds {
            let effects = try await database(for: kind).effects()
            guard effects.isExactlyOnce(count) else {
                throw TestFailure(description: "\(kind) no longer holds exactly \(count) a moment later: \(effects)")
            }
            for queue in kind.identity.workQueues {
                for delay in Self.retryDelays {
                    let retryQueue = MessagingNames.retryQueue(workQueue: queue, delayMilliseconds: Self.milliseconds(delay))
                    if let waiting = try await readyMessages(retryQueue), waiting > 0 {
                        let sample = try await amqp.get(from: retryQueue)
                        let headers = sample.map { "\($0.properties.headers)" } ?? "none"
                        try await sample?.nack(requeue: true)
                        throw TestFailure(
                            description:
                                "\(kind) has \(waiting) messages waiting to be retried in \(retryQueue); the first one's headers: \(headers)"
                        )
                    }
                }
            }
        }
    }

    /// Ready messages in a queue, or nil when there is no such queue.
    func readyMessages(_ queue: String) async throws -> Int? {
        do {
            return Int(try await amqp.queueStatus(queue).messageCount)
        } catch {
            guard error.code == .notFound else { throw error }
            return nil
        }
    }

    // MARK: The broker

    /// Publishes events to `p2g.events` as the registry's relay does, with confirms.
    func publish(_ events: [CommunityRegistered], messageIDs: [UUID]? = nil) async throws {
        let ids = messageIDs ?? events.map { _ in UUID() }
        var messages: [AMQPMessage] = []
        for (event, id) in zip(events, ids) {
            messages.append(try Self.message(event, messageID: id))
        }
        for start in stride(from: 0, to: messages.count, by: 500) {
            try await publisher.publishConfirmed(Array(messages[start..<min(start + 500, messages.count)]))
        }
    }

    /// A message as the registry publishes it.
    static func message(
        _ event: CommunityRegistered, messageID: UUID = UUID(), type: String = CommunityRegistered.eventType.description,
        body: [UInt8]? = nil, traceparent: String? = nil
    ) throws -> AMQPMessage {
        let properties = AMQPProperties(
            contentType: "application/json", headers: traceparent.map { [MessagingNames.Header.traceparent: .string($0)] } ?? [:],
            deliveryMode: .persistent, correlationID: event.communityId.uuidString.lowercased(),
            messageID: messageID.uuidString.lowercased(), timestamp: Date(), type: type, appID: "registry")
        return AMQPMessage(
            exchange: MessagingNames.eventsExchange, routingKey: type, body: try body ?? Array(ContractCoding.encode(event)),
            properties: properties)
    }

    /// Ready messages in a queue.
    func messageCount(_ queue: String) async throws -> Int {
        Int(try await amqp.queueStatus(queue).messageCount)
    }

    /// Takes every message parked on the service's dead-letter queue.
    func takeDeadLetters(of kind: ServiceKind) async throws -> [AMQPDelivery] {
        var deliveries: [AMQPDelivery] = []
        while let delivery = try await amqp.get(from: kind.deadLetterQueue) {
            deliveries.append(delivery)
        }
        for delivery in deliveries { try await delivery.ack() }
        return deliveries
    }

    /// Every queue a service declares in the test vhost.
    private var serviceQueues: [String] {
        ServiceKind.allCases.flatMap { kind in
            [kind.deadLetterQueue]
                + kind.identity.workQueues.flatMap { queue in
                    [queue] + Self.retryDelays.map { MessagingNames.retryQueue(workQueue: queue, delayMilliseconds: Self.milliseconds($0)) }
                }
        }
    }

    /// `200ms`, `5s`, `5m`, as in `P2G_RETRY_DELAYS`.
    private static func durationText(_ duration: Duration) -> String {
        let milliseconds = milliseconds(duration)
        if milliseconds % 60_000 == 0 { return "\(milliseconds / 60_000)m" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        return "\(milliseconds)ms"
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    private func deleteServiceQueues() async throws {
        for queue in serviceQueues { try await deleteQueue(queue) }
    }

    /// Deletes a queue if it exists.
    func deleteQueue(_ queue: String) async throws {
        do {
            try await amqp.delete(queue: queue)
        } catch {
            guard error.code == .notFound else { throw error }
        }
    }

    // MARK: Tearing down

    private func tearDown() async {
        await withTaskGroup(of: Void.self) { group in
            for process in processes { group.addTask { await process.stop() } }
        }
        let databases = state.withLock { Array($0.databases.values) }
        for database in databases {
            await database.client.shutdown()
            do {
                try await admin.query("DROP DATABASE IF EXISTS \(identifier: database.name) WITH (FORCE)")
            } catch {
                logger.warning("cannot drop a test database", metadata: ["database": "\(database.name)", "error": "\(error)"])
            }
        }
        do {
            try await deleteServiceQueues()
        } catch {
            logger.warning("cannot delete the service queues", metadata: ["error": "\(error)"])
        }
        await amqp.close()
        await admin.shutdown()
    }
}
