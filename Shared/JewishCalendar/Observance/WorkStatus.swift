import Foundation

/// Whether work is forbidden at a place at an instant, and until when.
public enum WorkStatus: Sendable, Hashable {
    /// Work is forbidden: the instant is inside this window, which ends at its havdalah.
    case forbidden(ForbiddenWindow)
    /// Work is allowed until this window, the next one, begins at its candle lighting.
    case permitted(next: ForbiddenWindow)

    /// Whether work is forbidden.
    public var isWorkForbidden: Bool {
        if case .forbidden = self { return true }
        return false
    }

    /// When the answer changes: havdalah when forbidden, the next candle lighting when permitted.
    public var until: Date {
        switch self {
        case .forbidden(let window): window.end
        case .permitted(let next): next.start
        }
    }
}
