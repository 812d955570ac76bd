// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "p2g",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PairingEngine", targets: ["PairingEngine"]),
        .executable(name: "pairing-benchmark", targets: ["PairingBenchmark"]),
    ],
    targets: [
        // Pure pairing logic: scoring, optimal and stable pairing, joint teams. Foundation only.
        .target(name: "PairingEngine", path: "Services/PairingMatching/Engine"),

        .testTarget(
            name: "PairingEngineTests", dependencies: ["PairingEngine"],
            path: "Tests/PairingEngineTests"),
        // Figures next to SciPy's linear_sum_assignment, measured in the same run.
        .executableTarget(
            name: "PairingBenchmark", dependencies: ["PairingEngine"],
            path: "Tests/Benchmarks/PairingBenchmark",
            exclude: ["linear_sum_assignment.py"]),
    ],
    swiftLanguageModes: [.v6]
)
