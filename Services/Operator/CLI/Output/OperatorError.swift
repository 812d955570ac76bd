/// Something the operator asked for cannot be done: the message says what and what to do.
/// p2gctl prints it on one line and exits non-zero.
public struct OperatorError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
