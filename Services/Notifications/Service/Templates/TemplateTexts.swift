/// The notifications' templates, one set per kind and language: a subject, a plain-text body
/// and an HTML body, in Mustache. The HTML of every language goes inside ``layout``, which sets
/// the document's language and direction.
enum TemplateTexts {
    /// Languages with templates of their own; the others fall back (see ``NotificationTemplates``).
    static let languages = ["en", "he"]

    struct Set {
        var subject: String
        var text: String
        var html: String
    }

    static let layout = """
        <!DOCTYPE html>
        <html lang="{{language}}" dir="{{direction}}">
        <head><meta charset="utf-8"><title>{{subject}}</title></head>
        <body dir="{{direction}}" style="font-family: Arial, sans-serif; text-align: {{align}};">
        {{{content}}}
        <hr>
        <p style="font-size: small;"><a href="{{preferencesURL}}">{{preferencesLabel}}</a> · <a href="{{unsubscribeURL}}">{{unsubscribeLabel}}</a></p>
        </body>
        </html>
        """

    static let footer: [String: (preferences: String, unsubscribe: String)] = [
        "en": ("Your notification preferences", "Unsubscribe"),
        "he": ("העדפות ההתראות שלך", "הסרה מרשימת התפוצה"),
    ]

    static let sets: [NotificationKind: [String: Set]] = [
        .volunteerWelcome: [
            "en": Set(
                subject: "Welcome to Partnership2Gether, {{name}}",
                text: """
                    {{% CONTENT_TYPE: TEXT}}Hello {{name}},

                    You are now registered as a Partnership2Gether volunteer ({{registeredAt}}).
                    We will write to you here about your teams, programs and announcements.

                    Change what you receive: {{preferencesURL}}
                    """,
                html: """
                    <p>Hello {{name}},</p>
                    <p>You are now registered as a Partnership2Gether volunteer ({{registeredAt}}).</p>
                    <p>We will write to you here about your teams, programs and announcements.</p>
                    """),
            "he": Set(
                subject: "ברוכים הבאים לשותפות2גדר, {{name}}",
                text: """
                    {{% CONTENT_TYPE: TEXT}}שלום {{name}},

                    נרשמת כמתנדב/ת בשותפות2גדר ({{registeredAt}}, {{hebrewDate}}).
                    נכתוב לך כאן על הצוותים, התוכניות וההודעות שלך.

                    לשינוי ההתראות: {{preferencesURL}}
                    """,
                html: """
                    <p>שלום {{name}},</p>
                    <p>נרשמת כמתנדב/ת בשותפות2גדר ({{registeredAt}}, {{hebrewDate}}).</p>
                    <p>נכתוב לך כאן על הצוותים, התוכניות וההודעות שלך.</p>
                    """),
        ],
        .jointTeamFormed: [
            "en": Set(
                subject: "You are on a joint team",
                text: """
                    {{% CONTENT_TYPE: TEXT}}Hello {{name}},

                    You are on the joint team formed {{formedAt}} for a {{programName}} pairing, representing {{delegation}}.
                    {{#workingLanguage}}The team works in {{workingLanguage}}.{{/workingLanguage}}{{#interpreterNeeded}}The team meets with an interpreter.{{/interpreterNeeded}}

                    Change what you receive: {{preferencesURL}}
                    """,
                html: """
                    <p>Hello {{name}},</p>
                    <p>You are on the joint team formed <time>{{formedAt}}</time> for a {{programName}} pairing, representing {{delegation}}.</p>
                    {{#workingLanguage}}<p>The team works in {{workingLanguage}}.</p>{{/workingLanguage}}
                    {{#interpreterNeeded}}<p>The team meets with an interpreter.</p>{{/interpreterNeeded}}
                    """),
            "he": Set(
                subject: "צירפנו אותך לצוות משותף",
                text: """
                    {{% CONTENT_TYPE: TEXT}}שלום {{name}},

                    צירפנו אותך לצוות המשותף שהוקם {{formedAt}} ({{hebrewDate}}) לשותפות {{programName}}, כנציג/ת {{delegation}}.
                    {{#workingLanguage}}שפת העבודה של הצוות: {{workingLanguage}}.{{/workingLanguage}}{{#interpreterNeeded}}הצוות נפגש בליווי מתורגמן.{{/interpreterNeeded}}

                    לשינוי ההתראות: {{preferencesURL}}
                    """,
                html: """
                    <p>שלום {{name}},</p>
                    <p>צירפנו אותך לצוות המשותף שהוקם <time>{{formedAt}}</time> ({{hebrewDate}}) לשותפות {{programName}}, כנציג/ת {{delegation}}.</p>
                    {{#workingLanguage}}<p>שפת העבודה של הצוות: {{workingLanguage}}.</p>{{/workingLanguage}}
                    {{#interpreterNeeded}}<p>הצוות נפגש בליווי מתורגמן.</p>{{/interpreterNeeded}}
                    """),
        ],
    ]

    /// What the delegations and programs are called in each language.
    static let words: [String: [String: String]] = [
        "en": [
            "impacted": "the Israeli community", "supporting": "the global community", "agency": "the Jewish Agency",
            "communities2gether": "Communities2Gether", "partnership2gether": "Partnership2Gether",
        ],
        "he": [
            "impacted": "הקהילה הישראלית", "supporting": "הקהילה בתפוצות", "agency": "הסוכנות היהודית",
            "communities2gether": "קהילות2גדר", "partnership2gether": "שותפות2גדר",
        ],
    ]
}
