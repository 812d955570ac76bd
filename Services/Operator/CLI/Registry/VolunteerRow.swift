import Foundation

/// A row of `volunteers.csv`: a volunteer with at most one e-mail address and one phone,
/// each with the consent given or refused and when.
struct VolunteerRow: Sendable {
    var line: Int
    var key: String
    /// The home community's key in `communities.csv`, or its id in the registry.
    var homeCommunity: String
    /// The body of `POST /volunteers` but for the home community's id.
    var body: RegistryWire.Volunteer

    static func read(_ row: CSVSheet.Row) -> Result<VolunteerRow, ImportRejection> {
        var checks = CellChecks(row)
        let key = checks.key("key")
        let home = checks.key("home_community")
        let names = checks.names(hebrew: "name_he", others: "other_names")
        var channels: [RegistryWire.ContactChannel] = []
        for kind in ["email", "phone"] {
            guard let address = row.optional(kind) else { continue }
            let given = checks.consent("\(kind)_consent")
            let at = row.optional("\(kind)_consent_at")
            if at == nil { checks.refuse("\(kind)_consent_at", "is required with the address: when consent was given or refused") }
            channels.append(.init(kind: kind, address: address, consent: .init(given: given, at: at)))
        }
        let body = RegistryWire.Volunteer(
            name: row.optional("name"), names: names, languages: checks.list("languages"), timeZone: row.optional("time_zone"),
            roles: checks.list("roles"), contactChannels: channels.isEmpty ? nil : channels)
        if let rejection = checks.rejection { return .failure(ImportRejection(rejection)) }
        guard let key, let home else { return .failure(ImportRejection("the row is incomplete")) }
        return .success(VolunteerRow(line: row.line, key: key, homeCommunity: home, body: body))
    }

    /// A volunteer as export writes them, their id as key; nil with the reason when the file
    /// cannot hold all of their channels (more than one e-mail address or phone).
    static func fields(_ volunteer: RegistryWire.Volunteer) -> (fields: [String], dropped: Int) {
        let channels = volunteer.contactChannels ?? []
        func channel(_ kind: String) -> [String] {
            guard let channel = channels.first(where: { $0.kind == kind }) else { return ["", "", ""] }
            return [channel.address ?? "", channel.consent?.given == true ? "yes" : "no", channel.consent?.at ?? ""]
        }
        let fields =
            [
                volunteer.id ?? "", volunteer.name ?? "", NameColumns.hebrew(volunteer.names), NameColumns.others(volunteer.names),
                volunteer.homeCommunityId ?? "", (volunteer.languages ?? []).joined(separator: ";"), volunteer.timeZone ?? "",
                (volunteer.roles ?? []).joined(separator: ";"),
            ] + channel("email") + channel("phone")
        let kept = Set(channels.map { $0.kind ?? "" }).count
        return (fields, channels.count - kept)
    }
}
