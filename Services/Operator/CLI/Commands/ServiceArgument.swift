import ArgumentParser

extension OperatedService: ExpressibleByArgument {
    public init?(argument: String) {
        guard let service = OperatedService.named(argument) else { return nil }
        self = service
    }

    public static var allValueStrings: [String] { all.map(\.name) }
}
