import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ServiceKit
import ServiceTestSupport
import Testing

@testable import PairingMatching

/// Who may do what with runs, proposals and teams.
@Suite("Matching access", .serialized)
struct MatchingAccessTests {
    static func headers(_ role: Role) async throws -> HTTPFields {
        let token = try await TestTokens.token(
            role, partnerships: role == .partnershipCoordinator ? [UUID()] : nil, volunteer: role == .volunteer ? UUID() : nil)
        return [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }

    @Test("a workflow starts runs, coordinators read them, only the Agency decides and sees teams, an operator gets nothing")
    func policy() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Communities2GetherSample()
            try await matching.publish(world)
            let body = ByteBuffer(string: #"{"program":"communities2gether","mode":"optimal"}"#)
            let anonymous = (client as? AuthorizedTestClient)?.anonymous ?? client
            try await anonymous.execute(uri: "/matching-runs", method: .post, headers: [.contentType: "application/json"], body: body) {
                #expect($0.status == .unauthorized)
            }
            let run = try #require(try await matching.startRun(String(buffer: body), token: try await TestTokens.token(.automation)).1)
            #expect(run.startedBy == "test-automation")
            let proposal = try #require(run.pairing(of: world.sderot)).pairingId
            let runPath = "/matching-runs/\(run.id.uuidString.lowercased())"
            let proposalPath = "/proposals/\(proposal.uuidString.lowercased())"

            // (role, method, path, allowed)
            let cases: [(Role, HTTPRequest.Method, String, Bool)] = [
                (.automation, .get, runPath, true), (.automation, .get, "/matching-runs", true), (.automation, .get, proposalPath, true),
                (.automation, .post, "\(proposalPath)/confirmation", false), (.automation, .get, "\(proposalPath)/joint-team", false),
                (.partnershipCoordinator, .get, runPath, true), (.partnershipCoordinator, .get, proposalPath, true),
                (.partnershipCoordinator, .post, "/matching-runs", false),
                (.partnershipCoordinator, .post, "\(proposalPath)/confirmation", false),
                (.partnershipCoordinator, .post, "\(proposalPath)/rejection", false),
                (.partnershipCoordinator, .post, "\(proposalPath)/release", false),
                (.operator, .get, runPath, false), (.operator, .get, "/matching-runs", false), (.operator, .get, proposalPath, false),
                (.operator, .post, "/matching-runs", false), (.operator, .get, "\(proposalPath)/joint-team", false),
                (.volunteer, .get, runPath, false), (.volunteer, .post, "\(proposalPath)/confirmation", false),
            ]
            for (role, method, path, allowed) in cases {
                let headers = try await Self.headers(role)
                try await client.execute(uri: path, method: method, headers: headers, body: method == .post ? body : nil) { response in
                    if allowed {
                        #expect(response.status.code < 400, "\(role.rawValue) \(method) \(path)")
                    } else {
                        #expect(response.status == .forbidden, "\(role.rawValue) \(method) \(path)")
                    }
                }
            }
            // Nothing was decided by those refused.
            #expect(try await service.outboxEvents(PairingConfirmed.self).isEmpty)
            // The Agency coordinator confirms.
            #expect(try await matching.decide(proposal, "confirmation").0 == .ok)
            #expect(try await matching.team(of: proposal)?.status == .incomplete)
        }
    }

    @Test("bad input is a 4xx problem naming what is wrong, never a 5xx")
    func badInput() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Communities2GetherSample()
            try await matching.publish(world)
            func expectProblem(
                _ uri: String, _ method: HTTPRequest.Method, body: String? = nil, contentType: String = "application/json",
                _ status: HTTPResponse.Status, naming fields: [String] = []
            ) async throws {
                try await client.execute(
                    uri: uri, method: method, headers: [.contentType: contentType], body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    #expect(response.status == status, "\(method) \(uri) \(body ?? "")")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    let names = (problem?["invalid-params"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
                    #expect(names == fields, "\(method) \(uri)")
                }
            }
            try await expectProblem("/matching-runs", .post, body: "{}", .badRequest)
            try await expectProblem("/matching-runs", .post, body: "[1]", .badRequest)
            try await expectProblem("/matching-runs", .post, body: #"{"program":"communities2gether","mode":"best"}"#, .badRequest)
            try await expectProblem(
                "/matching-runs", .post, body: #"{"program":"communities2gether","mode":"optimal"}"#, contentType: "text/plain",
                .unsupportedMediaType)
            try await expectProblem(
                "/matching-runs", .post,
                body: #"{"program":"communities2gether","mode":"optimal","weights":{"needsFit":-1,"capacityLeft":1e9},"runKey":""}"#,
                .unprocessableContent, naming: ["runKey", "weights.needsFit", "weights.capacityLeft"])
            let unknown = UUID().uuidString.lowercased()
            let sderot = world.sderot.communityId.uuidString.lowercased()
            try await expectProblem(
                "/matching-runs", .post,
                body:
                    #"{"program":"communities2gether","mode":"optimal","keep":[{"impactedCommunityId":"\#(unknown)","supportingCommunityId":"\#(sderot)"}]}"#,
                .unprocessableContent, naming: ["keep[0].impactedCommunityId", "keep[0].supportingCommunityId"])
            try await expectProblem("/matching-runs/not-a-uuid", .get, .badRequest)
            try await expectProblem("/matching-runs/\(unknown)", .get, .notFound)
            try await expectProblem("/matching-runs?after=nope", .get, .badRequest)
            try await expectProblem("/matching-runs?after=\(unknown)", .get, .badRequest)
            try await expectProblem("/matching-runs?limit=0", .get, .badRequest)
            try await expectProblem("/proposals/\(unknown)", .get, .notFound)
            try await expectProblem("/proposals/\(unknown)/confirmation", .post, .notFound)
            try await expectProblem("/proposals/\(unknown)/joint-team", .get, .notFound)
            try await expectProblem("/proposals/x/release", .post, .badRequest)

            let run = try await matching.optimalRun()
            let proposal = try #require(run.pairing(of: world.sderot)).pairingId.uuidString.lowercased()
            try await expectProblem("/proposals/\(proposal)/joint-team", .get, .notFound)
            try await expectProblem("/proposals/\(proposal)/release", .post, .conflict)
            try await expectProblem("/proposals/\(proposal)/confirmation", .post, body: "nope", .badRequest)
            try await expectProblem(
                "/proposals/\(proposal)/confirmation", .post, body: #"{"commitment":{"startsOn":"2025-02-30"}}"#, .badRequest)
            try await expectProblem(
                "/proposals/\(proposal)/confirmation", .post,
                body: #"{"commitment":{"years":0,"amountPerYear":{"amount":0,"currency":"usd"}}}"#, .unprocessableContent,
                naming: ["commitment.amountPerYear.amount", "commitment.amountPerYear.currency", "commitment.years"])
            try await expectProblem(
                "/proposals/\(proposal)/rejection", .post, body: #"{"reason":""}"#, .unprocessableContent, naming: ["reason"])
            // Nothing was decided by the refused requests.
            #expect(try await service.count("SELECT count(*) FROM proposals WHERE status <> 'proposed'") == 0)
        }
    }
}
