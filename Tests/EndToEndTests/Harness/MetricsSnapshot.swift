import Foundation

/// A service's `/metrics` (Prometheus text format) at one moment.
struct MetricsSnapshot: Sendable {
    /// One sample: a metric name, its labels, its value.
    struct Sample: Sendable {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    let samples: [Sample]

    init(text: String) {
        var samples: [Sample] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            let series = line[..<space]
            if let brace = series.firstIndex(of: "{"), series.hasSuffix("}") {
                let name = String(series[..<brace])
                let body = series[series.index(after: brace)..<series.index(before: series.endIndex)]
                samples.append(Sample(name: name, labels: Self.labels(body), value: value))
            } else {
                samples.append(Sample(name: String(series), labels: [:], value: value))
            }
        }
        self.samples = samples
    }

    /// The sum of the samples named `name` whose labels include `labels`; 0 when there are none.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double {
        samples.filter { sample in
            sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value }
        }.reduce(0) { $0 + $1.value }
    }

    private static func labels(_ text: Substring) -> [String: String] {
        // name="value",name="value" with \" and \\ escaped inside values.
        var labels: [String: String] = [:]
        var index = text.startIndex
        while index < text.endIndex {
            guard let equals = text[index...].firstIndex(of: "=") else { break }
            let name = text[index..<equals].trimmingCharacters(in: .init(charactersIn: ", "))
            var cursor = text.index(equals, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
            var value = ""
            while cursor < text.endIndex, text[cursor] != "\"" {
                if text[cursor] == "\\", text.index(after: cursor) < text.endIndex {
                    cursor = text.index(after: cursor)
                }
                value.append(text[cursor])
                cursor = text.index(after: cursor)
            }
            labels[name] = value
            index = cursor < text.endIndex ? text.index(after: cursor) : text.endIndex
        }
        return labels
    }
}
