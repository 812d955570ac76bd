import Contracts
import Postgres
import ServiceKit

/// `matching.joint-team-formed.v1`: each of the six members is told they are on the team.
struct JointTeamFormedHandler: EventHandler {
    let deliveries: DeliveryStore

    func handle(_ batch: [Delivered<JointTeamFormed>], on connection: PostgresConnection) async throws {
        var owed: [DeliveryStore.NewDelivery] = []
        for delivered in batch {
            let team = delivered.event
            for member in Set(team.members.map(\.volunteerId)) {
                let delegation = team.members.first { $0.volunteerId == member }?.delegation.rawValue ?? ""
                var values = [
                    "programName": team.program.rawValue, "delegation": delegation, "teamId": team.teamId.uuidString.lowercased(),
                ]
                if let language = team.workingLanguage { values["workingLanguage"] = language }
                if team.interpreterNeeded { values["interpreterNeeded"] = "yes" }
                owed.append(
                    DeliveryStore.NewDelivery(
                        causeId: delivered.context.messageID, recipientId: member, kind: .jointTeamFormed,
                        correlationId: delivered.context.correlationID, values: values, instants: ["formedAt": team.formedAt]))
            }
        }
        try await deliveries.record(owed, on: connection)
    }
}
