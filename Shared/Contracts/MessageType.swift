/// A message's versioned type, `<service>.<name>.v<N>`: an integration event's, named after the
/// service that publishes it (`registry.community-registered.v1`), or a command's, named after
/// the service it is addressed to (`registry.register-community.v1`). It is the AMQP `type`
/// property and the routing key on `p2g.events` or `p2g.commands`.
public struct MessageType: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The short name of the service that publishes the event, or that the command is for.
    public let service: String
    /// The name in lower case with hyphens, e.g. `community-registered`.
    public let name: String
    /// The contract version; a breaking change is a new version.
    public let version: Int

    /// A type name that is not of the form `<service>.<event-name>.v<N>`.
    public struct Malformed: Error, CustomStringConvertible {
        public let text: String
        public var description: String { "'\(text)' is not an event type of the form <service>.<event-name>.v<N>" }
    }

    public init(service: String, name: String, version: Int) {
        self.service = service
        self.name = name
        self.version = version
    }

    /// Parses `registry.community-registered.v1`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        func isName(_ part: Substring) -> Bool {
            !part.isEmpty && part.first != "-" && part.last != "-"
                && part.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        guard parts.count == 3, isName(parts[0]), isName(parts[1]), parts[2].hasPrefix("v"),
            let version = Int(parts[2].dropFirst()), version > 0
        else { throw Malformed(text: text) }
        self.init(service: String(parts[0]), name: String(parts[1]), version: version)
    }

    /// `<service>.<event-name>`, the type without its version.
    public var unversioned: String { "\(service).\(name)" }

    public var description: String { "\(service).\(name).v\(version)" }

    public init(from decoder: Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
