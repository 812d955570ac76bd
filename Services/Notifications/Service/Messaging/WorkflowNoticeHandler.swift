import Contracts
import Foundation
import Postgres
import ServiceKit

/// `matching.workflow-notice.v1`: each recipient the needs-assessment cycle names is written
/// to once per notice (the notice's message is the cause), in their language and hours.
struct WorkflowNoticeHandler: EventHandler {
    let deliveries: DeliveryStore

    func handle(_ batch: [Delivered<WorkflowNotice>], on connection: PostgresConnection) async throws {
        var owed: [DeliveryStore.NewDelivery] = []
        for delivered in batch {
            let notice = delivered.event
            var values = [notice.notice.rawValue: "yes", "step": notice.step.rawValue, "occurrence": "\(notice.occurrence)"]
            if let summary = notice.summary { values["summary"] = summary }
            var instants: [String: Date] = [:]
            if let meetingAt = notice.meetingAt { instants["meetingAt"] = meetingAt }
            if let dueAt = notice.dueAt { instants["dueAt"] = dueAt }
            for recipient in Set(notice.recipients.map(\.volunteerId)) {
                owed.append(
                    DeliveryStore.NewDelivery(
                        causeId: delivered.context.messageID, recipientId: recipient, kind: .workflowNotice,
                        correlationId: delivered.context.correlationID, values: values, instants: instants))
            }
        }
        try await deliveries.record(owed, on: connection)
    }
}
