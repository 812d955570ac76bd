import ServiceKit

extension ProblemDetails {
    /// 422 naming every invalid field and why.
    static func invalid(_ input: InvalidInput, title: String) -> ProblemDetails {
        ProblemDetails(
            status: .unprocessableContent, title: title,
            detail:
                "\(input.subject.prefix(1).uppercased() + input.subject.dropFirst()): check \(input.invalidFields.map(\.name).joined(separator: ", ")).",
            invalidParams: input.invalidFields.map { .init(name: $0.name, reason: $0.reason) })
    }

    /// 409: the record is not in a state that allows the request.
    static func conflict(_ detail: String) -> ProblemDetails {
        ProblemDetails(status: .conflict, title: "Not possible now", detail: detail)
    }
}
