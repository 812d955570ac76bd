import Foundation

/// `p2gctl export`: what the registry holds, as the four files `p2gctl import` reads, each
/// record under its registry id as its key. Importing them into an empty registry makes the
/// same communities, partnerships with their histories, volunteers and committees (under new
/// ids); importing them into the registry they came from finds everything present.
///
/// What the files cannot hold is left out and counted: erased volunteers (the registry keeps
/// them without a name, and a registration needs one) and their seats, and a volunteer's
/// second e-mail address or phone.
public struct RegistryExport: Sendable {
    /// The files' texts by sheet, and what was left out.
    public struct Files: Sendable {
        public var texts: [RegistrySheet: String]
        public var rows: [RegistrySheet: Int]
        public var notes: [String]
    }

    let client: RegistryClient
    let window: RequestWindow

    public init(client: RegistryClient, inFlight: Int = 8) {
        self.client = client
        self.window = RequestWindow(width: inFlight)
    }

    public func run() async throws -> Files {
        var notes: [String] = []
        let communities = try await client.all(
            "/communities", page: RegistryWire.CommunityPage.self, items: \.communities, id: \.id)
        let volunteers = try await client.all("/volunteers", page: RegistryWire.VolunteerPage.self, items: \.volunteers, id: \.id)
        let summaries = try await client.all(
            "/partnerships", page: RegistryWire.PartnershipPage.self, items: \.partnerships, id: { $0.id })
        let client = client
        let partnerships = try await window.map(summaries) { summary in
            let partnership = try await client.get("/partnerships/\(summary.id)", as: RegistryWire.Partnership.self)
            let committees = try await client.get("/partnerships/\(summary.id)/committees", as: RegistryWire.CommitteeList.self)
            return (partnership, committees.committees)
        }

        var communityRows = [RegistrySheet.communities.columns]
        for community in communities { communityRows.append(CommunityRow.fields(community)) }

        var volunteerRows = [RegistrySheet.volunteers.columns]
        var droppedChannels = 0
        for volunteer in volunteers {
            let (fields, dropped) = VolunteerRow.fields(volunteer)
            volunteerRows.append(fields)
            droppedChannels += dropped
        }
        if droppedChannels > 0 {
            notes.append(
                "\(droppedChannels) contact channel\(droppedChannels == 1 ? "" : "s") left out: the file holds one e-mail address and one phone per volunteer"
            )
        }

        let listed = Set(volunteers.compactMap(\.id))
        var stayRows = [RegistrySheet.partnerships.columns]
        var seatRows = [RegistrySheet.committees.columns]
        var erasedSeats = 0
        for (partnership, committees) in partnerships {
            for stay in partnership.stays.sorted(by: { ($0.joinedOn, $0.name) < ($1.joinedOn, $1.name) }) {
                stayRows.append(PartnershipStayRow.fields(partnership, stay))
            }
            for committee in committees {
                let seats = committee.seats.filter { listed.contains($0.volunteerId) }
                erasedSeats += committee.seats.count - seats.count
                if seats.isEmpty { seatRows.append(CommitteeSeatRow.fields(partnership: partnership.id, committee, nil)) }
                for seat in seats.sorted(by: { ($0.termStart, $0.role) < ($1.termStart, $1.role) }) {
                    seatRows.append(CommitteeSeatRow.fields(partnership: partnership.id, committee, seat))
                }
            }
        }
        if erasedSeats > 0 {
            notes.append("\(erasedSeats) committee seat\(erasedSeats == 1 ? "" : "s") of erased volunteers left out")
        }
        let sheets: [(RegistrySheet, [[String]])] = [
            (.communities, communityRows), (.partnerships, stayRows), (.volunteers, volunteerRows), (.committees, seatRows),
        ]
        return Files(
            texts: Dictionary(uniqueKeysWithValues: sheets.map { ($0.0, CSVWriter.text($0.1)) }),
            rows: Dictionary(uniqueKeysWithValues: sheets.map { ($0.0, $0.1.count - 1) }), notes: notes)
    }
}
