/// The community registry's own OpenAPI 3.1 document: its routes and schemas, to which ServiceKit adds the common ones.
enum RegistryAPIDocument {
    static let json = #"""
        {
            "openapi": "3.1.0",
            "info": {
                "title": "p2g community registry",
                "version": "1",
                "description": "Registers communities, Israeli localities and global Jewish communities, and announces each one to the other services. Every response carries a W3C traceparent header, continuing the request's traceparent when it has one."
            },
            "paths": {
                "/communities": {
                    "post": {
                        "operationId": "registerCommunity",
                        "summary": "Register a community",
                        "description": "Registers a community and announces it (registry.community-registered.v1). The body is checked as a whole: a 422 names every invalid field. With an Idempotency-Key used before, nothing is registered and the answer is the community that key registered (the body is not compared).",
                        "tags": [
                            "communities"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/IdempotencyKey"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The community, at most 64 KiB. Sent as application/json (a request without a Content-Type is read as JSON too).",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/CommunityRegistration"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "Registered.",
                                "headers": {
                                    "Location": {
                                        "$ref": "#/components/headers/Location"
                                    }
                                },
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Community"
                                        }
                                    }
                                }
                            },
                            "200": {
                                "description": "Registered before with this Idempotency-Key: the community that key registered.",
                                "headers": {
                                    "Location": {
                                        "$ref": "#/components/headers/Location"
                                    }
                                },
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Community"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The body is not a JSON object of a community (e.g. not JSON, or a field of the wrong type), or the Idempotency-Key does not have 1 to 200 characters.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is larger than 64 KiB.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "415": {
                                "description": "The Content-Type is not application/json.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "422": {
                                "description": "Invalid fields: invalid-params names each one and why.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "allOf": [
                                                {
                                                    "$ref": "#/components/schemas/Problem"
                                                },
                                                {
                                                    "required": [
                                                        "invalid-params"
                                                    ]
                                                }
                                            ]
                                        }
                                    }
                                }
                            }
                        }
                    },
                    "get": {
                        "operationId": "listCommunities",
                        "summary": "List communities",
                        "description": "A page of communities in registration order, with the total. For the next page, pass the id of the last community of this one as after.",
                        "tags": [
                            "communities"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/Limit"
                            },
                            {
                                "$ref": "#/components/parameters/After"
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "A page of communities.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/CommunityPage"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "limit is not a number from 1 to 1000, or after is not a UUID.",
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
                "/communities/{id}": {
                    "get": {
                        "operationId": "getCommunity",
                        "summary": "Get a community",
                        "tags": [
                            "communities"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/CommunityId"
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The community.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Community"
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
                                "description": "No community has this id.",
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
                "parameters": {
                    "IdempotencyKey": {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": false,
                        "description": "Makes a retried registration safe: a key used before answers 200 with the community it registered instead of registering another.",
                        "schema": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 200
                        }
                    },
                    "After": {
                        "name": "after",
                        "in": "query",
                        "required": false,
                        "description": "The id of the last community of the previous page; the page starts after it. An id that is not registered gives an empty page.",
                        "schema": {
                            "type": "string",
                            "format": "uuid"
                        }
                    },
                    "CommunityId": {
                        "name": "id",
                        "in": "path",
                        "required": true,
                        "description": "The community's id, a UUID in either case.",
                        "schema": {
                            "type": "string",
                            "format": "uuid"
                        }
                    }
                },
                "headers": {
                    "Location": {
                        "description": "The community's URL, /communities/{id}.",
                        "schema": {
                            "type": "string",
                            "format": "uri-reference",
                            "examples": [
                                "/communities/0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d"
                            ]
                        }
                    }
                },
                "schemas": {
                    "CommunityKind": {
                        "type": "string",
                        "enum": [
                            "israeliLocality",
                            "globalCommunity"
                        ],
                        "description": "israeliLocality: a town, kibbutz or moshav in Israel; globalCommunity: a Jewish community abroad."
                    },
                    "Coordinates": {
                        "type": "object",
                        "description": "A point on the earth, in decimal degrees.",
                        "required": [
                            "latitude",
                            "longitude"
                        ],
                        "properties": {
                            "latitude": {
                                "type": "number",
                                "minimum": -90,
                                "maximum": 90
                            },
                            "longitude": {
                                "type": "number",
                                "minimum": -180,
                                "maximum": 180
                            }
                        }
                    },
                    "Community": {
                        "type": "object",
                        "description": "A registered community: an Israeli locality or a global Jewish community.",
                        "required": [
                            "id",
                            "name",
                            "kind",
                            "country",
                            "region",
                            "timeZone",
                            "coordinates",
                            "languages",
                            "contactEmail",
                            "registeredAt"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                                "description": "The community's id, a lower-case UUID."
                            },
                            "name": {
                                "type": "string"
                            },
                            "kind": {
                                "$ref": "#/components/schemas/CommunityKind"
                            },
                            "country": {
                                "type": "string",
                                "pattern": "^[A-Z]{2}$",
                                "description": "ISO 3166-1 alpha-2, e.g. IL, US."
                            },
                            "region": {
                                "type": "string",
                                "description": "e.g. Western Galilee, Western Negev, Iowa."
                            },
                            "timeZone": {
                                "type": "string",
                                "description": "IANA time zone, e.g. Asia/Jerusalem, America/Chicago."
                            },
                            "coordinates": {
                                "$ref": "#/components/schemas/Coordinates"
                            },
                            "languages": {
                                "type": "array",
                                "minItems": 1,
                                "description": "BCP 47 language tags in order of preference, in canonical case, e.g. he, en, pt-BR.",
                                "items": {
                                    "type": "string"
                                }
                            },
                            "contactEmail": {
                                "type": "string",
                                "format": "email",
                                "description": "The address the community's coordinators read."
                            },
                            "registeredAt": {
                                "type": "string",
                                "format": "date-time",
                                "description": "RFC 3339, in UTC with milliseconds."
                            }
                        },
                        "examples": [
                            {
                                "contactEmail": "coordinators@example.org",
                                "coordinates": {
                                    "latitude": 33.0058,
                                    "longitude": 35.0947
                                },
                                "country": "IL",
                                "id": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d",
                                "kind": "israeliLocality",
                                "languages": [
                                    "he",
                                    "en"
                                ],
                                "name": "Shlomi",
                                "region": "Western Galilee",
                                "registeredAt": "2024-05-23T10:00:00.000Z",
                                "timeZone": "Asia/Jerusalem"
                            }
                        ]
                    },
                    "CommunityRegistration": {
                        "type": "object",
                        "description": "A community to register. Every field is required; fields not described here are ignored. An Israeli locality is in IL.",
                        "required": [
                            "name",
                            "kind",
                            "country",
                            "region",
                            "timeZone",
                            "coordinates",
                            "languages",
                            "contactEmail"
                        ],
                        "properties": {
                            "name": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 200,
                                "pattern": "\\S",
                                "description": "1 to 200 characters once surrounding white space is trimmed."
                            },
                            "kind": {
                                "$ref": "#/components/schemas/CommunityKind"
                            },
                            "country": {
                                "type": "string",
                                "pattern": "^[A-Z]{2}$",
                                "description": "ISO 3166-1 alpha-2 in upper case, e.g. IL, US."
                            },
                            "region": {
                                "type": "string",
                                "minLength": 1,
                                "pattern": "\\S",
                                "description": "Not empty once trimmed."
                            },
                            "timeZone": {
                                "type": "string",
                                "pattern": "^UTC$|/",
                                "description": "An IANA time zone such as Asia/Jerusalem, or UTC."
                            },
                            "coordinates": {
                                "$ref": "#/components/schemas/Coordinates"
                            },
                            "languages": {
                                "type": "array",
                                "minItems": 1,
                                "description": "BCP 47 language tags in order of preference, e.g. he, en, pt-BR; stored in canonical case.",
                                "items": {
                                    "type": "string",
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                }
                            },
                            "contactEmail": {
                                "type": "string",
                                "format": "email",
                                "maxLength": 254,
                                "description": "The address the community's coordinators read; notifications go there."
                            }
                        },
                        "additionalProperties": true,
                        "if": {
                            "required": [
                                "kind"
                            ],
                            "properties": {
                                "kind": {
                                    "const": "israeliLocality"
                                }
                            }
                        },
                        "then": {
                            "properties": {
                                "country": {
                                    "const": "IL"
                                }
                            }
                        },
                        "examples": [
                            {
                                "contactEmail": "coordinators@example.org",
                                "coordinates": {
                                    "latitude": 33.0058,
                                    "longitude": 35.0947
                                },
                                "country": "IL",
                                "kind": "israeliLocality",
                                "languages": [
                                    "he",
                                    "en"
                                ],
                                "name": "Shlomi",
                                "region": "Western Galilee",
                                "timeZone": "Asia/Jerusalem"
                            }
                        ]
                    },
                    "CommunityPage": {
                        "type": "object",
                        "description": "A page of communities in registration order.",
                        "required": [
                            "total",
                            "communities"
                        ],
                        "properties": {
                            "total": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "How many communities are registered in all."
                            },
                            "communities": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/Community"
                                }
                            }
                        },
                        "examples": [
                            {
                                "communities": [
                                    {
                                        "contactEmail": "coordinators@example.org",
                                        "coordinates": {
                                            "latitude": 33.0058,
                                            "longitude": 35.0947
                                        },
                                        "country": "IL",
                                        "id": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d",
                                        "kind": "israeliLocality",
                                        "languages": [
                                            "he",
                                            "en"
                                        ],
                                        "name": "Shlomi",
                                        "region": "Western Galilee",
                                        "registeredAt": "2024-05-23T10:00:00.000Z",
                                        "timeZone": "Asia/Jerusalem"
                                    }
                                ],
                                "total": 1
                            }
                        ]
                    }
                }
            }
        }
        """#
}
