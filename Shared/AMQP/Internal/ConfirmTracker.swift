/// The publisher-confirm bookkeeping of one channel in confirm mode: which delivery tag is
/// which message of which batch, and what the broker said about it.
///
/// The broker numbers a channel's publishes 1, 2, 3... and answers each with basic.ack or
/// basic.nack, possibly for many at once (`multiple`). A mandatory message that no queue took
/// comes back as basic.return *before* its ack; a return carries no delivery tag, so it is
/// matched to the oldest unconfirmed message of the channel with the same exchange, routing
/// key, message id and body (returns come in publishing order, so among identical messages
/// the oldest is the right one), and that message fails when its ack arrives.
struct ConfirmTracker {
    private struct Entry {
        let batch: PublishBatch
        let index: Int
        var returned: AMQPPublishError.Reason?
    }

    /// `entries[i]` is the message with delivery tag `firstTag + i`; nil once settled.
    private var entries: [Entry?] = []
    private var firstTag: UInt64 = 1
    /// Every entry before `head` is settled.
    private var head = 0
    private var unsettled = 0

    /// The delivery tag the next publish gets.
    private(set) var nextTag: UInt64 = 1

    /// How many published messages await their confirm.
    var pendingCount: Int { unsettled }

    /// Starts over for a newly opened channel, whose tags start at 1 again. Fails whatever
    /// was still pending with `reason`.
    mutating func reset(failingPendingWith reason: AMQPPublishError.Reason) {
        failAll(reason)
        entries.removeAll(keepingCapacity: true)
        firstTag = 1
        head = 0
        nextTag = 1
    }

    /// Records that message `index` of `batch` was just published; returns its delivery tag.
    @discardableResult
    mutating func track(_ batch: PublishBatch, index: Int) -> UInt64 {
        let tag = nextTag
        entries.append(Entry(batch: batch, index: index, returned: nil))
        nextTag += 1
        unsettled += 1
        return tag
    }

    /// basic.ack: the broker took responsibility for `tag` (and every earlier one if `multiple`).
    mutating func ack(_ tag: UInt64, multiple: Bool) {
        settle(tag, multiple: multiple) { entry in
            if let reason = entry.returned {
                entry.batch.fail(entry.index, reason)
            } else {
                entry.batch.settle(entry.index, .success(()))
            }
        }
    }

    /// basic.nack: the broker could not take `tag` (and every earlier one if `multiple`).
    mutating func nack(_ tag: UInt64, multiple: Bool) {
        settle(tag, multiple: multiple) { entry in
            entry.batch.fail(entry.index, entry.returned ?? .nacked)
        }
    }

    /// basic.return: the broker could not route a mandatory message; its ack follows.
    mutating func returned(
        exchange: String, routingKey: String, messageID: String?, body: [UInt8], replyCode: UInt16, replyText: String
    ) -> Bool {
        for position in head..<entries.count {
            guard let entry = entries[position], entry.returned == nil else { continue }
            let message = entry.batch.messages[entry.index]
            if message.mandatory, message.exchange == exchange, message.routingKey == routingKey,
                message.properties.messageID == messageID, message.body == body
            {
                entries[position]?.returned = .returned(replyCode: replyCode, replyText: replyText)
                return true
            }
        }
        return false
    }

    /// The channel or connection is gone: every unconfirmed message fails with `reason`.
    mutating func failAll(_ reason: AMQPPublishError.Reason) {
        for position in head..<entries.count {
            guard let entry = entries[position] else { continue }
            entries[position] = nil
            unsettled -= 1
            entry.batch.fail(entry.index, entry.returned ?? reason)
        }
        compact()
    }

    /// Gives every unconfirmed message the outcome `reason` now, but keeps its delivery tag:
    /// the broker's late confirm then finds it settled already, and changes nothing.
    func failUnsettled(_ reason: AMQPPublishError.Reason) {
        for position in head..<entries.count {
            guard let entry = entries[position] else { continue }
            entry.batch.fail(entry.index, entry.returned ?? reason)
        }
    }

    private mutating func settle(_ tag: UInt64, multiple: Bool, _ outcome: (Entry) -> Void) {
        guard tag >= firstTag else { return }
        let last = Int(tag - firstTag)
        guard last < entries.count else { return }
        let first = multiple ? head : last
        guard first <= last else { return }
        for position in first...last {
            guard let entry = entries[position] else { continue }
            entries[position] = nil
            unsettled -= 1
            outcome(entry)
        }
        compact()
    }

    private mutating func compact() {
        while head < entries.count, entries[head] == nil {
            head += 1
        }
        if head == entries.count {
            firstTag += UInt64(head)
            entries.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 4096, head * 2 >= entries.count {
            firstTag += UInt64(head)
            entries.removeFirst(head)
            head = 0
        }
    }
}
