import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A test client that sends a bearer token with every request that does not carry an
/// `Authorization` header of its own: the tests of a service's domain act as an Agency
/// coordinator, and the tests of access say who they are.
public struct AuthorizedTestClient: TestClientProtocol {
    /// The client without a token, for requests that must go without one.
    public let anonymous: any TestClientProtocol
    let authorization: String

    public var port: Int? { anonymous.port }

    public func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws
        -> TestResponse
    {
        var headers = headers
        if headers[.authorization] == nil { headers[.authorization] = authorization }
        return try await anonymous.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }
}
