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
    /// Steps of the search after the ruin-and-recreate steps: a few sessions (a program and
    /// programs sharing its people, or a costly session and everything its people have within
    /// a day of it) taken out and placed again, kept when the score drops, stays level or, with
    /// a chance that shrinks as the search goes on, rises a little; the best schedule seen wins.
    public var searchSteps: Int
    /// At most this many programs taken out in one search step: the first and others sharing
    /// its people, how many drawn from the seed.
    public var programsPerSearchStep: Int
    /// How far the search may climb at first, in points of the score: a rise of `d` is kept
    /// with probability `exp(-d / T)`, `T` falling from this to 0 over the steps (or over the
    /// time limit, whichever runs out first). 0 keeps level and lower results only.
    public var temperature: Double
    /// Whether the search also moves whole series to a weekday and time other sessions stand in
    /// the way of, ejecting those and placing them again at their best slots elsewhere.
    public var seriesEjections: Bool
    /// Chooses the programs of each ruin-and-recreate step.
    public var seed: UInt64
    /// Stops the pass at the first step that ends after this much time, when set.
    public var timeLimit: Duration?
    /// Sessions people have already been told about: the pass never moves them.
    public var announced: Set<SessionKey>

    /// Creates options.
    public init(
        rounds: Int = 2, swaps: Bool = true, ruinSteps: Int = 20, programsPerRuin: Int = 2, searchSteps: Int = 0,
        programsPerSearchStep: Int = 3, temperature: Double = 1, seriesEjections: Bool = true, seed: UInt64 = 1, timeLimit: Duration? = nil,
        announced: Set<SessionKey> = []
    ) {
        self.rounds = rounds
        self.swaps = swaps
        self.ruinSteps = ruinSteps
        self.programsPerRuin = programsPerRuin
        self.searchSteps = searchSteps
        self.programsPerSearchStep = programsPerSearchStep
        self.temperature = temperature
        self.seriesEjections = seriesEjections
        self.seed = seed
        self.timeLimit = timeLimit
        self.announced = announced
    }

    /// The greedy placement alone.
    public static let none = ImprovementOptions(rounds: 0, swaps: false, ruinSteps: 0)

    /// The standard pass, then the search until `budget` is spent (measured from the start of
    /// the pass): the best schedule found in that time. Not deterministic, as how far the
    /// search gets depends on the machine; bound it by ``searchSteps`` for that.
    public static func searching(for budget: Duration, seed: UInt64 = 1) -> ImprovementOptions {
        ImprovementOptions(searchSteps: .max, seed: seed, timeLimit: budget)
    }

    /// Two sweeps of series moves, single moves and swaps (the second only where the first
    /// moved something), then 20 ruin-and-recreate steps of two programs each.
    public static let standard = ImprovementOptions()
}
