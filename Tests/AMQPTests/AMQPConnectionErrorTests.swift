import AMQP
import Foundation
import TestSupport
import Testing

/// Each way of getting the connection wrong gives one error that says what to fix.
@Suite struct AMQPConnectionErrorTests {
    func connectionError(_ configuration: AMQPConfiguration) async -> AMQPError? {
        do {
            let connection = try await AMQPConnection.connect(configuration, logger: TestBroker.logger)
            await connection.close()
            return nil
        } catch {
            return error
        }
    }

    @Test func aWrongPasswordNamesTheUserAndVhost() async throws {
        var configuration = try TestBroker.configuration()
        configuration.password = "not-the-password"
        let error = try #require(await connectionError(configuration))
        #expect(error.code == .authenticationFailed)
        #expect(
            error.description.hasPrefix("authentication failed for user 'p2g' on vhost 'p2g_test' at 127.0.0.1:"))
        #expect(error.description.contains("check the user name and password"))
        #expect(!error.description.contains("not-the-password"))
        #expect(!error.isRetryable)
    }

    @Test func aMissingVhostIsNamed() async throws {
        var configuration = try TestBroker.configuration()
        configuration.vhost = "no-such-vhost"
        let error = try #require(await connectionError(configuration))
        #expect(error.code == .vhostNotFound)
        #expect(error.description.contains("the vhost 'no-such-vhost' does not exist"))
        #expect(!error.isRetryable)
    }

    @Test func aServerThatIsDownIsNamedByHostAndPort() async throws {
        var configuration = try TestBroker.configuration()
        configuration.port = try Self.closedPort()
        let error = try #require(await connectionError(configuration))
        #expect(error.code == .unreachable)
        #expect(error.description.contains("cannot reach the AMQP broker at 127.0.0.1:\(configuration.port)"))
        #expect(error.description.contains("connection refused"))
        #expect(error.isRetryable)
    }

    @Test func anUnknownHostIsNamed() async throws {
        var configuration = try TestBroker.configuration()
        configuration.host = "no-such-host.invalid"
        let error = try #require(await connectionError(configuration))
        #expect(error.code == .unreachable)
        #expect(error.description.contains("cannot resolve the AMQP broker's host 'no-such-host.invalid'"))
    }

    @Test func aPortThatDoesNotSpeakAMQPIsNamed() async throws {
        var configuration = try TestBroker.configuration()
        configuration.port = try #require(Int(try LocalStack.setting("P2G_STACK_PG_PORT")))
        configuration.connectTimeout = .seconds(3)
        let error = try #require(await connectionError(configuration))
        #expect(error.description.contains("127.0.0.1:\(configuration.port)"))
        #expect(error.description.contains("AMQP"))
    }

    @Test func aBadURLIsRefusedBeforeConnecting() throws {
        let url = try LocalStack.testAMQPURL().replacingOccurrences(of: "amqp://", with: "amqq://")
        #expect {
            _ = try AMQPConfiguration(url: url)
        } throws: { error in
            (error as? AMQPError)?.code == .invalidURL && "\(error)".contains("scheme 'amqq'")
        }
    }

    /// A loopback port nothing listens on: bound, then released.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
