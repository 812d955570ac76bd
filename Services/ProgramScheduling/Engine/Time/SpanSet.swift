/// A set of instants as sorted, disjoint, non-touching spans: free time, working hours,
/// Shabbat and festival windows. Every operation is a linear merge or a binary search.
struct SpanSet: Sendable, Hashable {
    /// Sorted by start; each ends strictly before the next begins.
    private(set) var spans: [Span]

    /// The empty set.
    init() {
        spans = []
    }

    /// One span (none if it is empty).
    init(_ span: Span) {
        spans = span.isEmpty ? [] : [span]
    }

    /// The union of spans in any order.
    init(merging input: [Span]) {
        let sorted = input.filter { !$0.isEmpty }.sorted()
        var spans: [Span] = []
        spans.reserveCapacity(sorted.count)
        for span in sorted {
            if let last = spans.last, span.start <= last.end {
                spans[spans.count - 1].end = max(last.end, span.end)
            } else {
                spans.append(span)
            }
        }
        self.spans = spans
    }

    /// Spans already sorted, disjoint and not touching.
    private init(normalized spans: [Span]) {
        self.spans = spans
    }

    var isEmpty: Bool {
        spans.isEmpty
    }

    /// The total number of seconds covered.
    var totalLength: Int {
        spans.reduce(0) { $0 + $1.length }
    }

    /// The index of the first span that ends after `instant`.
    func firstIndex(endingAfter instant: Int) -> Int {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].end <= instant { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether one span of the set covers all of `span`.
    func contains(_ span: Span) -> Bool {
        let index = firstIndex(endingAfter: span.start)
        return index < spans.count && spans[index].contains(span)
    }

    /// Whether any instant of `span` is in the set.
    func overlaps(_ span: Span) -> Bool {
        let index = firstIndex(endingAfter: span.start)
        return index < spans.count && spans[index].start < span.end
    }

    /// The part of the set within `range`.
    func clipped(to range: Span) -> SpanSet {
        var result: [Span] = []
        var index = firstIndex(endingAfter: range.start)
        while index < spans.count && spans[index].start < range.end {
            result.append(Span(max(spans[index].start, range.start), min(spans[index].end, range.end)))
            index += 1
        }
        return SpanSet(normalized: result)
    }

    func intersection(_ other: SpanSet) -> SpanSet {
        var result: [Span] = []
        var i = 0
        var j = 0
        while i < spans.count && j < other.spans.count {
            let start = max(spans[i].start, other.spans[j].start)
            let end = min(spans[i].end, other.spans[j].end)
            if start < end { result.append(Span(start, end)) }
            if spans[i].end < other.spans[j].end { i += 1 } else { j += 1 }
        }
        return SpanSet(normalized: result)
    }

    func subtracting(_ other: SpanSet) -> SpanSet {
        var result: [Span] = []
        var j = 0
        for span in spans {
            var start = span.start
            while j < other.spans.count && other.spans[j].end <= start { j += 1 }
            var k = j
            while k < other.spans.count && other.spans[k].start < span.end {
                if other.spans[k].start > start { result.append(Span(start, other.spans[k].start)) }
                start = max(start, other.spans[k].end)
                k += 1
            }
            if start < span.end { result.append(Span(start, span.end)) }
        }
        return SpanSet(normalized: result)
    }

    /// The instants `s` at which `[s, s + length)` lies within one span of the set.
    func startsFitting(_ length: Int) -> SpanSet {
        SpanSet(
            normalized: spans.compactMap { span in
                span.length >= length ? Span(span.start, span.end - length + 1) : nil
            })
    }
}
