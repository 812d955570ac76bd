import Foundation
import Postgres
import Testing

@Suite("Bulk writes through COPY")
struct CopyTests {
    @Test("10,000 rows with tabs, newlines, backslashes and NULLs arrive exactly as written")
    func copyWritesEveryRow() async throws {
        try await TestDatabase.withClient { client in
            let table = TestDatabase.uniqueName("need_items")
            try await client.query(
                "CREATE TABLE \(identifier: table) (id uuid PRIMARY KEY, title text, cost_cents bigint, urgent boolean, noted_at timestamptz)"
            )
            let base = Date(timeIntervalSince1970: 1_700_000_000)
            let rows: [[any PostgresEncodable]] = (0..<10_000).map { index in
                [
                    UUID(), "item \(index)\twith tab\nnew line \\ backslash \\N not null", index % 7 == 0 ? Int?.none : index * 100,
                    index.isMultiple(of: 2), base.addingTimeInterval(Double(index)),
                ]
            }
            let written = try await client.withConnection { connection in
                try await connection.copy(into: table, columns: ["id", "title", "cost_cents", "urgent", "noted_at"], rows: rows)
            }
            #expect(written == 10_000)
            let summary = try await client.query(
                """
                SELECT count(*) AS total, count(cost_cents) AS with_cost, count(*) FILTER (WHERE urgent) AS urgent,
                       min(noted_at) AS first, max(noted_at) AS last
                FROM \(identifier: table)
                """)[0]
            #expect(try summary.decode(Int.self, "total") == 10_000)
            #expect(try summary.decode(Int.self, "with_cost") == 10_000 - 1429)
            #expect(try summary.decode(Int.self, "urgent") == 5_000)
            #expect(try summary.decode(Date.self, "first") == base)
            #expect(try summary.decode(Date.self, "last") == base.addingTimeInterval(9_999))
            let sample = try await client.query("SELECT title FROM \(identifier: table) WHERE id = \(rows[42][0] as! UUID)")[0]
            #expect(try sample.decode(String.self, "title") == "item 42\twith tab\nnew line \\ backslash \\N not null")
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("a row with the wrong number of values is refused before anything is written")
    func copyRefusesRaggedRows() async throws {
        try await TestDatabase.withClient { client in
            let table = TestDatabase.uniqueName("ragged")
            try await client.query("CREATE TABLE \(identifier: table) (a int, b int)")
            let error = await #expect(throws: PostgresError.self) {
                try await client.withConnection { connection in
                    try await connection.copy(into: table, columns: ["a", "b"], rows: [[1, 2], [3]])
                }
            }
            #expect(error?.message.contains("row 2 has 1 values for 2 columns") == true)
            let count = try await client.query("SELECT count(*) FROM \(identifier: table)")[0].decode(Int.self, at: 0)
            #expect(count == 0)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }
}
