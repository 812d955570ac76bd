import Foundation
import TestSupport

/// The local stack's SMTP server's store (`P2G_STACK_SMTP_STORE`): the messages it received,
/// parsed back as a mail reader would.
struct Mailbox {
    /// One received message.
    struct Mail {
        var headers: [String: String]
        var subject: String
        var plainText: String
        var html: String

        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    static func folder() throws -> URL { URL(fileURLWithPath: try LocalStack.setting("P2G_STACK_SMTP_STORE")) }

    /// The messages delivered to `address`, oldest first.
    static func messages(to address: String) throws -> [Mail] {
        let folder = try folder()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.sorted()
        var found: [Mail] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            guard text.contains("Delivered-To: \(address)\r\n") else { continue }
            found.append(parse(text))
        }
        return found
    }

    /// The messages delivered to `address` as the server stored them (its `Return-Path:` and
    /// `Delivered-To:` lines first), oldest first.
    static func stored(to address: String) throws -> [String] {
        let folder = try folder()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { String(decoding: $0, as: UTF8.self) }
        }.filter { $0.contains("Delivered-To: \(address)\r\n") }
    }

    static func parse(_ text: String) -> Mail {
        let (headers, body) = split(text)
        var plain = ""
        var html = ""
        if let type = headers["content-type"], let range = type.range(of: "boundary=\"") {
            let boundary = String(type[range.upperBound...].prefix { $0 != "\"" })
            for part in body.components(separatedBy: "--\(boundary)") {
                let (partHeaders, partBody) = split(part.trimmingCharacters(in: .newlines))
                let decoded = Data(base64Encoded: partBody.replacingOccurrences(of: "\r\n", with: "")).map {
                    String(decoding: $0, as: UTF8.self)
                }
                if partHeaders["content-type"]?.hasPrefix("text/plain") == true { plain = decoded ?? "" }
                if partHeaders["content-type"]?.hasPrefix("text/html") == true { html = decoded ?? "" }
            }
        }
        return Mail(headers: headers, subject: decodeWords(headers["subject"] ?? ""), plainText: plain, html: html)
    }

    /// Headers (names in lower case, folded lines joined) and the body.
    static func split(_ text: String) -> ([String: String], String) {
        guard let end = text.range(of: "\r\n\r\n") else { return ([:], text) }
        var headers: [String: String] = [:]
        var last: String?
        for line in text[..<end.lowerBound].components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let name = last {
                headers[name, default: ""] += line
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                last = name
            }
        }
        return (headers, String(text[end.upperBound...]))
    }

    /// RFC 2047 encoded words (`=?UTF-8?B?...?=`) decoded.
    static func decodeWords(_ value: String) -> String {
        let words = value.components(separatedBy: .whitespaces).filter { !$0.isEmpty }
        guard words.allSatisfy({ $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") }) else { return value }
        return words.map { word in
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return Data(base64Encoded: String(payload)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }.joined()
    }
}
