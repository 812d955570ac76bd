import HTTPTypes
import Hummingbird
import ServiceKit

/// The `Idempotency-Key` a creating request may carry: the same key again answers with what
/// the first request created instead of creating another.
enum IdempotencyKey {
    /// The key, or nil without one; 400 for one that is empty or longer than 200 characters.
    static func of(_ request: Request) throws -> String? {
        guard let key = request.headers[.idempotencyKey] else { return nil }
        guard !key.isEmpty, key.count <= 200 else {
            throw ProblemDetails(
                status: .badRequest, title: "Invalid Idempotency-Key", detail: "An Idempotency-Key has 1 to 200 characters.")
        }
        return key
    }
}

extension HTTPField.Name {
    static let idempotencyKey: HTTPField.Name = {
        guard let name = HTTPField.Name("Idempotency-Key") else { preconditionFailure("Idempotency-Key is a valid field name") }
        return name
    }()
}
