import Contracts
import Foundation

/// Needs against funding, per community, partnership or sector and per currency, never
/// converted: the estimated cost of the needs in each community's latest submitted assessment,
/// what is only pledged, what is committed (paid included), what is paid, and the gap between
/// the needs and what is committed.
public struct FundingReport: Sendable, Equatable, Encodable {
    public enum Grouping: String, Sendable, Codable, CaseIterable {
        case community, partnership, sector
    }

    public struct Row: Sendable, Equatable, Encodable {
        /// The community's or partnership's id (lower-case), or the sector's name.
        public var key: String
        public var name: String
        public var currency: String
        public var needs: Int
        public var pledged: Int
        public var committed: Int
        public var paid: Int
        /// Needs less committed; below zero when more is committed than the needs are estimated at.
        public var gap: Int
    }

    public var by: Grouping
    public var rows: [Row]

    /// The report as CSV (RFC 4180), one row per group and currency.
    var csv: String {
        var text = "\(by.rawValue),name,currency,needs,pledged,committed,paid,gap\r\n"
        for row in rows {
            text +=
                [row.key, row.name, row.currency, "\(row.needs)", "\(row.pledged)", "\(row.committed)", "\(row.paid)", "\(row.gap)"]
                .map(CSV.field).joined(separator: ",") + "\r\n"
        }
        return text
    }
}

/// Who funds what where (4W): one row per funding flow, with a second header row of HXL
/// hashtags so that humanitarian tools read the columns.
public struct WhoFundsWhatWhere: Sendable, Equatable, Encodable {
    public struct Row: Sendable, Equatable, Encodable {
        public var funder: String
        public var funderKind: String
        public var community: String
        public var communityId: String
        public var country: String
        public var region: String
        public var sector: String
        public var need: String
        public var horizon: String
        public var status: String
        public var currency: String
        public var pledged: Int
        public var committed: Int
        public var paid: Int
        public var date: CalendarDate?
        public var flowId: String
    }

    public var rows: [Row]

    static let headers = [
        "Funder", "Funder type", "Community", "Community id", "Country", "Region", "Sector", "Need", "Horizon", "Status", "Currency",
        "Pledged", "Committed", "Paid", "Date", "Flow id",
    ]
    static let hashtags = [
        "#org+funder+name", "#org+funder+type", "#loc+name", "#loc+code", "#country+code", "#adm1+name", "#sector", "#activity+name",
        "#activity+type", "#status", "#currency", "#value+pledged", "#value+committed", "#value+paid", "#date", "#activity+id",
    ]

    var csv: String {
        var text = Self.headers.map(CSV.field).joined(separator: ",") + "\r\n" + Self.hashtags.joined(separator: ",") + "\r\n"
        for row in rows {
            let fields = [
                row.funder, row.funderKind, row.community, row.communityId, row.country, row.region, row.sector, row.need, row.horizon,
                row.status, row.currency, "\(row.pledged)", "\(row.committed)", "\(row.paid)", row.date?.description ?? "", row.flowId,
            ]
            text += fields.map(CSV.field).joined(separator: ",") + "\r\n"
        }
        return text
    }
}

/// RFC 4180 fields.
enum CSV {
    /// The field quoted when it holds a comma, a quote or a line break; a leading =, +, - or @
    /// is prefixed with a quote mark so that a spreadsheet does not run it as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Int(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
