/// The notifications service's own OpenAPI 3.1 document: its routes and schemas, to which ServiceKit adds the common ones.
enum NotificationsAPIDocument {
    static let json = #"""
        {
            "openapi": "3.1.0",
            "info": {
                "title": "p2g notifications",
                "version": "1",
                "description": "Notifies volunteers and communities' coordinators by e-mail, in their language, outside their quiet hours and never on Shabbat or a festival at their place: a welcome to each registered volunteer, a notice to each member of a new joint team. Keeps its recipients, the deliveries it owes them with their status, and each volunteer's preferences, which the volunteer changes on a page reached by the signed link in every e-mail. Every response carries a W3C traceparent header, continuing the request's traceparent when it has one."
            },
            "paths": {
                "/communities": {
                    "get": {
                        "operationId": "listRecipients",
                        "summary": "List notification recipients",
                        "description": "Each recipient community with the number of notifications recorded for it (no addresses: they are personal data), in the order recorded, with the total.",
                        "tags": [
                            "communities"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/Limit"
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "A page of the read model, with the total.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/RecipientPage"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "$ref": "#/components/responses/InvalidLimit"
                            }
                        }
                    }
                },
                "/preferences/{volunteerId}": {
                    "get": {
                        "operationId": "getPreferencesPage",
                        "summary": "The volunteer's preferences page",
                        "description": "A small HTML page in the volunteer's language and direction (Hebrew right to left) with their choices: e-mail on or off, quiet hours, subscribed or not. Reached from the signed link in every e-mail (its access_token is a token for this volunteer alone); an Agency coordinator may open it too.",
                        "tags": [
                            "preferences"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/VolunteerIdPath"
                            },
                            {
                                "$ref": "#/components/parameters/AccessToken"
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The page.",
                                "content": {
                                    "text/html": {
                                        "schema": {
                                            "type": "string"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID, or a field of the form is not valid (quiet hours as HH:MM).",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "401": {
                                "$ref": "#/components/responses/Unauthorized"
                            },
                            "403": {
                                "$ref": "#/components/responses/Forbidden"
                            },
                            "404": {
                                "description": "No volunteer with this id receives notifications (unknown, or erased).",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            }
                        }
                    },
                    "post": {
                        "operationId": "savePreferences",
                        "summary": "Save the volunteer's preferences",
                        "description": "The page's form: `email` (present: e-mail on), `quietStart` and `quietEnd` (HH:MM in the volunteer's time zone), `subscribed` (present: receive notifications; absent: unsubscribed from all but critical notices), `sms` (present: text messages too, at a consented phone number), `kind.<kind>` for joint-team-formed, announcement, program-scheduled, session-rescheduled, registration-confirmed, registration-waitlisted, registration-promoted and funding-overlap (present: receive that kind; absent: not), `digestHour` (empty, or the local hour of a daily digest). Answers with the page, saved.",
                        "tags": [
                            "preferences"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/VolunteerIdPath"
                            },
                            {
                                "$ref": "#/components/parameters/AccessToken"
                            }
                        ],
                        "requestBody": {
                            "required": false,
                            "content": {
                                "application/x-www-form-urlencoded": {
                                    "schema": {
                                        "$ref": "#/components/schemas/PreferencesForm"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "The page, with the choices saved.",
                                "content": {
                                    "text/html": {
                                        "schema": {
                                            "type": "string"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The form is over 16 KiB.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "415": {
                                "description": "The body is not a form.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID, or a field of the form is not valid (quiet hours as HH:MM).",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "401": {
                                "$ref": "#/components/responses/Unauthorized"
                            },
                            "403": {
                                "$ref": "#/components/responses/Forbidden"
                            },
                            "404": {
                                "description": "No volunteer with this id receives notifications (unknown, or erased).",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            }
                        }
                    }
                },
                "/unsubscribe/{volunteerId}": {
                    "post": {
                        "operationId": "unsubscribe",
                        "summary": "One-click unsubscribe (RFC 8058)",
                        "description": "The List-Unsubscribe link of every e-mail, POSTed by the mail client with the body List-Unsubscribe=One-Click: the volunteer receives nothing but critical notices from then on. Answers with the preferences page.",
                        "tags": [
                            "preferences"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/VolunteerIdPath"
                            },
                            {
                                "$ref": "#/components/parameters/AccessToken"
                            }
                        ],
                        "requestBody": {
                            "required": false,
                            "content": {
                                "application/x-www-form-urlencoded": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "List-Unsubscribe": {
                                                "type": "string",
                                                "enum": [
                                                    "One-Click"
                                                ]
                                            }
                                        }
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "Unsubscribed; the preferences page.",
                                "content": {
                                    "text/html": {
                                        "schema": {
                                            "type": "string"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is over 16 KiB.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "415": {
                                "description": "The body is not a form.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID, or a field of the form is not valid (quiet hours as HH:MM).",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "401": {
                                "$ref": "#/components/responses/Unauthorized"
                            },
                            "403": {
                                "$ref": "#/components/responses/Forbidden"
                            },
                            "404": {
                                "description": "No volunteer with this id receives notifications (unknown, or erased).",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            }
                        }
                    }
                },
                "/bounces": {
                    "post": {
                        "operationId": "recordBounce",
                        "summary": "Record a bounce that came back for an e-mail",
                        "description": "A delivery status notification (RFC 3464: multipart/report; report-type=delivery-status, with its message/delivery-status part and the returned message or its headers), the raw message as the relay's inbound-mail webhook received it. It is matched to the delivery by the return path it was sent to (every e-mail's envelope sender is the bounce address with +<delivery id> in its local part: the report's To, X-Original-To or Delivered-To), else by the returned message's Message-ID. A failure (Action: failed) of an e-mail that was sent makes it bounced and publishes notifications.delivery-failed.v1; a permanent one (Status 5.x.x) also marks the volunteer's address undeliverable, so that later e-mails to it are suppressed until the registry announces another address. A delay (Action: delayed) is recorded and changes nothing else. The same report posted again changes nothing. Open to an automation token (the webhook's) and Agency coordinators.",
                        "tags": [
                            "bounces"
                        ],
                        "requestBody": {
                            "required": true,
                            "content": {
                                "message/rfc822": {
                                    "schema": {
                                        "type": "string"
                                    }
                                },
                                "text/plain": {
                                    "schema": {
                                        "type": "string"
                                    },
                                    "example": "To: notifications+0193e0a4-1b2c-7d3e-8f40-123456789abc@p2g.localhost\r\nFrom: MAILER-DAEMON@mx.example.org\r\nSubject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nThe message could not be delivered.\r\n--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; volunteer@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n--b1\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <0193e0a4-1b2c-7d3e-8f40-123456789abc@notifications.p2g>\r\nSubject: Welcome\r\n--b1--\r\n"
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "Recorded (or posted before: duplicate, nothing changed); what became of the delivery.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/BounceOutcome"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The body is not an e-mail message (it does not begin with header fields).",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No delivery of this service matches the report: neither its return path nor the returned Message-ID names one.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is over 1 MiB.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "415": {
                                "description": "The body is neither message/rfc822 nor text/plain.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "422": {
                                "description": "The message is not a delivery status notification: no message/delivery-status part, or no recipient in it with a valid Action and Status.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "401": {
                                "$ref": "#/components/responses/Unauthorized"
                            },
                            "403": {
                                "$ref": "#/components/responses/Forbidden"
                            }
                        }
                    }
                },
                "/announcements": {
                    "post": {
                        "operationId": "createAnnouncement",
                        "summary": "Announce to the volunteers of a community",
                        "description": "An Agency coordinator's announcement, a subject and a body per language (he, en, ru, es, fr, uk), to every volunteer of the community who is not erased: each gets it in the first of their languages it is written in (else English, else any), by e-mail, under the same rules as every notification (their preferences unless critical, quiet hours unless critical, never on Shabbat or a festival at their place). The same Idempotency-Key again answers 200 with the announcement it made.",
                        "tags": [
                            "announcements"
                        ],
                        "parameters": [
                            {
                                "name": "Idempotency-Key",
                                "in": "header",
                                "required": false,
                                "description": "1 to 200 characters; the same key again answers with the announcement it made.",
                                "schema": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/AnnouncementRequest"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "Recorded; its progress so far, with a Location header.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/AnnouncementProgress"
                                        }
                                    }
                                }
                            },
                            "200": {
                                "description": "Made before under this Idempotency-Key; its progress.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/AnnouncementProgress"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The body is not JSON of an announcement, or the Idempotency-Key is empty or too long.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is over 256 KiB.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "415": {
                                "description": "The body is not application/json.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "422": {
                                "description": "Fields of the announcement are invalid: every one is named in invalid-params.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "401": {
                                "$ref": "#/components/responses/Unauthorized"
                            },
                            "403": {
                                "$ref": "#/components/responses/Forbidden"
                            }
                        }
                    }
                },
                "/announcements/{id}": {
                    "get": {
                        "operationId": "getAnnouncement",
                        "summary": "How far an announcement has gone",
                        "description": "How many of its deliveries are queued, deferred (held for Shabbat, quiet hours or a retry), sent, failed or suppressed, readable while it goes out.",
                        "tags": [
                            "announcements"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The announcement's id, a UUID.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "Its progress.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/AnnouncementProgress"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No announcement has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "401": {
                                "$ref": "#/components/responses/Unauthorized"
                            },
                            "403": {
                                "$ref": "#/components/responses/Forbidden"
                            }
                        }
                    }
                }
            },
            "components": {
                "schemas": {
                    "RecipientPage": {
                        "type": "object",
                        "description": "A page of the read model.",
                        "required": [
                            "total",
                            "items"
                        ],
                        "properties": {
                            "total": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "How many there are in all."
                            },
                            "items": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/Recipient"
                                }
                            }
                        },
                        "examples": [
                            {
                                "items": [
                                    {
                                        "communityId": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d",
                                        "language": "he",
                                        "name": "Shlomi",
                                        "notifications": 1
                                    }
                                ],
                                "total": 1
                            }
                        ]
                    },
                    "Recipient": {
                        "type": "object",
                        "description": "A community that is notified, and how many notifications it has.",
                        "required": [
                            "communityId",
                            "name",
                            "language",
                            "notifications"
                        ],
                        "properties": {
                            "communityId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                                "description": "The community's id, a lower-case UUID."
                            },
                            "name": {
                                "type": "string"
                            },
                            "language": {
                                "type": "string",
                                "enum": [
                                    "he",
                                    "en",
                                    "ru",
                                    "es",
                                    "fr",
                                    "uk"
                                ],
                                "description": "The language its notifications are written in: its first language that notifications support, or en."
                            },
                            "notifications": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "How many notifications are recorded for it."
                            }
                        }
                    },
                    "PreferencesForm": {
                        "type": "object",
                        "description": "The preferences page's form.",
                        "properties": {
                            "email": {
                                "type": "string",
                                "description": "Present (any value): e-mail on."
                            },
                            "quietStart": {
                                "type": "string",
                                "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
                                "description": "Start of quiet hours, HH:MM, default 21:00."
                            },
                            "quietEnd": {
                                "type": "string",
                                "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
                                "description": "End of quiet hours, HH:MM, default 08:00."
                            },
                            "subscribed": {
                                "type": "string",
                                "description": "Present (any value): receive notifications."
                            },
                            "kind.joint-team-formed": {
                                "type": "string",
                                "description": "Present (any value): receive joint team notices; absent: not."
                            },
                            "kind.announcement": {
                                "type": "string",
                                "description": "Present (any value): receive coordinators' announcements; absent: not."
                            },
                            "digestHour": {
                                "type": "string",
                                "pattern": "^([0-9]|1[0-9]|2[0-3])?$",
                                "description": "Empty: each notification as it comes; an hour from 0 to 23: routine notifications once a day at that hour in the volunteer's time zone, in one e-mail."
                            }
                        }
                    },
                    "AnnouncementRequest": {
                        "type": "object",
                        "description": "An announcement to the people of a community, a partnership, a committee or a program: `audience`, or `communityId` alone for a community.",
                        "required": [
                            "subjects",
                            "bodies"
                        ],
                        "properties": {
                            "audience": {
                                "$ref": "#/components/schemas/Audience"
                            },
                            "communityId": {
                                "type": "string",
                                "format": "uuid",
                                "description": "The community whose volunteers receive it (the same as an audience of kind community)."
                            },
                            "subjects": {
                                "type": "object",
                                "description": "The subject by language (he, en, ru, es, fr, uk), one line of 1 to 200 characters.",
                                "minProperties": 1,
                                "propertyNames": {
                                    "type": "string",
                                    "enum": [
                                        "he",
                                        "en",
                                        "ru",
                                        "es",
                                        "fr",
                                        "uk"
                                    ]
                                },
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            },
                            "bodies": {
                                "type": "object",
                                "description": "The body by language, the same languages as the subjects, 1 to 20,000 characters; paragraphs separated by a blank line.",
                                "minProperties": 1,
                                "propertyNames": {
                                    "type": "string",
                                    "enum": [
                                        "he",
                                        "en",
                                        "ru",
                                        "es",
                                        "fr",
                                        "uk"
                                    ]
                                },
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 20000
                                }
                            },
                            "critical": {
                                "type": "boolean",
                                "description": "A critical notice reaches those who unsubscribed too, and ignores quiet hours; never Shabbat. Default false."
                            }
                        },
                        "examples": [
                            {
                                "audience": {
                                    "kind": "partnership",
                                    "id": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d"
                                },
                                "subjects": {
                                    "en": "Steering committee on Sunday",
                                    "he": "ועדת היגוי ביום ראשון"
                                },
                                "bodies": {
                                    "en": "We meet on Sunday at 18:00.",
                                    "he": "נפגשים ביום ראשון בשעה 18:00."
                                }
                            }
                        ]
                    },
                    "Audience": {
                        "type": "object",
                        "description": "Whom an announcement goes to: a community's volunteers (by home community), a partnership's (the volunteers of its current member communities), a committee's (the volunteers holding a seat on it that day) or a program's (the volunteers expected at its sessions or with a seat).",
                        "required": [
                            "kind",
                            "id"
                        ],
                        "properties": {
                            "kind": {
                                "type": "string",
                                "enum": [
                                    "community",
                                    "partnership",
                                    "committee",
                                    "program"
                                ]
                            },
                            "id": {
                                "type": "string",
                                "format": "uuid"
                            }
                        }
                    },
                    "ChannelProgress": {
                        "type": "object",
                        "required": [
                            "queued",
                            "deferred",
                            "sent",
                            "failed",
                            "suppressed"
                        ],
                        "properties": {
                            "queued": {
                                "type": "integer",
                                "minimum": 0
                            },
                            "deferred": {
                                "type": "integer",
                                "minimum": 0
                            },
                            "sent": {
                                "type": "integer",
                                "minimum": 0
                            },
                            "failed": {
                                "type": "integer",
                                "minimum": 0
                            },
                            "suppressed": {
                                "type": "integer",
                                "minimum": 0
                            }
                        }
                    },
                    "BounceOutcome": {
                        "type": "object",
                        "description": "What a bounce report did to the delivery it names (no address).",
                        "required": [
                            "deliveryId",
                            "action",
                            "status",
                            "deliveryStatus",
                            "duplicate"
                        ],
                        "properties": {
                            "deliveryId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "action": {
                                "type": "string",
                                "enum": [
                                    "failed",
                                    "delayed",
                                    "delivered",
                                    "relayed",
                                    "expanded"
                                ],
                                "description": "The report's Action for the recipient."
                            },
                            "status": {
                                "type": "string",
                                "description": "The report's Status, e.g. 5.1.1.",
                                "examples": [
                                    "5.1.1"
                                ]
                            },
                            "deliveryStatus": {
                                "type": "string",
                                "enum": [
                                    "queued",
                                    "deferred",
                                    "sending",
                                    "sent",
                                    "failed",
                                    "bounced",
                                    "suppressed"
                                ],
                                "description": "The delivery's status after the report."
                            },
                            "duplicate": {
                                "type": "boolean",
                                "description": "True when the same report was posted before: nothing changed."
                            }
                        }
                    },
                    "AnnouncementProgress": {
                        "type": "object",
                        "description": "An announcement and how far it has gone: the counts are of its e-mails; `textMessages` of its text messages.",
                        "required": [
                            "id",
                            "audience",
                            "languages",
                            "critical",
                            "recipients",
                            "queued",
                            "deferred",
                            "sent",
                            "failed",
                            "suppressed",
                            "textMessages",
                            "createdAt"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "audience": {
                                "$ref": "#/components/schemas/Audience"
                            },
                            "communityId": {
                                "type": "string",
                                "format": "uuid",
                                "description": "For an announcement to a community."
                            },
                            "textMessages": {
                                "$ref": "#/components/schemas/ChannelProgress"
                            },
                            "languages": {
                                "type": "array",
                                "items": {
                                    "type": "string",
                                    "enum": [
                                        "he",
                                        "en",
                                        "ru",
                                        "es",
                                        "fr",
                                        "uk"
                                    ]
                                }
                            },
                            "critical": {
                                "type": "boolean"
                            },
                            "recipients": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "The people of its audience when it was made."
                            },
                            "queued": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "Waiting for their turn."
                            },
                            "deferred": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "Held for Shabbat or a festival, quiet hours, or a retry."
                            },
                            "sent": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "Taken by the relay."
                            },
                            "failed": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "Refused, past the last retry, or bounced after the relay took it."
                            },
                            "suppressed": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "Not sent: unsubscribed, e-mail off, erased, no consented address, or an address that bounced for good."
                            },
                            "createdAt": {
                                "type": "string",
                                "format": "date-time"
                            }
                        }
                    }
                },
                "parameters": {
                    "VolunteerIdPath": {
                        "name": "volunteerId",
                        "in": "path",
                        "required": true,
                        "description": "The volunteer's id in the registry, a UUID.",
                        "schema": {
                            "type": "string",
                            "format": "uuid"
                        }
                    },
                    "AccessToken": {
                        "name": "access_token",
                        "in": "query",
                        "required": false,
                        "description": "The signed link's token (RFC 6750), for a client that sends no Authorization header.",
                        "schema": {
                            "type": "string"
                        }
                    }
                }
            }
        }
        """#
}
