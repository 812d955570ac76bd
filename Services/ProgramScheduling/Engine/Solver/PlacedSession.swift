import Foundation

/// A session where the solver has put it, by indices.
struct PlacedSession: Sendable {
    let key: SessionKey
    let span: Span
    /// Venue index, for an in-person session.
    let venue: Int?
    /// Participant indices in id order.
    let attendees: [Int]
    let absentees: [Int]
    /// Fixed by the problem, or already begun: never moved.
    let isLocked: Bool

    func placement(in problem: SchedulingProblem) -> Placement {
        Placement(
            key: key, start: Date(instant: span.start), end: Date(instant: span.end),
            venue: venue.map { problem.venues[$0].id },
            attendees: attendees.map { problem.participants[$0].id },
            absentees: absentees.map { problem.participants[$0].id })
    }

    /// Reads a placement of the problem's sessions; `nil` when it names someone or something unknown.
    init?(_ placement: Placement, in problem: SchedulingProblem, isLocked: Bool) {
        var attendees: [Int] = []
        var absentees: [Int] = []
        for id in placement.attendees {
            guard let index = problem.participantIndex[id] else { return nil }
            attendees.append(index)
        }
        for id in placement.absentees {
            guard let index = problem.participantIndex[id] else { return nil }
            absentees.append(index)
        }
        var venue: Int?
        if let id = placement.venue {
            guard let index = problem.venueIndex[id] else { return nil }
            venue = index
        }
        self.init(
            key: placement.key, span: Span(placement.start.instant, placement.end.instantRoundedUp), venue: venue,
            attendees: attendees.sorted(), absentees: absentees.sorted(), isLocked: isLocked)
    }

    init(key: SessionKey, span: Span, venue: Int?, attendees: [Int], absentees: [Int], isLocked: Bool) {
        self.key = key
        self.span = span
        self.venue = venue
        self.attendees = attendees
        self.absentees = absentees
        self.isLocked = isLocked
    }
}
