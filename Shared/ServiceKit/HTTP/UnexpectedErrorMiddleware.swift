import HTTPTypes
import Hummingbird
import Logging

/// Answers an error that is not an HTTP problem (a lost database, a bug) with a 500 problem
/// that names the request's id, and leaves exactly one log line for it: the request's id, its
/// method and path, and the error. Never the body or the query, which can hold personal data;
/// an error is logged by its `description` when it has one (the project's errors keep values
/// out of it), else by its type alone.
public struct UnexpectedErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            context.logger.error(
                "request failed",
                metadata: [
                    "request_id": "\(context.id)", "method": "\(request.method)", "path": "\(request.uri.path)",
                    "error": "\(Self.describe(error))",
                ])
            throw ProblemDetails(
                status: .internalServerError, title: "Internal error",
                detail: "The request could not be completed. The service's log has its cause under request id \(context.id).")
        }
    }

    /// What is safe to log of an error.
    static func describe(_ error: any Error) -> String {
        // Through Any: on Linux the compiler takes every error for CustomStringConvertible, but
        // at run time only the types that say so are.
        if let described = (error as Any) as? any CustomStringConvertible { return "\(type(of: error)): \(described.description)" }
        return "\(type(of: error))"
    }
}
