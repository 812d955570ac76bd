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
        .workflowNotice: [
            "en": Set(
                subject:
                    "{{#meetingReminder}}Your joint team's kickoff meeting is coming up{{/meetingReminder}}{{#reassessmentRequested}}Time to reassess your community's needs{{/reassessmentRequested}}{{#overdueReminder}}Overdue: {{step}}{{/overdueReminder}}{{#escalation}}Escalated to you: {{step}} is overdue{{/escalation}}{{#cycleClosed}}Your pairing's three-year cycle has closed{{/cycleClosed}}",
                text: """
                    {{% CONTENT_TYPE: TEXT}}Hello {{name}},

                    {{#meetingReminder}}Your joint team's kickoff meeting begins {{meetingAt}}.{{/meetingReminder}}{{#reassessmentRequested}}Six months on, your team is asked to reassess the community's needs (reassessment {{occurrence}}), by {{dueAt}}.{{/reassessmentRequested}}{{#overdueReminder}}{{step}} was due {{dueAt}} and is not in yet. Please complete it with your team.{{/overdueReminder}}{{#escalation}}{{step}} was due {{dueAt}} and is still not in after the team was reminded. It is now with you as the Agency's coordinator.{{/escalation}}{{#cycleClosed}}The pairing's cycle has closed: {{summary}}.{{/cycleClosed}}

                    Change what you receive: {{preferencesURL}}
                    """,
                html: """
                    <p>Hello {{name}},</p>
                    {{#meetingReminder}}<p>Your joint team's kickoff meeting begins <time>{{meetingAt}}</time>.</p>{{/meetingReminder}}
                    {{#reassessmentRequested}}<p>Six months on, your team is asked to reassess the community's needs (reassessment {{occurrence}}), by <time>{{dueAt}}</time>.</p>{{/reassessmentRequested}}
                    {{#overdueReminder}}<p>{{step}} was due <time>{{dueAt}}</time> and is not in yet. Please complete it with your team.</p>{{/overdueReminder}}
                    {{#escalation}}<p>{{step}} was due <time>{{dueAt}}</time> and is still not in after the team was reminded. It is now with you as the Agency's coordinator.</p>{{/escalation}}
                    {{#cycleClosed}}<p>The pairing's cycle has closed: {{summary}}.</p>{{/cycleClosed}}
                    """),
            "he": Set(
                subject:
                    "{{#meetingReminder}}פגישת הפתיחה של הצוות המשותף מתקרבת{{/meetingReminder}}{{#reassessmentRequested}}הגיע הזמן להערכת צרכים חוזרת{{/reassessmentRequested}}{{#overdueReminder}}באיחור: {{step}}{{/overdueReminder}}{{#escalation}}הועבר לטיפולך: {{step}} באיחור{{/escalation}}{{#cycleClosed}}מחזור השותפות בן שלוש השנים הסתיים{{/cycleClosed}}",
                text: """
                    {{% CONTENT_TYPE: TEXT}}שלום {{name}},

                    {{#meetingReminder}}פגישת הפתיחה של הצוות המשותף תתחיל {{meetingAt}} ({{hebrewDate}}).{{/meetingReminder}}{{#reassessmentRequested}}עברו שישה חודשים: הצוות מתבקש להעריך מחדש את צורכי הקהילה (הערכה חוזרת {{occurrence}}) עד {{dueAt}}.{{/reassessmentRequested}}{{#overdueReminder}}{{step}}: המועד היה {{dueAt}} וטרם הושלם. נא להשלים עם הצוות.{{/overdueReminder}}{{#escalation}}{{step}}: המועד היה {{dueAt}} וטרם הושלם גם אחרי התזכורת לצוות. הנושא עבר לטיפולך כרכז/ת הסוכנות.{{/escalation}}{{#cycleClosed}}מחזור השותפות הסתיים: {{summary}}.{{/cycleClosed}}

                    לשינוי ההתראות: {{preferencesURL}}
                    """,
                html: """
                    <p>שלום {{name}},</p>
                    {{#meetingReminder}}<p>פגישת הפתיחה של הצוות המשותף תתחיל <time>{{meetingAt}}</time> ({{hebrewDate}}).</p>{{/meetingReminder}}
                    {{#reassessmentRequested}}<p>עברו שישה חודשים: הצוות מתבקש להעריך מחדש את צורכי הקהילה (הערכה חוזרת {{occurrence}}) עד <time>{{dueAt}}</time>.</p>{{/reassessmentRequested}}
                    {{#overdueReminder}}<p>{{step}}: המועד היה <time>{{dueAt}}</time> וטרם הושלם. נא להשלים עם הצוות.</p>{{/overdueReminder}}
                    {{#escalation}}<p>{{step}}: המועד היה <time>{{dueAt}}</time> וטרם הושלם גם אחרי התזכורת לצוות. הנושא עבר לטיפולך כרכז/ת הסוכנות.</p>{{/escalation}}
                    {{#cycleClosed}}<p>מחזור השותפות הסתיים: {{summary}}.</p>{{/cycleClosed}}
                    """),
        ],
    ]

    /// What the delegations and programs are called in each language.
    static let words: [String: [String: String]] = [
        "en": [
            "impacted": "the Israeli community", "supporting": "the global community", "agency": "the Jewish Agency",
            "communities2gether": "Communities2Gether", "partnership2gether": "Partnership2Gether",
            "kickoffMeeting": "The kickoff meeting", "needsAssessment": "The needs assessment", "roadMap": "The road map",
            "fundingCommitment": "A funding commitment against the road map", "reassessment": "The reassessment",
            "matching": "The pairing", "jointTeam": "The joint team", "closing": "The cycle's close",
        ],
        "he": [
            "impacted": "הקהילה הישראלית", "supporting": "הקהילה בתפוצות", "agency": "הסוכנות היהודית",
            "communities2gether": "קהילות2גדר", "partnership2gether": "שותפות2גדר",
            "kickoffMeeting": "פגישת הפתיחה", "needsAssessment": "הערכת הצרכים", "roadMap": "מפת הדרכים",
            "fundingCommitment": "התחייבות מימון למפת הדרכים", "reassessment": "הערכת הצרכים החוזרת",
            "matching": "השיבוץ", "jointTeam": "הצוות המשותף", "closing": "סיום המחזור",
        ],
    ]
}
