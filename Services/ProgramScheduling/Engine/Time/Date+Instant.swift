import Foundation

extension Date {
    /// Whole seconds since 1970, rounded down: the engine's instant for a start.
    var instant: Int {
        Int(timeIntervalSince1970.rounded(.down))
    }

    /// Whole seconds since 1970, rounded up: the engine's instant for an end.
    var instantRoundedUp: Int {
        Int(timeIntervalSince1970.rounded(.up))
    }

    /// The date of an engine instant.
    init(instant: Int) {
        self.init(timeIntervalSince1970: TimeInterval(instant))
    }
}
