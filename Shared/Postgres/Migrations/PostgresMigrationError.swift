/// A migration run that cannot go on.
public struct PostgresMigrationError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Two migrations share a name.
        case duplicateName(String)
        /// A migration already applied has different SQL now.
        case changedAfterApplying(name: String, appliedChecksum: String, currentChecksum: String)
        /// A migration failed; nothing of it was applied.
        case failed(name: String, error: String)
    }

    public var reason: Reason

    public var description: String {
        switch reason {
        case .duplicateName(let name):
            "two migrations are named \"\(name)\"; every migration needs its own name"
        case .changedAfterApplying(let name, let applied, let current):
            "migration \"\(name)\" was applied with checksum \(applied.prefix(12)) but its SQL now has checksum \(current.prefix(12)); "
                + "restore the applied SQL and put the change in a new migration"
        case .failed(let name, let error):
            "migration \"\(name)\" failed and was rolled back: \(error)"
        }
    }
}
