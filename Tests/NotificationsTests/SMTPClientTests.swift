import Foundation
import SMTP
import TestSupport
import Testing

/// The SMTP client against the stack's SMTP server program (`deploy/smtp-sink.py`), started
/// by the test with STARTTLS (the local stack's certificate) and a required login.
@Suite("SMTP over STARTTLS with a login", .serialized)
struct SMTPClientTests {
    /// A sink of the test's own on a free port of loopback, offering STARTTLS and requiring
    /// `tester:secret`; stopped at the end.
    static func withSecureSink(_ body: (Int, URL) async throws -> Void) async throws {
        let tls = URL(fileURLWithPath: try LocalStack.setting("P2G_TLS_CA_FILE")).deletingLastPathComponent()
        let port =
            Int(
                try await ChildProcess.run([
                    "/usr/bin/python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])",
                ]).output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        let sink = try ChildProcess.launch(
            [
                "/usr/bin/python3", LocalStack.packageRoot.appendingPathComponent("deploy/smtp-sink.py").path, "--port", "\(port)",
                "--store", store.path, "--tls-cert", tls.appendingPathComponent("server.pem").path, "--tls-key",
                tls.appendingPathComponent("server.key").path, "--auth", "tester:secret",
            ], outputPath: store.path + ".log")
        defer {
            sink.signal(SIGTERM)
            _ = sink.blockingWaitForExit()
            try? FileManager.default.removeItem(at: store)
        }
        // Ready once it listens.
        var ready = false
        for _ in 0..<100 where !ready {
            let connected = try? await ChildProcess.run([
                "/usr/bin/python3", "-c", "import socket; socket.create_connection(('127.0.0.1', \(port)), 1)",
            ])
            ready = FileManager.default.fileExists(atPath: store.path) && connected?.status == 0
            if !ready { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(ready, "the SMTP sink did not start on port \(port)")
        try await body(port, store)
    }

    static func message(to recipient: String) -> [UInt8] {
        Array("From: <sender@example.org>\r\nTo: <\(recipient)>\r\nSubject: secure\r\n\r\nover TLS\r\n".utf8)
    }

    @Test("a message goes over STARTTLS with a login, and a wrong password or a relay without TLS is refused")
    func startTLSAndLogin() async throws {
        let caFile = try LocalStack.setting("P2G_TLS_CA_FILE")
        try await Self.withSecureSink { port, store in
            let client = try SMTPClient(
                configuration: try SMTPConfiguration(
                    url: "smtp://localhost:\(port)", security: .required, username: "tester", password: "secret", caFile: caFile))
            try await client.send(from: "sender@example.org", to: "reader@example.org", message: Self.message(to: "reader@example.org"))
            let files = try FileManager.default.contentsOfDirectory(atPath: store.path).filter { $0.hasSuffix(".eml") }
            #expect(files.count == 1)
            let text = try String(contentsOf: store.appendingPathComponent(files[0]), encoding: .utf8)
            #expect(text.contains("Delivered-To: reader@example.org"))
            #expect(text.contains("over TLS"))

            let wrong = try SMTPClient(
                configuration: try SMTPConfiguration(
                    url: "smtp://localhost:\(port)", security: .required, username: "tester", password: "wrong", caFile: caFile))
            await #expect(throws: SMTPError.self) {
                try await wrong.send(from: "sender@example.org", to: "reader@example.org", message: Self.message(to: "reader@example.org"))
            }
        }
        // The stack's own server offers no TLS: with TLS required, nothing is sent.
        let plain = try SMTPClient(configuration: try SMTPConfiguration(url: try LocalStack.setting("P2G_SMTP_URL"), security: .required))
        do {
            try await plain.send(from: "sender@example.org", to: "plain@example.org", message: Self.message(to: "plain@example.org"))
            Issue.record("a relay without STARTTLS took a message that required it")
        } catch let error as SMTPError {
            #expect(error.code == .invalidConfiguration)
            #expect(!error.description.contains("@"))
        }
    }

    @Test("messages sent at once over several kept-open connections each reach the relay once, to their own recipient")
    func severalConnections() async throws {
        let client = try SMTPClient(configuration: try SMTPConfiguration(url: try LocalStack.setting("P2G_SMTP_URL")), connections: 4)
        #expect(client.connections == 4)
        let run = UUID().uuidString.prefix(8).lowercased()
        let recipients = (0..<40).map { "pool-\(run)-\($0)@example.org" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for recipient in recipients {
                group.addTask { try await client.send(from: "sender@example.org", to: recipient, message: Self.message(to: recipient)) }
            }
            try await group.waitForAll()
        }
        for recipient in recipients {
            #expect(try Mailbox.messages(to: recipient).count == 1, "\(recipient) did not get exactly one message")
        }
    }
}
