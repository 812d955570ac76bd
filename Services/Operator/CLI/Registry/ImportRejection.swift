/// Why a row is not imported, in words for the coordinator who fixes the file.
struct ImportRejection: Error, Sendable {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
