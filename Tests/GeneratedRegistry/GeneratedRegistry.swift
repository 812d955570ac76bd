import Foundation
import Operator

/// A registry's worth of spreadsheets made up for tests and the benchmark: communities,
/// partnerships with histories (members joining on different days, some leaving, some coming
/// back), volunteers and committee seats, with bad rows mixed in whose lines are known.
/// Names are made up; addresses are on `.example`, phones in the numbers reserved for fiction
/// (`+1 <area> 555 01xx`).
public struct GeneratedRegistry: Sendable {
    /// One file: its text, its rows, and the lines of the rows that must be rejected.
    public struct File: Sendable {
        public var text: String
        public var rows: Int
        public var badLines: [Int]
        public var goodRows: Int { rows - badLines.count }
    }

    public var files: [RegistrySheet: File]
    /// How many partnerships and committee seats the good rows make.
    public var partnerships: Int
    public var seats: Int

    /// The sources `RegistryImport.run` takes.
    public var sources: [RegistryImport.Source] {
        RegistrySheet.allCases.compactMap { sheet in files[sheet].map { .init(sheet: sheet, file: sheet.fileName, text: $0.text) } }
    }

    static let zones = [
        "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Paris", "Australia/Melbourne",
    ]

    /// `communities` communities (about one in ten Israeli), `partnerships` partnerships over
    /// them, `volunteers` volunteers; with `badRows`, a few of each kind of bad row in every file.
    public init(communities: Int = 550, partnerships: Int = 45, volunteers: Int = 10_000, badRows: Bool = true) {
        precondition(partnerships >= 1 && communities >= 4 * partnerships && volunteers > 2 * communities)
        let israeliCount = max(partnerships, communities / 10)
        func isIsraeli(_ index: Int) -> Bool { index < israeliCount }
        func key(_ index: Int) -> String { isIsraeli(index) ? "il-\(index)" : "global-\(index)" }
        /// The partnership a community belongs to.
        func partnershipOf(_ index: Int) -> Int { isIsraeli(index) ? index % partnerships : (index - israeliCount) % partnerships }
        func formedYear(_ partnership: Int) -> Int { 1995 + partnership % 20 }
        /// The first communities of each side are the partnership's founders: they join when it is formed and stay.
        func isFounder(_ index: Int) -> Bool { isIsraeli(index) ? index < partnerships : index - israeliCount < partnerships }

        // communities.csv
        var rows = [RegistrySheet.communities.columns]
        var bad: [Int] = []
        for index in 0..<communities {
            let israeli = isIsraeli(index)
            let zone = israeli ? "Asia/Jerusalem" : Self.zones[index % Self.zones.count]
            let name = israeli ? "Moshav \(index)" : index % 17 == 0 ? "Greater \"North\" Shore, \(index)" : "Community \(index)"
            rows.append([
                key(index), israeli ? "israeliLocality" : "globalCommunity", name, israeli ? "מושב \(index)" : "קהילה \(index)",
                israeli ? "" : "en=\(name)", israeli ? "IL" : "US", israeli ? "Western Galilee" : "Region \(index % 9)", zone,
                String(format: "%.4f", israeli ? 32.9 + Double(index % 50) / 100 : 41.5 - Double(index % 70) / 10),
                String(format: "%.4f", israeli ? 35.08 : -93.6 + Double(index % 40) / 2), israeli ? "he;ar;en" : "en;he",
                "partnership@community-\(index).example",
            ])
        }
        if badRows {
            let template = rows[rows.count - 1]
            func badCommunity(_ label: String, _ change: (inout [String]) -> Void) {
                var row = template
                row[0] = "bad-\(label)"
                change(&row)
                rows.append(row)
                bad.append(rows.count)
            }
            badCommunity("zone") { $0[7] = "Mars/Olympus_Mons" }
            badCommunity("name") {
                $0[2] = ""
                $0[4] = ""
            }
            badCommunity("language") { $0[10] = "en;e" }
            badCommunity("latitude") { $0[8] = "north" }
            rows.append(rows[3])  // the same key again
            bad.append(rows.count)
        }
        var files: [RegistrySheet: File] = [:]
        files[.communities] = File(text: CSVWriter.text(rows), rows: rows.count - 1, badLines: bad)

        // partnerships.csv: one row per stay, in no particular order.
        rows = [RegistrySheet.partnerships.columns]
        bad = []
        for index in 0..<communities {
            let partnership = partnershipOf(index)
            let year = formedYear(partnership)
            let joined = isFounder(index) ? year : year + 1 + index % 6
            let program = partnership % 9 == 8 ? "communities2gether" : "partnership2gether"
            let common = [
                "p-\(partnership)", "Partnership \(partnership)", "שותפות \(partnership)", "", program, "\(year)-01-01", key(index), "",
            ]
            if !isFounder(index) && index % 7 == 0 {
                // Left after four years, and for some, came back two years later.
                rows.append(common + ["\(joined)-03-01", "\(joined + 4)-03-01"])
                if index % 14 == 0 { rows.append(common + ["\(joined + 6)-09-01", ""]) }
            } else {
                rows.append(common + [isFounder(index) ? "\(year)-01-01" : "\(joined)-03-01", ""])
            }
        }
        if badRows {
            let template = rows[rows.count - 1]
            var row = template
            row[6] = "nowhere"
            rows.append(row)
            bad.append(rows.count)
            row = template
            row[6] = key(communities - 1)
            row[8] = "2020-05-01"
            row[9] = "2019-05-01"  // leaves before it joins
            rows.append(row)
            bad.append(rows.count)
            rows.append(rows[2])  // the same stay again
            bad.append(rows.count)
            row = template
            row[8] = "someday"
            rows.append(row)
            bad.append(rows.count)
        }
        files[.partnerships] = File(text: CSVWriter.text(rows), rows: rows.count - 1, badLines: bad)

        // volunteers.csv: the first of each community's volunteers is its chair.
        rows = [RegistrySheet.volunteers.columns]
        bad = []
        for index in 0..<volunteers {
            let home = index % communities
            let israeli = isIsraeli(home)
            let phone = index % 3 == 0 ? "+1 \(201 + index / 100 % 700) 555 01\(String(format: "%02d", index % 100))" : ""
            rows.append([
                "v-\(index)", israeli ? "Noa Levi \(index)" : "Sam Doe \(index)", israeli ? "נועה לוי \(index)" : "", "", key(home),
                israeli ? "he;en" : index % 5 == 0 ? "en;es" : "en", index % 2 == 0 ? "" : israeli ? "Asia/Jerusalem" : "America/Chicago",
                index % 4 == 0 ? "steering-committee;host-family" : "volunteer", "volunteer\(index)@community-\(home).example", "yes",
                "2024-05-01T09:30:00Z", phone, phone.isEmpty ? "" : index % 2 == 0 ? "yes" : "no",
                phone.isEmpty ? "" : "2024-05-02T10:00:00Z",
            ])
        }
        if badRows {
            let template = rows[rows.count - 1]
            func badVolunteer(_ label: String, _ change: (inout [String]) -> Void) {
                var row = template
                row[0] = "bad-\(label)"
                change(&row)
                rows.append(row)
                bad.append(rows.count)
            }
            badVolunteer("zone") { $0[6] = "Atlantis/Capital" }
            badVolunteer("community") { $0[4] = "nowhere" }
            badVolunteer("name") { $0[1] = "" }
            badVolunteer("language") { $0[5] = "english!" }
            badVolunteer("email") { $0[8] = "not an address" }
            badVolunteer("consent") { $0[9] = "maybe" }
            rows.append(rows[5])  // the same key again
            bad.append(rows.count)
        }
        files[.volunteers] = File(text: CSVWriter.text(rows), rows: rows.count - 1, badLines: bad)

        // committees.csv: in each partnership, a chair on each side of the joint steering
        // committee (the Israeli one handing over after two years), and an education
        // subcommittee with two members.
        rows = [RegistrySheet.committees.columns]
        bad = []
        var seats = 0
        for partnership in 0..<partnerships {
            let year = formedYear(partnership)
            let israeliFounder = partnership
            let globalFounder = israeliCount + partnership
            let jsc = ["p-\(partnership)", "Joint Steering Committee", "", ""]
            let education = ["p-\(partnership)", "Education", "חינוך", ""]
            rows.append(jsc + ["v-\(israeliFounder)", "", "chair", "\(year + 1)-01-01", "\(year + 3)-01-01"])
            rows.append(jsc + ["v-\(israeliFounder + communities)", "", "chair", "\(year + 3)-01-01", ""])
            rows.append(jsc + ["v-\(globalFounder)", "", "chair", "\(year + 1)-01-01", ""])
            rows.append(education + ["v-\(globalFounder + communities)", "", "member", "\(year + 2)-09-01", ""])
            rows.append(education + ["v-\(israeliFounder + communities)", "", "co-chair", "\(year + 2)-09-01", "\(year + 5)-09-01"])
            seats += 5
        }
        if badRows {
            // A second Israeli chair while the first one's term runs.
            rows.append([
                "p-0", "Joint Steering Committee", "", "", "v-\(communities * 2 + 0)", "", "chair", "\(formedYear(0) + 1)-06-01", "",
            ])
            bad.append(rows.count)
            rows.append(["p-0", "Education", "", "", "v-nowhere", "", "member", "2001-01-01", ""])
            bad.append(rows.count)
            rows.append(["p-0", "Education", "", "", "v-1", "", "president", "2001-01-01", ""])
            bad.append(rows.count)
        }
        files[.committees] = File(text: CSVWriter.text(rows), rows: rows.count - 1, badLines: bad)
        self.files = files
        self.partnerships = partnerships
        self.seats = seats
    }
}
