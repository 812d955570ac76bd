import Foundation
import Hummingbird

/// The preferences page, in the volunteer's language (Hebrew right to left, else English).
struct PreferencesPage {
    var page: PreferenceStore.Page
    var saved: Bool
    var token: String?
    var volunteer: UUID

    struct Words {
        var title, email, quietStart, quietEnd, subscribed, save, saved, unsubscribed: String
        var kinds: [NotificationKind: String] = [:]
        var digest = "Daily digest at"
        var noDigest = "no digest: each as it comes"
        var textMessages = "Send me text messages (SMS) too"
    }

    /// The kinds a volunteer may turn off one by one (a welcome comes once, before any choice).
    static let choosableKinds: [NotificationKind] = [
        .jointTeamFormed, .announcement, .programScheduled, .sessionRescheduled, .registrationConfirmed, .registrationWaitlisted,
        .registrationPromoted, .fundingOverlap, .workflowNotice,
    ]

    static let words: [String: Words] = [
        "en": Words(
            title: "Your notification preferences", email: "Send me e-mail", quietStart: "Quiet hours from",
            quietEnd: "until", subscribed: "Receive notifications (uncheck to unsubscribe)", save: "Save",
            saved: "Your preferences are saved.", unsubscribed: "You are unsubscribed: only critical notices will reach you.",
            kinds: [
                .jointTeamFormed: "Joint team notices", .announcement: "Announcements", .programScheduled: "My program sessions",
                .sessionRescheduled: "Sessions that move", .registrationConfirmed: "Registrations confirmed",
                .registrationWaitlisted: "Places on a waiting list", .registrationPromoted: "Seats that come free",
                .fundingOverlap: "Funding overlaps (coordinators)", .workflowNotice: "My team's needs-assessment reminders",
            ]),
        "he": Words(
            title: "העדפות ההתראות שלך", email: "שלחו לי דואר אלקטרוני", quietStart: "שעות שקט מ־", quietEnd: "עד",
            subscribed: "קבלת התראות (בטלו את הסימון להסרה)", save: "שמירה", saved: "ההעדפות שלך נשמרו.",
            unsubscribed: "הוסרת מרשימת התפוצה: רק הודעות קריטיות יגיעו אליך.",
            kinds: [
                .jointTeamFormed: "הודעות על צוותים משותפים", .announcement: "הודעות רכזים", .programScheduled: "המפגשים שלי בתוכניות",
                .sessionRescheduled: "מפגשים שהוזזו", .registrationConfirmed: "אישורי הרשמה", .registrationWaitlisted: "מקום ברשימת המתנה",
                .registrationPromoted: "מקומות שהתפנו", .fundingOverlap: "חשש למימון כפול (רכזים)",
                .workflowNotice: "תזכורות הצוות להערכת הצרכים",
            ], digest: "סיכום יומי בשעה", noDigest: "ללא סיכום: כל התראה בזמנה", textMessages: "שלחו לי גם הודעות טקסט (SMS)"),
    ]

    func response() -> Response {
        let language = NotificationTemplates.language(for: page.languages)
        let words = Self.words[language] ?? Self.words["en"].unsafelyUnwrappedFallback
        let direction = language == "he" ? "rtl" : "ltr"
        let id = volunteer.uuidString.lowercased()
        let query = token.map { "?access_token=\(Self.escape($0))" } ?? ""
        func time(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
        let kindBoxes = Self.choosableKinds.map { kind in
            let checked = page.mutedKinds.contains(kind.rawValue) ? "" : " checked"
            return
                "<label><input type=\"checkbox\" name=\"kind.\(kind.rawValue)\" id=\"kind.\(kind.rawValue)\"\(checked)> \(words.kinds[kind] ?? kind.rawValue)</label><br>"
        }.joined(separator: "\n")
        let digestOptions =
            "<option value=\"\"\(page.digestHour == nil ? " selected" : "")>\(words.noDigest)</option>"
            + (0..<24).map { hour in
                "<option value=\"\(hour)\"\(page.digestHour == hour ? " selected" : "")>\(String(format: "%02d:00", hour))</option>"
            }.joined()
        let html = """
            <!DOCTYPE html>
            <html lang="\(language)" dir="\(direction)">
            <head><meta charset="utf-8"><title>\(words.title)</title></head>
            <body>
            <h1>\(words.title)</h1>
            <p id="greeting">\(Self.escape(page.name))</p>
            \(saved ? "<p id=\"saved\">\(words.saved)</p>" : "")
            \(page.unsubscribed ? "<p id=\"unsubscribed\">\(words.unsubscribed)</p>" : "")
            <form id="preferences" method="post" action="/preferences/\(id)\(query)">
            <label><input type="checkbox" name="email" id="email"\(page.emailEnabled ? " checked" : "")> \(words.email)</label><br>
            <label><input type="checkbox" name="sms" id="sms"\(page.smsEnabled ? " checked" : "")> \(words.textMessages)</label><br>
            <label>\(words.quietStart) <input type="time" name="quietStart" id="quietStart" value="\(time(page.quietHours.start))"></label>
            <label>\(words.quietEnd) <input type="time" name="quietEnd" id="quietEnd" value="\(time(page.quietHours.end))"></label><br>
            \(kindBoxes)
            <label>\(words.digest) <select name="digestHour" id="digestHour">\(digestOptions)</select></label><br>
            <label><input type="checkbox" name="subscribed" id="subscribed"\(page.unsubscribed ? "" : " checked")> \(words.subscribed)</label><br>
            <button type="submit" id="save">\(words.save)</button>
            </form>
            </body>
            </html>
            """
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

extension Optional where Wrapped == PreferencesPage.Words {
    /// English is always there; this keeps the page free of a force unwrap.
    fileprivate var unsafelyUnwrappedFallback: PreferencesPage.Words {
        self
            ?? PreferencesPage.Words(
                title: "", email: "", quietStart: "", quietEnd: "", subscribed: "", save: "", saved: "", unsubscribed: "")
    }
}
