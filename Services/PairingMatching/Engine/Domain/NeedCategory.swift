/// A category of need (for impacted communities) or of focus and strength (for supporting ones).
///
/// Open-ended so that the registry can add categories; the common ones are predefined.
public struct NeedCategory: StringBacked {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let education: NeedCategory = "education"
    public static let economicDevelopment: NeedCategory = "economic-development"
    public static let housing: NeedCategory = "housing"
    public static let mentalHealth: NeedCategory = "mental-health"
    public static let welfare: NeedCategory = "welfare"
    public static let infrastructure: NeedCategory = "infrastructure"
    public static let agriculture: NeedCategory = "agriculture"
    public static let emergencySupplies: NeedCategory = "emergency-supplies"
    public static let communityResilience: NeedCategory = "community-resilience"
    public static let youth: NeedCategory = "youth"
}
