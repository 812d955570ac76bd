import Synchronization
import Testing

@testable import ServiceKit

/// The outbox relay's workers share one doorbell: a NOTIFY wakes one of them, shutdown wakes all.
@Suite("Doorbell shared by several loops", .timeLimit(.minutes(1)))
struct DoorbellTests {
    /// Long enough that a wait returning means it was rung, not timed out.
    static let forever = Duration.seconds(3600)

    /// The loops that woke, in order.
    final class Woken: Sendable {
        private let names = Mutex<[String]>([])
        func append(_ name: String) { names.withLock { $0.append(name) } }
        var all: [String] { names.withLock { $0 } }
    }

    /// Starts a loop that waits once and then records `name`.
    static func waiter(_ doorbell: Doorbell, _ name: String, woken: Woken) -> Task<Void, Never> {
        Task {
            await doorbell.wait(timeout: forever)
            woken.append(name)
        }
    }

    /// Polls `condition`; gives up when the test's time limit cancels it.
    static func until(_ condition: () -> Bool) async {
        while !condition(), !Task.isCancelled { try? await Task.sleep(for: .milliseconds(1)) }
    }

    @Test("a ring wakes only the loop that has waited longest")
    func ringWakesOne() async {
        let doorbell = Doorbell()
        let woken = Woken()
        _ = Self.waiter(doorbell, "first", woken: woken)
        await Self.until { doorbell.waiting == 1 }
        _ = Self.waiter(doorbell, "second", woken: woken)
        await Self.until { doorbell.waiting == 2 }

        doorbell.ring()
        await Self.until { !woken.all.isEmpty }
        #expect(woken.all == ["first"])
        #expect(doorbell.waiting == 1)

        doorbell.ring()
        await Self.until { woken.all.count == 2 }
        #expect(woken.all == ["first", "second"])
        #expect(doorbell.waiting == 0)
    }

    @Test("a ring while nobody waits is kept for the next wait, once")
    func ringIsKept() async {
        let doorbell = Doorbell()
        doorbell.ring()
        doorbell.ring()
        await doorbell.wait(timeout: Self.forever)
        // Two rings while nobody waited are one: the next wait runs to its timeout.
        let clock = ContinuousClock()
        let started = clock.now
        await doorbell.wait(timeout: .milliseconds(20))
        #expect(clock.now - started >= .milliseconds(20))
    }

    @Test("ringing all wakes every waiting loop, and the next wait too")
    func ringAllWakesEveryone() async {
        let doorbell = Doorbell()
        let woken = Woken()
        for name in ["a", "b", "c"] { _ = Self.waiter(doorbell, name, woken: woken) }
        await Self.until { doorbell.waiting == 3 }

        doorbell.ringAll()
        await Self.until { woken.all.count == 3 }
        #expect(Set(woken.all) == ["a", "b", "c"])
        await doorbell.wait(timeout: Self.forever)
        #expect(doorbell.waiting == 0)
    }

    @Test("a wait that times out leaves no waiter behind to swallow the next ring")
    func timeoutLeavesNothing() async {
        let doorbell = Doorbell()
        await doorbell.wait(timeout: .milliseconds(10))
        #expect(doorbell.waiting == 0)

        let woken = Woken()
        _ = Self.waiter(doorbell, "next", woken: woken)
        await Self.until { doorbell.waiting == 1 }
        doorbell.ring()
        await Self.until { !woken.all.isEmpty }
        #expect(woken.all == ["next"])
    }

    @Test("a cancelled wait returns and leaves no waiter behind")
    func cancelledWaitReturns() async {
        let doorbell = Doorbell()
        let woken = Woken()
        let loop = Self.waiter(doorbell, "cancelled", woken: woken)
        await Self.until { doorbell.waiting == 1 }
        loop.cancel()
        await loop.value
        #expect(woken.all == ["cancelled"])
        #expect(doorbell.waiting == 0)
    }
}
