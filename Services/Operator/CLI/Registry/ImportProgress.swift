import Foundation
import Synchronization

/// The progress line of a long import, on standard error: rows done out of the file's rows
/// and the rate, every 500 rows or once a second, whichever comes first, and once at the end.
/// On a terminal the line rewrites itself; elsewhere each is a line of its own.
public final class ImportProgress: Sendable {
    struct State {
        var file = ""
        var total = 0
        var done = 0
        var started = ContinuousClock.now
        var lastShown = ContinuousClock.now
        var doneWhenShown = 0
    }

    private let state = Mutex(State())
    private let write: @Sendable (String) -> Void
    private let terminal: Bool

    /// Progress written by `write` (standard error unless a test collects it).
    public init(terminal: Bool = isatty(2) == 1, write: @escaping @Sendable (String) -> Void = ImportProgress.standardError) {
        self.terminal = terminal
        self.write = write
    }

    public static let silent = ImportProgress(terminal: false, write: { _ in })

    @Sendable public static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A file's rows begin.
    public func start(_ file: String, rows: Int) {
        state.withLock { $0 = State(file: file, total: rows) }
    }

    /// One row is done.
    public func advance() {
        let line: String? = state.withLock { state in
            state.done += 1
            let now = ContinuousClock.now
            guard state.done - state.doneWhenShown >= 500 || now - state.lastShown >= .seconds(1) else { return nil }
            state.lastShown = now
            state.doneWhenShown = state.done
            return Self.line(state, now: now)
        }
        if let line { write(terminal ? "\r\(line)" : "\(line)\n") }
    }

    /// The file is done: its last line.
    public func finish() {
        let line = state.withLock { Self.line($0, now: .now) }
        write(terminal ? "\r\(line)\n" : "\(line)\n")
    }

    static func line(_ state: State, now: ContinuousClock.Instant) -> String {
        let elapsed = now - state.started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int((Double(state.done) / seconds).rounded()) : 0
        return "\(state.file): \(state.done)/\(state.total) rows, \(rate) rows/s"
    }
}
