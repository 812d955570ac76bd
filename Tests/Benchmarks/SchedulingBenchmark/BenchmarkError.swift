import Foundation

func instant(_ text: String) throws -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else {
        throw BenchmarkError(description: "bad instant \(text)")
    }
    return date
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
}
