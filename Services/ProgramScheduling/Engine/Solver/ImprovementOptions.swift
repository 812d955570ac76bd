/// How much the improvement pass after the greedy placement may do, and what it must leave
/// where it is.
///
/// The pass is deterministic for a given seed when it is bounded by rounds and steps alone; a
/// time limit stops it at the first step that ends after the limit, which depends on the
/// machine.
public struct ImprovementOptions: Sendable, Hashable {
    /// Sweeps of series moves and single moves, each until a sweep improves nothing.
    public var rounds: Int
    /// Whether each sweep also tries swaps: a session into the slot of another that shares a
    /// person or venue with it, the other to its best slot near where it was.
    public var swaps: Bool
    /// Ruin-and-recreate steps after the sweeps: a few programs taken out and placed again.
    public var ruinSteps: Int
    /// Programs taken out in one ruin-and-recreate step.
    public var programsPerRuin: Int
    /// Chooses the programs of each ruin-and-recreate step.
    public var seed: UInt64
    /// Stops the pass at the first step that ends after this much time, when set.
    public var timeLimit: Duration?
    /// Sessions people have already been told about: the pass never moves them.
    public var announced: Set<SessionKey>

    /// Creates options.
    public init(
        rounds: Int = 2, swaps: Bool = true, ruinSteps: Int = 20, programsPerRuin: Int = 2, seed: UInt64 = 1, timeLimit: Duration? = nil,
        announced: Set<SessionKey> = []
    ) {
        self.rounds = rounds
        self.swaps = swaps
        self.ruinSteps = ruinSteps
        self.programsPerRuin = programsPerRuin
        self.seed = seed
        self.timeLimit = timeLimit
        self.announced = announced
    }

    /// The greedy placement alone.
    public static let none = ImprovementOptions(rounds: 0, swaps: false, ruinSteps: 0)

    /// Two sweeps of series moves, single moves and swaps (the second only where the first
    /// moved something), then 20 ruin-and-recreate steps of two programs each.
    public static let standard = ImprovementOptions()
}
