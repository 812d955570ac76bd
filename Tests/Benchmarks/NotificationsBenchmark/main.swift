// The notifications benchmark, in one run on the local stack (`deploy/stack.sh up`):
//
// an announcement to 300,000 volunteers of one community (a third of them reading Hebrew),
// posted to the notifications service's `POST /announcements`: each delivery recorded with its
// timer, decided, rendered (multipart plain text and HTML, signed links), handed to an SMTP
// server and recorded as sent with its event, timed until the announcement's progress shows
// every one sent, with the service's peak resident memory (VmHWM); next to it, in the same run,
// the same number of messages of the same size sent to the same SMTP server by postfix's
// `smtp-source` over as many connections. Goal: at least half of smtp-source's rate, under
// 150 MB resident.
//
//   swift build -c release --product notifications --product notifications-benchmark
//   .build/release/notifications-benchmark [--recipients N] [--connections C] [--batch B]
//
// The service runs as its own executable (the `notifications` next to this one) on a fresh
// database and the test vhost; the SMTP server is an instance of deploy/smtp-sink.py of its own,
// on a free port, that counts what it accepts and stores nothing. The database is dropped at
// the end.
import Foundation

var options = NotificationsBenchmark.Options()
var arguments = CommandLine.arguments.dropFirst()
while let option = arguments.popFirst() {
    guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else {
        print("usage: notifications-benchmark [--recipients N] [--connections C] [--batch B]")
        exit(2)
    }
    switch option {
    case "--recipients": options.recipients = value
    case "--connections": options.connections = value
    case "--batch": options.batch = value
    default:
        print("usage: notifications-benchmark [--recipients N] [--connections C] [--batch B]")
        exit(2)
    }
}

do {
    try await NotificationsBenchmark(options: options).run()
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
