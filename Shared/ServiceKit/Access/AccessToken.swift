import Foundation
import JWTKit

/// The claims of a p2g bearer token (a JWT): who, in which role, for which services, until when.
public struct AccessToken: JWTPayload, Equatable {
    /// Who the token was issued to: a person, a workflow or an operator, as the issuer names
    /// them; recorded in the audit trail.
    public var sub: SubjectClaim
    public var iss: IssuerClaim
    /// The services it is for (`registry`, `matching`, ...).
    public var aud: AudienceClaim
    public var exp: ExpirationClaim
    public var iat: IssuedAtClaim
    public var role: Role
    /// For a partnership coordinator: the partnerships they coordinate.
    public var partnerships: [UUID]?
    /// For a volunteer: their own id in the registry.
    public var volunteer: UUID?

    public init(
        subject: String, issuer: String, audience: [String], expires: Date, issuedAt: Date = Date(), role: Role,
        partnerships: [UUID]? = nil, volunteer: UUID? = nil
    ) {
        self.sub = SubjectClaim(value: subject)
        self.iss = IssuerClaim(value: issuer)
        self.aud = AudienceClaim(value: audience)
        self.exp = ExpirationClaim(value: expires)
        self.iat = IssuedAtClaim(value: issuedAt)
        self.role = role
        self.partnerships = partnerships
        self.volunteer = volunteer
    }

    /// The signature is checked before this; here, that it has not expired. The issuer and the
    /// audience are checked by ``AccessKeys/verify(_:audience:)``, which knows what to expect.
    public func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
