import Foundation

/// A way to reach a volunteer, and whether they agreed to be reached that way: personal data,
/// kept out of logs, removed when the volunteer is erased.
public struct ContactChannel: Codable, Sendable, Equatable {
    /// How a channel reaches its person.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// E-mail.
        case email
        /// A mobile phone, for SMS; E.164, e.g. `+972501234567`.
        case phone
    }

    /// Whether the person agreed to messages on the channel, and when they said so.
    public struct Consent: Codable, Sendable, Equatable {
        public var given: Bool
        /// When consent was given, or refused.
        public var at: Date

        public init(given: Bool, at: Date) {
            self.given = given
            self.at = at
        }
    }

    public var kind: Kind
    /// The e-mail address or the E.164 phone number.
    public var address: String
    public var consent: Consent

    public init(kind: Kind, address: String, consent: Consent) {
        self.kind = kind
        self.address = address
        self.consent = consent
    }
}
