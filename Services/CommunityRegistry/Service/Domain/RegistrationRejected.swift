/// Why a community cannot be registered: every invalid field, with its reason.
public struct RegistrationRejected: Error, Sendable, Equatable, CustomStringConvertible {
    /// One field that is wrong and why.
    public struct InvalidField: Sendable, Equatable {
        /// The field's JSON path, e.g. `coordinates.latitude`.
        public var name: String
        public var reason: String

        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    public var invalidFields: [InvalidField]

    /// The fields in one line, e.g. `country: must be an ISO 3166-1 alpha-2 code...; languages: ...`.
    public var description: String {
        "the community cannot be registered: " + invalidFields.map { "\($0.name) \($0.reason)" }.joined(separator: "; ")
    }
}
