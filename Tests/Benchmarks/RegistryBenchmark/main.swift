// The registry benchmark, in one run on the local stack (`deploy/stack.sh up`):
//
// - the import of a generated registry of the program's size (550 communities, 45
//   partnerships with their members' stays, 10,000 volunteers, committee seats) with p2gctl's
//   import through the registry's HTTP API, validation and events included, in rows per second,
//   next to `psql \copy` of the rows it made into the same tables of an empty copy of the schema;
// - `GET /communities/{id}` requests per second under wrk, next to a Hummingbird route that
//   answers a constant, served by the same process.
//
//   swift build -c release && .build/release/registry-benchmark [--volunteers N] [--seconds N]
//
// The registry runs in this process, built from its definition as its executable builds it, on
// a fresh database and the test vhost; its databases are dropped at the end.
import Foundation
import TestSupport

var volunteers = 10_000
var seconds = 10
var arguments = CommandLine.arguments.dropFirst()
while let option = arguments.popFirst() {
    guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else {
        print("\(option) needs a positive number")
        exit(2)
    }
    switch option {
    case "--volunteers":
        guard value > 1100 else {
            print("--volunteers must be more than 1100: two for each of the 550 communities, so that every committee can be seated")
            exit(2)
        }
        volunteers = value
    case "--seconds": seconds = value
    default:
        print("usage: registry-benchmark [--volunteers N] [--seconds N]")
        exit(2)
    }
}

do {
    try await RegistryBenchmark(volunteers: volunteers, seconds: seconds).run()
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
