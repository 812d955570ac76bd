import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Gives up on connections whose server stopped answering.
///
/// libpq waits for an answer without a limit, and TCP keepalives cannot help when something in
/// the path still acknowledges packets but forwards nothing (a frozen proxy, a stuck load
/// balancer): the statement would hang for good, holding its pooled connection. Each
/// connection marks when its statement started; one thread for the whole process looks a few
/// times a second and shuts down the socket of any that has waited past its deadline. The
/// blocked libpq call then returns at once with the connection broken.
final class UnansweredStatementWatch: Sendable {
    /// One connection's statement in flight.
    final class Mark: Sendable {
        fileprivate struct State {
            var socket: Int32 = -1
            var deadline: ContinuousClock.Instant?
            var cutOff = false
        }
        fileprivate let state = Mutex(State())

        /// The socket to shut down if a statement goes unanswered (-1 while none is open).
        func use(socket: Int32) {
            state.withLock { $0.socket = socket }
        }

        /// A statement starts; it must be answered within `limit`.
        func begin(limit: Duration) {
            state.withLock { state in
                state.deadline = .now + limit
                state.cutOff = false
            }
        }

        /// The statement is over; returns whether its connection was cut off meanwhile.
        func end() -> Bool {
            state.withLock { state in
                state.deadline = nil
                return state.cutOff
            }
        }
    }

    static let shared = UnansweredStatementWatch()

    private struct Watched {
        weak var mark: Mark?
    }

    private let marks = Mutex<(watched: [Watched], started: Bool)>(([], false))

    /// A mark for a new connection, watched from now on.
    func mark() -> Mark {
        let mark = Mark()
        let start = marks.withLock { marks in
            marks.watched.removeAll { $0.mark == nil }
            marks.watched.append(Watched(mark: mark))
            defer { marks.started = true }
            return !marks.started
        }
        if start {
            let thread = Thread { [self] in watch() }
            thread.name = "p2g-postgres-watch"
            thread.start()
        }
        return mark
    }

    private func watch() {
        while true {
            usleep(200_000)
            let now = ContinuousClock.now
            let watched = marks.withLock { $0.watched.compactMap(\.mark) }
            for mark in watched {
                mark.state.withLock { state in
                    guard let deadline = state.deadline, deadline < now, !state.cutOff, state.socket >= 0 else { return }
                    state.cutOff = true
                    shutdown(state.socket, Int32(SHUT_RDWR))
                }
            }
        }
    }
}
