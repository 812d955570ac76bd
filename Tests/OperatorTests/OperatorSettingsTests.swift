import Contracts
import Operator
import Testing

/// Where p2gctl looks for the services and the broker.
@Suite struct OperatorSettingsTests {
    @Test func aServiceIsFoundByItsURLThenItsLocalPortThenItsDefaultPort() throws {
        let settings = OperatorSettings(environment: [
            "P2G_REGISTRY_URL": "http://registry.p2g.svc:8081",
            "P2G_MATCHING_HTTP_PORT": "18082",
        ])
        #expect(try settings.baseURL(of: .registry).absoluteString == "http://registry.p2g.svc:8081")
        #expect(try settings.baseURL(of: .matching).absoluteString == "http://127.0.0.1:18082")
        #expect(try settings.baseURL(of: .notifications).absoluteString == "http://127.0.0.1:8084")
    }

    @Test func aBadAddressIsRefusedNamingTheVariable() {
        #expect(throws: OperatorError.self) {
            try OperatorSettings(environment: ["P2G_SCHEDULING_URL": "scheduling:8083"]).baseURL(of: .scheduling)
        }
        do {
            _ = try OperatorSettings(environment: ["P2G_SCHEDULING_HTTP_PORT": "eighty"]).baseURL(of: .scheduling)
            Issue.record("a port that is not a number was accepted")
        } catch {
            #expect(error.description.contains("P2G_SCHEDULING_HTTP_PORT"))
        }
    }

    @Test func withoutABrokerURLTheErrorSaysWhatToSet() {
        do {
            _ = try OperatorSettings(environment: [:]).amqpConfiguration()
            Issue.record("no P2G_AMQP_URL was accepted")
        } catch {
            #expect(error.description.hasPrefix("P2G_AMQP_URL is not set"))
        }
    }

    @Test func servicesAreNamedByTheirShortOrExecutableName() {
        #expect(ServiceIdentity.named("notifications") == ServiceIdentity.notifications)
        #expect(ServiceIdentity.named("pairing-matching") == ServiceIdentity.matching)
        #expect(ServiceIdentity.named("Registry") == ServiceIdentity.registry)
        #expect(ServiceIdentity.named("billing") == nil)
    }
}
