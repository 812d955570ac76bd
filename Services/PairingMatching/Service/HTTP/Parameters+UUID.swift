import Foundation
import Hummingbird
import ServiceKit

extension Parameters {
    /// The path parameter `name` as a UUID; 400 naming `what` it identifies otherwise.
    func uuid(_ name: String, of what: String) throws -> UUID {
        let text = get(name) ?? ""
        guard let id = UUID(uuidString: text) else {
            throw ProblemDetails(status: .badRequest, title: "Invalid id", detail: "'\(text)' is not \(what) id (a UUID).")
        }
        return id
    }
}
