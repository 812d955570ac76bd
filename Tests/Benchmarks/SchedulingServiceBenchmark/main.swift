// The scheduling service's benchmark, in one run on the local stack (`deploy/stack.sh up`):
//
// - a year of 500 programs (45 partnerships, people in Sderot, Des Moines and New York)
//   submitted through the service's HTTP routes, each placed by the engine around what is
//   already placed and stored with its event, next to the engine alone solving the same 500
//   programs in one problem;
// - registrations per second for one oversubscribed conference (300 seats), 16 requests in
//   flight, next to pgbench inserting single rows into a table of the same database, 16 clients.
//
//   swift build -c release && .build/release/scheduling-service-benchmark [--registrations N]
//
// The service runs in this process, built from its definition as its executable builds it,
// driven through its router (HummingbirdTesting, no sockets), on a fresh database and the test
// vhost; the database is dropped at the end.
import Foundation

var registrations = 3000
var arguments = CommandLine.arguments.dropFirst()
while let option = arguments.popFirst() {
    guard option == "--registrations", let value = arguments.popFirst().flatMap(Int.init), value > 300 else {
        print("usage: scheduling-service-benchmark [--registrations N], N more than 300")
        exit(2)
    }
    registrations = value
}

do {
    try await SchedulingServiceBenchmark(registrations: registrations).run()
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
