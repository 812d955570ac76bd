import Contracts
import Postgres
import ServiceKit

/// `matching.pairing-confirmed.v1`: a confirmed Communities2Gether pairing's commitment becomes
/// one committed funding flow a year, as `POST /pairing-commitments` records it, once per
/// pairing however often the event comes. A pairing that commits no money changes nothing here.
/// A commitment the registry refuses (a community it does not know, other terms than the ones
/// recorded) is parked with the reason: sending it again cannot help.
struct PairingConfirmedHandler: EventHandler {
    let store: FundingStore

    func handle(_ batch: [Delivered<PairingConfirmed>], on connection: PostgresConnection) async throws {
        for delivered in batch {
            let event = delivered.event
            guard let commitment = event.commitment else { continue }
            let terms = ValidPairingCommitment(
                pairingId: event.pairingId, supportingCommunityId: event.supportingCommunityId,
                impactedCommunityId: event.impactedCommunityId, amountPerYear: commitment.amountPerYear, years: commitment.years,
                confirmedAt: event.confirmedAt)
            switch try await store.recordPairingCommitment(terms, on: connection, causedBy: delivered.context) {
            case .success: continue
            case .failure(.invalid(let input)): throw PermanentFailure(input.description)
            case .failure(.conflict(let reason)), .failure(.notFound(let reason)): throw PermanentFailure(reason)
            case .failure(.overCost(let overCost)): throw PermanentFailure("\(overCost)")
            }
        }
    }
}
