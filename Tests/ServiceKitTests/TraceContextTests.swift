import ServiceKit
import Testing

@Suite("W3C trace context")
struct TraceContextTests {
    @Test("a traceparent parses, and a child keeps the trace with a new span")
    func parsesAndContinues() throws {
        let parent = try #require(TraceContext(traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        #expect(parent.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(parent.spanID == "00f067aa0ba902b7")
        let child = parent.child()
        #expect(child.traceID == parent.traceID)
        #expect(child.spanID != parent.spanID)
        #expect(TraceContext(traceparent: child.traceparent) == child)
    }

    @Test(
        "malformed values start a new trace instead",
        arguments: [
            "", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e473z-00f067aa0ba902b7-01",
        ])
    func refusesMalformed(value: String) {
        #expect(TraceContext(traceparent: value) == nil)
    }

    @Test("new traces are well formed and distinct")
    func newTraces() throws {
        let first = TraceContext.newTrace()
        let second = TraceContext.newTrace()
        #expect(first.traceID != second.traceID)
        #expect(TraceContext(traceparent: first.traceparent) == first)
    }
}
