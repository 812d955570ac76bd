/// An Israeli region that partnerships are formed with, such as the Western Galilee or the
/// Western Negev.
public struct IsraeliRegion: StringBacked {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}
