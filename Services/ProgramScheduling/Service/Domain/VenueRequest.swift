import Contracts
import Foundation

/// `POST /venues` as sent: a room or hall with its location, capacity and opening hours.
struct VenueRequest: Codable, Sendable {
    var name: String
    var location: Location
    /// IANA time zone of the venue.
    var timeZone: String
    var capacity: Int
    var openingHours: OpeningHours?

    struct Location: Codable, Sendable, Equatable {
        var latitude: Double
        var longitude: Double
    }

    /// The same hours on the days listed: weekdays 1 (Sunday) to 7 (Saturday), `HH:MM` local.
    struct OpeningHours: Codable, Sendable, Equatable {
        var days: [Int]
        var from: String
        var to: String
    }

    func validated() -> Result<VenueRequest, InvalidInput> {
        var invalid: [InvalidInput.InvalidField] = []
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || name.count > 200 { invalid.append(.init(name: "name", reason: "must be 1 to 200 characters")) }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            invalid.append(.init(name: "name", reason: "must not hold control characters"))
        }
        if !(-90...90).contains(location.latitude) { invalid.append(.init(name: "location.latitude", reason: "must be -90 to 90")) }
        if !(-180...180).contains(location.longitude) { invalid.append(.init(name: "location.longitude", reason: "must be -180 to 180")) }
        if TimeZone(identifier: timeZone) == nil || !timeZone.contains("/") && timeZone != "UTC" {
            invalid.append(.init(name: "timeZone", reason: "must be an IANA time zone such as America/Chicago"))
        }
        if !(1...100_000).contains(capacity) { invalid.append(.init(name: "capacity", reason: "must be 1 to 100000")) }
        if let hours = openingHours {
            invalid += WorkingHoursText.check(days: hours.days, from: hours.from, to: hours.to, field: "openingHours")
        }
        return invalid.isEmpty ? .success(self) : .failure(InvalidInput("the venue cannot be recorded", invalidFields: invalid))
    }
}

/// Days and `HH:MM` times as the API writes working and opening hours.
enum WorkingHoursText {
    /// Minutes after midnight of `HH:MM` (00:00 to 24:00).
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 1440
        else { return nil }
        return hours * 60 + minutes
    }

    static func check(days: [Int], from: String, to: String, field: String) -> [InvalidInput.InvalidField] {
        var invalid: [InvalidInput.InvalidField] = []
        if days.isEmpty || days.count > 7 || !days.allSatisfy({ (1...7).contains($0) }) || Set(days).count != days.count {
            invalid.append(.init(name: "\(field).days", reason: "must list distinct weekdays 1 (Sunday) to 7 (Saturday)"))
        }
        let start = minutes(from)
        let end = minutes(to)
        if start == nil { invalid.append(.init(name: "\(field).from", reason: "must be a time HH:MM")) }
        if end == nil { invalid.append(.init(name: "\(field).to", reason: "must be a time HH:MM")) }
        if let start, let end, end <= start { invalid.append(.init(name: "\(field).to", reason: "must be after from")) }
        return invalid
    }

    /// Periods `{start, end}` as RFC 3339 instants, checked.
    static func periods(_ periods: [(start: String, end: String)], field: String) -> (
        intervals: [DateInterval], invalid: [InvalidInput.InvalidField]
    ) {
        var invalid: [InvalidInput.InvalidField] = []
        var intervals: [DateInterval] = []
        if periods.count > 500 { invalid.append(.init(name: field, reason: "may hold at most 500 periods")) }
        for (index, period) in periods.enumerated() {
            guard let start = ContractCoding.parseInstant(period.start), let end = ContractCoding.parseInstant(period.end), end > start,
                start > Date(timeIntervalSince1970: 946_684_800), end < Date(timeIntervalSince1970: 4_102_444_800)
            else {
                invalid.append(
                    .init(name: "\(field)[\(index)]", reason: "must have RFC 3339 instants, end after start, between 2000 and 2100"))
                continue
            }
            intervals.append(DateInterval(start: start, end: end))
        }
        return (intervals, invalid)
    }
}
