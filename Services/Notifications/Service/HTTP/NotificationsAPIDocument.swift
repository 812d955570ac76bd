/// The notifications service's own OpenAPI 3.1 document: its routes and schemas, to which ServiceKit adds the common ones.
enum NotificationsAPIDocument {
    static let json = #"""
        {
            "openapi": "3.1.0",
            "info": {
                "title": "p2g notifications",
                "version": "1",
                "description": "Notifies communities' coordinators, starting with a welcome on registration; keeps its recipients and the notifications it owes them. Every response carries a W3C traceparent header, continuing the request's traceparent when it has one."
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
                    }
                }
            }
        }
        """#
}
