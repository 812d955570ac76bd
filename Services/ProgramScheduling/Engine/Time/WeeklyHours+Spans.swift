import JewishCalendar

extension WeeklyHours {
    /// The hours as absolute spans over `range` on a zone's clock; a range ending at 24:00 joins
    /// one beginning at 00:00 the next day.
    func spans(on clock: ZoneClock, covering range: Span) -> SpanSet {
        let firstDay = clock.localDay(of: range.start) - 1
        let lastDay = clock.localDay(of: range.end) + 1
        var spans: [Span] = []
        for day in firstDay...lastDay {
            let weekday = weekdayNumber(ofDay: day) - 1
            for hours in days[weekday] {
                let start = clock.instant(ofLocal: day * 86_400 + hours.startMinute * 60)
                let end = clock.instant(ofLocal: day * 86_400 + hours.endMinute * 60)
                spans.append(Span(start, end))
            }
        }
        return SpanSet(merging: spans).clipped(to: range)
    }
}
