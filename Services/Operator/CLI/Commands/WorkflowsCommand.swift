import ArgumentParser
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `p2gctl workflows`: the needs-assessment cycles, overdue first, then by the next deadline.
struct WorkflowsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflows",
        abstract: "List the needs-assessment cycles by stage and next deadline, overdue ones first.",
        discussion: """
            Reads GET /workflows of pairing-matching (P2G_MATCHING_URL, else http://127.0.0.1:8082) \
            with the token of --token or P2G_TOKEN (an automation's or a coordinator's). A cycle's \
            whole timeline is at GET /workflows/{id}.
            """)

    @Option(name: .long, help: "Only the cycles at this stage, e.g. needsAssessment or roadMap.")
    var stage: String?

    @Option(name: .long, help: "pairing-matching's URL (default: P2G_MATCHING_URL, else http://127.0.0.1:8082).")
    var matching: String?

    @Option(name: .long, help: "A bearer token (default: P2G_TOKEN).")
    var token: String?

    func run() async throws {
        let settings = OperatorSettings()
        let base: URL
        if let matching {
            guard let url = URL(string: matching), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw OperatorError("--matching is not an http(s) URL such as http://127.0.0.1:8082: '\(matching)'")
            }
            base = url
        } else {
            base = try settings.baseURL(of: .matching)
        }
        var path = "/workflows?limit=1000"
        if let stage {
            guard stage.allSatisfy({ $0.isLetter }) else { throw OperatorError("--stage is a step's name, such as roadMap: '\(stage)'") }
            path += "&stage=\(stage)"
        }
        let text = base.absoluteString.hasSuffix("/") ? String(base.absoluteString.dropLast()) : base.absoluteString
        guard let url = URL(string: text + path) else { throw OperatorError("cannot make a URL of \(text) and \(path)") }
        var request = URLRequest(url: url)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let token = token ?? settings.token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let data: Data
        let status: Int
        do {
            let (body, response) = try await URLSession.shared.data(for: request)
            data = body
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
        } catch {
            throw OperatorError("cannot reach pairing-matching at \(text): \(error.localizedDescription)")
        }
        guard status == 200 else {
            let detail = String(decoding: data.prefix(300), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            throw OperatorError(
                "pairing-matching answered GET /workflows with HTTP \(status)\(status == 401 || status == 403 ? " (give a token with --token or P2G_TOKEN)" : ""): \(detail)"
            )
        }
        let listing: WorkflowListing
        do {
            listing = try WorkflowListing.decode(data)
        } catch {
            throw OperatorError("pairing-matching's answer to GET /workflows is not what p2gctl expects: \(error)")
        }
        print(listing.table().render())
        let overdue = listing.items.filter { $0.next?.overdue == true }.count
        print("\(listing.total) cycles, \(overdue) overdue")
    }
}
