import Contracts
import Foundation

/// A row of `partnerships.csv`: one stay of a community in a partnership, with the
/// partnership's own fields repeated on each of its rows.
struct PartnershipStayRow: Sendable {
    var line: Int
    /// The partnership's key in the file.
    var partnership: String
    var name: String?
    var names: [String: String]?
    var program: String?
    var formedOn: String?
    /// The community's key in `communities.csv`, or its id in the registry.
    var community: String
    var joinedOn: CalendarDate
    var leftOn: CalendarDate?

    static func read(_ row: CSVSheet.Row) -> Result<PartnershipStayRow, ImportRejection> {
        var checks = CellChecks(row)
        let partnership = checks.key("partnership")
        let community = checks.key("community")
        let names = checks.names(hebrew: "partnership_name_he", others: "partnership_other_names")
        let formedOn = checks.date("formed_on", required: false)
        let joinedOn = checks.date("joined_on", required: true)
        let leftOn = checks.date("left_on", required: false)
        if let joinedOn, let leftOn, leftOn <= joinedOn {
            checks.refuse("left_on", "\(leftOn) is not after joined_on (\(joinedOn)): a community leaves after it joins")
        }
        if let formedOn, let joinedOn, joinedOn < formedOn {
            checks.refuse("joined_on", "\(joinedOn) is before the partnership was formed (\(formedOn))")
        }
        if let rejection = checks.rejection { return .failure(ImportRejection(rejection)) }
        guard let partnership, let community, let joinedOn else { return .failure(ImportRejection("the row is incomplete")) }
        return .success(
            PartnershipStayRow(
                line: row.line, partnership: partnership, name: row.optional("partnership_name"), names: names,
                program: row.optional("program"), formedOn: formedOn?.description, community: community, joinedOn: joinedOn,
                leftOn: leftOn))
    }

    /// The first of the partnership's own fields that differs from `first`'s, if one does.
    func differs(from first: PartnershipStayRow) -> String? {
        if name != first.name { return "partnership_name" }
        if (names ?? [:]) != (first.names ?? [:]) { return "partnership_name_he or partnership_other_names" }
        if program != first.program { return "program" }
        if let formedOn, formedOn != first.formedOn { return "formed_on" }
        return nil
    }

    /// A stay as export writes it.
    static func fields(_ partnership: RegistryWire.Partnership, _ stay: RegistryWire.Stay) -> [String] {
        [
            partnership.id, partnership.name, NameColumns.hebrew(partnership.names), NameColumns.others(partnership.names),
            partnership.program, partnership.formedOn, stay.communityId, stay.name, stay.joinedOn, stay.leftOn ?? "",
        ]
    }
}
