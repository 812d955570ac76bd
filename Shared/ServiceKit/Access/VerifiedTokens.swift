import Foundation
import Synchronization

/// Tokens this service has verified, so that a caller who sends the same token with every
/// request (as clients do) pays for its signature check once, not per request: the check was
/// most of what authentication cost a cheap read. A token is taken from here only until it
/// expires; the store holds at most `capacity` tokens and starts over when full.
final class VerifiedTokens: Sendable {
    private let tokens = Mutex<[String: AccessToken]>([:])
    let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// The claims of `token` if it was verified before and has not expired since.
    func claims(of token: String, now: Date = Date()) -> AccessToken? {
        tokens.withLock { tokens in
            guard let claims = tokens[token] else { return nil }
            guard claims.exp.value > now else {
                tokens[token] = nil
                return nil
            }
            return claims
        }
    }

    /// Remembers a verified token.
    func remember(_ token: String, _ claims: AccessToken) {
        tokens.withLock { tokens in
            if tokens.count >= capacity { tokens.removeAll(keepingCapacity: true) }
            tokens[token] = claims
        }
    }
}
