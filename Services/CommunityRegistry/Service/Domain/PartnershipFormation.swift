import Contracts
import Foundation

/// A request to form a partnership, as it arrives: its name, program, and the communities on
/// each side with the day each joined. Every field is optional here so that each missing or
/// wrong one is named with the others.
public struct PartnershipFormation: Decodable, Sendable {
    public var name: String?
    public var names: [String: String]?
    public var program: String?
    /// The day the partnership began; the earliest day a member joined when absent.
    public var formedOn: String?
    public var israeli: [MemberInput]?
    public var global: [MemberInput]?

    /// A community and the day it joined.
    public struct MemberInput: Decodable, Sendable {
        public var communityId: String?
        public var joinedOn: String?
    }

    /// The ids of the communities it names, to be looked up before ``validated(knowing:)``.
    var namedCommunities: [UUID] {
        ((israeli ?? []) + (global ?? [])).compactMap { $0.communityId.flatMap(UUID.init(uuidString:)) }
    }

    /// The checked formation, given the communities the registry knows among those it names.
    func validated(knowing known: [UUID: CommunitySummary]) -> Result<ValidFormation, InvalidInput> {
        var checks = FieldChecks()
        let name = checks.text(name, "name")
        let names = checks.names(names, "names")
        var program: PartnershipProgram?
        if let text = checks.require(self.program, "program") {
            program = PartnershipProgram(rawValue: text)
            if program == nil {
                checks.refuse(
                    "program", "must be partnership2gether or communities2gether, got '\(text.filter { !FieldChecks.isControl($0) })'")
            }
        }
        var formedOn: CalendarDate?
        if let text = self.formedOn {
            formedOn = CalendarDate(parsing: text)
            if formedOn == nil { checks.refuse("formedOn", "must be a date such as 1997-09-01") }
        }

        var members: [ValidFormation.Member] = []
        var seen: Set<UUID> = []
        for side in PartnershipSide.allCases {
            let field = side.rawValue
            guard let inputs = side == .israeli ? israeli : global else {
                checks.refuse(field, "is required: the \(field) communities of the partnership")
                continue
            }
            if inputs.isEmpty { checks.refuse(field, "must name at least one community") }
            for (index, input) in inputs.enumerated() {
                let path = "\(field)[\(index)]"
                let joinedOn = checks.require(input.joinedOn, "\(path).joinedOn").flatMap { text in
                    let date = CalendarDate(parsing: text)
                    if date == nil { checks.refuse("\(path).joinedOn", "must be a date such as 1997-09-01") }
                    return date
                }
                guard let text = checks.require(input.communityId, "\(path).communityId") else { continue }
                guard let id = UUID(uuidString: text) else {
                    checks.refuse("\(path).communityId", "is not a community id (a UUID)")
                    continue
                }
                guard let community = known[id] else {
                    checks.refuse("\(path).communityId", "no community has this id")
                    continue
                }
                guard community.side == side else {
                    checks.refuse(
                        "\(path).communityId", "\(community.name) is on the \(community.side.rawValue) side, not the \(field) one")
                    continue
                }
                guard seen.insert(id).inserted else {
                    checks.refuse("\(path).communityId", "\(community.name) is named twice")
                    continue
                }
                if let joinedOn { members.append(.init(community: community, joinedOn: joinedOn)) }
            }
        }
        let firstJoined = members.map(\.joinedOn).min()
        if let formedOn {
            for (side, inputs) in [(PartnershipSide.israeli, israeli ?? []), (.global, global ?? [])] {
                for (index, input) in inputs.enumerated() {
                    if let date = input.joinedOn.flatMap(CalendarDate.init(parsing:)), date < formedOn {
                        checks.refuse("\(side.rawValue)[\(index)].joinedOn", "is before the partnership was formed (\(formedOn))")
                    }
                }
            }
        }
        return checks.verdict("the partnership cannot be formed") {
            guard let name, let program, let formed = formedOn ?? firstJoined else { return nil }
            return ValidFormation(name: name, names: names ?? [:], program: program, formedOn: formed, members: members)
        }
    }
}

/// A formation whose every field is checked.
struct ValidFormation: Sendable {
    struct Member: Sendable {
        var community: CommunitySummary
        var joinedOn: CalendarDate
    }

    var name: String
    var names: [String: String]
    var program: PartnershipProgram
    var formedOn: CalendarDate
    var members: [Member]
}
