/// The body of `POST /proposals/{id}/rejection`, optional: why, in the coordinator's words.
struct RejectionRequest: Decodable, Sendable {
    var reason: String?

    static let maximumReasonLength = 1000

    func validated() -> Result<String?, InvalidInput> {
        guard let reason, reason.count > Self.maximumReasonLength || reason.isEmpty else { return .success(reason) }
        return .failure(
            InvalidInput(
                "the pairing cannot be rejected",
                invalidFields: [.init(name: "reason", reason: "has 1 to \(Self.maximumReasonLength) characters")]))
    }
}
