import Contracts
import Foundation

/// A row of `committees.csv`: a volunteer's seat on a committee of a partnership for a term;
/// without a volunteer, the committee alone (a subcommittee no one sits on yet).
struct CommitteeSeatRow: Sendable {
    var line: Int
    /// The partnership's key in `partnerships.csv`, or its id in the registry.
    var partnership: String
    var committee: String
    var names: [String: String]?
    /// The volunteer's key in `volunteers.csv`, or their id in the registry.
    var volunteer: String?
    var role: String?
    var termStart: CalendarDate?
    var termEnd: CalendarDate?

    /// The name every partnership's joint steering committee has.
    static let jointSteering = "Joint Steering Committee"

    static func read(_ row: CSVSheet.Row) -> Result<CommitteeSeatRow, ImportRejection> {
        var checks = CellChecks(row)
        let partnership = checks.key("partnership")
        let committee = checks.key("committee")
        let names = checks.names(hebrew: "committee_name_he", others: "committee_other_names")
        let volunteer = checks.key("volunteer", required: false)
        let start = checks.date("term_start", required: volunteer != nil)
        let end = checks.date("term_end", required: false)
        if volunteer != nil, row.optional("role") == nil { checks.refuse("role", "is required: chair, co-chair or member") }
        if let start, let end, end <= start { checks.refuse("term_end", "\(end) is not after term_start (\(start))") }
        if volunteer == nil, row.optional("role") != nil || start != nil || end != nil {
            checks.refuse("volunteer", "is required for a seat (a row without one names a committee alone)")
        }
        if let rejection = checks.rejection { return .failure(ImportRejection(rejection)) }
        guard let partnership, let committee else { return .failure(ImportRejection("the row is incomplete")) }
        return .success(
            CommitteeSeatRow(
                line: row.line, partnership: partnership, committee: committee, names: names, volunteer: volunteer,
                role: row.optional("role"), termStart: start, termEnd: end))
    }

    var isJointSteering: Bool { committee.lowercased() == Self.jointSteering.lowercased() }

    /// A seat, or a committee without seats, as export writes it.
    static func fields(partnership: String, _ committee: RegistryWire.Committee, _ seat: RegistryWire.Seat?) -> [String] {
        [
            partnership, committee.name, NameColumns.hebrew(committee.names), NameColumns.others(committee.names), seat?.volunteerId ?? "",
            seat?.name ?? "", seat?.role ?? "", seat?.termStart ?? "", seat?.termEnd ?? "",
        ]
    }
}
