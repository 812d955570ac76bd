// The matching benchmark, in one run on the local stack (`deploy/stack.sh up`): a
// Communities2Gether run of 25 impacted communities against 150 possible supporters through the
// pairing-matching service (the command `matching.run-matching.v1` in, the run stored, every
// `matching.pairing-proposed.v1` published), next to the pairing engine alone on the same
// inputs, read back from the stored run.
//
//   swift build -c release && .build/release/matching-benchmark [--runs N]
//
// The service runs in this process, built from its definition as its executable builds it, on
// a fresh database and the test vhost; its database is dropped at the end.
import Foundation

var runs = 10
var arguments = CommandLine.arguments.dropFirst()
while let option = arguments.popFirst() {
    guard option == "--runs", let value = arguments.popFirst().flatMap(Int.init), value > 0 else {
        print("usage: matching-benchmark [--runs N]")
        exit(2)
    }
    runs = value
}

do {
    try await MatchingBenchmark(runs: runs).run()
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
