/// Run times of a repeated measurement, in seconds.
struct Timing {
    var seconds: [Double]

    var best: Double { seconds.min() ?? .nan }

    var median: Double {
        let sorted = seconds.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Runs `body` `repeats` times (at least once) and keeps the last result.
    static func measure<T>(repeats: Int, _ body: () throws -> T) rethrows -> (Timing, T) {
        let clock = ContinuousClock()
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        var start = clock.now
        var last = try body()
        var runs = [seconds(clock.now - start)]
        for _ in 1..<max(1, repeats) {
            start = clock.now
            last = try body()
            runs.append(seconds(clock.now - start))
        }
        return (Timing(seconds: runs), last)
    }
}

/// Formats seconds as milliseconds with three significant decimals.
func milliseconds(_ seconds: Double) -> String {
    let value = seconds * 1000
    let rounded = (value * 1000).rounded() / 1000
    return "\(rounded) ms"
}
