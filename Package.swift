// swift-tools-version: 6.1
import PackageDescription

let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")
let httpTypes: Target.Dependency = .product(name: "HTTPTypes", package: "swift-http-types")
let serviceLifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let hummingbirdTesting: Target.Dependency = .product(name: "HummingbirdTesting", package: "hummingbird")

let package = Package(
    name: "p2g",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Postgres", targets: ["Postgres"]),
        .library(name: "AMQP", targets: ["AMQP"]),
        .library(name: "JewishCalendar", targets: ["JewishCalendar"]),
        .library(name: "PairingEngine", targets: ["PairingEngine"]),
        .library(name: "SchedulingEngine", targets: ["SchedulingEngine"]),
        .executable(name: "community-registry", targets: ["community-registry"]),
        .executable(name: "pairing-matching", targets: ["pairing-matching"]),
        .executable(name: "program-scheduling", targets: ["program-scheduling"]),
        .executable(name: "notifications", targets: ["notifications"]),
        .executable(name: "p2gctl", targets: ["p2gctl"]),
        .executable(name: "foundation-benchmark", targets: ["FoundationBenchmark"]),
        .executable(name: "pipeline-benchmark", targets: ["PipelineBenchmark"]),
        .executable(name: "calendar-benchmark", targets: ["CalendarBenchmark"]),
        .executable(name: "pairing-benchmark", targets: ["PairingBenchmark"]),
        .executable(name: "scheduling-benchmark", targets: ["SchedulingBenchmark"]),
        .executable(name: "scheduling-optimality-benchmark", targets: ["SchedulingOptimalityBenchmark"]),
        .executable(name: "registry-benchmark", targets: ["RegistryBenchmark"]),
        .executable(name: "scheduling-service-benchmark", targets: ["SchedulingServiceBenchmark"]),
        .executable(name: "needs-benchmark", targets: ["NeedsBenchmark"]),
        .executable(name: "matching-benchmark", targets: ["MatchingBenchmark"]),
        .executable(name: "notifications-benchmark", targets: ["NotificationsBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // C libraries, through pkg-config; deploy/stack.sh installs their Debian packages.
        .systemLibrary(
            name: "CLibPQ", path: "Shared/CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),
        .systemLibrary(
            name: "CRabbitMQ", path: "Shared/CRabbitMQ", pkgConfig: "librabbitmq",
            providers: [.apt(["librabbitmq-dev"])]),
        .systemLibrary(
            name: "CCurl", path: "Shared/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),

        // Clients over the C libraries.
        .target(name: "UUIDText", path: "Shared/UUIDText"),
        .target(name: "Postgres", dependencies: ["CLibPQ", "UUIDText", logging], path: "Shared/Postgres"),
        .target(name: "AMQP", dependencies: ["CRabbitMQ", logging], path: "Shared/AMQP"),
        .target(name: "SMTP", dependencies: ["CCurl", logging], path: "Shared/SMTP"),

        // The wire contract: message types, their JSON, the names of exchanges and queues.
        .target(name: "Contracts", dependencies: ["UUIDText"], path: "Shared/Contracts", exclude: ["Fixtures", "asyncapi.yaml"]),

        // What every service stands on: configuration, logs, metrics, health, trace context,
        // the outbox and its relay, the inbox-backed consumer with retries and parking.
        .target(
            name: "ServiceKit",
            dependencies: [
                "Postgres", "AMQP", "Contracts", "UUIDText", logging, hummingbird, serviceLifecycle,
                httpTypes, .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Shared/ServiceKit"),

        // Pure domain logic: no I/O, no clock, Foundation only.
        .target(name: "JewishCalendar", path: "Shared/JewishCalendar"),
        .target(name: "PairingEngine", path: "Services/PairingMatching/Engine"),
        .target(name: "SchedulingEngine", dependencies: ["JewishCalendar"], path: "Services/ProgramScheduling/Engine"),

        // The four services: each a library (so that tests and benchmarks can reach its logic)
        // and a thin executable.
        .target(
            name: "CommunityRegistry", dependencies: ["ServiceKit", "Contracts", "Postgres", "UUIDText", hummingbird, httpTypes],
            path: "Services/CommunityRegistry/Service"),
        .executableTarget(
            name: "community-registry", dependencies: ["CommunityRegistry", "ServiceKit"], path: "Services/CommunityRegistry/Main"),
        .target(
            name: "PairingMatching",
            dependencies: ["ServiceKit", "Contracts", "Postgres", "UUIDText", "PairingEngine", "JewishCalendar", hummingbird, httpTypes],
            path: "Services/PairingMatching/Service"),
        .executableTarget(
            name: "pairing-matching", dependencies: ["PairingMatching", "ServiceKit"], path: "Services/PairingMatching/Main"),
        .target(
            name: "ProgramScheduling",
            dependencies: ["ServiceKit", "Contracts", "Postgres", "JewishCalendar", "SchedulingEngine", hummingbird],
            path: "Services/ProgramScheduling/Service"),
        .executableTarget(
            name: "program-scheduling", dependencies: ["ProgramScheduling", "ServiceKit"], path: "Services/ProgramScheduling/Main"),
        .target(
            name: "Notifications",
            dependencies: [
                "ServiceKit", "Contracts", "Postgres", "UUIDText", "SMTP", "JewishCalendar", hummingbird,
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Services/Notifications/Service"),
        .executableTarget(
            name: "notifications", dependencies: ["Notifications", "ServiceKit"], path: "Services/Notifications/Main"),

        // The operator's command line: health, dead letters, replay. The logic is a library so
        // that its tests can drive it against the real broker.
        .target(
            name: "Operator", dependencies: ["AMQP", "Contracts", "ServiceKit", argumentParser, logging],
            path: "Services/Operator/CLI"),
        .executableTarget(name: "p2gctl", dependencies: ["Operator", argumentParser], path: "Services/Operator/Main"),

        // Tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"], path: "Tests/PostgresTests"),
        .testTarget(name: "AMQPTests", dependencies: ["AMQP", "TestSupport"], path: "Tests/AMQPTests"),
        .testTarget(
            name: "JewishCalendarTests", dependencies: ["JewishCalendar", "TestSupport"], path: "Tests/JewishCalendarTests",
            resources: [.copy("Resources")]),
        .testTarget(name: "ContractsTests", dependencies: ["Contracts"], path: "Tests/ContractsTests"),
        .testTarget(name: "UUIDTextTests", dependencies: ["UUIDText"], path: "Tests/UUIDTextTests"),
        .testTarget(
            name: "ServiceKitTests",
            dependencies: [
                "ServiceKit", "AMQP", "Postgres", "Contracts", "ServiceKitProbe", "ServiceTestSupport", hummingbirdTesting, logging,
                serviceLifecycle,
            ],
            path: "Tests/ServiceKitTests"),
        // Each service in-process against the real stack, built from its definition as its
        // executable builds it, its routes driven through HummingbirdTesting.
        .target(
            name: "ServiceTestSupport",
            dependencies: [
                "ServiceKit", "Postgres", "AMQP", "Contracts", "TestSupport", hummingbird, hummingbirdTesting, httpTypes, logging,
            ],
            path: "Tests/ServiceTestSupport"),
        .testTarget(
            name: "CommunityRegistryTests",
            dependencies: ["CommunityRegistry", "ServiceKit", "ServiceTestSupport", "Contracts", "Postgres", hummingbirdTesting],
            path: "Tests/CommunityRegistryTests"),
        .testTarget(
            name: "PairingMatchingTests",
            dependencies: [
                "PairingMatching", "PairingEngine", "ServiceKit", "ServiceTestSupport", "Contracts", "Postgres", "JewishCalendar",
                hummingbirdTesting,
            ],
            path: "Tests/PairingMatchingTests"),
        .testTarget(
            name: "ProgramSchedulingTests",
            dependencies: ["ProgramScheduling", "ServiceKit", "ServiceTestSupport", "Contracts", "Postgres", hummingbirdTesting],
            path: "Tests/ProgramSchedulingTests"),
        .testTarget(
            name: "NotificationsTests",
            dependencies: [
                "Notifications", "ServiceKit", "ServiceTestSupport", "Contracts", "Postgres", "JewishCalendar", "SMTP", "TestSupport",
                hummingbirdTesting,
            ],
            path: "Tests/NotificationsTests", exclude: ["Browser"]),
        // A service made only of ServiceKit's parts, for the tests that must kill a process at
        // a fail point (the durable timers').
        .target(
            name: "ServiceKitProbe", dependencies: ["ServiceKit", "Contracts", "Postgres", serviceLifecycle],
            path: "Tests/ServiceKitProbe/Probe"),
        .executableTarget(
            name: "servicekit-probe", dependencies: ["ServiceKitProbe", "ServiceKit"], path: "Tests/ServiceKitProbe/Main"),
        .testTarget(
            name: "OperatorTests",
            dependencies: [
                "Operator", "AMQP", "Contracts", "ServiceKit", "TestSupport", "CommunityRegistry", "ServiceTestSupport",
                "GeneratedRegistry",
                hummingbird, hummingbirdTesting, serviceLifecycle, logging,
            ],
            path: "Tests/OperatorTests"),
        // Spreadsheets of a made-up registry, with bad rows whose lines are known, for the
        // import's tests and its benchmark.
        .target(name: "GeneratedRegistry", dependencies: ["Operator"], path: "Tests/GeneratedRegistry"),
        .testTarget(name: "PairingEngineTests", dependencies: ["PairingEngine", "TestSupport"], path: "Tests/PairingEngineTests"),
        .testTarget(
            name: "SchedulingEngineTests", dependencies: ["SchedulingEngine", "JewishCalendar", "TestSupport"],
            path: "Tests/SchedulingEngineTests"),
        // The four executables against the local stack: a fresh database per service and test,
        // queues cleaned in the test vhost. `swift build --build-tests` builds the executables.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["Postgres", "AMQP", "Contracts", "ServiceKitProbe", "TestSupport", "ServiceTestSupport", logging],
            path: "Tests/EndToEndTests"),

        // Benchmarks: executables that print figures next to baselines from the same run.
        .target(name: "CAMQPBaseline", dependencies: ["CRabbitMQ"], path: "Tests/Benchmarks/CAMQPBaseline"),
        .executableTarget(
            name: "FoundationBenchmark", dependencies: ["Postgres", "AMQP", "CAMQPBaseline", "UUIDText", "TestSupport", logging],
            path: "Tests/Benchmarks/FoundationBenchmark"),
        .executableTarget(
            name: "PipelineBenchmark", dependencies: ["ServiceKit", "Postgres", "AMQP", "Contracts", "UUIDText", "TestSupport", logging],
            path: "Tests/Benchmarks/PipelineBenchmark"),
        .executableTarget(
            name: "CalendarBenchmark", dependencies: ["JewishCalendar", "TestSupport"], path: "Tests/Benchmarks/CalendarBenchmark"),
        .executableTarget(
            name: "SchedulingBenchmark", dependencies: ["SchedulingEngine", "JewishCalendar", "TestSupport"],
            path: "Tests/Benchmarks/SchedulingBenchmark"),
        // Next to OR-Tools CP-SAT's optimum on small instances, solved in the same run.
        .executableTarget(
            name: "SchedulingOptimalityBenchmark", dependencies: ["SchedulingEngine", "JewishCalendar", "TestSupport"],
            path: "Tests/Benchmarks/SchedulingOptimalityBenchmark", exclude: ["cpsat_schedule.py"]),
        // p2gctl's import next to psql \copy, reads next to a constant route, in the same run.
        .executableTarget(
            name: "RegistryBenchmark",
            dependencies: [
                "CommunityRegistry", "ServiceKit", "Operator", "GeneratedRegistry", "Postgres", "Contracts", "TestSupport", hummingbird,
                hummingbirdTesting, logging,
            ],
            path: "Tests/Benchmarks/RegistryBenchmark"),
        // The scheduling service's year and registrations next to the engine alone and pgbench, in the same run.
        .executableTarget(
            name: "SchedulingServiceBenchmark",
            dependencies: [
                "ProgramScheduling", "SchedulingEngine", "JewishCalendar", "ServiceKit", "Postgres", "Contracts", "TestSupport",
                hummingbird,
                hummingbirdTesting, httpTypes, logging,
            ],
            path: "Tests/Benchmarks/SchedulingServiceBenchmark"),
        // The coverage report through the API, next to the same query in psql.
        .executableTarget(
            name: "NeedsBenchmark",
            dependencies: ["CommunityRegistry", "ServiceKit", "Postgres", "TestSupport", hummingbird, hummingbirdTesting, logging],
            path: "Tests/Benchmarks/NeedsBenchmark"),
        // The pairing-matching service on a Communities2Gether run next to the engine alone.
        .executableTarget(
            name: "MatchingBenchmark",
            dependencies: [
                "PairingMatching", "PairingEngine", "ServiceKit", "AMQP", "Postgres", "Contracts", "TestSupport", hummingbird,
                hummingbirdTesting, logging,
            ],
            path: "Tests/Benchmarks/MatchingBenchmark"),
        // An announcement to 300,000 through the notifications executable next to smtp-source.
        .executableTarget(
            name: "NotificationsBenchmark", dependencies: ["ServiceKit", "Postgres", "TestSupport", logging],
            path: "Tests/Benchmarks/NotificationsBenchmark"),
        // Next to SciPy's linear_sum_assignment, measured in the same run.
        .executableTarget(
            name: "PairingBenchmark", dependencies: ["PairingEngine", "TestSupport"], path: "Tests/Benchmarks/PairingBenchmark",
            exclude: ["linear_sum_assignment.py"]),
    ],
    swiftLanguageModes: [.v6]
)
