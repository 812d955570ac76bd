/// The two sides of a pairing; also says which side proposes in stable pairing.
public enum CommunitySide: String, Hashable, Sendable {
    /// The Israeli communities impacted by the war.
    case impacted
    /// The global communities that support them.
    case supporting
}
