import HTTPTypes
import Hummingbird

/// Continues the caller's trace (`traceparent` header) or starts one, makes it current for the
/// request's handler (so that the events it writes carry it), and returns it in the response.
public struct TraceContextMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let incoming = request.headers[.traceparent].flatMap(TraceContext.init(traceparent:))
        let trace = incoming?.child() ?? TraceContext.newTrace()
        var response = try await TraceContext.$current.withValue(trace) { try await next(request, context) }
        response.headers[.traceparent] = trace.traceparent
        return response
    }
}

extension HTTPField.Name {
    /// W3C trace context.
    public static let traceparent: HTTPField.Name = {
        guard let name = HTTPField.Name("traceparent") else { preconditionFailure("traceparent is a valid field name") }
        return name
    }()
}
