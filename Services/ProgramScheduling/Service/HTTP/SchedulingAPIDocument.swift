/// The program scheduling service's own OpenAPI 3.1 document: its routes and schemas, to which ServiceKit adds the common ones.
enum SchedulingAPIDocument {
    static let json = #"""
        {
            "openapi": "3.1.0",
            "info": {
                "title": "p2g program scheduling",
                "version": "1",
                "description": "Schedules programs around each community's calendar; keeps where each community is and the calendar rules that follow from it. Every response carries a W3C traceparent header, continuing the request's traceparent when it has one."
            },
            "paths": {
                "/communities": {
                    "get": {
                        "operationId": "listCommunityLocations",
                        "summary": "List community locations",
                        "description": "Each community's location and calendar rules (the scheduling service's read model of the registry), in the order recorded, with the total.",
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
                                            "$ref": "#/components/schemas/CommunityLocationPage"
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
                    "CommunityLocationPage": {
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
                                    "$ref": "#/components/schemas/CommunityLocation"
                                }
                            }
                        },
                        "examples": [
                            {
                                "items": [
                                    {
                                        "candleLightingMinutes": 18,
                                        "communityId": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d",
                                        "holidaySchedule": "israel",
                                        "name": "Shlomi",
                                        "timeZone": "Asia/Jerusalem"
                                    }
                                ],
                                "total": 1
                            }
                        ]
                    },
                    "CommunityLocation": {
                        "type": "object",
                        "description": "A community's time zone and calendar rules.",
                        "required": [
                            "communityId",
                            "name",
                            "timeZone",
                            "holidaySchedule",
                            "candleLightingMinutes"
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
                            "timeZone": {
                                "type": "string",
                                "description": "IANA time zone."
                            },
                            "holidaySchedule": {
                                "type": "string",
                                "enum": [
                                    "israel",
                                    "diaspora"
                                ],
                                "description": "Whether Israel's or the diaspora's festivals apply."
                            },
                            "candleLightingMinutes": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "Minutes before sunset that Shabbat candles are lit: 40 in Jerusalem, 30 in Haifa, 18 elsewhere."
                            }
                        }
                    }
                }
            }
        }
        """#
}
