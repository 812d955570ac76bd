/// Why a request cannot be carried out as sent: every invalid field, with its reason, so that
/// the caller can mend them all at once.
struct InvalidInput: Error, Sendable, Equatable, CustomStringConvertible {
    /// One field that is wrong and why.
    struct InvalidField: Sendable, Equatable {
        /// The field's JSON path, e.g. `weights.needsFit` or `keep[2].impactedCommunityId`.
        var name: String
        var reason: String
    }

    /// What could not be done, e.g. "the matching cannot be run".
    var subject: String
    var invalidFields: [InvalidField]

    init(_ subject: String, invalidFields: [InvalidField]) {
        self.subject = subject
        self.invalidFields = invalidFields
    }

    var description: String {
        "\(subject): " + invalidFields.map { "\($0.name) \($0.reason)" }.joined(separator: "; ")
    }
}
