import Foundation
import JWTKit

/// The keys that sign and verify bearer tokens, read from a file (`P2G_AUTH_KEY_FILE`).
///
/// One key a line: an id, a space, and the secret in base64 (at least 32 bytes); `#` starts a
/// comment. The first key signs; every key listed verifies, so a key is rotated by adding the
/// new one first, and removing the old one once the tokens it signed have expired. Tokens are
/// HMAC-SHA-256 (HS256), and each names its key's id in its header.
public struct AccessKeys: Sendable {
    /// A key file that cannot be used, with the reason (never the secret).
    public struct InvalidKeyFile: Error, CustomStringConvertible {
        public var path: String
        public var problem: String
        public var description: String { "the access key file \(path) cannot be used: \(problem)" }
    }

    /// A token that was refused, and why (for the log; the caller is told less).
    public struct Refusal: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    public let issuer: String
    public let signingKeyID: String
    private let keys: JWTKeyCollection

    /// Reads the keys in `path`.
    public static func load(path: String, issuer: String) async throws -> AccessKeys {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InvalidKeyFile(path: path, problem: "it cannot be read as UTF-8 text")
        }
        var parsed: [(id: String, secret: [UInt8])] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(whereSeparator: \.isWhitespace)
            if fields.isEmpty { continue }
            guard fields.count == 2, let secret = Data(base64Encoded: String(fields[1])) else {
                throw InvalidKeyFile(path: path, problem: "line \(number + 1) is not '<key id> <base64 secret>'")
            }
            guard secret.count >= 32 else {
                throw InvalidKeyFile(path: path, problem: "the key '\(fields[0])' on line \(number + 1) is shorter than 32 bytes")
            }
            guard !parsed.contains(where: { $0.id == String(fields[0]) }) else {
                throw InvalidKeyFile(path: path, problem: "the key id '\(fields[0])' is listed twice")
            }
            parsed.append((String(fields[0]), Array(secret)))
        }
        guard let first = parsed.first else { throw InvalidKeyFile(path: path, problem: "it lists no key") }
        let keys = JWTKeyCollection()
        for key in parsed {
            await keys.add(hmac: HMACKey(from: key.secret), digestAlgorithm: .sha256, kid: JWKIdentifier(string: key.id))
        }
        return AccessKeys(issuer: issuer, signingKeyID: first.id, keys: keys)
    }

    /// Signs `token` with the first key.
    public func sign(_ token: AccessToken) async throws -> String {
        try await keys.sign(token, kid: JWKIdentifier(string: signingKeyID))
    }

    /// The claims of `token` when its signature, expiry, issuer and audience hold.
    public func verify(_ token: String, audience: String) async throws -> AccessToken {
        let claims: AccessToken
        do {
            claims = try await keys.verify(token, as: AccessToken.self)
        } catch let error as JWTError {
            throw Refusal(reason: "\(error.errorType)")
        } catch {
            throw Refusal(reason: "the token does not parse")
        }
        guard claims.iss.value == issuer else { throw Refusal(reason: "issued by '\(claims.iss.value)', not '\(issuer)'") }
        guard claims.aud.value.contains(audience) else { throw Refusal(reason: "not for the audience '\(audience)'") }
        return claims
    }
}
