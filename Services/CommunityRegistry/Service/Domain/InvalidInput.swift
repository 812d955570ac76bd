/// Why a request cannot be carried out as sent: every invalid field, with its reason, so that
/// the caller can mend them all at once.
public struct InvalidInput: Error, Sendable, Equatable, CustomStringConvertible {
    /// One field that is wrong and why. The reason names the rule, never the value of a field
    /// that holds personal data.
    public struct InvalidField: Sendable, Equatable {
        /// The field's JSON path, e.g. `coordinates.latitude` or `members[2].communityId`.
        public var name: String
        public var reason: String

        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// What could not be done, e.g. "the community cannot be registered".
    public var subject: String
    public var invalidFields: [InvalidField]

    public init(_ subject: String, invalidFields: [InvalidField]) {
        self.subject = subject
        self.invalidFields = invalidFields
    }

    /// The fields in one line, e.g. `the community cannot be registered: country must be...; languages ...`.
    public var description: String {
        "\(subject): " + invalidFields.map { "\($0.name) \($0.reason)" }.joined(separator: "; ")
    }
}
