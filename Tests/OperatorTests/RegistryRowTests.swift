import Testing

@testable import Operator

/// Each file's rows as the import reads them: every bad cell of a row named at once, the rest
/// left to the registry.
@Suite struct RegistryRowTests {
    static func row(_ sheet: RegistrySheet, _ values: [String: String]) throws -> CSVSheet.Row {
        let header = sheet.columns
        let text = CSVWriter.text([header, header.map { values[$0] ?? "" }])
        return try #require(try CSVSheet(text, requiredColumns: sheet.requiredColumns).rows.first)
    }

    @Test func aCommunityRowBecomesTheBodyTheRegistryTakes() throws {
        let row = try Self.row(
            .communities,
            [
                "key": "des-moines", "kind": "globalCommunity", "name": "Des Moines", "name_he": "דה מוין",
                "other_names": "ru=Де-Мойн; en=Des Moines",
                "country": "US", "region": "Iowa", "time_zone": "America/Chicago", "latitude": "41.5868", "longitude": "-93.625",
                "languages": "en; he", "contact_email": "partnership@des-moines.example",
            ])
        let community = try CommunityRow.read(row).get()
        #expect(community.key == "des-moines")
        #expect(community.body.names == ["he": "דה מוין", "ru": "Де-Мойн", "en": "Des Moines"])
        #expect(community.body.languages == ["en", "he"])
        #expect(community.body.coordinates == .init(latitude: 41.5868, longitude: -93.625))
        var exported = community.body
        exported.id = "0190a5b4-0000-7000-8000-000000000001"
        let fields = CommunityRow.fields(exported)
        #expect(fields[3] == "דה מוין" && fields[4] == "en=Des Moines;ru=Де-Мойн" && fields[8] == "41.5868" && fields[9] == "-93.625")
    }

    @Test func aCommunityRowNamesEachBadCell() throws {
        let row = try Self.row(.communities, ["kind": "globalCommunity", "latitude": "north", "other_names": "Des Moines"])
        guard case .failure(let rejection) = CommunityRow.read(row) else {
            Issue.record("a row without a key, with a latitude that is no number, is rejected")
            return
        }
        #expect(rejection.reason.contains("key: is required"))
        #expect(rejection.reason.contains("latitude: 'north' is not a number"))
        #expect(rejection.reason.contains("other_names: 'Des Moines' is not a language and a name"))
    }

    @Test func aMemberLeavingBeforeJoiningIsRejected() throws {
        let row = try Self.row(
            .partnerships,
            [
                "partnership": "western-galilee", "partnership_name": "Western Galilee", "program": "partnership2gether",
                "community": "omaha",
                "joined_on": "2010-03-01", "left_on": "2009-03-01",
            ])
        guard case .failure(let rejection) = PartnershipStayRow.read(row) else {
            Issue.record("a stay that ends before it begins is rejected")
            return
        }
        #expect(rejection.reason == "left_on: 2009-03-01 is not after joined_on (2010-03-01): a community leaves after it joins")
    }

    @Test func aVolunteerRowNeedsConsentWithEachAddress() throws {
        let row = try Self.row(
            .volunteers,
            [
                "key": "v-1", "name": "Noa Levi", "home_community": "akko", "languages": "he;en", "email": "noa@akko.example",
                "email_consent": "maybe", "phone": "+1 515 555 0100", "phone_consent": "yes",
            ])
        guard case .failure(let rejection) = VolunteerRow.read(row) else {
            Issue.record("consent neither yes nor no, and no instant for the phone's, are rejected")
            return
        }
        #expect(rejection.reason.contains("email_consent: 'maybe' is neither yes nor no"))
        #expect(rejection.reason.contains("phone_consent_at: is required"))
        #expect(rejection.reason.contains("email_consent_at: is required"))
        #expect(!rejection.reason.contains("noa@"), "a rejection never repeats a contact detail")
    }

    @Test func aCommitteeRowWithoutAVolunteerNamesTheCommitteeAlone() throws {
        let alone = try CommitteeSeatRow.read(try Self.row(.committees, ["partnership": "p", "committee": "Education"])).get()
        #expect(alone.volunteer == nil)
        let seat = try Self.row(
            .committees, ["partnership": "p", "committee": "Education", "volunteer": "v-1", "term_start": "2021-01-01"])
        guard case .failure(let rejection) = CommitteeSeatRow.read(seat) else {
            Issue.record("a seat without a role is rejected")
            return
        }
        #expect(rejection.reason == "role: is required: chair, co-chair or member")
    }

    @Test func theReportListsRejectedRowsByFileAndLineThenCounts() {
        var communities = ImportReport.FileReport(file: "communities.csv")
        communities.record(line: 3, .rejected("timeZone: 'Mars/Base' is not an IANA time zone such as Asia/Jerusalem"))
        communities.record(line: 2, .imported)
        communities.record(line: 4, .alreadyPresent)
        let text = ImportReport(files: [communities]).render()
        #expect(
            text == """
                communities.csv:3: rejected: timeZone: 'Mars/Base' is not an IANA time zone such as Asia/Jerusalem

                FILE             ROWS  IMPORTED  ALREADY PRESENT  REJECTED
                communities.csv  3     1         1                1
                """)
    }
}
