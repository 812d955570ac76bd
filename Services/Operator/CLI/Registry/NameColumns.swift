/// Names in other languages as export writes them: the Hebrew one in a column of its own,
/// the others as `tag=name` pairs separated by `;`, in the order of their tags.
enum NameColumns {
    static func hebrew(_ names: [String: String]?) -> String { names?["he"] ?? "" }

    static func others(_ names: [String: String]?) -> String {
        (names ?? [:]).filter { $0.key != "he" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }
}
