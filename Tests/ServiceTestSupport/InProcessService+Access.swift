import Foundation
import HTTPTypes
import HummingbirdTesting
import ServiceKit
import Testing

extension InProcessService {
    /// A read model of the registry (`GET /communities` of matching, scheduling and
    /// notifications) is the Agency's alone: 401 without a token, 403 for every other role,
    /// while every role may read the OpenAPI document.
    public func expectReadModelForTheAgencyOnly(_ client: some TestClientProtocol, sourceLocation: SourceLocation = #_sourceLocation)
        async throws
    {
        let anonymous = (client as? AuthorizedTestClient)?.anonymous ?? client
        try await anonymous.execute(uri: "/communities", method: .get) { response in
            #expect(response.status == .unauthorized, sourceLocation: sourceLocation)
        }
        try await client.execute(uri: "/communities", method: .get) { response in
            #expect(response.status == .ok, "an Agency coordinator reads it", sourceLocation: sourceLocation)
        }
        for role in Role.allCases where role != .agencyCoordinator {
            let token = try await TestTokens.token(
                role, partnerships: role == .partnershipCoordinator ? [UUID()] : nil, volunteer: role == .volunteer ? UUID() : nil)
            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            try await client.execute(uri: "/communities", method: .get, headers: headers) { response in
                #expect(response.status == .forbidden, "\(role.rawValue)", sourceLocation: sourceLocation)
            }
            try await client.execute(uri: "/openapi.json", method: .get, headers: headers) { response in
                #expect(response.status == .ok, "\(role.rawValue) reads the OpenAPI document", sourceLocation: sourceLocation)
            }
        }
    }
}
