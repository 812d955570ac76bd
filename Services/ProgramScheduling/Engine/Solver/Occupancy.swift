/// Who and what is booked when: each participant's and venue's sessions as spans sorted by
/// start, and every placed session by key.
struct Occupancy {
    struct Booking {
        let span: Span
        let key: SessionKey
    }

    private(set) var participantBookings: [[Booking]]
    private(set) var venueBookings: [[Booking]]
    /// Each participant's sessions where they are an absent optional invitee, sorted by start.
    private(set) var participantAbsences: [[Booking]]
    private(set) var placed: [SessionKey: PlacedSession] = [:]

    /// Books the given sessions, sorting each person's and venue's bookings once.
    init(participants: Int, venues: Int, placed sessions: [PlacedSession] = []) {
        participantBookings = Array(repeating: [], count: participants)
        venueBookings = Array(repeating: [], count: venues)
        participantAbsences = Array(repeating: [], count: participants)
        placed.reserveCapacity(sessions.count)
        for session in sessions {
            placed[session.key] = session
            let booking = Booking(span: session.span, key: session.key)
            for attendee in session.attendees { participantBookings[attendee].append(booking) }
            if let venue = session.venue { venueBookings[venue].append(booking) }
            for absentee in session.absentees { participantAbsences[absentee].append(booking) }
        }
        for index in participantBookings.indices where participantBookings[index].count > 1 {
            participantBookings[index].sort(by: Self.inOrder)
        }
        for index in venueBookings.indices where venueBookings[index].count > 1 {
            venueBookings[index].sort(by: Self.inOrder)
        }
        for index in participantAbsences.indices where participantAbsences[index].count > 1 {
            participantAbsences[index].sort(by: Self.inOrder)
        }
    }

    private static func inOrder(_ lhs: Booking, _ rhs: Booking) -> Bool {
        (lhs.span.start, lhs.key) < (rhs.span.start, rhs.key)
    }

    mutating func add(_ session: PlacedSession) {
        placed[session.key] = session
        let booking = Booking(span: session.span, key: session.key)
        for attendee in session.attendees {
            Self.insert(booking, into: &participantBookings[attendee])
        }
        if let venue = session.venue {
            Self.insert(booking, into: &venueBookings[venue])
        }
        for absentee in session.absentees {
            Self.insert(booking, into: &participantAbsences[absentee])
        }
    }

    @discardableResult
    mutating func remove(_ key: SessionKey) -> PlacedSession? {
        guard let session = placed.removeValue(forKey: key) else { return nil }
        for attendee in session.attendees {
            participantBookings[attendee].removeAll { $0.key == key }
        }
        if let venue = session.venue {
            venueBookings[venue].removeAll { $0.key == key }
        }
        for absentee in session.absentees {
            participantAbsences[absentee].removeAll { $0.key == key }
        }
        return session
    }

    /// A participant's bookings that overlap `range`, in order.
    func bookings(ofParticipant index: Int, overlapping range: Span) -> ArraySlice<Booking> {
        Self.overlapping(participantBookings[index], range)
    }

    func bookings(ofVenue index: Int, overlapping range: Span) -> ArraySlice<Booking> {
        Self.overlapping(venueBookings[index], range)
    }

    /// A participant's sessions overlapping `range` where they are absent, in order. Unlike
    /// bookings these may overlap each other, so the scan starts from the first that starts
    /// a day before the range.
    func absences(ofParticipant index: Int, overlapping range: Span) -> [Booking] {
        let bookings = participantAbsences[index]
        guard !bookings.isEmpty else { return [] }
        var low = 0
        var high = bookings.count
        let from = range.start - 7 * 86_400
        while low < high {
            let middle = (low + high) / 2
            if bookings[middle].span.start < from { low = middle + 1 } else { high = middle }
        }
        var result: [Booking] = []
        while low < bookings.count && bookings[low].span.start < range.end {
            if bookings[low].span.overlaps(range) { result.append(bookings[low]) }
            low += 1
        }
        return result
    }

    func busy(ofParticipant index: Int, in range: Span) -> SpanSet {
        SpanSet(merging: bookings(ofParticipant: index, overlapping: range).map(\.span))
    }

    /// The placed sessions in chronological order.
    var chronological: [PlacedSession] {
        placed.values.sorted { ($0.span.start, $0.key) < ($1.span.start, $1.key) }
    }

    private static func insert(_ booking: Booking, into bookings: inout [Booking]) {
        var low = 0
        var high = bookings.count
        while low < high {
            let middle = (low + high) / 2
            if inOrder(bookings[middle], booking) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        bookings.insert(booking, at: low)
    }

    /// Bookings of one person or venue do not overlap each other, so their ends are in order
    /// too and a binary search finds the first that ends after the range begins. The scan goes
    /// back a little in case an input schedule broke that rule.
    private static func overlapping(_ bookings: [Booking], _ range: Span) -> ArraySlice<Booking> {
        var low = 0
        var high = bookings.count
        while low < high {
            let middle = (low + high) / 2
            if bookings[middle].span.end <= range.start { low = middle + 1 } else { high = middle }
        }
        var first = low
        while first > 0 && bookings[first - 1].span.end > range.start { first -= 1 }
        var last = low
        while last < bookings.count && bookings[last].span.start < range.end { last += 1 }
        return bookings[first..<last].filter { $0.span.overlaps(range) }[...]
    }
}
