import Foundation

/// A service's OpenAPI document: ServiceKit's common part (health, metrics, the document's own
/// route) merged with the service's own paths and schemas.
public enum APIDocument {
    /// A document that is not a JSON object of the expected shape: a programming error.
    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    /// The merged document, as JSON with sorted keys.
    static func merging(common: String, service: String) throws -> [UInt8] {
        guard var document = try JSONSerialization.jsonObject(with: Data(service.utf8)) as? [String: Any],
            let shared = try JSONSerialization.jsonObject(with: Data(common.utf8)) as? [String: Any]
        else { throw Malformed(description: "an OpenAPI document is not a JSON object") }
        var paths = document["paths"] as? [String: Any] ?? [:]
        for (path, item) in shared["paths"] as? [String: Any] ?? [:] {
            guard paths[path] == nil else { throw Malformed(description: "the service's OpenAPI document also describes \(path)") }
            paths[path] = item
        }
        document["paths"] = paths
        var components = document["components"] as? [String: Any] ?? [:]
        for (section, entries) in shared["components"] as? [String: Any] ?? [:] {
            var merged = components[section] as? [String: Any] ?? [:]
            for (name, entry) in entries as? [String: Any] ?? [:] {
                guard merged[name] == nil else {
                    throw Malformed(description: "the service's OpenAPI document also defines \(section) \(name)")
                }
                merged[name] = entry
            }
            components[section] = merged
        }
        document["components"] = components
        document["paths"] = requiringTokens(paths)
        return [UInt8](try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    /// Every operation but the health checks asks for a bearer token and may answer 401 and 403;
    /// the health checks ask for none.
    static func requiringTokens(_ paths: [String: Any]) -> [String: Any] {
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var result = paths
        for (path, item) in paths {
            guard var operations = item as? [String: Any] else { continue }
            for (method, value) in operations where methods.contains(method) {
                guard var operation = value as? [String: Any] else { continue }
                if path.hasPrefix("/health/") {
                    operation["security"] = [Any]()
                } else {
                    operation["security"] = [["bearer": [Any]()]]
                    var responses = operation["responses"] as? [String: Any] ?? [:]
                    if responses["401"] == nil { responses["401"] = ["$ref": "#/components/responses/Unauthorized"] }
                    if responses["403"] == nil { responses["403"] = ["$ref": "#/components/responses/Forbidden"] }
                    operation["responses"] = responses
                }
                operations[method] = operation
            }
            result[path] = operations
        }
        return result
    }

    /// Each operation the document describes, as `GET /communities/{id}`.
    public static func operations(in document: [UInt8]) throws -> Set<String> {
        guard let object = try JSONSerialization.jsonObject(with: Data(document)) as? [String: Any],
            let paths = object["paths"] as? [String: Any]
        else { throw Malformed(description: "the OpenAPI document has no paths") }
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var operations: Set<String> = []
        for (path, item) in paths {
            for method in (item as? [String: Any] ?? [:]).keys where methods.contains(method) {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }
}
