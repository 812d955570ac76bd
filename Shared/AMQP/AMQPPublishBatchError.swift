/// Some messages of a batch were not confirmed; the others were.
public struct AMQPPublishBatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The failed messages, in batch order; each carries its index in the batch.
    public let failures: [AMQPPublishError]
    /// How many messages the batch had.
    public let batchSize: Int

    /// Whether publishing the failed messages again can succeed.
    public var isRetryable: Bool { failures.allSatisfy(\.isRetryable) }

    /// The batch indexes of the failed messages.
    public var failedIndexes: [Int] { failures.map(\.index) }

    public var description: String {
        let shown = failures.prefix(3).map(\.description).joined(separator: "; ")
        let more = failures.count > 3 ? "; and \(failures.count - 3) more" : ""
        return "\(failures.count) of \(batchSize) messages were not confirmed: \(shown)\(more)"
    }
}
