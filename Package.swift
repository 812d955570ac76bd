// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "p2g",
    products: [
        .library(name: "JewishCalendar", targets: ["JewishCalendar"]),
        .executable(name: "calendar-benchmark", targets: ["CalendarBenchmark"]),
        .library(name: "SchedulingEngine", targets: ["SchedulingEngine"]),
        .executable(name: "scheduling-benchmark", targets: ["SchedulingBenchmark"]),
    ],
    targets: [
        .target(
            name: "JewishCalendar",
            path: "Shared/JewishCalendar"
        ),
        .testTarget(
            name: "JewishCalendarTests",
            dependencies: ["JewishCalendar"],
            path: "Tests/JewishCalendarTests",
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "CalendarBenchmark",
            dependencies: ["JewishCalendar"],
            path: "Tests/Benchmarks/CalendarBenchmark"
        ),
        .target(
            name: "SchedulingEngine",
            dependencies: ["JewishCalendar"],
            path: "Services/ProgramScheduling/Engine"
        ),
        .testTarget(
            name: "SchedulingEngineTests",
            dependencies: ["SchedulingEngine", "JewishCalendar"],
            path: "Tests/SchedulingEngineTests"
        ),
        .executableTarget(
            name: "SchedulingBenchmark",
            dependencies: ["SchedulingEngine", "JewishCalendar"],
            path: "Tests/Benchmarks/SchedulingBenchmark"
        ),
    ],
    swiftLanguageModes: [.v6]
)
