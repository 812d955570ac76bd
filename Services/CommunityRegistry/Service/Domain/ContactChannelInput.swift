import Contracts
import Foundation

/// A contact channel as it arrives, every field optional so that each problem is named.
public struct ContactChannelInput: Decodable, Sendable {
    public struct ConsentInput: Decodable, Sendable {
        public var given: Bool?
        public var at: String?
    }

    public var kind: String?
    public var address: String?
    public var consent: ConsentInput?

    /// Checks a list of channels: each of a known kind, with an address of that kind and a
    /// consent with its instant; no address twice.
    static func checked(_ inputs: [ContactChannelInput], _ checks: inout FieldChecks, _ field: String) -> [ContactChannel]? {
        var channels: [ContactChannel] = []
        for (index, input) in inputs.enumerated() {
            let path = "\(field)[\(index)]"
            var kind: ContactChannel.Kind?
            if let text = checks.require(input.kind, "\(path).kind") {
                kind = ContactChannel.Kind(rawValue: text)
                if kind == nil { checks.refuse("\(path).kind", "must be email or phone") }
            }
            var address: String?
            if let text = checks.require(input.address, "\(path).address") {
                switch kind {
                case .email: address = checks.email(text, "\(path).address")
                case .phone: address = checks.phone(text, "\(path).address")
                case nil: break
                }
            }
            let consent = checks.require(input.consent, "\(path).consent")
            let given = consent.flatMap { checks.require($0.given, "\(path).consent.given") }
            let at = consent.flatMap { checks.instant($0.at, "\(path).consent.at") }
            guard let kind, let address, let given, let at else { continue }
            if channels.contains(where: { $0.kind == kind && $0.address.lowercased() == address.lowercased() }) {
                checks.refuse("\(path).address", "is already in the list")
                continue
            }
            channels.append(ContactChannel(kind: kind, address: address, consent: .init(given: given, at: at)))
        }
        return channels.count == inputs.count ? channels : nil
    }
}
