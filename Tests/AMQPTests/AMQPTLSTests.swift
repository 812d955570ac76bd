import AMQP
import TestSupport
import Testing

/// `amqps://` through librabbitmq's SSL socket, against the local stack's TLS listener and CA.
@Suite struct AMQPTLSTests {
    @Test func tlsWithTheLocalCAWorks() async throws {
        var configuration = try AMQPConfiguration(url: try LocalStack.setting("P2G_TEST_AMQPS_URL"))
        configuration.tls.caFile = try LocalStack.setting("P2G_TLS_CA_FILE")
        let connection = try await AMQPConnection.connect(configuration, logger: TestBroker.logger)
        let queue = TestBroker.uniqueName("tls")
        try await connection.declare(AMQPQueue(name: queue, durable: false, autoDelete: false))
        let publisher = try await connection.makePublisher()
        try await publisher.publishConfirmed(AMQPMessage(exchange: "", routingKey: queue, body: Array("over tls".utf8)))
        let delivery = try #require(await connection.get(from: queue))
        #expect(delivery.body == Array("over tls".utf8))
        try await delivery.ack()
        try await connection.delete(queue: queue)
        await connection.close()
    }

    @Test func tlsWithAnUntrustedCertificateFailsClearly() async throws {
        let configuration = try AMQPConfiguration(url: try LocalStack.setting("P2G_TEST_AMQPS_URL"))
        let error = try #require(await AMQPConnectionErrorTests().connectionError(configuration))
        #expect(error.code == .tls)
        #expect(error.description.contains("TLS"))
        #expect(error.description.contains("CA"))
    }

    @Test func tlsWithAMissingCAFileNamesTheFile() async throws {
        var configuration = try AMQPConfiguration(url: try LocalStack.setting("P2G_TEST_AMQPS_URL"))
        configuration.tls.caFile = "/nonexistent/ca.pem"
        let error = try #require(await AMQPConnectionErrorTests().connectionError(configuration))
        #expect(error.code == .tls)
        #expect(error.description.contains("cannot load the CA file '/nonexistent/ca.pem'"))
    }
}
