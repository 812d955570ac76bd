import Foundation

/// A VTIMEZONE for one zone, listing the zone's actual changes of offset over the span the
/// events need (from a year before to their end) rather than rules, so that the component is
/// right even where the rules changed; a zone without changes gets one STANDARD observance.
enum TimeZoneComponent {
    static func write(_ timeZone: TimeZone, covering range: Span, into lines: inout ContentLines) {
        lines.add("BEGIN", "VTIMEZONE")
        lines.add("TZID", timeZone.identifier)
        var cursor = Date(instant: range.start - 366 * 86_400)
        var wrote = false
        while let transition = timeZone.nextDaylightSavingTimeTransition(after: cursor), transition.instant < range.end {
            let instant = Int(transition.timeIntervalSince1970.rounded())
            let before = timeZone.secondsFromGMT(for: Date(instant: instant - 1))
            let after = timeZone.secondsFromGMT(for: Date(instant: instant))
            if before != after {
                let daylight = timeZone.isDaylightSavingTime(for: Date(instant: instant))
                observance(
                    daylight ? "DAYLIGHT" : "STANDARD", onset: instant + before, from: before, to: after,
                    name: timeZone.abbreviation(for: Date(instant: instant)), into: &lines)
                wrote = true
            }
            cursor = transition
        }
        if !wrote {
            let offset = timeZone.secondsFromGMT(for: Date(instant: range.start))
            observance(
                "STANDARD", onset: 0, from: offset, to: offset,
                name: timeZone.abbreviation(for: Date(instant: range.start)),
                into: &lines)
        }
        lines.add("END", "VTIMEZONE")
    }

    private static func observance(
        _ kind: String, onset: Int, from: Int, to: Int, name: String?, into lines: inout ContentLines
    ) {
        lines.add("BEGIN", kind)
        lines.add("DTSTART", ContentLines.compact(onset))
        lines.add("TZOFFSETFROM", ContentLines.offset(from))
        lines.add("TZOFFSETTO", ContentLines.offset(to))
        // Foundation on Linux names many zones only "GMT-5"; such a name adds nothing.
        if let name, !name.hasPrefix("GMT"), !name.hasPrefix("UTC") { lines.addText("TZNAME", name) }
        lines.add("END", kind)
    }
}
