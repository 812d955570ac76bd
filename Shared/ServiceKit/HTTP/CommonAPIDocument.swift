/// The part of every service's OpenAPI document that ServiceKit serves: health, metrics and the document itself, with the problem and readiness schemas.
enum CommonAPIDocument {
    static let json = #"""
        {
            "paths": {
                "/health/live": {
                    "get": {
                        "operationId": "getLiveness",
                        "summary": "Whether the process is up",
                        "description": "Answers as long as the HTTP server runs, whatever the state of the database and the broker.",
                        "tags": [
                            "health"
                        ],
                        "responses": {
                            "200": {
                                "description": "The process is up.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/LiveStatus"
                                        }
                                    }
                                }
                            }
                        }
                    }
                },
                "/health/ready": {
                    "get": {
                        "operationId": "getReadiness",
                        "summary": "Whether the service can do its work now",
                        "description": "The state of the database, the broker, the event consumer (if the service has one) and the outbox. 200 when the database and the broker are reachable and every consumer runs, 503 otherwise; the body is the same report either way.",
                        "tags": [
                            "health"
                        ],
                        "responses": {
                            "200": {
                                "description": "Ready.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/ReadinessReport"
                                        }
                                    }
                                }
                            },
                            "503": {
                                "description": "Not ready: a dependency is lost or a consumer has stopped.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/ReadinessReport"
                                        }
                                    }
                                }
                            }
                        }
                    }
                },
                "/openapi.json": {
                    "get": {
                        "operationId": "getOpenAPIDocument",
                        "summary": "This service's OpenAPI document",
                        "description": "The OpenAPI 3.1 document of every route the service serves, this one included.",
                        "tags": [
                            "health"
                        ],
                        "responses": {
                            "200": {
                                "description": "The document.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/OpenAPIDocument"
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
                    "LiveStatus": {
                        "type": "object",
                        "description": "The answer of GET /health/live.",
                        "required": [
                            "status"
                        ],
                        "properties": {
                            "status": {
                                "type": "string",
                                "const": "live"
                            }
                        },
                        "examples": [
                            {
                                "status": "live"
                            }
                        ]
                    },
                    "ReadinessReport": {
                        "type": "object",
                        "description": "Whether the service can do its work now, and the state of each thing it depends on.",
                        "required": [
                            "status",
                            "service",
                            "instance",
                            "database",
                            "broker",
                            "consumers"
                        ],
                        "properties": {
                            "status": {
                                "type": "string",
                                "enum": [
                                    "ready",
                                    "unready"
                                ]
                            },
                            "service": {
                                "type": "string",
                                "description": "The service's name, e.g. registry."
                            },
                            "instance": {
                                "type": "string",
                                "description": "This process's instance id."
                            },
                            "database": {
                                "$ref": "#/components/schemas/ReadinessDependency"
                            },
                            "broker": {
                                "$ref": "#/components/schemas/ReadinessDependency"
                            },
                            "consumers": {
                                "type": "array",
                                "description": "The queues the service consumes; empty for a service that consumes none.",
                                "items": {
                                    "$ref": "#/components/schemas/ReadinessConsumer"
                                }
                            },
                            "outbox": {
                                "$ref": "#/components/schemas/ReadinessOutbox"
                            }
                        },
                        "examples": [
                            {
                                "broker": {
                                    "detail": "connected",
                                    "ok": true
                                },
                                "consumers": [
                                    {
                                        "queue": "matching.community-registered",
                                        "running": true
                                    }
                                ],
                                "database": {
                                    "detail": "connected",
                                    "ok": true
                                },
                                "instance": "matching-1",
                                "outbox": {
                                    "backlog": 0,
                                    "oldestAgeSeconds": 0
                                },
                                "service": "matching",
                                "status": "ready"
                            }
                        ]
                    },
                    "ReadinessDependency": {
                        "type": "object",
                        "description": "A server the service depends on.",
                        "required": [
                            "ok",
                            "detail"
                        ],
                        "properties": {
                            "ok": {
                                "type": "boolean"
                            },
                            "detail": {
                                "type": "string",
                                "description": "e.g. connected, or the error that stops it."
                            },
                            "disconnectedForSeconds": {
                                "type": "number",
                                "minimum": 0,
                                "description": "Seconds since the dependency was lost; absent while it is connected."
                            }
                        }
                    },
                    "ReadinessConsumer": {
                        "type": "object",
                        "description": "A queue the service consumes.",
                        "required": [
                            "queue",
                            "running"
                        ],
                        "properties": {
                            "queue": {
                                "type": "string"
                            },
                            "running": {
                                "type": "boolean"
                            }
                        }
                    },
                    "ReadinessOutbox": {
                        "type": "object",
                        "description": "Events written but not yet confirmed by the broker; absent until the relay has first measured it.",
                        "required": [
                            "backlog",
                            "oldestAgeSeconds"
                        ],
                        "properties": {
                            "backlog": {
                                "type": "integer",
                                "minimum": 0
                            },
                            "oldestAgeSeconds": {
                                "type": "number",
                                "minimum": 0
                            }
                        }
                    },
                    "Problem": {
                        "type": "object",
                        "description": "An error as RFC 9457 problem details: what went wrong in a sentence a caller can act on, and for invalid input, which fields and why.",
                        "required": [
                            "type",
                            "title",
                            "status",
                            "detail"
                        ],
                        "properties": {
                            "type": {
                                "type": "string",
                                "format": "uri-reference",
                                "description": "about:blank: the status and title say what kind of problem it is."
                            },
                            "title": {
                                "type": "string",
                                "description": "A short, stable summary of the problem type, e.g. Invalid community."
                            },
                            "status": {
                                "type": "integer",
                                "minimum": 400,
                                "maximum": 599,
                                "description": "The HTTP status code."
                            },
                            "detail": {
                                "type": "string",
                                "description": "This occurrence, e.g. timeZone 'Mars/Olympus' is not an IANA time zone."
                            },
                            "invalid-params": {
                                "type": "array",
                                "minItems": 1,
                                "description": "For invalid input, every field that is wrong and why; absent otherwise.",
                                "items": {
                                    "$ref": "#/components/schemas/InvalidParam"
                                }
                            }
                        },
                        "examples": [
                            {
                                "detail": "The community cannot be registered: check timeZone.",
                                "invalid-params": [
                                    {
                                        "name": "timeZone",
                                        "reason": "'Mars/Olympus' is not an IANA time zone such as Asia/Jerusalem"
                                    }
                                ],
                                "status": 422,
                                "title": "Invalid community",
                                "type": "about:blank"
                            }
                        ]
                    },
                    "InvalidParam": {
                        "type": "object",
                        "description": "One field that is wrong and why.",
                        "required": [
                            "name",
                            "reason"
                        ],
                        "properties": {
                            "name": {
                                "type": "string",
                                "description": "The field's JSON path, e.g. coordinates.latitude or languages[1]."
                            },
                            "reason": {
                                "type": "string"
                            }
                        }
                    },
                    "OpenAPIDocument": {
                        "type": "object",
                        "description": "An OpenAPI 3.1 document.",
                        "required": [
                            "openapi",
                            "info",
                            "paths"
                        ],
                        "properties": {
                            "openapi": {
                                "type": "string",
                                "pattern": "^3\\.1\\.[0-9]+$"
                            },
                            "info": {
                                "type": "object"
                            },
                            "paths": {
                                "type": "object"
                            },
                            "components": {
                                "type": "object"
                            }
                        }
                    }
                },
                "parameters": {
                    "Limit": {
                        "name": "limit",
                        "in": "query",
                        "required": false,
                        "description": "How many items to return at most.",
                        "schema": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": 1000,
                            "default": 100
                        }
                    }
                },
                "responses": {
                    "InvalidLimit": {
                        "description": "limit is not a number from 1 to 1000.",
                        "content": {
                            "application/problem+json": {
                                "schema": {
                                    "$ref": "#/components/schemas/Problem"
                                }
                            }
                        }
                    },
                    "Unauthorized": {
                        "description": "No bearer token, or one that is expired, malformed, signed with an unknown key, or issued for another issuer or service.",
                        "headers": {
                            "WWW-Authenticate": {
                                "schema": {
                                    "type": "string"
                                }
                            }
                        },
                        "content": {
                            "application/problem+json": {
                                "schema": {
                                    "$ref": "#/components/schemas/Problem"
                                }
                            }
                        }
                    },
                    "Forbidden": {
                        "description": "The token's role or scope does not grant this request.",
                        "content": {
                            "application/problem+json": {
                                "schema": {
                                    "$ref": "#/components/schemas/Problem"
                                }
                            }
                        }
                    }
                },
                "securitySchemes": {
                    "bearer": {
                        "type": "http",
                        "scheme": "bearer",
                        "bearerFormat": "JWT",
                        "description": "A JWT (HS256) with the claims sub, iss, aud (the service's name), exp, role, and for a partnership coordinator partnerships, for a volunteer volunteer; p2gctl token mints one."
                    }
                }
            }
        }
        """#
}
