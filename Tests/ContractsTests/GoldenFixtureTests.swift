import Contracts
import Foundation
import Testing

/// Every message contract against its golden JSON fixture in `Shared/Contracts/Fixtures`, the
/// file other teams code against: encoding the sample gives the fixture, decoding the fixture
/// gives the sample.
@Suite("Golden fixtures")
struct GoldenFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Shared/Contracts/Fixtures")

    static func fixture(_ type: MessageType) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent("\(type).json"))
    }

    static let sderot = CommunityRegistered(
        communityId: UUID(uuidString: "5c1f2a9e-7b3d-4e8a-9f10-2b6c4d8e0a11")!, name: "Sderot", kind: .israeliLocality,
        country: "IL", region: "Western Negev", timeZone: "Asia/Jerusalem",
        coordinates: Coordinates(latitude: 31.525, longitude: 34.5969), languages: ["he", "en"],
        contactEmail: "partnership@sderot.example", registeredAt: Date(timeIntervalSince1970: 1_716_458_400),
        names: ["en": "Sderot", "he": "שדרות"])

    /// The same JSON value, whatever the whitespace.
    static func sameJSON(_ a: Data, _ b: Data) throws -> Bool {
        let left = try JSONSerialization.jsonObject(with: a) as? NSDictionary
        let right = try JSONSerialization.jsonObject(with: b) as? NSDictionary
        return left != nil && left == right
    }

    @Test("registry.community-registered.v1 encodes to its fixture and decodes from it")
    func communityRegistered() throws {
        let fixture = try Self.fixture(CommunityRegistered.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.sderot), fixture))
        #expect(try ContractCoding.decode(CommunityRegistered.self, from: fixture) == Self.sderot)
    }

    static let kfarAza = RegisterCommunity(
        name: "Kfar Aza", kind: .israeliLocality, country: "IL", region: "Western Negev", timeZone: "Asia/Jerusalem",
        coordinates: Coordinates(latitude: 31.4836, longitude: 34.5336), languages: ["he", "en"], contactEmail: "team@kfar-aza.example",
        names: ["en": "Kfar Aza", "he": "כפר עזה"])

    @Test("registry.register-community.v1 encodes to its fixture and decodes from it")
    func registerCommunity() throws {
        let fixture = try Self.fixture(RegisterCommunity.commandType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.kfarAza), fixture))
        #expect(try ContractCoding.decode(RegisterCommunity.self, from: fixture) == Self.kfarAza)
    }

    static let desMoinesRenamed = CommunityUpdated(
        communityId: UUID(uuidString: "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d")!, version: 2, changed: ["names", "contactEmail"],
        names: ["en": "Des Moines", "he": "דה מוין"], contactEmail: "p2g@desmoines.example",
        updatedAt: Date(timeIntervalSince1970: 1_717_317_000))

    @Test("registry.community-updated.v1 encodes to its fixture and decodes from it")
    func communityUpdated() throws {
        let fixture = try Self.fixture(CommunityUpdated.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.desMoinesRenamed), fixture))
        #expect(try ContractCoding.decode(CommunityUpdated.self, from: fixture) == Self.desMoinesRenamed)
    }

    static func id(_ last: String) -> UUID { UUID(uuidString: "0190a5c3-7e1f-7b00-8000-0000000000" + last)! }
    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static let consortiumFormed = PartnershipFormed(
        partnershipId: id("01"), name: "Western Galilee – Central Area Consortium", names: ["he": "מערב הגליל – קונסורציום האזור המרכזי"],
        program: .partnership2gether, formedOn: date("1997-01-01"),
        members: [
            .init(membershipId: id("11"), communityId: id("21"), side: .israeli, joinedOn: date("1997-01-01")),
            .init(membershipId: id("12"), communityId: id("22"), side: .global, joinedOn: date("1997-01-01")),
        ], recordedAt: Date(timeIntervalSince1970: 1_717_317_000))

    static let sanAntonioJoined = PartnershipMemberJoined(
        partnershipId: id("01"), membershipId: id("13"), communityId: id("23"), side: .global, joinedOn: date("2003-09-01"))

    static let kansasCityLeft = PartnershipMemberLeft(
        partnershipId: id("01"), membershipId: id("12"), communityId: id("22"), side: .global, joinedOn: date("1997-01-01"),
        leftOn: date("2012-07-01"))

    @Test("the partnership events encode to their fixtures and decode from them")
    func partnershipEvents() throws {
        let formed = try Self.fixture(PartnershipFormed.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.consortiumFormed), formed))
        #expect(try ContractCoding.decode(PartnershipFormed.self, from: formed) == Self.consortiumFormed)
        let joined = try Self.fixture(PartnershipMemberJoined.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.sanAntonioJoined), joined))
        #expect(try ContractCoding.decode(PartnershipMemberJoined.self, from: joined) == Self.sanAntonioJoined)
        let left = try Self.fixture(PartnershipMemberLeft.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.kansasCityLeft), left))
        #expect(try ContractCoding.decode(PartnershipMemberLeft.self, from: left) == Self.kansasCityLeft)
    }

    @Test("a date that does not exist does not decode")
    func impossibleDate() throws {
        var object = try #require(JSONSerialization.jsonObject(with: Self.fixture(PartnershipMemberLeft.eventType)) as? [String: Any])
        object["leftOn"] = "2012-02-30"
        #expect(throws: DecodingError.self) {
            try ContractCoding.decode(PartnershipMemberLeft.self, from: JSONSerialization.data(withJSONObject: object))
        }
    }

    static let miriam = VolunteerRegistered(
        volunteerId: id("31"), name: "Miriam Adler", names: ["he": "מרים אדלר"], homeCommunityId: id("22"), side: .global,
        languages: ["en", "he"], timeZone: "America/Chicago", roles: ["host-family", "steering-committee"],
        contactChannels: [
            ContactChannel(
                kind: .email, address: "miriam.adler@desmoines.example",
                consent: .init(given: true, at: Date(timeIntervalSince1970: 1_714_555_800))),
            ContactChannel(
                kind: .phone, address: "+15155550134", consent: .init(given: false, at: Date(timeIntervalSince1970: 1_714_555_860))),
        ], registeredAt: Date(timeIntervalSince1970: 1_714_555_920))

    static let miriamWithdrawsConsent = VolunteerUpdated(
        volunteerId: id("31"), version: 2, changed: ["languages", "contactChannels"], languages: ["he", "en"],
        contactChannels: [
            ContactChannel(
                kind: .email, address: "miriam.adler@desmoines.example",
                consent: .init(given: false, at: Date(timeIntervalSince1970: 1_725_192_000)))
        ], updatedAt: Date(timeIntervalSince1970: 1_725_192_001))

    static let miriamErased = VolunteerErased(volunteerId: id("31"), erasedAt: Date(timeIntervalSince1970: 1_736_928_000))

    @Test("the volunteer events encode to their fixtures and decode from them")
    func volunteerEvents() throws {
        let registered = try Self.fixture(VolunteerRegistered.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.miriam), registered))
        #expect(try ContractCoding.decode(VolunteerRegistered.self, from: registered) == Self.miriam)
        let updated = try Self.fixture(VolunteerUpdated.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.miriamWithdrawsConsent), updated))
        #expect(try ContractCoding.decode(VolunteerUpdated.self, from: updated) == Self.miriamWithdrawsConsent)
        let erased = try Self.fixture(VolunteerErased.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.miriamErased), erased))
        #expect(try ContractCoding.decode(VolunteerErased.self, from: erased) == Self.miriamErased)
    }

    static let sderotWithDesMoines = PairingConfirmed(
        pairingId: id("41"), runId: id("40"), program: .communities2gether, impactedCommunityId: id("24"), supportingCommunityId: id("22"),
        commitment: .init(amountPerYear: Money(amount: 25_000_000, currency: "USD"), years: 3, startsOn: date("2025-01-01")),
        confirmedBy: "agency-coordinator-7", confirmedAt: Date(timeIntervalSince1970: 1_733_133_600))

    static let sderotDesMoinesTeam = JointTeamFormed(
        teamId: id("42"), pairingId: id("41"), program: .communities2gether, impactedCommunityId: id("24"), supportingCommunityId: id("22"),
        members: [
            .init(volunteerId: id("51"), delegation: .impacted, timeZone: "Asia/Jerusalem", languages: ["he", "en"]),
            .init(volunteerId: id("52"), delegation: .impacted, timeZone: "Asia/Jerusalem", languages: ["he", "en"]),
            .init(volunteerId: id("31"), delegation: .supporting, timeZone: "America/Chicago", languages: ["en", "he"]),
            .init(volunteerId: id("53"), delegation: .supporting, timeZone: "America/Chicago", languages: ["en"]),
            .init(volunteerId: id("54"), delegation: .agency, timeZone: "Asia/Jerusalem", languages: ["he", "en"]),
            .init(volunteerId: id("55"), delegation: .agency, timeZone: "America/New_York", languages: ["en", "he"]),
        ], workingLanguage: "en", interpreterNeeded: false, formedAt: Date(timeIntervalSince1970: 1_733_133_605))

    @Test("the matching events the other services consume encode to their fixtures and decode from them")
    func matchingEvents() throws {
        let confirmed = try Self.fixture(PairingConfirmed.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.sderotWithDesMoines), confirmed))
        #expect(try ContractCoding.decode(PairingConfirmed.self, from: confirmed) == Self.sderotWithDesMoines)
        let formed = try Self.fixture(JointTeamFormed.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.sderotDesMoinesTeam), formed))
        #expect(try ContractCoding.decode(JointTeamFormed.self, from: formed) == Self.sderotDesMoinesTeam)
    }

    static let kfarAzaReassessed = NeedsAssessmentSubmitted(
        assessmentId: id("41"), communityId: id("24"), version: 2, previousAssessmentId: "0190a5c3-7e1f-7b00-8000-000000000040",
        immediateItems: 2, longTermItems: 1,
        estimatedCost: [Money(amount: 180_000_000, currency: "ILS"), Money(amount: 5_000_000, currency: "USD")],
        submittedAt: Date(timeIntervalSince1970: 1_709_283_600))

    static let desMoinesYearOne = FundingCommitted(
        flowId: id("51"), communityId: id("24"), funderKind: "globalCommunity", funderName: "Des Moines",
        funderCommunityId: "0190a5c3-7e1f-7b00-8000-000000000022", pairingId: "0190a5c3-7e1f-7b00-8000-000000000061", pairingYear: 1,
        committed: Money(amount: 25_000_000, currency: "USD"), committedOn: date("2024-02-01"))

    static let mattressesTwice = FundingOverlapDetected(
        needItemId: id("71"), communityId: id("24"), estimatedCost: Money(amount: 36_000_000, currency: "ILS"),
        pledgedAndCommitted: 51_000_000,
        flows: [
            .init(flowId: id("52"), funderKind: "governmentBody", funderName: "Tekuma Authority", status: "committed", amount: 36_000_000),
            .init(flowId: id("53"), funderKind: "otherDonor", funderName: "Friends of Kfar Aza", status: "pledged", amount: 15_000_000),
        ], detectedAt: Date(timeIntervalSince1970: 1_709_640_000), needDescription: "Mattresses for 120 families")

    @Test("the needs and funding events encode to their fixtures and decode from them")
    func needsAndFundingEvents() throws {
        let submitted = try Self.fixture(NeedsAssessmentSubmitted.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.kfarAzaReassessed), submitted))
        #expect(try ContractCoding.decode(NeedsAssessmentSubmitted.self, from: submitted) == Self.kfarAzaReassessed)
        let committed = try Self.fixture(FundingCommitted.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.desMoinesYearOne), committed))
        #expect(try ContractCoding.decode(FundingCommitted.self, from: committed) == Self.desMoinesYearOne)
        let overlap = try Self.fixture(FundingOverlapDetected.eventType)
        #expect(try Self.sameJSON(ContractCoding.encode(Self.mattressesTwice), overlap))
        #expect(try ContractCoding.decode(FundingOverlapDetected.self, from: overlap) == Self.mattressesTwice)
        // Published before the item's description was carried: still read, without it.
        let earlier = Data(
            String(decoding: overlap, as: UTF8.self).replacingOccurrences(
                of: "\"needDescription\": \"Mattresses for 120 families\",", with: ""
            )
            .utf8)
        var withoutDescription = Self.mattressesTwice
        withoutDescription.needDescription = nil
        #expect(try ContractCoding.decode(FundingOverlapDetected.self, from: earlier) == withoutDescription)
    }

    static let contracts: [MessageType] = [
        CommunityRegistered.eventType, RegisterCommunity.commandType, CommunityUpdated.eventType, PartnershipFormed.eventType,
        PartnershipMemberJoined.eventType, PartnershipMemberLeft.eventType, VolunteerRegistered.eventType, VolunteerUpdated.eventType,
        VolunteerErased.eventType, PairingConfirmed.eventType, JointTeamFormed.eventType, ProgramScheduled.eventType,
        SessionRescheduled.eventType, RegistrationConfirmed.eventType, RegistrationWaitlisted.eventType, RegistrationPromoted.eventType,
        ScheduleMeeting.commandType, DeliverySucceeded.eventType, DeliveryFailed.eventType, NeedsAssessmentSubmitted.eventType,
        FundingCommitted.eventType, FundingOverlapDetected.eventType,
        RunMatching.commandType, PairingProposed.eventType, PairingRejected.eventType, JointTeamIncomplete.eventType,
        RequestNeedsAssessment.commandType, SkipWorkflowStep.commandType, WorkflowStepRecorded.eventType, WorkflowNotice.eventType,
        MilestonePlanned.eventType, CommitteeSeatTaken.eventType, CommitteeSeatEnded.eventType,
    ]

    @Test("every contract is in the AsyncAPI document, as a message and as a channel's address")
    func asyncAPIDescribesEveryContract() throws {
        let document = try String(
            contentsOf: Self.fixtures.deletingLastPathComponent().appendingPathComponent("asyncapi.yaml"), encoding: .utf8)
        for type in Self.contracts {
            #expect(document.contains("messageType: \(type)"), "no message for \(type)")
            #expect(document.contains("address: \(type)"), "no channel for \(type)")
        }
    }

    @Test("every fixture file belongs to a known contract")
    func noStrayFixtures() throws {
        let known = Set(Self.contracts.map { "\($0).json" })
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasSuffix(".json") }
        #expect(Set(files) == known)
    }

    @Test("a body with fields the consumer does not know still decodes")
    func unknownFieldsAreIgnored() throws {
        var object = try #require(JSONSerialization.jsonObject(with: Self.fixture(CommunityRegistered.eventType)) as? [String: Any])
        object["population"] = 28_000
        object["mayorOffice"] = ["phone": "+972-8-000-0000"]
        let body = try JSONSerialization.data(withJSONObject: object)
        #expect(try ContractCoding.decode(CommunityRegistered.self, from: body) == Self.sderot)
    }

    @Test("instants are RFC 3339 UTC with milliseconds, and offsets and whole seconds are accepted")
    func instants() throws {
        #expect(ContractCoding.formatInstant(Date(timeIntervalSince1970: 1_500_768_000.25)) == "2017-07-23T00:00:00.250Z")
        #expect(ContractCoding.parseInstant("2017-07-23T00:00:00Z") == Date(timeIntervalSince1970: 1_500_768_000))
        #expect(ContractCoding.parseInstant("2017-07-23T03:00:00+03:00") == Date(timeIntervalSince1970: 1_500_768_000))
        #expect(ContractCoding.parseInstant("23 July 2017") == nil)
        #expect(ContractCoding.parseInstant("2017-07-23T00:00:00.Z") == nil)
    }

    @Test("instants read back exactly as Foundation's ISO 8601 parser reads them")
    func instantsAsFoundationReadsThem() throws {
        // Instants near the reference date where adding the fraction to the whole seconds
        // differs from Foundation in the last bit.
        for text in [
            "2001-01-10T17:59:04.886Z", "2000-12-21T21:06:30.261Z", "2000-12-26T17:58:16.508Z", "2000-12-31T23:18:14.149Z",
            "2001-01-18T21:47:52.657Z",
        ] {
            #expect(
                ContractCoding.parseInstant(text) == (try Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))),
                "\(text)")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            // 1900 to 2200, to the millisecond.
            let milliseconds = Int64.random(in: -2_208_988_800_000...7_258_118_400_000, using: &generator)
            let text = ContractCoding.formatInstant(Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            let foundation = try Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
            #expect(ContractCoding.parseInstant(text) == foundation, "\(text)")
            let whole = String(text.prefix(19)) + "Z"
            #expect(ContractCoding.parseInstant(whole) == (try Date(whole, strategy: Date.ISO8601FormatStyle())), "\(whole)")
        }
    }
}
