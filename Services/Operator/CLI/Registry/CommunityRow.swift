import Foundation

/// A row of `communities.csv`: a community under the key the other files know it by.
struct CommunityRow: Sendable {
    var line: Int
    var key: String
    /// The body of `POST /communities`.
    var body: RegistryWire.Community

    /// The row read, or every problem with it.
    static func read(_ row: CSVSheet.Row) -> Result<CommunityRow, ImportRejection> {
        var checks = CellChecks(row)
        let key = checks.key("key")
        let names = checks.names(hebrew: "name_he", others: "other_names")
        let latitude = checks.number("latitude")
        let longitude = checks.number("longitude")
        let coordinates = latitude.flatMap { latitude in longitude.map { RegistryWire.Coordinates(latitude: latitude, longitude: $0) } }
        let body = RegistryWire.Community(
            name: row.optional("name"), names: names, kind: row.optional("kind"), country: row.optional("country"),
            region: row.optional("region"), timeZone: row.optional("time_zone"), coordinates: coordinates,
            languages: checks.list("languages"), contactEmail: row.optional("contact_email"))
        if let rejection = checks.rejection { return .failure(ImportRejection(rejection)) }
        guard let key else { return .failure(ImportRejection("key: is required")) }
        return .success(CommunityRow(line: row.line, key: key, body: body))
    }

    /// A community as export writes it, its id as its key.
    static func fields(_ community: RegistryWire.Community) -> [String] {
        [
            community.id ?? "", community.kind ?? "", community.name ?? "", NameColumns.hebrew(community.names),
            NameColumns.others(community.names), community.country ?? "", community.region ?? "", community.timeZone ?? "",
            community.coordinates.map { Self.degrees($0.latitude) } ?? "", community.coordinates.map { Self.degrees($0.longitude) } ?? "",
            (community.languages ?? []).joined(separator: ";"), community.contactEmail ?? "",
        ]
    }

    /// Degrees as written by hand: `41.5868`, not `41.586800000000004`.
    static func degrees(_ value: Double) -> String {
        var text = String(format: "%.7f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
