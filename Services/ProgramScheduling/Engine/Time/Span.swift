/// A half-open stretch of time `[start, end)` in whole seconds since 1970, the engine's
/// internal unit: integer arithmetic keeps interval operations exact and deterministic.
struct Span: Sendable, Hashable, Comparable {
    var start: Int
    var end: Int

    init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    var length: Int {
        end - start
    }

    var isEmpty: Bool {
        end <= start
    }

    func overlaps(_ other: Span) -> Bool {
        start < other.end && other.start < end
    }

    func contains(_ other: Span) -> Bool {
        start <= other.start && other.end <= end
    }

    func contains(_ instant: Int) -> Bool {
        start <= instant && instant < end
    }

    /// The part of this span inside `range`; an empty span at the later start when they do
    /// not overlap.
    func clipped(to range: Span) -> Span {
        let start = max(self.start, range.start)
        return Span(start, max(start, min(end, range.end)))
    }

    static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
