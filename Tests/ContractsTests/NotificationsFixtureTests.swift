import Contracts
import Foundation
import Testing

/// The notifications service's events against their golden fixtures.
@Suite("Golden fixtures of the notifications service")
struct NotificationsFixtureTests {
    static let succeeded = DeliverySucceeded(
        deliveryId: UUID(uuidString: "0190a5c3-7e1f-7c00-8000-000000000041")!,
        recipientId: UUID(uuidString: "0190a5c3-7e1f-7b00-8000-000000000031")!, channel: "email", kind: "joint-team-formed",
        causeId: UUID(uuidString: "0190a5c3-7e1f-7d00-8000-000000000051")!, attempts: 2,
        deliveredAt: Date(timeIntervalSince1970: 1_736_928_003))

    @Test("notifications.delivery-succeeded.v1 encodes to its fixture and decodes from it")
    func deliverySucceeded() throws {
        let fixture = try GoldenFixtureTests.fixture(DeliverySucceeded.eventType)
        #expect(try GoldenFixtureTests.sameJSON(ContractCoding.encode(Self.succeeded), fixture))
        #expect(try ContractCoding.decode(DeliverySucceeded.self, from: fixture) == Self.succeeded)
    }

    static let failed = DeliveryFailed(
        deliveryId: UUID(uuidString: "0190a5c3-7e1f-7c00-8000-000000000042")!,
        recipientId: UUID(uuidString: "0190a5c3-7e1f-7b00-8000-000000000031")!, channel: "email", kind: "volunteer-welcome",
        causeId: UUID(uuidString: "0190a5c3-7e1f-7d00-8000-000000000052")!, attempts: 1, permanent: true, replyCode: 550,
        reason: "smtp permanent failure: Failed sending data to the peer (reply 550)", failedAt: Date(timeIntervalSince1970: 1_736_928_001))

    @Test("notifications.delivery-failed.v1 encodes to its fixture and decodes from it")
    func deliveryFailed() throws {
        let fixture = try GoldenFixtureTests.fixture(DeliveryFailed.eventType)
        #expect(try GoldenFixtureTests.sameJSON(ContractCoding.encode(Self.failed), fixture))
        #expect(try ContractCoding.decode(DeliveryFailed.self, from: fixture) == Self.failed)
    }
}
