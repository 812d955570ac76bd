import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Processor time used by each part of the pipeline, read from `/proc`: the four services,
/// PostgreSQL's processes, RabbitMQ's. On a shared machine the events per second move by tens
/// of percent from run to run with what else runs on the host; the processor time an event
/// costs moves much less, so it is what tells whether a change made the pipeline cheaper.
struct ProcessorTime {
    /// Clock ticks used so far, per process, with the part it belongs to.
    private var ticks: [Int32: (part: String, ticks: Int)] = [:]

    /// The parts, in the order they are reported.
    static let parts = ["registry", "matching", "scheduling", "notifications", "postgresql", "rabbitmq"]

    /// The processes now running that belong to a part: `services` by process id, the rest by
    /// their command name.
    static func now(services: [Int32: String]) -> ProcessorTime {
        var reading = ProcessorTime()
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return reading }
        for entry in entries {
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { continue }
            let command = String(stat[stat.index(after: open)..<close])
            let part: String
            if let service = services[pid] {
                part = service
            } else if command == "postgres" {
                part = "postgresql"
            } else if command == "beam.smp" {
                part = "rabbitmq"
            } else {
                continue
            }
            // After the command: state is field 3; utime and stime are fields 14 and 15.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { continue }
            reading.ticks[pid] = (part, user + system)
        }
        return reading
    }

    /// Seconds of processor time per part between `earlier` and this reading. A process that
    /// ended in between is not counted (the pipeline's processes all live through a run).
    func seconds(since earlier: ProcessorTime) -> [String: Double] {
        let perSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        var seconds: [String: Double] = [:]
        for (pid, now) in ticks {
            let before = earlier.ticks[pid]?.ticks ?? 0
            seconds[now.part, default: 0] += Double(now.ticks - before) / perSecond
        }
        return seconds
    }

    /// "processor time per event: N µs (registry N, …)": `seconds` spread over `events`.
    static func perEvent(_ seconds: [String: Double], events: Int) -> String {
        let perEvent = seconds.mapValues { $0 * 1_000_000 / Double(max(1, events)) }
        return String(format: "processor time per event: %.0f µs (", perEvent.values.reduce(0, +))
            + parts.map { String(format: "%@ %.0f", $0, perEvent[$0] ?? 0) }.joined(separator: ", ") + ")"
    }
}
