import Contracts
import Testing

@Suite("Event type names")
struct EventTypeTests {
    @Test("a versioned name parses into service, name and version")
    func parses() throws {
        let type = try MessageType(parsing: "registry.community-registered.v1")
        #expect(type == CommunityRegistered.eventType)
        #expect(type.unversioned == "registry.community-registered")
        #expect(type.description == "registry.community-registered.v1")
    }

    @Test(
        "names that break the convention are refused",
        arguments: [
            "registry.community-registered", "Registry.community-registered.v1", "registry.community_registered.v1",
            "registry.community-registered.v0", "registry..v1", "registry.community-registered.v1.extra", "",
        ])
    func refusesMalformed(text: String) {
        #expect(throws: MessageType.Malformed.self) { try MessageType(parsing: text) }
    }
}
