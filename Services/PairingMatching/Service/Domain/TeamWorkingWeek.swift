import Foundation
import JewishCalendar

/// When a joint team can meet in a week: the hours in which every member is within working
/// hours at home and outside Shabbat at their place. Working hours are the scheduling service's
/// default week (07:00 to 22:00 local, Sunday to Thursday in Israel, Monday to Friday
/// elsewhere), so that a team formed here can have its meetings placed there; Shabbat runs from
/// candle lighting on Friday (18 minutes before sunset) to havdalah (the sun 8.5° below the
/// horizon) on Saturday at the member's home community, or, for a member living in another
/// time zone than their community's, at a place of their zone's latitude band and offset.
/// Pure: the week's start comes in.
enum TeamWorkingWeek {
    /// Where a member is.
    struct Member: Sendable {
        var timeZone: String
        /// The home community's coordinates, when the member lives in its time zone.
        var latitude: Double?
        var longitude: Double?
    }

    /// Local working hours, in minutes after midnight.
    static let workingMinutes = (from: 7 * 60, to: 22 * 60)
    static let israelTimeZones: Set<String> = ["Asia/Jerusalem", "Asia/Tel_Aviv", "Israel"]

    /// Minutes of the seven days from `start` in which every member works and none keeps Shabbat.
    static func overlapMinutes(of members: [Member], from start: Date) -> Int {
        let end = start.addingTimeInterval(7 * 86_400)
        guard let first = members.first else { return 0 }
        let common = members.dropFirst().reduce(workingSpans(of: first, from: start, to: end)) {
            intersection($0, workingSpans(of: $1, from: start, to: end))
        }
        return common.reduce(0) { $0 + Int(($1.end.timeIntervalSince($1.start) / 60).rounded(.down)) }
    }

    /// The member's working hours in `[start, end)`, Shabbat taken out, in order.
    static func workingSpans(of member: Member, from start: Date, to end: Date) -> [DateInterval] {
        let zone = TimeZone(identifier: member.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let workingDays: Set<Int> = israelTimeZones.contains(member.timeZone) ? [1, 2, 3, 4, 5] : [2, 3, 4, 5, 6]
        var spans: [DateInterval] = []
        var shabbat: [DateInterval] = []
        let observance = location(of: member, zone: zone).map { ObservanceCalendar(location: $0, policy: .standard) }
        var day = calendar.startOfDay(for: start.addingTimeInterval(-86_400))
        while day < end {
            let weekday = calendar.component(.weekday, from: day)
            if workingDays.contains(weekday),
                let from = calendar.date(byAdding: .minute, value: workingMinutes.from, to: day),
                let to = calendar.date(byAdding: .minute, value: workingMinutes.to, to: day)
            {
                let clipped = DateInterval(start: max(from, start), end: max(min(to, end), max(from, start)))
                if clipped.duration > 0 { spans.append(clipped) }
            }
            if weekday == 6, let observance {
                let friday = observance.location.localDate(of: day.addingTimeInterval(12 * 3600))
                let begins = observance.candleLighting(on: friday)
                let ends = observance.havdalah(on: friday.adding(days: 1))
                if ends > begins { shabbat.append(DateInterval(start: begins, end: ends)) }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return shabbat.reduce(spans) { subtract($1, from: $0) }
    }

    /// The member's place for the calendar: their community's, or one of their zone's band.
    static func location(of member: Member, zone: TimeZone) -> GeoLocation? {
        if let latitude = member.latitude, let longitude = member.longitude,
            let place = try? GeoLocation(latitude: latitude, longitude: longitude, timeZoneIdentifier: member.timeZone)
        {
            return place
        }
        let southern = [
            "Australia/", "Pacific/Auckland", "America/Argentina", "America/Sao_Paulo", "Africa/Johannesburg", "America/Santiago",
        ]
        .contains { member.timeZone.hasPrefix($0) }
        let longitude = max(-179.9, min(179.9, Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_704_067_200))) / 240))
        return try? GeoLocation(latitude: southern ? -35 : 40, longitude: longitude, timeZoneIdentifier: zone.identifier)
    }

    /// The parts of both lists of ordered, disjoint spans that they share.
    static func intersection(_ left: [DateInterval], _ right: [DateInterval]) -> [DateInterval] {
        var result: [DateInterval] = []
        var (i, j) = (0, 0)
        while i < left.count && j < right.count {
            let start = max(left[i].start, right[j].start)
            let end = min(left[i].end, right[j].end)
            if end > start { result.append(DateInterval(start: start, end: end)) }
            if left[i].end < right[j].end { i += 1 } else { j += 1 }
        }
        return result
    }

    /// `spans` without `gap`.
    static func subtract(_ gap: DateInterval, from spans: [DateInterval]) -> [DateInterval] {
        spans.flatMap { span -> [DateInterval] in
            guard span.end > gap.start && gap.end > span.start else { return [span] }
            var parts: [DateInterval] = []
            if span.start < gap.start { parts.append(DateInterval(start: span.start, end: gap.start)) }
            if gap.end < span.end { parts.append(DateInterval(start: gap.end, end: span.end)) }
            return parts
        }
    }
}
