import Foundation

/// The whole machine's processor time, from the first line of `/proc/stat`: how much of it was
/// busy, idle, or taken by the hypervisor for other guests ("steal"). On a shared virtual
/// machine the steal share moves from minute to minute and takes the processor from every part
/// of the pipeline alike; printed next to a figure, it tells how much machine the figure had.
struct MachineTime {
    private var busy = 0
    private var idle = 0
    private var stolen = 0

    static func now() -> MachineTime {
        var reading = MachineTime()
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ")
        else { return reading }
        // user nice system idle iowait irq softirq steal (guest time is already in user).
        let ticks = line.split(separator: " ").dropFirst().prefix(8).compactMap { Int($0) }
        guard ticks.count == 8 else { return reading }
        reading.busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6]
        reading.idle = ticks[3] + ticks[4]
        reading.stolen = ticks[7]
        return reading
    }

    /// "72% busy, 16% idle, 12% taken by the hypervisor" between `earlier` and this reading.
    func share(since earlier: MachineTime) -> String {
        let busy = self.busy - earlier.busy
        let idle = self.idle - earlier.idle
        let stolen = self.stolen - earlier.stolen
        let total = Double(max(1, busy + idle + stolen))
        return String(
            format: "the machine meanwhile: %.0f%% busy, %.0f%% idle, %.0f%% taken by the hypervisor for other guests",
            100 * Double(busy) / total, 100 * Double(idle) / total, 100 * Double(stolen) / total)
    }
}
