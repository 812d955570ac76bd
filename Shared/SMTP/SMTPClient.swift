import CCurl
import Foundation
import Logging

/// Hands e-mail to an SMTP relay through libcurl's SMTP client: STARTTLS and login as the
/// configuration says, one message and one recipient per exchange, on threads of its own.
///
/// Each of its `connections` threads owns one libcurl handle, whose connection stays open
/// between messages (libcurl keeps it on the handle) and is opened again when the relay closed
/// it; so up to `connections` messages are in flight at once, each on its own connection.
public final class SMTPClient: Sendable {
    private let configuration: SMTPConfiguration
    private let threads: MailThreads<CurlHandle>
    /// How many messages can be in flight at once.
    public let connections: Int

    /// libcurl's global state, set up once before the first handle.
    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    public init(configuration: SMTPConfiguration, connections: Int = 1) throws {
        guard Self.globalInit == CURLE_OK else { throw SMTPError(.invalidConfiguration, "libcurl could not be initialised") }
        guard connections >= 1 else { throw SMTPError(.invalidConfiguration, "an SMTP client needs at least one connection") }
        var handles: [CurlHandle] = []
        for _ in 0..<connections {
            guard let easy = curl_easy_init() else {
                for handle in handles { handle.close() }
                throw SMTPError(.invalidConfiguration, "libcurl could not make a handle")
            }
            handles.append(CurlHandle(easy))
        }
        self.configuration = configuration
        self.connections = connections
        self.threads = MailThreads(name: "smtp \(configuration.safeDescription)", handles: handles, onExit: { $0.close() })
    }

    deinit {
        threads.stop()
    }

    /// Sends `message` (the whole RFC 5322 text, CRLF line ends) from `sender` to `recipient`,
    /// on the first free connection. Throws ``SMTPError``: temporary for a 4xx reply or a relay
    /// that could not be reached, permanent for a 5xx one.
    public func send(from sender: String, to recipient: String, message: [UInt8]) async throws {
        let configuration = configuration
        try await threads.perform { handle in
            try handle.send(from: sender, to: recipient, message: message, configuration: configuration)
        }
    }
}

/// A libcurl easy handle, used only on the thread that owns it.
final class CurlHandle: @unchecked Sendable {
    private var easy: UnsafeMutableRawPointer?

    init(_ easy: UnsafeMutableRawPointer) {
        self.easy = easy
    }

    func close() {
        if let easy { curl_easy_cleanup(easy) }
        easy = nil
    }

    /// What the read callback hands libcurl: the message, from where it got to.
    final class Upload {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    func send(from sender: String, to recipient: String, message: [UInt8], configuration: SMTPConfiguration) throws {
        guard let easy else { throw SMTPError(.invalidConfiguration, "the SMTP client was closed") }
        curl_easy_reset(easy)
        let recipients: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "<\(recipient)>")
        defer { curl_slist_free_all(recipients) }
        let upload = Upload(message)
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }

        try check(p2g_curl_setopt_string(easy, CURLOPT_URL, configuration.url), "CURLOPT_URL")
        try check(p2g_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
        try check(p2g_curl_setopt_string(easy, CURLOPT_MAIL_FROM, "<\(sender)>"), "CURLOPT_MAIL_FROM")
        try check(p2g_curl_setopt_pointer(easy, CURLOPT_MAIL_RCPT, recipients), "CURLOPT_MAIL_RCPT")
        let security: curl_usessl =
            switch configuration.security {
            case .required: CURLUSESSL_ALL
            case .opportunistic: CURLUSESSL_TRY
            case .off: CURLUSESSL_NONE
            }
        try check(p2g_curl_setopt_long(easy, CURLOPT_USE_SSL, Int(security.rawValue)), "CURLOPT_USE_SSL")
        if let caFile = configuration.caFile { try check(p2g_curl_setopt_string(easy, CURLOPT_CAINFO, caFile), "CURLOPT_CAINFO") }
        if let username = configuration.username {
            try check(p2g_curl_setopt_string(easy, CURLOPT_USERNAME, username), "CURLOPT_USERNAME")
            try check(p2g_curl_setopt_string(easy, CURLOPT_PASSWORD, configuration.password ?? ""), "CURLOPT_PASSWORD")
        }
        // The EHLO name: libcurl takes it from the URL's path.
        try check(
            p2g_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(configuration.connectTimeout)), "CURLOPT_CONNECTTIMEOUT_MS")
        try check(p2g_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, milliseconds(configuration.messageTimeout)), "CURLOPT_TIMEOUT_MS")
        try check(p2g_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1), "CURLOPT_NOSIGNAL")
        try check(p2g_curl_setopt_long(easy, CURLOPT_UPLOAD, 1), "CURLOPT_UPLOAD")
        try check(p2g_curl_setopt_long(easy, CURLOPT_INFILESIZE_LARGE, Int(message.count)), "CURLOPT_INFILESIZE_LARGE")
        try check(p2g_curl_setopt_read_function(easy, readMessage), "CURLOPT_READFUNCTION")
        let context = Unmanaged.passRetained(upload)
        defer { context.release() }
        try check(p2g_curl_setopt_pointer(easy, CURLOPT_READDATA, context.toOpaque()), "CURLOPT_READDATA")

        let result = curl_easy_perform(easy)
        guard result != CURLE_OK else { return }
        var reply = 0
        _ = p2g_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &reply)
        let name = String(cString: curl_easy_strerror(result))
        let detail = String(cString: errorBuffer)
        switch result {
        case CURLE_USE_SSL_FAILED, CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_LOGIN_DENIED:
            throw SMTPError(.invalidConfiguration, name, replyCode: reply == 0 ? nil : reply, detail: detail)
        default:
            let code: SMTPError.Code = (500...599).contains(reply) ? .permanent : .temporary
            throw SMTPError(code, name, replyCode: reply == 0 ? nil : reply, detail: detail)
        }
    }

    private func check(_ result: CURLcode, _ option: String) throws {
        guard result == CURLE_OK else {
            throw SMTPError(.invalidConfiguration, "libcurl refused \(option): \(String(cString: curl_easy_strerror(result)))")
        }
    }

    private func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// libcurl's read callback: the next bytes of the message.
private func readMessage(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let context else { return 0 }
    let upload = Unmanaged<CurlHandle.Upload>.fromOpaque(context).takeUnretainedValue()
    let length = min(size * count, upload.bytes.count - upload.offset)
    guard length > 0 else { return 0 }
    upload.bytes.withUnsafeBytes { bytes in
        guard let base = bytes.baseAddress else { return }
        UnsafeMutableRawPointer(buffer).copyMemory(from: base + upload.offset, byteCount: length)
    }
    upload.offset += length
    return length
}
