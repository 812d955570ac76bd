/// Answers "is this instant in the set" for instants asked in increasing order, in amortised
/// constant time: the candidate scan of the solver walks each set once.
struct SpanCursor {
    private let spans: [Span]
    private var index = 0

    init(_ set: SpanSet) {
        spans = set.spans
    }

    mutating func contains(_ instant: Int) -> Bool {
        while index < spans.count && spans[index].end <= instant { index += 1 }
        return index < spans.count && spans[index].start <= instant
    }
}
