import Foundation
import Testing

@testable import Operator

/// `p2gctl workflows`: the cycles as pairing-matching lists them, one line each.
@Suite("p2gctl workflows")
struct WorkflowListingTests {
    @Test("each cycle is a line with its stage, the step due next and how long until or since; overdue ones are marked")
    func table() throws {
        let json = """
            {"total": 3, "items": [
              {"id": "0190a5c3-7e1f-7b00-8000-000000000050", "impactedCommunityId": "0190a5c3-7e1f-7b00-8000-000000000024",
               "impactedCommunityName": "Nir Oz", "stage": "needsAssessment",
               "next": {"step": "needsAssessment", "occurrence": 0, "dueAt": "2026-12-05T10:00:00.000Z", "overdue": true}},
              {"id": "0190a5c3-7e1f-7b00-8000-000000000051", "impactedCommunityId": "0190a5c3-7e1f-7b00-8000-000000000025",
               "impactedCommunityName": "Sderot", "stage": "reassessment",
               "next": {"step": "reassessment", "occurrence": 2, "dueAt": "2026-12-10T13:30:00Z", "overdue": false}},
              {"id": "0190a5c3-7e1f-7b00-8000-000000000052", "impactedCommunityId": "0190a5c3-7e1f-7b00-8000-000000000026",
               "stage": "closing", "closedAt": "2026-12-01T00:00:00.000Z"}
            ]}
            """
        let listing = try WorkflowListing.decode(Data(json.utf8))
        let now = try #require(ISO8601DateFormatter().date(from: "2026-12-07T10:00:00Z"))
        let table = listing.table(now: now)
        #expect(table.headers == ["", "COMMUNITY", "STAGE", "NEXT", "DUE", "WORKFLOW"])
        #expect(
            table.rows == [
                ["OVERDUE", "Nir Oz", "needsAssessment", "needsAssessment", "2d 0h ago", "0190a5c3-7e1f-7b00-8000-000000000050"],
                ["", "Sderot", "reassessment", "reassessment 2", "in 3d 3h", "0190a5c3-7e1f-7b00-8000-000000000051"],
                ["", "0190a5c3-7e1f-7b00-8000-000000000026", "closing", "-", "closed", "0190a5c3-7e1f-7b00-8000-000000000052"],
            ])
    }

    @Test("an answer that is not a list of cycles is refused")
    func notAListing() {
        #expect(throws: (any Error).self) { try WorkflowListing.decode(Data(#"{"communities": []}"#.utf8)) }
    }
}
