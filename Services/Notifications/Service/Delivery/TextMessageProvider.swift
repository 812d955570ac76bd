import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The HTTP provider that sends text messages (SMS), through async-http-client: one JSON POST
/// per message, `{"id", "to", "from", "text"}`, with the delivery's id also as
/// `Idempotency-Key` so that a provider that deduplicates sends a retried message once.
struct TextMessageProvider: Sendable {
    /// Why a message did not go. `permanent` for a refusal (4xx), which is not tried again;
    /// temporary for a 5xx, a timeout or a provider that cannot be reached.
    struct Failure: Error, CustomStringConvertible {
        var permanent: Bool
        /// The HTTP status, when the provider answered.
        var status: Int?
        var reason: String
        var description: String { status.map { "the SMS provider answered \($0): \(reason)" } ?? "the SMS provider: \(reason)" }
    }

    struct Message: Encodable {
        var id: String
        var to: String
        var from: String
        var text: String
    }

    let settings: TextMessageSettings
    let client: HTTPClient

    /// Sends `message`; returns when the provider accepted it (2xx), throws ``Failure`` otherwise.
    func send(_ message: Message) async throws {
        guard let url = settings.url else {
            throw Failure(permanent: true, status: nil, reason: "no provider is set (P2G_SMS_URL)")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Idempotency-Key", value: message.id)
        if let token = settings.token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.body = .bytes(ByteBuffer(data: try JSONEncoder().encode(message)))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .milliseconds(Int64(settings.timeout / .milliseconds(1))))
        } catch let error as HTTPClientError {
            throw Failure(permanent: false, status: nil, reason: error == .deadlineExceeded ? "timed out" : "\(error)")
        } catch {
            throw Failure(permanent: false, status: nil, reason: "unreachable (\(type(of: error)))")
        }
        // The body is the provider's; it is read so the connection can be reused, never logged.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        let status = Int(response.status.code)
        switch status {
        case 200..<300: return
        case 400..<500 where status != 408 && status != 429:
            throw Failure(permanent: true, status: status, reason: "refused")
        default:
            throw Failure(permanent: false, status: status, reason: "failed for now")
        }
    }
}
