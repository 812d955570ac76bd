import Foundation
import Synchronization
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// One running service executable: started with ``ChildProcess/launch(_:environment:outputPath:)``
/// (never Foundation's Process, whose wait hangs on Linux when a descendant keeps a descriptor
/// open), its output in a log file, its HTTP port, and its exit status once it has ended.
final class ServiceProcess: Sendable {
    /// The process could not start, ended when it should not have, or did not end in time.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let kind: ServiceKind
    /// e.g. `matching-1`; also its `P2G_INSTANCE_ID`.
    let name: String
    let pid: pid_t
    let httpPort: Int
    /// Where it serves `GET /metrics` (`P2G_METRICS_PORT`).
    let metricsPort: Int
    let logPath: String
    private let state = Mutex(State())

    private struct State {
        var exitStatus: Int32?
        /// Set when the test sends a signal or stops the process, so that its exit is no surprise.
        var stopRequested = false
    }

    private init(kind: ServiceKind, name: String, pid: pid_t, httpPort: Int, metricsPort: Int, logPath: String) {
        self.kind = kind
        self.name = name
        self.pid = pid
        self.httpPort = httpPort
        self.metricsPort = metricsPort
        self.logPath = logPath
    }

    /// Starts `kind`'s executable with exactly `environment`; output goes to `logPath`.
    static func spawn(
        _ kind: ServiceKind, name: String, environment: [String: String], httpPort: Int, metricsPort: Int, logPath: String
    ) throws -> ServiceProcess {
        let executable = try BuildProducts.executable(kind.executableName)
        let launched = try ChildProcess.launch([executable], environment: environment, outputPath: logPath)
        let process = ServiceProcess(
            kind: kind, name: name, pid: launched.pid, httpPort: httpPort, metricsPort: metricsPort, logPath: logPath)
        // Waits for the child on a thread of its own and records how it ended.
        let reaper = Thread {
            let exitStatus = launched.blockingWaitForExit()
            process.state.withLock { $0.exitStatus = exitStatus }
        }
        reaper.name = "reap \(name)"
        reaper.start()
        return process
    }

    /// The exit status (128 + the signal when killed), or nil while it runs.
    var exitStatus: Int32? { state.withLock { $0.exitStatus } }

    /// Whether it ended although the test did not stop it.
    var exitedUnexpectedly: Bool { state.withLock { $0.exitStatus != nil && !$0.stopRequested } }

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(httpPort)" }

    /// Sends a signal, unless the process has already ended.
    func send(_ signal: Int32) {
        let running = state.withLock { state in
            state.stopRequested = true
            return state.exitStatus == nil
        }
        if running { Glibc.kill(pid, signal) }
    }

    /// Tells the harness that the process is about to end on its own (a test of a failure), so
    /// that its exit is not reported as a surprise.
    func expectExit() {
        state.withLock { $0.stopRequested = true }
    }

    /// SIGTERM: a graceful shutdown.
    func terminate() { send(SIGTERM) }

    /// SIGKILL: a crash, no clean-up at all.
    func kill() { send(SIGKILL) }

    /// Waits until the process ends and returns its exit status; fails after `timeout`.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(60)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = exitStatus { return status }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure(description: "\(name) (pid \(pid)) did not exit within \(timeout)\n\(logTail())")
    }

    /// Stops it for good: SIGTERM, then SIGKILL if it has not ended after `grace`.
    func stop(grace: Duration = .seconds(30)) async {
        terminate()
        if (try? await waitForExit(timeout: grace)) == nil {
            kill()
            _ = try? await waitForExit(timeout: .seconds(10))
        }
    }

    /// Waits until `GET /health/ready` answers 200; fails at once if the process ends.
    func waitUntilReady(timeout: Duration = .seconds(90)) async throws {
        let deadline = ContinuousClock.now + timeout
        var last = "no answer yet"
        while ContinuousClock.now < deadline {
            if let status = exitStatus {
                throw Failure(description: "\(name) exited with status \(status) before it was ready\n\(logTail())")
            }
            do {
                let response = try await HTTPClient.get("\(baseURL)/health/ready")
                if response.status == 200 { return }
                last = "\(response.status) \(response.text)"
            } catch {
                last = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "\(name) was not ready within \(timeout); last answer: \(last)\n\(logTail())")
    }

    /// What it wrote to stdout and stderr so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The last lines of its log, for failure messages.
    func logTail(lines: Int = 40) -> String {
        let tail = log.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
        return "--- last lines of \(name)'s log (\(logPath)) ---\n\(tail)"
    }

    /// Its `/metrics` now.
    func metrics() async throws -> MetricsSnapshot {
        let url = "http://127.0.0.1:\(metricsPort)/metrics"
        let response = try await HTTPClient.get(url)
        guard response.status == 200 else {
            throw Failure(description: "GET \(url) answered \(response.status): \(response.text)")
        }
        return MetricsSnapshot(text: response.text)
    }
}
