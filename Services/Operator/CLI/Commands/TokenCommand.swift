import ArgumentParser
import Contracts
import Foundation
import ServiceKit

/// `p2gctl token`: mints a bearer token for a role and scope, signed with the first key of
/// `P2G_AUTH_KEY_FILE`, for operators, scripts and tests.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print a bearer token for a role, signed with the first key in P2G_AUTH_KEY_FILE.",
        discussion: """
            Use it as: curl -H "Authorization: Bearer $(p2gctl token --role agency-coordinator)" ... \
            A volunteer's token is the signed link a volunteer is sent: \
            p2gctl token --role volunteer --volunteer <id> --expires 7d.
            """)

    @Option(name: .long, help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
    var role: Role

    @Option(name: .long, help: "Who the token is for, as the audit trail shows it (default: the role).")
    var subject: String?

    @Option(
        name: .long, help: "For a partnership coordinator: a partnership id they coordinate (repeat for several).",
        transform: Self.uuid)
    var partnership: [UUID] = []

    @Option(name: .long, help: "For a volunteer: their id in the registry.", transform: Self.uuid)
    var volunteer: UUID?

    static func uuid(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ValidationError("'\(text)' is not an id (a UUID)") }
        return id
    }

    @Option(name: .long, help: "A service the token is for (repeat; default all four).")
    var service: [ServiceIdentity] = []

    @Option(name: .long, help: "How long it is valid: 30m, 12h, 7d (default 12h).")
    var expires: String = "12h"

    /// `--expires` as a duration (the services' own notation), nil when it is not a positive one.
    var lifetime: Duration? { EnvironmentReader.parseDuration(expires).flatMap { $0 > .zero ? $0 : nil } }

    func validate() throws {
        if role == .partnershipCoordinator, partnership.isEmpty {
            throw ValidationError("a partnership coordinator's token needs at least one --partnership")
        }
        if role == .volunteer, volunteer == nil { throw ValidationError("a volunteer's token needs --volunteer") }
        if role != .partnershipCoordinator, !partnership.isEmpty {
            throw ValidationError("--partnership is for --role partnership-coordinator only")
        }
        if role != .volunteer, volunteer != nil { throw ValidationError("--volunteer is for --role volunteer only") }
        guard lifetime != nil else { throw ValidationError("--expires '\(expires)' is not a duration such as 30m, 12h or 7d") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment["P2G_AUTH_KEY_FILE"], !path.isEmpty else {
            throw ValidationError("P2G_AUTH_KEY_FILE is not set: the file of keys the services verify tokens with")
        }
        let keys = try await AccessKeys.load(path: path, issuer: environment["P2G_AUTH_ISSUER"] ?? "p2g")
        let audience = (service.isEmpty ? ServiceIdentity.all : service).map(\.name)
        let token = AccessToken(
            subject: subject ?? role.rawValue, issuer: keys.issuer, audience: audience,
            expires: Date().addingTimeInterval((lifetime ?? .zero).inSeconds), role: role,
            partnerships: partnership.isEmpty ? nil : partnership, volunteer: volunteer)
        print(try await keys.sign(token))
    }
}

extension Role: ExpressibleByArgument {}
