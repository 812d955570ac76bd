// swift-tools-version: 6.1
import PackageDescription

let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")

let package = Package(
    name: "p2g",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Postgres", targets: ["Postgres"]),
        .library(name: "AMQP", targets: ["AMQP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C libraries, through pkg-config; deploy/stack.sh installs their Debian packages.
        .systemLibrary(
            name: "CLibPQ", path: "Shared/CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),
        .systemLibrary(
            name: "CRabbitMQ", path: "Shared/CRabbitMQ", pkgConfig: "librabbitmq",
            providers: [.apt(["librabbitmq-dev"])]),

        // Clients over the C libraries.
        .target(name: "Postgres", dependencies: ["CLibPQ", logging], path: "Shared/Postgres"),
        .target(name: "AMQP", dependencies: ["CRabbitMQ", logging], path: "Shared/AMQP"),

        // Tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"], path: "Tests/PostgresTests"),
        .testTarget(name: "AMQPTests", dependencies: ["AMQP", "TestSupport"], path: "Tests/AMQPTests"),

        // Benchmarks: `swift run -c release foundation-benchmark`.
        .target(name: "CAMQPBaseline", dependencies: ["CRabbitMQ"], path: "Tests/Benchmarks/CAMQPBaseline"),
        .executableTarget(
            name: "foundation-benchmark", dependencies: ["AMQP", "CAMQPBaseline", "TestSupport", logging],
            path: "Tests/Benchmarks/FoundationBenchmark"),
    ],
    swiftLanguageModes: [.v6]
)
