import Contracts
import Foundation
import Hummingbird
import ServiceKit

extension ListFilter {
    /// The filter a list request's query names: `partnership`, `community`, `program`, `side`,
    /// `language`, `role`, `name`, `asOf`. 400 naming every parameter that is not valid.
    init(_ request: Request) throws {
        self.init()
        let query = request.uri.queryParameters
        var checks = FieldChecks()
        func text(_ name: String) -> String? { query.get(name).map { String($0) } }
        func uuid(_ name: String, _ what: String) -> UUID? {
            guard let value = text(name) else { return nil }
            guard let id = UUID(uuidString: value) else {
                checks.refuse(name, "is not \(what) id (a UUID)")
                return nil
            }
            return id
        }
        partnership = uuid("partnership", "a partnership")
        community = uuid("community", "a community")
        if let value = text("program") {
            program = PartnershipProgram(rawValue: value)
            if program == nil { checks.refuse("program", "must be partnership2gether or communities2gether") }
        }
        if let value = text("side") {
            side = PartnershipSide(rawValue: value)
            if side == nil { checks.refuse("side", "must be israeli or global") }
        }
        if let value = text("language") { language = checks.languageTag(value, "language") }
        if let value = text("role") { role = checks.roles([value], "role")?.first }
        if let value = text("name") { name = checks.text(value, "name") }
        if let value = text("asOf") {
            asOf = CalendarDate(parsing: value)
            if asOf == nil { checks.refuse("asOf", "must be a date such as 2012-09-01") }
        }
        guard checks.problems.isEmpty else {
            throw ProblemDetails(
                status: .badRequest, title: "Invalid filter", detail: "Check \(checks.problems.map(\.name).joined(separator: ", ")).",
                invalidParams: checks.problems.map {
                    .init(name: $0.name.replacingOccurrences(of: "role[0]", with: "role"), reason: $0.reason)
                })
        }
    }

    /// The `after` cursor: the id of the last item of the previous page.
    static func cursor(_ request: Request) throws -> UUID? {
        guard let text = request.uri.queryParameters.get("after") else { return nil }
        guard let id = UUID(uuidString: String(text)) else {
            throw ProblemDetails(
                status: .badRequest, title: "Invalid cursor",
                detail: "after is the id of the last item of the previous page, got '\(text)'.",
                invalidParams: [.init(name: "after", reason: "is not an id (a UUID)")])
        }
        return id
    }
}
