/// Which deliveries of a consumer's channel are still unacknowledged, so that acknowledgements
/// that arrive together can go out as one basic.ack with `multiple` set.
///
/// The broker numbers a channel's deliveries 1, 2, 3...; `multiple` acknowledges every
/// delivery up to the tag that is still outstanding. That is the same as acknowledging them one
/// by one exactly when every outstanding delivery up to the tag is among those being
/// acknowledged, which is what ``plan(acks:)`` checks.
struct DeliveryLedger {
    /// What to send for a group of acknowledgements.
    enum Frame: Equatable {
        case ack(UInt64, multiple: Bool)
    }

    /// `settled[i]` tells whether the delivery with tag `firstTag + i` is settled.
    private var settled: [Bool] = []
    private var firstTag: UInt64 = 1
    /// Every delivery before `head` is settled.
    private var head = 0

    /// Starts over for a new channel.
    mutating func reset() {
        settled.removeAll(keepingCapacity: true)
        firstTag = 1
        head = 0
    }

    /// A delivery arrived.
    mutating func delivered(_ tag: UInt64) {
        let next = firstTag + UInt64(settled.count)
        if tag < next { return }
        // Tags the broker skipped on this channel are not outstanding there.
        for _ in next..<tag {
            settled.append(true)
        }
        settled.append(false)
    }

    /// A settlement sent on its own (nack, reject, or an ack the caller made `multiple`).
    mutating func settle(_ tag: UInt64, multiple: Bool) {
        guard tag >= firstTag else { return }
        let last = min(Int(tag - firstTag), settled.count - 1)
        guard last >= 0 else { return }
        for position in (multiple ? head : last)...last {
            settled[position] = true
        }
        compact()
    }

    /// Marks the acknowledgements settled and returns the fewest frames that send them:
    /// one `multiple` ack for those that close the settled prefix, single acks for the rest.
    mutating func plan(acks: [UInt64]) -> [Frame] {
        guard !acks.isEmpty else { return [] }
        for tag in acks where tag >= firstTag && tag - firstTag < UInt64(settled.count) {
            settled[Int(tag - firstTag)] = true
        }
        while head < settled.count, settled[head] {
            head += 1
        }
        let settledThrough = firstTag + UInt64(head)  // every tag below this is settled
        var frames: [Frame] = []
        var prefixEnd: UInt64?
        for tag in acks.sorted() {
            if tag < settledThrough {
                prefixEnd = tag
            } else {
                frames.append(.ack(tag, multiple: false))
            }
        }
        if let prefixEnd {
            let covered = acks.lazy.filter { $0 <= prefixEnd }.count
            frames.insert(.ack(prefixEnd, multiple: covered > 1), at: 0)
        }
        compact()
        return frames
    }

    private mutating func compact() {
        while head < settled.count, settled[head] {
            head += 1
        }
        if head == settled.count {
            firstTag += UInt64(head)
            settled.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 4096, head * 2 >= settled.count {
            firstTag += UInt64(head)
            settled.removeFirst(head)
            head = 0
        }
    }
}
