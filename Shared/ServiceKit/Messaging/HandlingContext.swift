import Contracts
import Foundation

/// The message an event was delivered in: the events a handler writes in turn carry the same
/// workflow (correlation id), this message as their cause, and the same trace.
public struct HandlingContext: Sendable {
    public let messageID: UUID
    public let type: MessageType
    /// The workflow this message belongs to.
    public let correlationID: String?
    public let trace: TraceContext?
    /// 1 for the first delivery, 2 after the first delayed retry, and so on.
    public let attempt: Int
    /// The queue it came from.
    public let queue: String
}
