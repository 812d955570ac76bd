/// Why a request cannot be carried out as sent: every invalid field, with its reason, so that
/// the caller can mend them all at once.
struct InvalidInput: Error, Sendable, Equatable, CustomStringConvertible {
    /// One field that is wrong and why. The reason names the rule, never the value of a field
    /// that holds personal data.
    struct InvalidField: Sendable, Equatable {
        /// The field's JSON path, e.g. `coordinates.latitude` or `members[2].communityId`.
        var name: String
        var reason: String
    }

    /// What could not be done, e.g. "the community cannot be registered".
    var subject: String
    var invalidFields: [InvalidField]

    init(_ subject: String, invalidFields: [InvalidField]) {
        self.subject = subject
        self.invalidFields = invalidFields
    }

    /// The fields in one line, e.g. `the community cannot be registered: country must be...; languages ...`.
    var description: String {
        "\(subject): " + invalidFields.map { "\($0.name) \($0.reason)" }.joined(separator: "; ")
    }
}
