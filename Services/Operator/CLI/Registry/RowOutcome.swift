/// What became of one row of an imported file.
public enum RowOutcome: Sendable, Equatable {
    /// The registry took it: a record created, or a stay or term given its end.
    case imported
    /// The registry held it already (an earlier run, or the same record exported from it).
    case alreadyPresent
    /// Not imported, and why: the registry's reasons field by field, or the file's own fault.
    case rejected(String)
}
