/// Whether an assignment minimizes costs or maximizes scores.
public enum AssignmentGoal: Hashable, Sendable {
    case minimize
    case maximize
}
