import Testing

@testable import AMQP

/// Acks that arrive together go out as one `multiple` ack only when that acks nothing else.
@Suite struct DeliveryLedgerTests {
    func ledger(delivered count: UInt64) -> DeliveryLedger {
        var ledger = DeliveryLedger()
        for tag in 1...count {
            ledger.delivered(tag)
        }
        return ledger
    }

    @Test func contiguousAcksFromTheOldestBecomeOneMultipleAck() {
        var ledger = ledger(delivered: 5)
        #expect(ledger.plan(acks: [1, 2, 3]) == [.ack(3, multiple: true)])
        #expect(ledger.plan(acks: [5, 4]) == [.ack(5, multiple: true)])
    }

    @Test func anAckBeyondAnOutstandingDeliveryGoesAlone() {
        var ledger = ledger(delivered: 5)
        // Delivery 2 is still in hand: acking 3 with multiple would ack it too.
        #expect(ledger.plan(acks: [1, 3, 4]) == [.ack(1, multiple: false), .ack(3, multiple: false), .ack(4, multiple: false)])
        #expect(ledger.plan(acks: [2]) == [.ack(2, multiple: false)])
        #expect(ledger.plan(acks: [5]) == [.ack(5, multiple: false)])
    }

    @Test func deliveriesSettledEarlierDoNotBlockAMultipleAck() {
        var ledger = ledger(delivered: 6)
        ledger.settle(2, multiple: false)  // rejected on its own, already sent
        #expect(ledger.plan(acks: [1, 3, 4]) == [.ack(4, multiple: true)])
        ledger.settle(6, multiple: false)
        #expect(ledger.plan(acks: [5]) == [.ack(5, multiple: false)])
    }

    @Test func aResetStartsTheTagsOver() {
        var ledger = ledger(delivered: 3)
        ledger.reset()
        ledger.delivered(1)
        ledger.delivered(2)
        #expect(ledger.plan(acks: [1, 2]) == [.ack(2, multiple: true)])
    }

    @Test func manyRoundsStayInStep() {
        var ledger = DeliveryLedger()
        var next: UInt64 = 1
        for _ in 0..<100 {
            let tags = (next..<next + 100).map { $0 }
            for tag in tags { ledger.delivered(tag) }
            next += 100
            #expect(ledger.plan(acks: Array(tags.reversed())) == [.ack(tags[99], multiple: true)])
        }
    }
}
