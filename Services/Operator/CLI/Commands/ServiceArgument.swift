import ArgumentParser
import Contracts

extension ServiceIdentity: ExpressibleByArgument {
    public init?(argument: String) {
        guard let service = ServiceIdentity.named(argument) else { return nil }
        self = service
    }

    public static var allValueStrings: [String] { all.map(\.name) }
}
