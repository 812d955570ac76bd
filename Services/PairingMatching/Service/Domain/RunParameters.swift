import Contracts
import PairingEngine

/// The checked parameters of a matching run, from `POST /matching-runs` or the command
/// `matching.run-matching.v1` (which share their shape, ``RunMatching``).
struct RunParameters: Sendable {
    var program: PartnershipProgram
    var mode: RunMatching.Mode
    var proposing: RunMatching.ProposingSide
    var weights: ScoringWeights
    var keep: [RunMatching.Pair]
    var forbid: [RunMatching.Pair]
    var runKey: String?

    /// Pairs a run may name in `keep` or `forbid`, each.
    static let maximumPairs = 1000

    /// The parameters, or every invalid field: weights outside 0...10000, a run key that is
    /// empty or longer than 200 characters, more than 1000 pairs, a pair listed twice.
    static func validated(_ command: RunMatching) -> Result<RunParameters, InvalidInput> {
        var invalid: [InvalidInput.InvalidField] = []
        if let key = command.runKey, key.isEmpty || key.count > 200 {
            invalid.append(.init(name: "runKey", reason: "has 1 to 200 characters"))
        }
        var weights = ScoringWeights()
        let given = command.weights ?? RunMatching.Weights()
        let fields: [(String, Double?, WritableKeyPath<ScoringWeights, Double>)] = [
            ("existingPartnership", given.existingPartnership, \.existingPartnership), ("needsFit", given.needsFit, \.needsFit),
            ("sharedLanguage", given.sharedLanguage, \.sharedLanguage),
            ("workingHoursOverlap", given.workingHoursOverlap, \.workingHoursOverlap), ("capacityLeft", given.capacityLeft, \.capacityLeft),
        ]
        for (name, value, path) in fields {
            guard let value else { continue }
            if value.isFinite, value >= 0, value <= ScoringWeights.maximum {
                weights[keyPath: path] = value
            } else {
                invalid.append(.init(name: "weights.\(name)", reason: "is a number from 0 to 10000"))
            }
        }
        for (name, pairs) in [("keep", command.keep ?? []), ("forbid", command.forbid ?? [])] {
            if pairs.count > maximumPairs {
                invalid.append(.init(name: name, reason: "names at most \(maximumPairs) pairs"))
                continue
            }
            var seen: Set<RunMatching.Pair> = []
            for (index, pair) in pairs.enumerated() where !seen.insert(pair).inserted {
                invalid.append(.init(name: "\(name)[\(index)]", reason: "is already in the list"))
            }
        }
        let both = Set(command.keep ?? []).intersection(command.forbid ?? [])
        for (index, pair) in (command.forbid ?? []).enumerated() where both.contains(pair) {
            invalid.append(.init(name: "forbid[\(index)]", reason: "is also in keep"))
        }
        guard invalid.isEmpty else { return .failure(InvalidInput("the matching cannot be run", invalidFields: invalid)) }
        return .success(
            RunParameters(
                program: command.program, mode: command.mode, proposing: command.proposing ?? .impacted, weights: weights,
                keep: command.keep ?? [], forbid: command.forbid ?? [], runKey: command.runKey))
    }
}
