import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Requires a valid bearer token on every route but `/health/*`, and a grant of the service's
/// ``AccessPolicy`` for the route: 401 without a good token, 403 without the right, both as
/// problems that say nothing about the resource. The caller is ``Caller/current`` for the
/// handler. A token comes in the `Authorization` header, or, for the links sent to volunteers,
/// in the `access_token` query parameter (RFC 6750).
struct AuthenticationMiddleware<Context: RequestContext>: RouterMiddleware {
    let keys: AccessKeys
    let audience: String
    let policy: AccessPolicy
    let logger: Logger
    let verified = VerifiedTokens()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/health/") { return try await next(request, context) }
        guard let token = Self.bearerToken(of: request) else {
            throw Self.unauthenticated
        }
        let claims: AccessToken
        if let known = verified.claims(of: token) {
            claims = known
        } else {
            do {
                claims = try await keys.verify(token, audience: audience)
            } catch {
                logger.info("bearer token refused", metadata: ["reason": "\(error)", "path": "\(request.uri.path)"])
                throw Self.unauthenticated
            }
            verified.remember(token, claims)
        }
        let caller = Caller(token: claims)
        guard policy.allows(caller, request.method, request.uri.path) else {
            logger.info(
                "request refused to the caller's role",
                metadata: ["subject": "\(caller.subject)", "role": "\(caller.role.rawValue)", "method": "\(request.method)"])
            throw ProblemDetails(
                status: .forbidden, title: "Forbidden", detail: "the token does not grant this request")
        }
        return try await Caller.$current.withValue(caller) { try await next(request, context) }
    }

    static var unauthenticated: UnauthenticatedProblem { UnauthenticatedProblem() }

    static func bearerToken(of request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
            return String(parts[1]).trimmingCharacters(in: .whitespaces)
        }
        return request.uri.queryParameters["access_token"].map(String.init)
    }
}

/// 401, with the `WWW-Authenticate` challenge RFC 6750 asks for.
struct UnauthenticatedProblem: HTTPResponseError {
    var status: HTTPResponse.Status { .unauthorized }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try ProblemDetails(
            status: .unauthorized, title: "Unauthorized",
            detail: "a valid bearer token for this service is required (missing, expired, or not issued for it)"
        ).response(from: request, context: context)
        response.headers[.wwwAuthenticate] = "Bearer realm=\"p2g\""
        return response
    }
}
