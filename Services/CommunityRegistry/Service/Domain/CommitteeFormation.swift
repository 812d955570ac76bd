/// A subcommittee a partnership names, as it arrives.
public struct CommitteeFormation: Decodable, Sendable {
    public var name: String?
    public var names: [String: String]?

    func validated() -> Result<(name: String, names: [String: String]), InvalidInput> {
        var checks = FieldChecks()
        let name = checks.text(name, "name")
        let names = checks.names(names, "names")
        if let name, name.lowercased() == Committee.jointSteeringName.lowercased() {
            checks.refuse("name", "names the joint steering committee, which every partnership has")
        }
        return checks.verdict("the committee cannot be formed") {
            guard let name else { return nil }
            return (name, names ?? [:])
        }
    }
}
