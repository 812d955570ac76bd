import Hummingbird

/// `GET /openapi.json`: the service's OpenAPI 3.1 document.
struct APIDocumentRoute: ResourceRoutes {
    let document: [UInt8]

    func add(to router: Router<BasicRequestContext>) {
        router.get("/openapi.json") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: document)))
        }
    }
}
