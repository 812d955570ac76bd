/// A slot chosen for a session: when, in which venue option, who attends, and its soft cost.
struct SlotChoice {
    let span: Span
    let option: Int
    let attendees: [Int]
    let absentees: [Int]
    let score: Double

    /// Lower score first, then the earlier start, then the venue earlier in the preference order.
    func isBetter(than other: SlotChoice) -> Bool {
        if score < other.score - SlotChooser.tolerance { return true }
        if score > other.score + SlotChooser.tolerance { return false }
        return (span.start, option) < (other.span.start, other.option)
    }
}
