import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// Funding flows with their history, the Communities2Gether pairings' commitments, and the
/// reports over needs and funding, in the registry's database.
///
/// A commitment to a need item is checked against the item's estimated cost while the item's
/// row is locked (`SELECT ... FOR UPDATE`), so that of two commitments made at the same moment
/// the second sees the first: one wins, never both.
struct FundingStore: Sendable {
    let postgres: PostgresClient
    let outbox: Outbox

    enum Refusal: Error, Sendable {
        case notFound(String)
        case conflict(String)
        case invalid(InvalidInput)
        case overCost(FundingRules.OverCost)
    }

    // MARK: Flows

    /// Records a pledged or committed flow, with `registry.funding-committed.v1` for a
    /// commitment and `registry.funding-overlap-detected.v1` when the item's pledges and
    /// commitments come to more than its cost.
    func record(_ flow: ValidFundingFlow, idempotencyKey: String?) async throws -> Result<(FundingFlow, created: Bool), Refusal> {
        if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return .success((existing, false)) }
        let id = UUID.timeOrdered()
        do {
            let outcome: Result<Void, Refusal> = try await postgres.withTransaction { connection in
                func invalid(_ field: String, _ reason: String) -> Result<Void, Refusal> {
                    .failure(
                        .invalid(InvalidInput("the funding flow cannot be recorded", invalidFields: [.init(name: field, reason: reason)])))
                }
                guard try await exists(community: flow.communityId, on: connection) else {
                    return invalid("communityId", "no community has this id")
                }
                if let funder = flow.funder.communityId.flatMap(UUID.init(uuidString:)),
                    try await !exists(community: funder, on: connection)
                {
                    return invalid("funder.communityId", "no community has this id")
                }
                var item: LockedItem?
                if let itemId = flow.needItemId {
                    guard let locked = try await lockItem(itemId, on: connection) else {
                        return invalid("needItemId", "no need item has this id")
                    }
                    guard locked.communityId == flow.communityId else {
                        return invalid("needItemId", "is a need of another community than communityId")
                    }
                    guard locked.cost.currency == flow.amount.currency else {
                        return invalid(
                            "amount.currency",
                            "the item's cost is in \(locked.cost.currency); a flow to it is in the same currency, never converted")
                    }
                    item = locked
                }
                if let milestoneId = flow.milestoneId {
                    let owner = try await connection.query("SELECT community_id FROM milestones WHERE id = \(milestoneId)").first?.decode(
                        UUID.self, at: 0)
                    guard let owner else { return invalid("milestoneId", "no milestone has this id") }
                    guard owner == flow.communityId else { return invalid("milestoneId", "is a milestone of another community") }
                }
                if flow.status == .committed, let item {
                    let committed = try await commitments(to: item.id, on: connection)
                    if let refusal = FundingRules.commit(
                        flow.amount.amount, toItem: item.id, description: item.description, cost: item.cost, committed: committed)
                    {
                        return .failure(.overCost(refusal))
                    }
                }
                let pledged = flow.status == .pledged
                try await connection.pipeline(
                    """
                    INSERT INTO funding_flows (id, funder_kind, funder_name, funder_community_id, community_id, need_item_id, milestone_id,
                                               currency, status, pledged_amount, committed_amount, pledged_on, committed_on,
                                               idempotency_key, recorded_at)
                    VALUES (\(id), \(flow.funder.kind.rawValue), \(flow.funder.name), \(flow.funder.communityId)::uuid, \(flow.communityId),
                            \(flow.needItemId), \(flow.milestoneId), \(flow.amount.currency), \(flow.status.rawValue),
                            \(pledged ? flow.amount.amount : nil), \(pledged ? nil : flow.amount.amount),
                            \(pledged ? flow.on.description : nil)::date, \(pledged ? nil : flow.on.description)::date,
                            \(idempotencyKey), \(PartnershipStore.now()))
                    """)
                try await change(id, status: flow.status, amount: flow.amount.amount, on: flow.on, connection: connection)
                if !pledged, let event = try await find(id: id, on: connection)?.committedEvent {
                    try await outbox.enqueue(event, on: connection, correlationID: flow.communityId.lowercasedText)
                }
                if let item { try await announceOverlap(of: item, on: connection) }
                return .success(())
            }
            switch outcome {
            case .failure(let refusal): return .failure(refusal)
            case .success:
                guard let flow = try await find(id: id) else { return .failure(.notFound("funding flow \(id.lowercasedText)")) }
                return .success((flow, true))
            }
        } catch let error as PostgresError where error.code == .uniqueViolation && idempotencyKey != nil {
            if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return .success((existing, false)) }
            throw error
        }
    }

    /// A pledge committed, or a payment on a commitment. What is paid never exceeds what is
    /// committed; a commitment to an item never takes it past its cost.
    func transition(_ id: UUID, _ transition: ValidFundingTransition) async throws -> Result<FundingFlow, Refusal> {
        let outcome: Result<Void, Refusal> = try await postgres.withTransaction { connection in
            guard
                let row = try await connection.query(
                    """
                    SELECT status, need_item_id, community_id, pledged_amount, committed_amount, paid_amount,
                           COALESCE(paid_on, committed_on, pledged_on)::text AS last_on
                    FROM funding_flows WHERE id = \(id) FOR UPDATE
                    """
                ).first
            else { return .failure(.notFound("funding flow \(id.lowercasedText)")) }
            let status = try row.decode(String.self, "status")
            if let lastText = try row.decode(String?.self, "last_on"),
                let last = CalendarDate(parsing: lastText), transition.on < last
            {
                return .failure(
                    .invalid(
                        InvalidInput(
                            "the funding flow cannot change",
                            invalidFields: [.init(name: "on", reason: "must not be before its last change, \(last)")]
                        )))
            }
            switch transition.status {
            case .committed:
                guard status == FundingFlow.Status.pledged.rawValue else {
                    return .failure(.conflict("The flow is \(status) already; only a pledge is committed."))
                }
                let amount = try transition.amount ?? row.decode(Int?.self, "pledged_amount") ?? 0
                if let itemId = try row.decode(UUID?.self, "need_item_id") {
                    guard let item = try await lockItem(itemId, on: connection) else {
                        return .failure(.notFound("need item \(itemId.lowercasedText)"))
                    }
                    let committed = try await commitments(to: itemId, on: connection)
                    if let refusal = FundingRules.commit(
                        amount, toItem: itemId, description: item.description, cost: item.cost, committed: committed)
                    {
                        return .failure(.overCost(refusal))
                    }
                }
                try await connection.pipeline(
                    """
                    UPDATE funding_flows SET status = 'committed', committed_amount = \(amount), committed_on = \(transition.on.description)::date
                    WHERE id = \(id)
                    """)
                try await change(id, status: .committed, amount: amount, on: transition.on, connection: connection)
                if let event = try await find(id: id, on: connection)?.committedEvent {
                    try await outbox.enqueue(event, on: connection, correlationID: try row.decode(UUID.self, "community_id").lowercasedText)
                }
            case .paid:
                guard status != FundingFlow.Status.pledged.rawValue else {
                    return .failure(.conflict("The flow is only pledged: it is committed before anything is paid on it."))
                }
                let committed = try row.decode(Int?.self, "committed_amount") ?? 0
                let paid = try row.decode(Int.self, "paid_amount")
                let amount = transition.amount ?? (committed - paid)
                guard amount > 0 else { return .failure(.conflict("The flow's commitment of \(committed) is paid in full already.")) }
                guard paid + amount <= committed else {
                    return .failure(
                        .conflict(
                            "Paid never exceeds committed: \(committed) is committed and \(paid) paid already, so at most \(committed - paid) more can be paid, not \(amount)."
                        ))
                }
                try await connection.pipeline(
                    """
                    UPDATE funding_flows SET status = 'paid', paid_amount = paid_amount + \(amount), paid_on = \(transition.on.description)::date
                    WHERE id = \(id)
                    """)
                try await change(id, status: .paid, amount: amount, on: transition.on, connection: connection)
            case .pledged:
                return .failure(.conflict("A flow is pledged when it is recorded."))
            }
            return .success(())
        }
        switch outcome {
        case .failure(let refusal): return .failure(refusal)
        case .success:
            guard let flow = try await find(id: id) else { return .failure(.notFound("funding flow \(id.lowercasedText)")) }
            return .success(flow)
        }
    }

    /// The community a flow goes to.
    func community(ofFlow id: UUID) async throws -> UUID? {
        try await postgres.query("SELECT community_id FROM funding_flows WHERE id = \(id)").first?.decode(UUID.self, at: 0)
    }

    func find(id: UUID) async throws -> FundingFlow? {
        try await postgres.withConnection { try await find(id: id, on: $0) }
    }

    private func find(idempotencyKey: String) async throws -> FundingFlow? {
        try await postgres.withConnection { connection in
            guard
                let id = try await connection.query("SELECT id FROM funding_flows WHERE idempotency_key = \(idempotencyKey)").first?.decode(
                    UUID.self, at: 0)
            else { return nil }
            return try await find(id: id, on: connection)
        }
    }

    private func find(id: UUID, on connection: PostgresConnection) async throws -> FundingFlow? {
        try await flows(id: id, community: nil, needItem: nil, pairing: nil, limit: 1, after: nil, on: connection).first
    }

    /// Flows in the order they were recorded, to a community, a need item or of a pairing, a
    /// page at a time, with how many there are.
    func list(community: UUID?, needItem: UUID?, pairing: UUID?, limit: Int, after: UUID?) async throws -> (
        flows: [FundingFlow], total: Int
    ) {
        try await postgres.withConnection { connection in
            let total = try await connection.query(
                """
                SELECT count(*) FROM funding_flows
                WHERE (\(community)::uuid IS NULL OR community_id = \(community))
                  AND (\(needItem)::uuid IS NULL OR need_item_id = \(needItem)) AND (\(pairing)::uuid IS NULL OR pairing_id = \(pairing))
                """
            )[0].decode(Int.self, at: 0)
            let flows = try await flows(
                id: nil, community: community, needItem: needItem, pairing: pairing, limit: limit, after: after, on: connection)
            return (flows, total)
        }
    }

    private func flows(
        id: UUID?, community: UUID?, needItem: UUID?, pairing: UUID?, limit: Int, after: UUID?, on connection: PostgresConnection
    ) async throws -> [FundingFlow] {
        let rows = try await connection.query(
            """
            SELECT f.id, f.funder_kind, f.funder_name, f.funder_community_id, f.community_id, f.need_item_id, f.milestone_id, f.pairing_id,
                   f.pairing_year, f.currency, f.status, f.pledged_amount, f.committed_amount, f.paid_amount,
                   f.pledged_on::text AS pledged_on, f.committed_on::text AS committed_on, f.paid_on::text AS paid_on,
                   COALESCE((SELECT json_agg(json_build_object('status', c.status, 'amount', c.amount, 'on', c.on_date,
                                                               'recordedAt', to_char(c.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                                             ORDER BY c.id)
                             FROM funding_flow_changes c WHERE c.flow_id = f.id), '[]'::json)::text AS history
            FROM funding_flows f
            WHERE (\(id)::uuid IS NULL OR f.id = \(id)) AND (\(community)::uuid IS NULL OR f.community_id = \(community))
              AND (\(needItem)::uuid IS NULL OR f.need_item_id = \(needItem)) AND (\(pairing)::uuid IS NULL OR f.pairing_id = \(pairing))
              AND (\(after)::uuid IS NULL OR f.id > \(after))
            ORDER BY f.id LIMIT \(limit)
            """)
        return try rows.map { row in
            let kindText = try row.decode(String.self, "funder_kind")
            let statusText = try row.decode(String.self, "status")
            guard let kind = FundingFlow.Funder.Kind(rawValue: kindText), let status = FundingFlow.Status(rawValue: statusText) else {
                throw PostgresDecodingError(
                    column: "status", swiftType: "FundingFlow", postgresType: .text,
                    reason: "unknown kind or status '\(kindText)', '\(statusText)'"
                )
            }
            func day(_ column: String) throws -> CalendarDate? {
                try row.decode(String?.self, column).map { try PartnershipStore.date($0, column: column) }
            }
            return FundingFlow(
                id: try row.decode(UUID.self, "id"),
                funder: .init(
                    kind: kind, name: try row.decode(String.self, "funder_name"),
                    communityId: try row.decode(UUID?.self, "funder_community_id")?.lowercasedText),
                communityId: try row.decode(UUID.self, "community_id"),
                needItemId: try row.decode(UUID?.self, "need_item_id")?.lowercasedText,
                milestoneId: try row.decode(UUID?.self, "milestone_id")?.lowercasedText,
                pairingId: try row.decode(UUID?.self, "pairing_id")?.lowercasedText, pairingYear: try row.decode(Int?.self, "pairing_year"),
                currency: try row.decode(String.self, "currency"), status: status, pledged: try row.decode(Int?.self, "pledged_amount"),
                committed: try row.decode(Int?.self, "committed_amount"), paid: try row.decode(Int.self, "paid_amount"),
                pledgedOn: try day("pledged_on"), committedOn: try day("committed_on"), paidOn: try day("paid_on"),
                history: try ContractCoding.decode([FundingFlow.Change].self, from: Data(try row.decode(String.self, "history").utf8)))
        }
    }

    private func exists(community: UUID, on connection: PostgresConnection) async throws -> Bool {
        try await connection.query("SELECT 1 FROM communities WHERE id = \(community)").first != nil
    }

    private struct LockedItem {
        var id: UUID
        var communityId: UUID
        var description: String
        var cost: Money
    }

    /// The need item, its row locked until the transaction ends.
    private func lockItem(_ id: UUID, on connection: PostgresConnection) async throws -> LockedItem? {
        guard
            let row = try await connection.query(
                "SELECT community_id, description, estimated_cost, currency FROM need_items WHERE id = \(id) FOR UPDATE"
            ).first
        else { return nil }
        return LockedItem(
            id: id, communityId: try row.decode(UUID.self, "community_id"), description: try row.decode(String.self, "description"),
            cost: Money(amount: try row.decode(Int.self, "estimated_cost"), currency: try row.decode(String.self, "currency")))
    }

    /// What is committed to the item already, flow by flow.
    private func commitments(to item: UUID, on connection: PostgresConnection) async throws -> [FundingRules.Commitment] {
        try await connection.query(
            """
            SELECT id, funder_name, funder_kind, committed_amount FROM funding_flows
            WHERE need_item_id = \(item) AND status IN ('committed', 'paid') ORDER BY id
            """
        ).map {
            FundingRules.Commitment(
                flowId: try $0.decode(UUID.self, "id"), funderName: try $0.decode(String.self, "funder_name"),
                funderKind: try $0.decode(String.self, "funder_kind"), amount: try $0.decode(Int.self, "committed_amount"))
        }
    }

    /// `registry.funding-overlap-detected.v1` when the item's pledges and commitments come to more than its cost.
    private func announceOverlap(of item: LockedItem, on connection: PostgresConnection) async throws {
        let flows = try await connection.query(
            """
            SELECT id, funder_kind, funder_name, status, COALESCE(committed_amount, pledged_amount) AS amount
            FROM funding_flows WHERE need_item_id = \(item.id) ORDER BY id
            """
        ).map {
            FundingOverlapDetected.Flow(
                flowId: try $0.decode(UUID.self, "id"), funderKind: try $0.decode(String.self, "funder_kind"),
                funderName: try $0.decode(String.self, "funder_name"), status: try $0.decode(String.self, "status"),
                amount: try $0.decode(Int.self, "amount"))
        }
        let total = flows.reduce(0) { $0 + $1.amount }
        guard total > item.cost.amount else { return }
        try await outbox.enqueue(
            FundingOverlapDetected(
                needItemId: item.id, communityId: item.communityId, estimatedCost: item.cost, pledgedAndCommitted: total, flows: flows,
                detectedAt: PartnershipStore.now(), needDescription: item.description), on: connection,
            correlationID: item.id.lowercasedText)
    }

    private func change(_ flow: UUID, status: FundingFlow.Status, amount: Int, on date: CalendarDate, connection: PostgresConnection)
        async throws
    {
        try await connection.pipeline(
            """
            INSERT INTO funding_flow_changes (flow_id, status, amount, on_date, subject)
            VALUES (\(flow), \(status.rawValue), \(amount), \(date.description)::date, \(Caller.current?.subject))
            """)
    }

    // MARK: Pairings

    /// Records what a Communities2Gether pairing's global community committed: one committed
    /// flow a year, each with `registry.funding-committed.v1`. Once per pairing, however often
    /// it is retried: a second call with the same terms changes nothing and answers with what
    /// the first recorded (`created` false); one with other terms is refused.
    func recordPairingCommitment(_ terms: ValidPairingCommitment) async throws -> Result<(PairingCommitment, created: Bool), Refusal> {
        let outcome = try await postgres.withTransaction { connection in
            try await recordPairingCommitment(terms, on: connection, causedBy: nil)
        }
        switch outcome {
        case .failure(let refusal): return .failure(refusal)
        case .success(let created):
            guard let commitment = try await pairingCommitment(terms.pairingId, asOf: nil) else {
                return .failure(.notFound("pairing \(terms.pairingId.lowercasedText)"))
            }
            return .success((commitment, created))
        }
    }

    /// The same, inside the caller's transaction: for the handler of `matching.pairing-confirmed.v1`,
    /// whose inbox row commits with it. True when this call recorded it.
    func recordPairingCommitment(_ terms: ValidPairingCommitment, on connection: PostgresConnection, causedBy cause: HandlingContext?)
        async throws -> Result<Bool, Refusal>
    {
        let supporting = try await connection.query("SELECT name FROM communities WHERE id = \(terms.supportingCommunityId)").first?
            .decode(String.self, at: 0)
        guard let supporting else {
            return .failure(
                .invalid(
                    InvalidInput(
                        "the pairing's commitment cannot be recorded",
                        invalidFields: [.init(name: "supportingCommunityId", reason: "no community has this id")])))
        }
        guard try await exists(community: terms.impactedCommunityId, on: connection) else {
            return .failure(
                .invalid(
                    InvalidInput(
                        "the pairing's commitment cannot be recorded",
                        invalidFields: [.init(name: "impactedCommunityId", reason: "no community has this id")])))
        }
        let inserted =
            try await connection.query(
                """
                INSERT INTO pairing_commitments (pairing_id, supporting_community_id, impacted_community_id, amount_per_year, currency, years,
                                                 confirmed_at)
                VALUES (\(terms.pairingId), \(terms.supportingCommunityId), \(terms.impactedCommunityId), \(terms.amountPerYear.amount),
                        \(terms.amountPerYear.currency), \(terms.years), \(terms.confirmedAt))
                ON CONFLICT (pairing_id) DO NOTHING RETURNING pairing_id
                """
            ).first != nil
        guard inserted else {
            let existing = try await connection.query(
                """
                SELECT supporting_community_id, impacted_community_id, amount_per_year, currency, years, confirmed_at
                FROM pairing_commitments WHERE pairing_id = \(terms.pairingId)
                """
            ).first
            let same =
                try existing.map {
                    ValidPairingCommitment(
                        pairingId: terms.pairingId, supportingCommunityId: try $0.decode(UUID.self, "supporting_community_id"),
                        impactedCommunityId: try $0.decode(UUID.self, "impacted_community_id"),
                        amountPerYear: Money(
                            amount: try $0.decode(Int.self, "amount_per_year"), currency: try $0.decode(String.self, "currency")),
                        years: try $0.decode(Int.self, "years"), confirmedAt: try $0.decode(Date.self, "confirmed_at"))
                }.map {
                    abs($0.confirmedAt.timeIntervalSince(terms.confirmedAt)) < 0.001
                        && $0.supportingCommunityId == terms.supportingCommunityId
                        && $0.impactedCommunityId == terms.impactedCommunityId && $0.amountPerYear == terms.amountPerYear
                        && $0.years == terms.years
                } ?? false
            guard same else {
                return .failure(
                    .conflict("The pairing's commitment was recorded already, with other terms: read it (GET /pairing-commitments/{id})."))
            }
            return .success(false)
        }
        let day =
            CalendarDate.utcDay(of: terms.confirmedAt) ?? CalendarDate.utcDay(of: Date()) ?? CalendarDate(year: 2024, month: 1, day: 1)
        guard let day else { return .success(false) }
        let ids = (1...terms.years).map { _ in UUID.timeOrdered() }
        try await connection.pipeline(
            """
            INSERT INTO funding_flows (id, funder_kind, funder_name, funder_community_id, community_id, pairing_id, pairing_year, currency,
                                       status, committed_amount, committed_on, recorded_at)
            SELECT y.id, 'globalCommunity', \(supporting), \(terms.supportingCommunityId), \(terms.impactedCommunityId), \(terms.pairingId),
                   y.year, \(terms.amountPerYear.currency), 'committed', \(terms.amountPerYear.amount), \(day.description)::date,
                   \(PartnershipStore.now())
            FROM unnest(\(ids)::uuid[], \(Array(1...terms.years))::int[]) AS y(id, year)
            """)
        try await connection.pipeline(
            """
            INSERT INTO funding_flow_changes (flow_id, status, amount, on_date, subject)
            SELECT id, 'committed', \(terms.amountPerYear.amount), \(day.description)::date, \(Caller.current?.subject)
            FROM unnest(\(ids)::uuid[]) AS y(id)
            """)
        let events = ids.enumerated().map { index, id in
            FundingCommitted(
                flowId: id, communityId: terms.impactedCommunityId, funderKind: FundingFlow.Funder.Kind.globalCommunity.rawValue,
                funderName: supporting, funderCommunityId: terms.supportingCommunityId.lowercasedText,
                pairingId: terms.pairingId.lowercasedText, pairingYear: index + 1, committed: terms.amountPerYear, committedOn: day)
        }
        try await outbox.enqueue(
            events, on: connection, causedBy: cause, correlationID: cause == nil ? terms.pairingId.lowercasedText : nil)
        return .success(true)
    }

    /// The pairing's commitment, year by year against what was committed and paid, read on
    /// `asOf` (today in UTC when nil).
    func pairingCommitment(_ pairingId: UUID, asOf: CalendarDate?) async throws -> PairingCommitment? {
        try await postgres.withConnection { connection in
            guard
                let row = try await connection.query(
                    """
                    SELECT supporting_community_id, impacted_community_id, amount_per_year, currency, years, confirmed_at
                    FROM pairing_commitments WHERE pairing_id = \(pairingId)
                    """
                ).first
            else { return nil }
            var flows: [Int: (flowId: UUID, committed: Int, paid: Int)] = [:]
            for flow in try await connection.query(
                "SELECT id, pairing_year, COALESCE(committed_amount, 0) AS committed, paid_amount FROM funding_flows WHERE pairing_id = \(pairingId)"
            ) {
                flows[try flow.decode(Int.self, "pairing_year")] = (
                    try flow.decode(UUID.self, "id"), try flow.decode(Int.self, "committed"), try flow.decode(Int.self, "paid_amount")
                )
            }
            let today = CalendarDate.utcDay(of: Date()) ?? CalendarDate(year: 2024, month: 1, day: 1)
            guard let day = asOf ?? today else { return nil }
            return PairingCommitment(
                pairingId: pairingId, supportingCommunityId: try row.decode(UUID.self, "supporting_community_id"),
                impactedCommunityId: try row.decode(UUID.self, "impacted_community_id"),
                amountPerYear: Money(
                    amount: try row.decode(Int.self, "amount_per_year"), currency: try row.decode(String.self, "currency")),
                years: try row.decode(Int.self, "years"), confirmedAt: try row.decode(Date.self, "confirmed_at"), flows: flows, asOf: day)
        }
    }

    // MARK: Reports

    /// Needs, pledged, committed, paid and gap per group and currency. The needs are those of
    /// each community's latest submitted (or accepted) version; a flow counts under the sector
    /// of its need item, `unassigned` without one; a community counts under every partnership
    /// it is a member of today.
    func report(by grouping: FundingReport.Grouping) async throws -> FundingReport {
        let rows = try await postgres.query(Self.reportQuery(grouping.rawValue))
        return FundingReport(
            by: grouping,
            rows: try rows.map { row in
                let needs = try row.decode(Int.self, "needs")
                let committed = try row.decode(Int.self, "committed")
                return FundingReport.Row(
                    key: try row.decode(String.self, "key"), name: try row.decode(String.self, "name"),
                    currency: try row.decode(String.self, "currency"), needs: needs, pledged: try row.decode(Int.self, "pledged"),
                    committed: committed, paid: try row.decode(Int.self, "paid"), gap: needs - committed)
            })
    }

    /// The report's one SQL query, for `grouping` (community, partnership or sector).
    static func reportQuery(_ grouping: String) -> PostgresQuery {
        """
        WITH latest AS (
            SELECT DISTINCT ON (community_id) id FROM needs_assessments WHERE status <> 'draft' ORDER BY community_id, version DESC
        ),
        cells AS (
            SELECT i.community_id, i.sector, i.currency, i.estimated_cost AS needs, 0::bigint AS pledged, 0::bigint AS committed,
                   0::bigint AS paid
            FROM need_items i JOIN latest l ON l.id = i.assessment_id
            UNION ALL
            SELECT f.community_id, COALESCE(i.sector, 'unassigned'), f.currency, 0,
                   CASE WHEN f.status = 'pledged' THEN f.pledged_amount ELSE 0 END, COALESCE(f.committed_amount, 0), f.paid_amount
            FROM funding_flows f LEFT JOIN need_items i ON i.id = f.need_item_id
        ),
        grouped AS (
            SELECT c.community_id::text AS key, min(co.name) AS name, c.currency, sum(c.needs) AS needs, sum(c.pledged) AS pledged,
                   sum(c.committed) AS committed, sum(c.paid) AS paid
            FROM cells c JOIN communities co ON co.id = c.community_id
            WHERE \(grouping) = 'community' GROUP BY c.community_id, c.currency
            UNION ALL
            SELECT p.id::text, min(p.name), c.currency, sum(c.needs), sum(c.pledged), sum(c.committed), sum(c.paid)
            FROM cells c JOIN partnership_memberships m ON m.community_id = c.community_id AND m.left_on IS NULL
                 JOIN partnerships p ON p.id = m.partnership_id
            WHERE \(grouping) = 'partnership' GROUP BY p.id, c.currency
            UNION ALL
            SELECT c.sector, c.sector, c.currency, sum(c.needs), sum(c.pledged), sum(c.committed), sum(c.paid)
            FROM cells c WHERE \(grouping) = 'sector' GROUP BY c.sector, c.currency
        )
        SELECT key, name, currency, needs::bigint AS needs, pledged::bigint AS pledged, committed::bigint AS committed, paid::bigint AS paid
        FROM grouped ORDER BY name, key, currency
        """
    }

    /// Every flow as a row of a who-funds-what-where table.
    func whoFundsWhatWhere() async throws -> WhoFundsWhatWhere {
        let rows = try await postgres.query(
            """
            SELECT f.id, f.funder_name, f.funder_kind, co.name AS community, co.id AS community_id, co.country, co.region,
                   COALESCE(i.sector, '') AS sector, COALESCE(i.description, m.title, '') AS need, COALESCE(i.horizon, '') AS horizon,
                   f.status, f.currency, COALESCE(f.pledged_amount, 0) AS pledged, COALESCE(f.committed_amount, 0) AS committed,
                   f.paid_amount, COALESCE(f.paid_on, f.committed_on, f.pledged_on)::text AS day
            FROM funding_flows f JOIN communities co ON co.id = f.community_id
                 LEFT JOIN need_items i ON i.id = f.need_item_id LEFT JOIN milestones m ON m.id = f.milestone_id
            ORDER BY co.name, f.id
            """)
        return WhoFundsWhatWhere(
            rows: try rows.map { row in
                WhoFundsWhatWhere.Row(
                    funder: try row.decode(String.self, "funder_name"), funderKind: try row.decode(String.self, "funder_kind"),
                    community: try row.decode(String.self, "community"),
                    communityId: try row.decode(UUID.self, "community_id").lowercasedText, country: try row.decode(String.self, "country"),
                    region: try row.decode(String.self, "region"), sector: try row.decode(String.self, "sector"),
                    need: try row.decode(String.self, "need"), horizon: try row.decode(String.self, "horizon"),
                    status: try row.decode(String.self, "status"), currency: try row.decode(String.self, "currency"),
                    pledged: try row.decode(Int.self, "pledged"), committed: try row.decode(Int.self, "committed"),
                    paid: try row.decode(Int.self, "paid_amount"),
                    date: try row.decode(String?.self, "day").flatMap(CalendarDate.init(parsing:)),
                    flowId: try row.decode(UUID.self, "id").lowercasedText)
            })
    }
}

/// The funding report's query as one SQL text with its grouping written in, for running it
/// outside the service (the benchmark runs it in `psql` next to the service's route).
public enum FundingReportQuery {
    public static func sql(by grouping: FundingReport.Grouping) -> String {
        var text = FundingStore.reportQuery(grouping.rawValue).sql
        for index in (1...3).reversed() { text = text.replacingOccurrences(of: "$\(index)", with: "'\(grouping.rawValue)'") }
        return text
    }
}
