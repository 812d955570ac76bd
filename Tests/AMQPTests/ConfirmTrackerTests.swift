import Testing

@testable import AMQP

/// The confirm bookkeeping, fed the broker's answers by hand.
@Suite struct ConfirmTrackerTests {
    final class Outcomes: @unchecked Sendable {
        var value: [Result<Void, AMQPPublishError>]?
    }

    func message(_ key: String, id: String? = nil, mandatory: Bool = true) -> AMQPMessage {
        AMQPMessage(
            exchange: "x", routingKey: key, body: Array(key.utf8), properties: AMQPProperties(messageID: id),
            mandatory: mandatory)
    }

    func batch(_ messages: [AMQPMessage], into tracker: inout ConfirmTracker) -> (PublishBatch, Outcomes) {
        let outcomes = Outcomes()
        let batch = PublishBatch(messages: messages) { outcomes.value = $0 }
        for index in messages.indices {
            tracker.track(batch, index: index)
        }
        return (batch, outcomes)
    }

    func failedIndexes(_ outcomes: Outcomes) -> [Int] {
        (outcomes.value ?? []).enumerated().compactMap { index, outcome in
            if case .failure = outcome { return index }
            return nil
        }
    }

    @Test func aBatchCompletesWhenItsLastMessageIsAcked() {
        var tracker = ConfirmTracker()
        let (_, outcomes) = batch((0..<3).map { message("k\($0)") }, into: &tracker)
        tracker.ack(1, multiple: false)
        tracker.ack(3, multiple: false)
        #expect(outcomes.value == nil)
        tracker.ack(2, multiple: false)
        #expect(outcomes.value?.count == 3)
        #expect(failedIndexes(outcomes).isEmpty)
        #expect(tracker.pendingCount == 0)
    }

    @Test func aMultipleAckSettlesEveryEarlierMessage() {
        var tracker = ConfirmTracker()
        let (_, first) = batch((0..<4).map { message("a\($0)") }, into: &tracker)
        let (_, second) = batch((0..<4).map { message("b\($0)") }, into: &tracker)
        tracker.ack(6, multiple: true)
        #expect(failedIndexes(first) == [])
        #expect(second.value == nil)
        tracker.ack(8, multiple: true)
        #expect(failedIndexes(second) == [])
    }

    @Test func aNackFailsExactlyTheMessagesItCovers() {
        var tracker = ConfirmTracker()
        let (_, outcomes) = batch((0..<6).map { message("k\($0)") }, into: &tracker)
        tracker.ack(2, multiple: true)
        tracker.nack(4, multiple: true)
        tracker.ack(6, multiple: true)
        #expect(failedIndexes(outcomes) == [2, 3])
        if case .failure(let error) = outcomes.value?[2] {
            #expect(error.reason == .nacked)
            #expect(error.isRetryable)
        }
    }

    @Test func aReturnFailsOnlyTheReturnedMessageWhenItsAckArrives() {
        var tracker = ConfirmTracker()
        let messages = (0..<5).map { message("k\($0)", id: "m\($0)") }
        let (_, outcomes) = batch(messages, into: &tracker)
        // The broker may confirm earlier messages after the return of a later one.
        let matched = tracker.returned(
            exchange: "x", routingKey: "k3", messageID: "m3", body: Array("k3".utf8), replyCode: 312,
            replyText: "NO_ROUTE")
        #expect(matched)
        tracker.ack(4, multiple: false)
        tracker.ack(3, multiple: true)
        tracker.ack(5, multiple: false)
        #expect(failedIndexes(outcomes) == [3])
        if case .failure(let error) = outcomes.value?[3] {
            #expect(error.reason == .returned(replyCode: 312, replyText: "NO_ROUTE"))
            #expect(error.messageID == "m3")
            #expect(error.index == 3)
        }
    }

    @Test func identicalReturnedMessagesAreMatchedOldestFirst() {
        var tracker = ConfirmTracker()
        let messages = [message("same"), message("other"), message("same"), message("same")]
        let (_, outcomes) = batch(messages, into: &tracker)
        for _ in 0..<2 {
            let matched = tracker.returned(
                exchange: "x", routingKey: "same", messageID: nil, body: Array("same".utf8), replyCode: 312,
                replyText: "NO_ROUTE")
            #expect(matched)
        }
        tracker.ack(4, multiple: true)
        #expect(failedIndexes(outcomes) == [0, 2])
    }

    @Test func aReturnOfANonMandatoryMessageMatchesNothing() {
        var tracker = ConfirmTracker()
        _ = batch([message("k", mandatory: false)], into: &tracker)
        let matched = tracker.returned(
            exchange: "x", routingKey: "k", messageID: nil, body: Array("k".utf8), replyCode: 312,
            replyText: "NO_ROUTE")
        #expect(!matched)
    }

    @Test func aLostChannelFailsEveryUnconfirmedMessageAndNoOther() {
        var tracker = ConfirmTracker()
        let (_, outcomes) = batch((0..<4).map { message("k\($0)") }, into: &tracker)
        tracker.ack(2, multiple: true)
        tracker.reset(failingPendingWith: .connectionLost("socket closed"))
        #expect(failedIndexes(outcomes) == [2, 3])
        #expect(tracker.nextTag == 1)
        if case .failure(let error) = outcomes.value?[3] {
            #expect(error.isRetryable)
        }
    }

    @Test func manyBatchesKeepTagsInStep() {
        var tracker = ConfirmTracker()
        var all: [Outcomes] = []
        for round in 0..<50 {
            let (_, outcomes) = batch((0..<200).map { message("r\(round)-\($0)") }, into: &tracker)
            all.append(outcomes)
            tracker.ack(tracker.nextTag - 1, multiple: true)
        }
        #expect(all.allSatisfy { $0.value?.count == 200 && failedIndexes($0).isEmpty })
        #expect(tracker.pendingCount == 0)
        #expect(tracker.nextTag == 10_001)
    }
}
