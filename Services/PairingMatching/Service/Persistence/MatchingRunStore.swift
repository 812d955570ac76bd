import Contracts
import Foundation
import PairingEngine
import Postgres
import ServiceKit
import UUIDText

/// Matching runs and the proposals they make, in the service's database.
struct MatchingRunStore: Sendable {
    let postgres: PostgresClient
    let outbox: Outbox
    let communities: CandidateCommunityStore
    let partnerships: PartnershipReadModel
    let needs: NeedsAssessmentReadModel
    let funding: CommittedFundingReadModel

    /// What starting a run came to.
    enum Outcome: Sendable {
        /// Stored now (`created`), or stored before under the same run key.
        case run(MatchingRun, created: Bool)
        /// The parameters name communities or pairs the read model refuses.
        case invalid(InvalidInput)
    }

    /// Runs a matching over the read model as it is and stores the run whole with a
    /// `matching.pairing-proposed.v1` per new proposal, in one transaction. Runs take turns (a
    /// transaction lock), so each reads the one before; a run key used before answers with that
    /// run instead.
    func start(
        _ parameters: RunParameters, runKey: String?, startedBy: String, cause: HandlingContext? = nil, on connection: PostgresConnection
    ) async throws -> Outcome {
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext('matching.runs'))")
        if let runKey, let existing = try await find(runKey: runKey, on: connection) { return .run(existing, created: false) }
        let snapshot = try await snapshot(program: parameters.program, on: connection)
        let instant = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000)
        let prepared: MatchingRunPlanner.Prepared
        switch MatchingRunPlanner.prepare(parameters, snapshot: snapshot, at: instant) {
        case .success(let value): prepared = value
        case .failure(let invalid): return .invalid(invalid)
        }
        var run: MatchingRun
        do {
            run = try MatchingRunPlanner.run(
                prepared, parameters: parameters, snapshot: snapshot, id: UUID.timeOrdered(), startedBy: startedBy, at: instant,
                newPairingID: { UUID.timeOrdered() })
        } catch let error as PairingInputError {
            return .invalid(InvalidInput("the matching cannot be run", invalidFields: [.init(name: "parameters", reason: error.message)]))
        }
        run.runKey = runKey
        let document = String(decoding: try ContractCoding.encode(run), as: UTF8.self)
        try await connection.pipeline(
            """
            INSERT INTO matching_runs (id, run_key, program, document, started_at)
            VALUES (\(run.id), \(runKey), \(run.program.rawValue), \(document)::jsonb, \(run.startedAt))
            """)
        try await connection.pipeline(
            "UPDATE proposals SET status = 'superseded' WHERE program = \(run.program.rawValue) AND status = 'proposed'")
        let previous = Set(snapshot.previous)
        let proposals = run.result.pairings.filter { $0.origin != "confirmed" }
        for pairing in proposals {
            let pair = RunMatching.Pair(
                impactedCommunityId: pairing.impactedCommunityId, supportingCommunityId: pairing.supportingCommunityId)
            let origin: PairingProposed.Origin = previous.contains(pair) ? .kept : .new
            try await connection.pipeline(
                """
                INSERT INTO proposals (id, run_id, program, impacted_id, supporting_id, score, origin, status, proposed_at)
                VALUES (\(pairing.pairingId), \(run.id), \(run.program.rawValue), \(pairing.impactedCommunityId),
                        \(pairing.supportingCommunityId), \(pairing.score), \(pairing.origin), 'proposed', \(instant))
                """)
            try await outbox.enqueue(
                PairingProposed(
                    pairingId: pairing.pairingId, runId: run.id, program: run.program, impactedCommunityId: pairing.impactedCommunityId,
                    supportingCommunityId: pairing.supportingCommunityId, score: pairing.score, origin: origin, proposedAt: instant),
                on: connection, causedBy: cause, correlationID: cause?.correlationID ?? pairing.pairingId.uuidString.lowercased())
        }
        return .run(run, created: true)
    }

    /// Starts a run from `POST /matching-runs` in a transaction of its own.
    func start(_ parameters: RunParameters, runKey: String?, startedBy: String) async throws -> Outcome {
        try await postgres.withTransaction { connection in
            try await start(parameters, runKey: runKey, startedBy: startedBy, on: connection)
        }
    }

    /// What a run of `program` reads: the communities, the stays, the decided pairs and the
    /// last run's pairs.
    func snapshot(program: PartnershipProgram, on connection: PostgresConnection) async throws -> ReadModelSnapshot {
        let decided = try await connection.query(
            """
            SELECT id, impacted_id, supporting_id, status FROM proposals
            WHERE program = \(program.rawValue) AND status IN ('confirmed', 'rejected') ORDER BY decided_at, id
            """)
        var confirmed: [(pair: RunMatching.Pair, pairingId: UUID)] = []
        var rejected: [RunMatching.Pair] = []
        for row in decided {
            let pair = RunMatching.Pair(
                impactedCommunityId: try row.decode(UUID.self, "impacted_id"),
                supportingCommunityId: try row.decode(UUID.self, "supporting_id"))
            if try row.decode(String.self, "status") == "confirmed" {
                confirmed.append((pair, try row.decode(UUID.self, "id")))
            } else {
                rejected.append(pair)
            }
        }
        let last = try await connection.query(
            "SELECT document::text FROM matching_runs WHERE program = \(program.rawValue) ORDER BY position DESC LIMIT 1"
        ).first.map { try Self.run($0) }
        return ReadModelSnapshot(
            communities: try await communities.all(on: connection), stays: try await partnerships.stays(on: connection),
            confirmed: confirmed, rejected: rejected, previousRunId: last?.id, previous: last?.pairs ?? [],
            needs: try await needs.all(on: connection), commitments: try await funding.all(on: connection))
    }

    func find(id: UUID) async throws -> MatchingRun? {
        try await postgres.query("SELECT document::text FROM matching_runs WHERE id = \(id)").first.map(Self.run)
    }

    func find(runKey: String, on connection: PostgresConnection) async throws -> MatchingRun? {
        try await connection.query("SELECT document::text FROM matching_runs WHERE run_key = \(runKey)").first.map(Self.run)
    }

    /// A run in short, for the list.
    struct Summary: Codable, Sendable {
        @LowercasedUUID var id: UUID
        var program: PartnershipProgram
        var mode: RunMatching.Mode
        var engineVersion: String
        var startedBy: String
        var startedAt: Date
        var pairings: Int
        var unpaired: Int
    }

    /// Runs in the order they were stored, `limit` after the run `after`; nil for a cursor
    /// naming no run.
    func list(limit: Int, after: UUID?) async throws -> [Summary]? {
        if let after, try await postgres.query("SELECT 1 FROM matching_runs WHERE id = \(after)").first == nil { return nil }
        return try await postgres.query(
            """
            SELECT document::text FROM matching_runs
            WHERE \(after)::uuid IS NULL OR position > (SELECT position FROM matching_runs WHERE id = \(after))
            ORDER BY position LIMIT \(limit)
            """
        ).map { row in
            let run = try Self.run(row)
            return Summary(
                id: run.id, program: run.program, mode: run.mode, engineVersion: run.engineVersion, startedBy: run.startedBy,
                startedAt: run.startedAt, pairings: run.result.pairings.count, unpaired: run.result.unpaired.count)
        }
    }

    static func run(_ row: PostgresRow) throws -> MatchingRun {
        try ContractCoding.decode(MatchingRun.self, from: Data(try row.decode(String.self, at: 0).utf8))
    }
}
