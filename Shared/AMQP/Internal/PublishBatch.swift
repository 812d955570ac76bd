/// One batch handed to ``AMQPPublisher/publish(_:)``: its messages and the outcome of each so
/// far. Lives on the connection's thread; `completion` runs once, when every message is settled.
final class PublishBatch {
    let messages: [AMQPMessage]
    private var outcomes: [Result<Void, AMQPPublishError>?]
    private var remaining: Int
    private var completion: (([Result<Void, AMQPPublishError>]) -> Void)?

    init(messages: [AMQPMessage], completion: @escaping ([Result<Void, AMQPPublishError>]) -> Void) {
        self.messages = messages
        self.outcomes = Array(repeating: nil, count: messages.count)
        self.remaining = messages.count
        self.completion = completion
        finishIfSettled()
    }

    /// Whether every message has its outcome.
    var isSettled: Bool { remaining == 0 }

    /// Records the outcome of the message at `index`; the first outcome wins.
    func settle(_ index: Int, _ outcome: Result<Void, AMQPPublishError>) {
        guard outcomes[index] == nil else { return }
        outcomes[index] = outcome
        remaining -= 1
        finishIfSettled()
    }

    /// Fails the message at `index` for the given reason.
    func fail(_ index: Int, _ reason: AMQPPublishError.Reason) {
        settle(index, .failure(AMQPPublishError(reason, index: index, message: messages[index])))
    }

    /// Fails every message from `index` on that has no outcome yet.
    func failRemaining(from index: Int, _ reason: AMQPPublishError.Reason) {
        for position in index..<messages.count where outcomes[position] == nil {
            fail(position, reason)
        }
    }

    private func finishIfSettled() {
        guard remaining == 0, let completion else { return }
        self.completion = nil
        completion(
            outcomes.enumerated().map { index, outcome in
                outcome ?? .failure(AMQPPublishError(.connectionClosed("no outcome"), index: index, message: messages[index]))
            })
    }
}
