import Foundation

/// The registry's ids of what one file names by key, and where each key was written, so that
/// another file's reference can be told apart as known, not imported, or unknown.
struct KeyIndex: Sendable {
    /// What the keys name, for messages: `community`, `volunteer`, `partnership`.
    let what: String
    let file: String
    /// Key → id in the registry, for the rows that are in it.
    var ids: [String: String] = [:]
    /// Key → the line that wrote it.
    var lines: [String: Int] = [:]

    init(what: String, file: String) {
        self.what = what
        self.file = file
    }

    /// The id a reference names: a key of the file, or an id of the registry itself.
    func resolve(_ key: String) -> Result<String, ImportRejection> {
        if let id = ids[key] { return .success(id) }
        if let line = lines[key] { return .failure(ImportRejection("\(what) \(key) (\(file) line \(line)) was not imported")) }
        if let id = UUID(uuidString: key) { return .success(id.uuidString.lowercased()) }
        return .failure(ImportRejection("no \(what) has the key \(key) in \(file)"))
    }

    /// Whether `key` is an id of the registry rather than a key of its own.
    static func registryID(_ key: String) -> String? { UUID(uuidString: key).map { $0.uuidString.lowercased() } }
}
