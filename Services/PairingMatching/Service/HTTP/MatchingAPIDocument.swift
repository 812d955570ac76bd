/// The pairing matching service's own OpenAPI 3.1 document: its routes and schemas, to which ServiceKit adds the common ones.
enum MatchingAPIDocument {
    static let json = #"""
        {
            "openapi": "3.1.0",
            "info": {
                "title": "p2g pairing matching",
                "version": "1",
                "description": "Pairs Israeli localities with global communities; keeps its own copy of the registry's communities to score pairings on. Every response carries a W3C traceparent header, continuing the request's traceparent when it has one."
            },
            "paths": {
                "/communities": {
                    "get": {
                        "operationId": "listCandidateCommunities",
                        "summary": "List candidate communities",
                        "description": "The communities that can be paired (the matching service's read model of the registry), in registration order, with the total.",
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
                                            "$ref": "#/components/schemas/CandidateCommunityPage"
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
                    "CandidateCommunityPage": {
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
                                    "$ref": "#/components/schemas/CandidateCommunity"
                                }
                            }
                        },
                        "examples": [
                            {
                                "items": [
                                    {
                                        "communityId": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d",
                                        "kind": "israeliLocality",
                                        "languages": [
                                            "he",
                                            "en"
                                        ],
                                        "name": "Shlomi",
                                        "region": "Western Galilee"
                                    }
                                ],
                                "total": 1
                            }
                        ]
                    },
                    "CandidateCommunity": {
                        "type": "object",
                        "description": "A community that can be paired.",
                        "required": [
                            "communityId",
                            "name",
                            "kind",
                            "region",
                            "languages"
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
                            "kind": {
                                "type": "string",
                                "enum": [
                                    "israeliLocality",
                                    "globalCommunity"
                                ],
                                "description": "israeliLocality: a town, kibbutz or moshav in Israel; globalCommunity: a Jewish community abroad."
                            },
                            "region": {
                                "type": "string"
                            },
                            "languages": {
                                "type": "array",
                                "items": {
                                    "type": "string"
                                },
                                "description": "BCP 47 language tags in order of preference."
                            }
                        }
                    }
                }
            }
        }
        """#
}
