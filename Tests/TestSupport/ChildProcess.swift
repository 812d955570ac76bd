import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to completion on a thread of its own and collects its output.
///
/// posix_spawn and waitpid rather than Foundation's Process: the stack script leaves servers
/// running that inherit nothing from it, and the caller must wait for the script's exit, not
/// for the end of an output pipe.
public enum ChildProcess {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `arguments[0]` (a path, or a name looked up in `PATH`) with the rest as its
    /// arguments; returns the exit status (128 + signal when killed) and stdout+stderr.
    public static func run(_ arguments: [String], environment: [String: String]? = nil) async throws -> (status: Int32, output: String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("p2g-child-\(UUID().uuidString).log").path
        let process = try launch(arguments, environment: environment, outputPath: outputPath)
        let status = await process.waitForExit()
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outputPath)
        return (status, output)
    }

    /// Starts a program that keeps running, its stdout and stderr appended to `outputPath`.
    public static func launch(_ arguments: [String], environment: [String: String]? = nil, outputPath: String) throws -> LaunchedProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The calling thread may block signals (Dispatch's threads do); the child must start
        // with none blocked and default handlers, or timers such as pgbench -T never fire and
        // SIGTERM never reaches a service.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let environmentStrings = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { for string in environmentStrings ?? [] { free(string) } }
        var pid: pid_t = 0
        let spawned: Int32 =
            if let environmentStrings {
                posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environmentStrings)
            } else {
                posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
            }
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        return LaunchedProcess(pid: pid)
    }
}

/// A child process that was started with ``ChildProcess/launch(_:environment:outputPath:)``.
public struct LaunchedProcess: Sendable {
    public let pid: pid_t

    /// Sends a signal (SIGTERM, SIGKILL...).
    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits (on a thread of its own) for the process to end; returns its exit status, or 128 +
    /// the signal that killed it.
    public func waitForExit() async -> Int32 {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: blockingWaitForExit()) }
            thread.start()
        }
    }

    /// Blocks the calling thread (never one of the cooperative pool) until the process ends;
    /// returns its exit status, or 128 + the signal that killed it.
    public func blockingWaitForExit() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
