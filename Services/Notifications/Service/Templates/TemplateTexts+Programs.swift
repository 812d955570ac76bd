/// The templates of the notifications about programs, registrations and funding, in English and
/// Hebrew; readers of other languages get the first of theirs that has templates, else English.
extension TemplateTexts {
    /// Every kind's templates.
    static var allSets: [NotificationKind: [String: Set]] { sets.merging(programSets) { first, _ in first } }

    /// What the reasons for a move and other words the events carry are called in each language.
    static let programWords: [String: [String: String]] = [
        "en": [
            "participant-unavailable": "a participant cannot come", "venue-closed": "the venue is closed",
            "venue-unavailable": "the venue is not available",
        ],
        "he": [
            "participant-unavailable": "אחד המשתתפים אינו יכול להגיע", "venue-closed": "המקום סגור",
            "venue-unavailable": "המקום אינו פנוי",
        ],
    ]

    static let programSets: [NotificationKind: [String: Set]] = [
        .programScheduled: [
            "en": Set(
                subject: "Your sessions of {{title}}",
                text: """
                    {{% CONTENT_TYPE: TEXT}}Hello {{name}},

                    {{title}} is scheduled. You take part in {{sessionCount}} session(s), the first on {{hebrewDate}}:
                    {{#sessions}}
                    - {{startsAt}} to {{endsAtTime}}{{#online}}, online{{/online}}
                    {{/sessions}}

                    Change what you receive: {{preferencesURL}}
                    """,
                html: """
                    <p>Hello {{name}},</p>
                    <p>{{title}} is scheduled. You take part in {{sessionCount}} session(s), the first on {{hebrewDate}}:</p>
                    <ul>
                    {{#sessions}}<li><time>{{startsAt}}</time> to <time>{{endsAtTime}}</time>{{#online}}, online{{/online}}</li>
                    {{/sessions}}</ul>
                    """),
            "he": Set(
                subject: "המפגשים שלך ב{{title}}",
                text: """
                    {{% CONTENT_TYPE: TEXT}}שלום {{name}},

                    {{title}} נקבעה. את/ה משתתף/ת ב־{{sessionCount}} מפגשים, הראשון ב־{{hebrewDate}}:
                    {{#sessions}}
                    - {{startsAt}} עד {{endsAtTime}}{{#online}}, מקוון{{/online}}
                    {{/sessions}}

                    לשינוי ההתראות: {{preferencesURL}}
                    """,
                html: """
                    <p>שלום {{name}},</p>
                    <p>{{title}} נקבעה. את/ה משתתף/ת ב־{{sessionCount}} מפגשים, הראשון ב־{{hebrewDate}}:</p>
                    <ul>
                    {{#sessions}}<li><time>{{startsAt}}</time> עד <time>{{endsAtTime}}</time>{{#online}}, מקוון{{/online}}</li>
                    {{/sessions}}</ul>
                    """),
        ],
        .sessionRescheduled: [
            "en": Set(
                subject: "A session of {{title}} moved",
                text: """
                    {{% CONTENT_TYPE: TEXT}}Hello {{name}},

                    A session of {{title}} you take part in moved ({{reason}}).
                    It was: {{previousStartsAt}}.
                    It is now: {{startsAt}} to {{endsAtTime}}{{#online}}, online{{/online}} ({{hebrewDate}}).

                    Change what you receive: {{preferencesURL}}
                    """,
                html: """
                    <p>Hello {{name}},</p>
                    <p>A session of {{title}} you take part in moved ({{reason}}).</p>
                    <p>It was: <del><time>{{previousStartsAt}}</time></del></p>
                    <p>It is now: <time>{{startsAt}}</time> to <time>{{endsAtTime}}</time>{{#online}}, online{{/online}} ({{hebrewDate}})</p>
                    """),
            "he": Set(
                subject: "מפגש של {{title}} הוזז",
                text: """
                    {{% CONTENT_TYPE: TEXT}}שלום {{name}},

                    מפגש של {{title}} שבו את/ה משתתף/ת הוזז ({{reason}}).
                    המועד הקודם: {{previousStartsAt}}.
                    המועד החדש: {{startsAt}} עד {{endsAtTime}}{{#online}}, מקוון{{/online}} ({{hebrewDate}}).

                    לשינוי ההתראות: {{preferencesURL}}
                    """,
                html: """
                    <p>שלום {{name}},</p>
                    <p>מפגש של {{title}} שבו את/ה משתתף/ת הוזז ({{reason}}).</p>
                    <p>המועד הקודם: <del><time>{{previousStartsAt}}</time></del></p>
                    <p>המועד החדש: <time>{{startsAt}}</time> עד <time>{{endsAtTime}}</time>{{#online}}, מקוון{{/online}} ({{hebrewDate}})</p>
                    """),
        ],
        .registrationConfirmed: [
            "en": Set(
                subject: "Your registration{{#title}} for {{title}}{{/title}} is confirmed",
                text: """
                    {{% CONTENT_TYPE: TEXT}}Hello {{name}},

                    Your registration{{#title}} for {{title}}{{/title}} is confirmed: you have a seat.
                    {{#sessionStartsAt}}The session: {{sessionStartsAt}} to {{sessionEndsAtTime}}.{{/sessionStartsAt}}

                    Change what you receive: {{preferencesURL}}
                    """,
                html: """
                    <p>Hello {{name}},</p>
                    <p>Your registration{{#title}} for {{title}}{{/title}} is confirmed: you have a seat.</p>
                    {{#sessionStartsAt}}<p>The session: <time>{{sessionStartsAt}}</time> to <time>{{sessionEndsAtTime}}</time>.</p>{{/sessionStartsAt}}
                    """),
            "he": Set(
                subject: "ההרשמה שלך{{#title}} ל{{title}}{{/title}} אושרה",
                text: """
                    {{% CONTENT_TYPE: TEXT}}שלום {{name}},

                    ההרשמה שלך{{#title}} ל{{title}}{{/title}} אושרה: שמור לך מקום.
                    {{#sessionStartsAt}}המפגש: {{sessionStartsAt}} עד {{sessionEndsAtTime}} ({{hebrewDate}}).{{/sessionStartsAt}}

                    לשינוי ההתראות: {{preferencesURL}}
                    """,
                html: """
                    <p>שלום {{name}},</p>
                    <p>ההרשמה שלך{{#title}} ל{{title}}{{/title}} אושרה: שמור לך מקום.</p>
                    {{#sessionStartsAt}}<p>המפגש: <time>{{sessionStartsAt}}</time> עד <time>{{sessionEndsAtTime}}</time> ({{hebrewDate}}).</p>{{/sessionStartsAt}}
                    """),
        ],
        .registrationWaitlisted: [
            "en": Set(
                subject: "You are number {{position}} on the waiting list{{#title}} for {{title}}{{/title}}",
                text: """
                    {{% CONTENT_TYPE: TEXT}}Hello {{name}},

                    Every seat{{#title}} of {{title}}{{/title}} is taken. You are number {{position}} on the waiting list; we will write to you when a seat comes free for you.

                    Change what you receive: {{preferencesURL}}
                    """,
                html: """
                    <p>Hello {{name}},</p>
                    <p>Every seat{{#title}} of {{title}}{{/title}} is taken. You are number <strong>{{position}}</strong> on the waiting list; we will write to you when a seat comes free for you.</p>
                    """),
            "he": Set(
                subject: "את/ה במקום {{position}} ברשימת ההמתנה{{#title}} ל{{title}}{{/title}}",
                text: """
                    {{% CONTENT_TYPE: TEXT}}שלום {{name}},

                    כל המקומות{{#title}} ב{{title}}{{/title}} תפוסים. את/ה במקום {{position}} ברשימת ההמתנה; נכתוב לך כשיתפנה לך מקום.

                    לשינוי ההתראות: {{preferencesURL}}
                    """,
                html: """
                    <p>שלום {{name}},</p>
                    <p>כל המקומות{{#title}} ב{{title}}{{/title}} תפוסים. את/ה במקום <strong>{{position}}</strong> ברשימת ההמתנה; נכתוב לך כשיתפנה לך מקום.</p>
                    """),
        ],
        .registrationPromoted: [
            "en": Set(
                subject: "A seat came free{{#title}} in {{title}}{{/title}}: it is yours",
                text: """
                    {{% CONTENT_TYPE: TEXT}}Hello {{name}},

                    A seat came free{{#title}} in {{title}}{{/title}} and your registration took it: you are no longer waiting.
                    {{#sessionStartsAt}}The session: {{sessionStartsAt}} to {{sessionEndsAtTime}}.{{/sessionStartsAt}}

                    Change what you receive: {{preferencesURL}}
                    """,
                html: """
                    <p>Hello {{name}},</p>
                    <p>A seat came free{{#title}} in {{title}}{{/title}} and your registration took it: you are no longer waiting.</p>
                    {{#sessionStartsAt}}<p>The session: <time>{{sessionStartsAt}}</time> to <time>{{sessionEndsAtTime}}</time>.</p>{{/sessionStartsAt}}
                    """),
            "he": Set(
                subject: "התפנה מקום{{#title}} ב{{title}}{{/title}}: הוא שלך",
                text: """
                    {{% CONTENT_TYPE: TEXT}}שלום {{name}},

                    התפנה מקום{{#title}} ב{{title}}{{/title}} וההרשמה שלך קיבלה אותו: את/ה כבר לא ממתין/ה.
                    {{#sessionStartsAt}}המפגש: {{sessionStartsAt}} עד {{sessionEndsAtTime}} ({{hebrewDate}}).{{/sessionStartsAt}}

                    לשינוי ההתראות: {{preferencesURL}}
                    """,
                html: """
                    <p>שלום {{name}},</p>
                    <p>התפנה מקום{{#title}} ב{{title}}{{/title}} וההרשמה שלך קיבלה אותו: את/ה כבר לא ממתין/ה.</p>
                    {{#sessionStartsAt}}<p>המפגש: <time>{{sessionStartsAt}}</time> עד <time>{{sessionEndsAtTime}}</time> ({{hebrewDate}}).</p>{{/sessionStartsAt}}
                    """),
        ],
        .fundingOverlap: [
            "en": Set(
                subject:
                    "Possible double funding{{#needDescription}}: {{needDescription}}{{/needDescription}}{{#communityName}} ({{communityName}}){{/communityName}}",
                text: """
                    {{% CONTENT_TYPE: TEXT}}Hello {{name}},

                    The pledges and commitments to {{#needDescription}}"{{needDescription}}"{{/needDescription}}{{^needDescription}}a need item{{/needDescription}}{{#communityName}} of {{communityName}}{{/communityName}} come to {{pledgedAndCommitted}}, more than its estimated cost of {{estimatedCost}}, from {{flowCount}} funder(s). The same need may be funded twice: please look at it.
                    Detected {{detectedAt}}. Need item {{needItemId}}.

                    Change what you receive: {{preferencesURL}}
                    """,
                html: """
                    <p>Hello {{name}},</p>
                    <p>The pledges and commitments to {{#needDescription}}“{{needDescription}}”{{/needDescription}}{{^needDescription}}a need item{{/needDescription}}{{#communityName}} of {{communityName}}{{/communityName}} come to <strong>{{pledgedAndCommitted}}</strong>, more than its estimated cost of {{estimatedCost}}, from {{flowCount}} funder(s). The same need may be funded twice: please look at it.</p>
                    <p>Detected <time>{{detectedAt}}</time>. Need item <code>{{needItemId}}</code>.</p>
                    """),
            "he": Set(
                subject:
                    "חשש למימון כפול{{#needDescription}}: {{needDescription}}{{/needDescription}}{{#communityName}} ({{communityName}}){{/communityName}}",
                text: """
                    {{% CONTENT_TYPE: TEXT}}שלום {{name}},

                    ההתחייבויות וההבטחות ל{{#needDescription}}"{{needDescription}}"{{/needDescription}}{{^needDescription}}פריט צורך{{/needDescription}}{{#communityName}} של {{communityName}}{{/communityName}} מגיעות ל־{{pledgedAndCommitted}}, יותר מהעלות המוערכת, {{estimatedCost}}, מ־{{flowCount}} מממנים. ייתכן שאותו צורך ימומן פעמיים: נא לבדוק.
                    זוהה {{detectedAt}} ({{hebrewDate}}). פריט {{needItemId}}.

                    לשינוי ההתראות: {{preferencesURL}}
                    """,
                html: """
                    <p>שלום {{name}},</p>
                    <p>ההתחייבויות וההבטחות ל{{#needDescription}}„{{needDescription}}”{{/needDescription}}{{^needDescription}}פריט צורך{{/needDescription}}{{#communityName}} של {{communityName}}{{/communityName}} מגיעות ל־<strong>{{pledgedAndCommitted}}</strong>, יותר מהעלות המוערכת, {{estimatedCost}}, מ־{{flowCount}} מממנים. ייתכן שאותו צורך ימומן פעמיים: נא לבדוק.</p>
                    <p>זוהה <time>{{detectedAt}}</time> ({{hebrewDate}}). פריט <code dir="ltr">{{needItemId}}</code>.</p>
                    """),
        ],
    ]
}
