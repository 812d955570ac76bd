/// Waiting for an outcome: polling with a generous deadline, never a fixed sleep.
struct TimedOut: Error, CustomStringConvertible {
    let description: String
}

/// Probes until `condition` holds for the probed value, and returns that value. Errors from
/// the probe (a server restarting) count as "not yet"; `check` runs every round and can fail
/// the wait early (a process that died). On timeout, the error names the last value or error.
@discardableResult
func waitUntil<Value>(
    _ what: String, timeout: Duration = .seconds(120), interval: Duration = .milliseconds(100),
    check: () throws -> Void = {},
    probe: () async throws -> Value, _ condition: (Value) -> Bool
) async throws -> Value {
    let deadline = ContinuousClock.now + timeout
    var last = "nothing probed yet"
    while true {
        try check()
        do {
            let value = try await probe()
            if condition(value) { return value }
            last = "last value: \(value)"
        } catch {
            last = "last error: \(error)"
        }
        guard ContinuousClock.now < deadline else { break }
        try await Task.sleep(for: interval)
    }
    throw TimedOut(description: "timed out after \(timeout) waiting until \(what); \(last)")
}
