import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// `GET /reports/funding?by=community|partnership|sector&format=json|csv` and
/// `GET /reports/who-funds-what-where?format=csv|json`.
struct ReportRoutes: ResourceRoutes {
    let store: FundingStore

    func add(to router: Router<BasicRequestContext>) {
        router.get("/reports/funding") { request, _ in try await funding(request) }
        router.get("/reports/who-funds-what-where") { request, _ in try await whoFundsWhatWhere(request) }
    }

    enum Format: String {
        case json, csv
    }

    /// `format`, or what `Accept` prefers, `default` otherwise.
    static func format(_ request: Request, default: Format) throws -> Format {
        if let text = request.uri.queryParameters.get("format") {
            guard let format = Format(rawValue: String(text)) else {
                throw ProblemDetails(
                    status: .badRequest, title: "Invalid format", detail: "format is json or csv.",
                    invalidParams: [.init(name: "format", reason: "must be json or csv")])
            }
            return format
        }
        let accept = request.headers[.accept] ?? ""
        if accept.contains("text/csv") { return .csv }
        if accept.contains("application/json") { return .json }
        return `default`
    }

    static func csv(_ text: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name).csv\""],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: Array(text.utf8))))
    }

    func funding(_ request: Request) async throws -> Response {
        let text = request.uri.queryParameters.get("by").map { String($0) } ?? "community"
        guard let grouping = FundingReport.Grouping(rawValue: text) else {
            throw ProblemDetails(
                status: .badRequest, title: "Invalid by", detail: "by is community, partnership or sector.",
                invalidParams: [.init(name: "by", reason: "must be community, partnership or sector")])
        }
        let format = try Self.format(request, default: .json)
        let report = try await store.report(by: grouping)
        switch format {
        case .json: return try JSONBody.response(report)
        case .csv: return Self.csv(report.csv, name: "funding-by-\(grouping.rawValue)")
        }
    }

    func whoFundsWhatWhere(_ request: Request) async throws -> Response {
        let format = try Self.format(request, default: .csv)
        let table = try await store.whoFundsWhatWhere()
        switch format {
        case .json: return try JSONBody.response(table)
        case .csv: return Self.csv(table.csv, name: "who-funds-what-where")
        }
    }
}
