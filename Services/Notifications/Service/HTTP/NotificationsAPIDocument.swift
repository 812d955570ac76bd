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
                        "description": "The page's form: `email` (present: e-mail on), `quietStart` and `quietEnd` (HH:MM in the volunteer's time zone), `subscribed` (present: receive notifications; absent: unsubscribed from all but critical notices). Answers with the page, saved.",
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
