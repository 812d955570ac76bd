import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// Needs assessments with their items and versions, the sectors items are filed under, and
/// the road maps' milestones, in the registry's database.
struct NeedsStore: Sendable {
    let postgres: PostgresClient
    let outbox: Outbox

    /// Why a change of an assessment or a milestone cannot be made as asked.
    enum Refusal: Error, Sendable {
        case notFound(String)
        case conflict(String)
        case invalid(InvalidInput)
    }

    // MARK: Scope

    /// Whether `communityId` is a member now of one of `partnerships`.
    func isMember(_ communityId: UUID, ofAny partnerships: Set<UUID>) async throws -> Bool {
        try await postgres.query(
            """
            SELECT EXISTS (SELECT 1 FROM partnership_memberships
                           WHERE community_id = \(communityId) AND partnership_id = ANY(\(Array(partnerships))::uuid[]) AND left_on IS NULL)
            """
        ).first?.decode(Bool.self, at: 0) ?? false
    }

    /// Whether the registry knows the community.
    func communityExists(_ id: UUID) async throws -> Bool {
        try await postgres.query("SELECT EXISTS (SELECT 1 FROM communities WHERE id = \(id))").first?.decode(Bool.self, at: 0) ?? false
    }

    // MARK: Sectors

    /// Every sector, the base ones first.
    func sectors() async throws -> [(name: String, base: Bool)] {
        try await postgres.query("SELECT name, base FROM need_sectors ORDER BY base DESC, name").map {
            (try $0.decode(String.self, "name"), try $0.decode(Bool.self, "base"))
        }
    }

    /// Adds a sector; false when it was there already.
    func addSector(_ name: String) async throws -> Bool {
        try await postgres.query("INSERT INTO need_sectors (name) VALUES (\(name)) ON CONFLICT (name) DO NOTHING RETURNING name").first
            != nil
    }

    // MARK: Assessments

    /// Records a draft: the community's first assessment, or a reassessment of its latest
    /// version, which must have been submitted. The community's latest version is locked
    /// meanwhile, so that two reassessments of one version cannot both be recorded.
    func record(_ draft: ValidNeedsAssessmentDraft, communityId: UUID, idempotencyKey: String?) async throws -> Result<
        (NeedsAssessment, created: Bool), Refusal
    > {
        if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return .success((existing, false)) }
        let id = UUID.timeOrdered()
        let now = PartnershipStore.now()
        do {
            let outcome: Result<NeedsAssessment, Refusal> = try await postgres.withTransaction { connection in
                guard try await connection.query("SELECT 1 FROM communities WHERE id = \(communityId) FOR SHARE").first != nil else {
                    return .failure(.notFound("community \(communityId.lowercasedText)"))
                }
                let latest = try await connection.query(
                    """
                    SELECT id, version, status FROM needs_assessments WHERE community_id = \(communityId)
                    ORDER BY version DESC LIMIT 1 FOR UPDATE
                    """
                ).first
                let latestId = try latest?.decode(UUID.self, "id")
                let latestVersion = try latest?.decode(Int.self, "version") ?? 0
                switch (latestId, draft.reassesses) {
                case (nil, nil): break
                case (nil, .some):
                    return .failure(
                        .invalid(
                            InvalidInput(
                                "the needs assessment cannot be recorded",
                                invalidFields: [.init(name: "reassesses", reason: "the community has no assessment yet")])))
                case (.some(let latestId), nil):
                    return .failure(
                        .conflict(
                            "The community has an assessment already (version \(latestVersion), \(latestId.lowercasedText)): a new one reassesses it (reassesses: its id)."
                        ))
                case (.some(let latestId), .some(let reassesses)):
                    guard latestId == reassesses else {
                        return .failure(
                            .conflict(
                                "Only the community's latest version is reassessed: version \(latestVersion), \(latestId.lowercasedText)."))
                    }
                    guard try latest?.decode(String.self, "status") != NeedsAssessment.Status.draft.rawValue else {
                        return .failure(.conflict("The latest version is still a draft: submit it before reassessing it."))
                    }
                }
                // Items carried over must be items of the version reassessed.
                if let previous = draft.reassesses {
                    let known = Set(
                        try await connection.query("SELECT id FROM need_items WHERE assessment_id = \(previous)").map {
                            try $0.decode(UUID.self, at: 0)
                        })
                    let unknown = draft.items.enumerated().filter { $0.element.carriesOver.map { !known.contains($0) } ?? false }
                    if !unknown.isEmpty {
                        return .failure(
                            .invalid(
                                InvalidInput(
                                    "the needs assessment cannot be recorded",
                                    invalidFields: unknown.map {
                                        .init(name: "items[\($0.offset)].carriesOver", reason: "is not an item of the version reassessed")
                                    })))
                    }
                }
                let items = draft.items.map { item in
                    NeedItem(
                        id: UUID.timeOrdered(), carriesOver: item.carriesOver?.lowercasedText, horizon: item.horizon, sector: item.sector,
                        description: item.description, language: item.language, quantity: item.quantity, unit: item.unit,
                        estimatedCost: item.estimatedCost)
                }
                try await connection.pipeline(
                    """
                    INSERT INTO needs_assessments (id, community_id, version, previous_id, status, assessed_on, idempotency_key, created_at)
                    VALUES (\(id), \(communityId), \(latestVersion + 1), \(draft.reassesses), 'draft', \(draft.assessedOn.description)::date,
                            \(idempotencyKey), \(now))
                    """)
                try await insert(items, assessment: id, community: communityId, on: connection)
                return .success(
                    NeedsAssessment(
                        id: id, communityId: communityId, version: latestVersion + 1,
                        previousAssessmentId: draft.reassesses?.lowercasedText,
                        status: .draft, assessedOn: draft.assessedOn, createdAt: now, submittedAt: nil, acceptedAt: nil, items: items))
            }
            return outcome.map { ($0, true) }
        } catch let error as PostgresError where error.code == .uniqueViolation {
            if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return .success((existing, false)) }
            return .failure(.conflict("Another version of the community's assessment was recorded meanwhile: read them again."))
        }
    }

    private func insert(_ items: [NeedItem], assessment: UUID, community: UUID, on connection: PostgresConnection) async throws {
        try await connection.pipeline(
            """
            INSERT INTO need_items (id, assessment_id, community_id, position, carries_over, horizon, sector, description, language,
                                    quantity, unit, estimated_cost, currency)
            SELECT t.id, \(assessment), \(community), t.position, NULLIF(t.carries_over, '')::uuid, t.horizon, t.sector, t.description,
                   NULLIF(t.language, ''), t.quantity, t.unit, t.estimated_cost, t.currency
            FROM unnest(\(items.map(\.id))::uuid[], \(Array(0..<items.count))::bigint[],
                        \(items.map { $0.carriesOver ?? "" })::text[], \(items.map(\.horizon.rawValue))::text[],
                        \(items.map(\.sector))::text[], \(items.map(\.description))::text[], \(items.map { $0.language ?? "" })::text[],
                        \(items.map(\.quantity))::bigint[], \(items.map(\.unit))::text[], \(items.map(\.estimatedCost.amount))::bigint[],
                        \(items.map(\.estimatedCost.currency))::text[])
                 AS t(id, position, carries_over, horizon, sector, description, language, quantity, unit, estimated_cost, currency)
            """)
    }

    /// Moves a draft to submitted (with `registry.needs-assessment-submitted.v1`) or a
    /// submitted one to accepted.
    func advance(_ id: UUID, to status: NeedsAssessment.Status) async throws -> Result<NeedsAssessment, Refusal> {
        let now = PartnershipStore.now()
        return try await postgres.withTransaction { connection in
            guard
                let row = try await connection.query("SELECT status, community_id FROM needs_assessments WHERE id = \(id) FOR UPDATE")
                    .first
            else { return .failure(.notFound("needs assessment \(id.lowercasedText)")) }
            let current = try row.decode(String.self, "status")
            let required: NeedsAssessment.Status = status == .submitted ? .draft : .submitted
            guard current == required.rawValue else {
                return .failure(
                    .conflict("The assessment is \(current); only a \(required.rawValue) assessment can be \(status.rawValue)."))
            }
            if status == .submitted {
                try await connection.pipeline("UPDATE needs_assessments SET status = 'submitted', submitted_at = \(now) WHERE id = \(id)")
            } else {
                try await connection.pipeline("UPDATE needs_assessments SET status = 'accepted', accepted_at = \(now) WHERE id = \(id)")
            }
            guard let assessment = try await find(id: id, on: connection) else {
                return .failure(.notFound("needs assessment \(id.lowercasedText)"))
            }
            if status == .submitted, let event = assessment.submittedEvent {
                try await outbox.enqueue(event, on: connection, correlationID: assessment.communityId.lowercasedText)
            }
            return .success(assessment)
        }
    }

    /// The community an assessment belongs to.
    func community(ofAssessment id: UUID) async throws -> UUID? {
        try await postgres.query("SELECT community_id FROM needs_assessments WHERE id = \(id)").first?.decode(UUID.self, at: 0)
    }

    func find(id: UUID) async throws -> NeedsAssessment? {
        try await postgres.withConnection { try await find(id: id, on: $0) }
    }

    private func find(idempotencyKey: String) async throws -> NeedsAssessment? {
        try await postgres.withConnection { connection in
            guard
                let id = try await connection.query("SELECT id FROM needs_assessments WHERE idempotency_key = \(idempotencyKey)").first?
                    .decode(UUID.self, at: 0)
            else { return nil }
            return try await find(id: id, on: connection)
        }
    }

    func find(id: UUID, on connection: PostgresConnection) async throws -> NeedsAssessment? {
        guard
            let row = try await connection.query(
                """
                SELECT id, community_id, version, previous_id, status, assessed_on::text AS assessed_on, created_at, submitted_at, accepted_at
                FROM needs_assessments WHERE id = \(id)
                """
            ).first
        else { return nil }
        let items = try await connection.query(
            """
            SELECT id, carries_over, horizon, sector, description, language, quantity, unit, estimated_cost, currency
            FROM need_items WHERE assessment_id = \(id) ORDER BY position
            """
        ).map(Self.item)
        let statusText = try row.decode(String.self, "status")
        guard let status = NeedsAssessment.Status(rawValue: statusText) else {
            throw PostgresDecodingError(
                column: "status", swiftType: "Status", postgresType: .text, reason: "unknown status '\(statusText)'")
        }
        return NeedsAssessment(
            id: try row.decode(UUID.self, "id"), communityId: try row.decode(UUID.self, "community_id"),
            version: try row.decode(Int.self, "version"), previousAssessmentId: try row.decode(UUID?.self, "previous_id")?.lowercasedText,
            status: status, assessedOn: try PartnershipStore.date(row, "assessed_on"), createdAt: try row.decode(Date.self, "created_at"),
            submittedAt: try row.decode(Date?.self, "submitted_at"), acceptedAt: try row.decode(Date?.self, "accepted_at"), items: items)
    }

    static func item(_ row: PostgresRow) throws -> NeedItem {
        let horizonText = try row.decode(String.self, "horizon")
        guard let horizon = NeedItem.Horizon(rawValue: horizonText) else {
            throw PostgresDecodingError(
                column: "horizon", swiftType: "Horizon", postgresType: .text, reason: "unknown horizon '\(horizonText)'")
        }
        return NeedItem(
            id: try row.decode(UUID.self, "id"), carriesOver: try row.decode(UUID?.self, "carries_over")?.lowercasedText, horizon: horizon,
            sector: try row.decode(String.self, "sector"), description: try row.decode(String.self, "description"),
            language: try row.decode(String?.self, "language"), quantity: try row.decode(Int.self, "quantity"),
            unit: try row.decode(String.self, "unit"),
            estimatedCost: Money(amount: try row.decode(Int.self, "estimated_cost"), currency: try row.decode(String.self, "currency")))
    }

    /// The community's versions, oldest first, a page at a time, without their items.
    func versions(of communityId: UUID, limit: Int, after: UUID?) async throws -> (assessments: [NeedsAssessment], total: Int) {
        try await postgres.withConnection { connection in
            let total = try await connection.query("SELECT count(*) FROM needs_assessments WHERE community_id = \(communityId)")[0]
                .decode(Int.self, at: 0)
            let ids = try await connection.query(
                """
                SELECT id FROM needs_assessments
                WHERE community_id = \(communityId)
                  AND (\(after)::uuid IS NULL OR version > (SELECT version FROM needs_assessments WHERE id = \(after)))
                ORDER BY version LIMIT \(limit)
                """
            ).map { try $0.decode(UUID.self, at: 0) }
            var assessments: [NeedsAssessment] = []
            for id in ids { if let assessment = try await find(id: id, on: connection) { assessments.append(assessment) } }
            return (assessments, total)
        }
    }

    /// The difference between two versions of one community's assessment; nil when either is unknown.
    func diff(from old: UUID?, to new: UUID) async throws -> Result<NeedsAssessmentDiff, Refusal> {
        try await postgres.withConnection { connection in
            guard let newer = try await find(id: new, on: connection) else {
                return .failure(.notFound("needs assessment \(new.lowercasedText)"))
            }
            guard let fromId = old ?? newer.previousAssessmentId.flatMap(UUID.init(uuidString:)) else {
                return .failure(.conflict("Version 1 reassesses nothing: name the version to compare it with (from=<id>)."))
            }
            guard let older = try await find(id: fromId, on: connection) else {
                return .failure(.notFound("needs assessment \(fromId.lowercasedText)"))
            }
            guard older.communityId == newer.communityId else {
                return .failure(.conflict("The two assessments are of different communities."))
            }
            let (first, second) = older.version <= newer.version ? (older, newer) : (newer, older)
            let lineage = Dictionary(
                try await connection.query(
                    """
                    SELECT i.id, i.carries_over FROM need_items i JOIN needs_assessments a ON a.id = i.assessment_id
                    WHERE a.community_id = \(newer.communityId) AND i.carries_over IS NOT NULL
                    """
                ).map { (try $0.decode(UUID.self, "id"), try $0.decode(UUID.self, "carries_over")) },
                uniquingKeysWith: { first, _ in first })
            return .success(NeedsAssessmentDiff(from: first, to: second, lineage: lineage))
        }
    }

    // MARK: Road map

    /// Adds a milestone to the community's road map. Its items must be the community's, and
    /// the road map must stay within three years (twelve quarters).
    func addMilestone(_ milestone: ValidMilestone, communityId: UUID, idempotencyKey: String?) async throws -> Result<
        (Milestone, created: Bool), Refusal
    > {
        if let idempotencyKey,
            let id = try await postgres.query("SELECT id FROM milestones WHERE idempotency_key = \(idempotencyKey)").first?.decode(
                UUID.self, at: 0), let existing = try await findMilestone(id: id)
        {
            return .success((existing, false))
        }
        let id = UUID.timeOrdered()
        do {
            let outcome: Result<Milestone, Refusal> = try await postgres.withTransaction { connection in
                guard try await connection.query("SELECT 1 FROM communities WHERE id = \(communityId) FOR UPDATE").first != nil else {
                    return .failure(.notFound("community \(communityId.lowercasedText)"))
                }
                let known = Set(
                    try await connection.query(
                        "SELECT id FROM need_items WHERE community_id = \(communityId) AND id = ANY(\(milestone.needItemIds)::uuid[])"
                    ).map { try $0.decode(UUID.self, at: 0) })
                let unknown = milestone.needItemIds.enumerated().filter { !known.contains($0.element) }
                if !unknown.isEmpty {
                    return .failure(
                        .invalid(
                            InvalidInput(
                                "the milestone cannot be recorded",
                                invalidFields: unknown.map {
                                    .init(name: "needItemIds[\($0.offset)]", reason: "is not a need item of the community")
                                }
                            )))
                }
                let quarters = try await connection.query(
                    "SELECT quarter FROM milestones WHERE community_id = \(communityId) AND status <> 'dropped'"
                ).compactMap { Quarter(try $0.decode(String.self, at: 0)) }
                if let quarter = Quarter(milestone.quarter) {
                    let all = quarters + [quarter]
                    if let first = all.min(), let last = all.max(), last.index - first.index >= Quarter.roadMapSpan {
                        return .failure(
                            .invalid(
                                InvalidInput(
                                    "the milestone cannot be recorded",
                                    invalidFields: [
                                        .init(
                                            name: "quarter",
                                            reason: "the road map spans three years (twelve quarters); this one falls outside it")
                                    ])))
                    }
                }
                try await connection.pipeline(
                    """
                    INSERT INTO milestones (id, community_id, title, quarter, need_item_ids, status, idempotency_key, recorded_at)
                    VALUES (\(id), \(communityId), \(milestone.title), \(milestone.quarter), \(milestone.needItemIds)::uuid[], 'planned',
                            \(idempotencyKey), \(PartnershipStore.now()))
                    """)
                try await connection.pipeline(
                    "INSERT INTO milestone_changes (milestone_id, status, on_date) VALUES (\(id), 'planned', \(milestone.plannedOn.description)::date)"
                )
                try await outbox.enqueue(
                    MilestonePlanned(
                        milestoneId: id, communityId: communityId, title: milestone.title, quarter: milestone.quarter,
                        needItemIds: milestone.needItemIds.map(\.lowercasedText), plannedOn: milestone.plannedOn,
                        recordedAt: PartnershipStore.now()),
                    on: connection, correlationID: communityId.lowercasedText)
                return .success(
                    Milestone(
                        id: id, communityId: communityId, title: milestone.title, quarter: milestone.quarter,
                        needItemIds: milestone.needItemIds.map(\.lowercasedText), status: .planned,
                        history: [.init(status: .planned, on: milestone.plannedOn)]))
            }
            return outcome.map { ($0, true) }
        } catch let error as PostgresError where error.code == .uniqueViolation && idempotencyKey != nil {
            if let idempotencyKey,
                let id = try await postgres.query("SELECT id FROM milestones WHERE idempotency_key = \(idempotencyKey)").first?.decode(
                    UUID.self, at: 0), let existing = try await findMilestone(id: id)
            {
                return .success((existing, false))
            }
            throw error
        }
    }

    /// The milestone moves to `status` on `date`, if its current status allows it.
    func changeMilestone(_ id: UUID, to status: Milestone.Status, on date: CalendarDate) async throws -> Result<Milestone, Refusal> {
        let outcome: Result<Void, Refusal> = try await postgres.withTransaction { connection in
            guard let row = try await connection.query("SELECT status FROM milestones WHERE id = \(id) FOR UPDATE").first else {
                return .failure(.notFound("milestone \(id.lowercasedText)"))
            }
            let currentText = try row.decode(String.self, at: 0)
            guard let current = Milestone.Status(rawValue: currentText), current.allows(status) else {
                return .failure(.conflict("A milestone \(currentText) cannot become \(status.rawValue)."))
            }
            let last = try await connection.query(
                "SELECT on_date::text FROM milestone_changes WHERE milestone_id = \(id) ORDER BY id DESC LIMIT 1"
            ).first.map { try PartnershipStore.date(try $0.decode(String.self, at: 0), column: "on_date") }
            if let last, date < last {
                return .failure(
                    .invalid(
                        InvalidInput(
                            "the milestone's status cannot change",
                            invalidFields: [.init(name: "on", reason: "must not be before its last change, \(last)")])))
            }
            try await connection.pipeline("UPDATE milestones SET status = \(status.rawValue), version = version + 1 WHERE id = \(id)")
            try await connection.pipeline(
                "INSERT INTO milestone_changes (milestone_id, status, on_date) VALUES (\(id), \(status.rawValue), \(date.description)::date)"
            )
            return .success(())
        }
        switch outcome {
        case .failure(let refusal): return .failure(refusal)
        case .success:
            guard let milestone = try await findMilestone(id: id) else { return .failure(.notFound("milestone \(id.lowercasedText)")) }
            return .success(milestone)
        }
    }

    func community(ofMilestone id: UUID) async throws -> UUID? {
        try await postgres.query("SELECT community_id FROM milestones WHERE id = \(id)").first?.decode(UUID.self, at: 0)
    }

    func findMilestone(id: UUID) async throws -> Milestone? {
        try await milestones(where: id, community: nil).first
    }

    /// The community's road map: its milestones in quarter order.
    func roadMap(of communityId: UUID) async throws -> [Milestone] {
        try await milestones(where: nil, community: communityId)
    }

    private func milestones(where id: UUID?, community: UUID?) async throws -> [Milestone] {
        let rows = try await postgres.query(
            """
            SELECT m.id, m.community_id, m.title, m.quarter, m.need_item_ids, m.status,
                   COALESCE((SELECT json_agg(json_build_object('status', c.status, 'on', c.on_date) ORDER BY c.id)
                             FROM milestone_changes c WHERE c.milestone_id = m.id), '[]'::json)::text AS history
            FROM milestones m
            WHERE (\(id)::uuid IS NULL OR m.id = \(id)) AND (\(community)::uuid IS NULL OR m.community_id = \(community))
            ORDER BY m.quarter, m.id
            """)
        return try rows.map { row in
            let statusText = try row.decode(String.self, "status")
            guard let status = Milestone.Status(rawValue: statusText) else {
                throw PostgresDecodingError(
                    column: "status", swiftType: "Milestone.Status", postgresType: .text, reason: "unknown status '\(statusText)'")
            }
            let history = try ContractCoding.decode([HistoryRow].self, from: Data(try row.decode(String.self, "history").utf8))
            return Milestone(
                id: try row.decode(UUID.self, "id"), communityId: try row.decode(UUID.self, "community_id"),
                title: try row.decode(String.self, "title"), quarter: try row.decode(String.self, "quarter"),
                needItemIds: try row.decode([UUID].self, "need_item_ids").map(\.lowercasedText), status: status,
                history: history.compactMap { change in Milestone.Status(rawValue: change.status).map { .init(status: $0, on: change.on) } }
            )
        }
    }

    private struct HistoryRow: Decodable {
        var status: String
        var on: CalendarDate
    }
}
