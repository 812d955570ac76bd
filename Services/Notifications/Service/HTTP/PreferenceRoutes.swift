import Foundation
import Hummingbird
import ServiceKit

/// The volunteer's own page, reached from the signed link in every e-mail, with no other login:
/// `GET /preferences/{volunteerId}` shows it in their language and direction,
/// `POST /preferences/{volunteerId}` (a form) saves it, and `POST /unsubscribe/{volunteerId}`
/// is RFC 8058's one-click unsubscribe.
struct PreferenceRoutes: ResourceRoutes {
    let store: PreferenceStore

    func add(to router: Router<BasicRequestContext>) {
        router.get("/preferences/:volunteerId") { request, context -> Response in
            let volunteer = try Self.volunteer(context)
            guard let page = try await store.page(of: volunteer) else { throw Self.unknown }
            return PreferencesPage(page: page, saved: false, token: Self.token(request), volunteer: volunteer).response()
        }
        router.post("/preferences/:volunteerId") { request, context -> Response in
            let volunteer = try Self.volunteer(context)
            let form = try await Self.form(request)
            let quiet = QuietHours(
                start: try Self.minutes(form["quietStart"] ?? "21:00", field: "quietStart"),
                end: try Self.minutes(form["quietEnd"] ?? "08:00", field: "quietEnd"))
            let digestText = form["digestHour"] ?? ""
            var digestHour: Int?
            if !digestText.isEmpty {
                guard let hour = Int(digestText), (0..<24).contains(hour) else {
                    throw ProblemDetails(
                        status: .badRequest, title: "Invalid form",
                        detail: "digestHour should be empty or an hour from 0 to 23, got '\(digestText)'.",
                        invalidParams: [.init(name: "digestHour", reason: "not an hour from 0 to 23")])
                }
                digestHour = hour
            }
            let muted = PreferencesPage.choosableKinds.map(\.rawValue).filter { form["kind.\($0)"] == nil }
            let saved = try await store.save(
                volunteer, emailEnabled: form["email"] != nil, quietHours: quiet, subscribed: form["subscribed"] != nil, mutedKinds: muted,
                digestHour: digestHour, smsEnabled: form["sms"] != nil)
            guard saved, let page = try await store.page(of: volunteer) else { throw Self.unknown }
            return PreferencesPage(page: page, saved: true, token: Self.token(request), volunteer: volunteer).response()
        }
        router.post("/unsubscribe/:volunteerId") { request, context -> Response in
            let volunteer = try Self.volunteer(context)
            _ = try await Self.form(request)
            guard try await store.unsubscribe(volunteer), let page = try await store.page(of: volunteer) else { throw Self.unknown }
            return PreferencesPage(page: page, saved: true, token: Self.token(request), volunteer: volunteer).response()
        }
    }

    static let unknown = ProblemDetails(
        status: .notFound, title: "Unknown volunteer", detail: "No volunteer with this id receives notifications.")

    static func volunteer(_ context: BasicRequestContext) throws -> UUID {
        let text = context.parameters.get("volunteerId") ?? ""
        guard let id = UUID(uuidString: text) else {
            throw ProblemDetails(status: .badRequest, title: "Invalid id", detail: "'\(text)' is not a volunteer id (a UUID).")
        }
        return id
    }

    static func token(_ request: Request) -> String? {
        request.uri.queryParameters["access_token"].map(String.init)
    }

    /// An `application/x-www-form-urlencoded` body (what a browser's form and RFC 8058's
    /// one-click POST send) as its fields; an empty body is an empty form.
    static func form(_ request: Request) async throws -> [String: String] {
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/x-www-form-urlencoded"),
            !type.lowercased().hasPrefix("multipart/form-data")
        {
            throw ProblemDetails(
                status: .unsupportedMediaType, title: "Unsupported media type",
                detail: "Send the form as application/x-www-form-urlencoded, not \(type).")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: 16 * 1024)
        } catch {
            throw ProblemDetails(status: .contentTooLarge, title: "Body too large", detail: "The form fits in 16 KiB.")
        }
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// `HH:MM` as minutes after midnight; 400 naming the field otherwise.
    static func minutes(_ text: String, field: String) throws -> Int {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours), (0..<60).contains(minutes)
        else {
            throw ProblemDetails(
                status: .badRequest, title: "Invalid form", detail: "\(field) should be a time of day as HH:MM, got '\(text)'.",
                invalidParams: [.init(name: field, reason: "not HH:MM")])
        }
        return hours * 60 + minutes
    }
}
