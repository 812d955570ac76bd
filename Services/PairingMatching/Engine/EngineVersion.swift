/// The version of the pairing engine, stored with every matching run so that a run can be
/// explained (and reproduced) with the engine that computed it. Raise it whenever a change
/// can change a result.
public enum EngineVersion {
    public static let current = "pairing-engine/1.0.0"
}
