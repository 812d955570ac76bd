// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "p2g",
    products: [
        .library(name: "JewishCalendar", targets: ["JewishCalendar"]),
        .executable(name: "calendar-benchmark", targets: ["CalendarBenchmark"]),
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
    ],
    swiftLanguageModes: [.v6]
)
