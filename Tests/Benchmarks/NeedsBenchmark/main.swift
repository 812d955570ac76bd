// The needs and funding benchmark, in one run on the local stack (`deploy/stack.sh up`):
//
// the coverage report (`GET /reports/funding?by=community`: needs, pledged, committed, paid and
// gap per community and currency) over 550 communities in 45 partnerships, 20,000 need items
// and 60,000 funding flows, through the registry's HTTP API, next to the same aggregate as one
// SQL query run in `psql` against the same database. Goal: within 2x of psql.
//
//   swift build -c release --product needs-benchmark && .build/release/needs-benchmark [--runs N]
//
// The registry runs in this process on a fresh database, which is dropped at the end.
import Foundation
import TestSupport

var runs = 20
var arguments = CommandLine.arguments.dropFirst()
while let option = arguments.popFirst() {
    guard option == "--runs", let value = arguments.popFirst().flatMap(Int.init), value > 0 else {
        print("usage: needs-benchmark [--runs N]")
        exit(2)
    }
    runs = value
}

do {
    try await NeedsBenchmark(runs: runs).run()
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
