import HTTPTypes
import Hummingbird
import ServiceKit

/// Optimistic concurrency over HTTP (RFC 9110): a record's version is its strong `ETag`,
/// `"3"`, and a change must name the version it was made from in `If-Match`.
enum EntityTag {
    /// The `ETag` of a record at `version`.
    static func of(version: Int) -> String { "\"\(version)\"" }

    /// The versions `If-Match` names; nil for `*` (any current version). 428 without the
    /// header. A weak or malformed tag names no version, so it never matches (412).
    static func requiredVersions(_ request: Request, of what: String) throws -> Set<Int>? {
        guard let header = request.headers[.ifMatch] else {
            throw ProblemDetails(
                status: .preconditionRequired, title: "If-Match required",
                detail: "A change of \(what) names the version it was made from: send If-Match with the ETag of your last GET.")
        }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        if trimmed == "*" { return nil }
        var versions: Set<Int> = []
        for tag in trimmed.split(separator: ",") {
            let text = tag.trimmingCharacters(in: .whitespaces)
            guard text.count >= 3, text.hasPrefix("\""), text.hasSuffix("\""), let version = Int(text.dropFirst().dropLast()) else {
                continue
            }
            versions.insert(version)
        }
        return versions
    }

    /// 412: the version named is not the current one.
    static func stale(_ what: String, current version: Int) -> ProblemDetails {
        ProblemDetails(
            status: .preconditionFailed, title: "Changed meanwhile",
            detail:
                "\(what.prefix(1).uppercased() + what.dropFirst()) has changed since the version named in If-Match (it is now at ETag \(of(version: version))): read it again, and apply your change to what it is now."
        )
    }
}
