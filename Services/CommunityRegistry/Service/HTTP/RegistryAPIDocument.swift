/// The community registry's own OpenAPI 3.1 document: its routes and schemas, to which ServiceKit adds the common ones.
enum RegistryAPIDocument {
    static let json = #"""
        {
            "openapi": "3.1.0",
            "info": {
                "title": "p2g community registry",
                "version": "1",
                "description": "Registers communities, Israeli localities and global Jewish communities, keeps their names in several languages and their changes, and announces each to the other services. Every response carries a W3C traceparent header, continuing the request's traceparent when it has one. An unexpected failure answers 500 with a problem naming the request's id, under which the service's log has its cause."
            },
            "paths": {
                "/audit": {
                    "get": {
                        "operationId": "listAuditEntries",
                        "summary": "Who changed whose personal data, and when",
                        "description": "The append-only audit trail of changes to volunteers' personal data, oldest first: the token's subject and role, the action, the volunteer's id and the names of the fields, never their values. For operators and Agency coordinators.",
                        "tags": [
                            "audit"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/Limit"
                            },
                            {
                                "name": "after",
                                "in": "query",
                                "description": "The id of the last entry of the previous page.",
                                "schema": {
                                    "type": "integer",
                                    "minimum": 0
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "A page of entries.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/AuditPage"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "limit or after is not valid.",
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
                                    },
                                    "ETag": {
                                        "$ref": "#/components/headers/ETag"
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
                                    },
                                    "ETag": {
                                        "$ref": "#/components/headers/ETag"
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
                                "description": "Invalid fields: invalid-params names each one and why (a control character such as NUL in any text field among them).",
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
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                    "get": {
                        "operationId": "listCommunities",
                        "summary": "List communities",
                        "description": "A page of the communities that pass the filters, in registration order, with how many pass them (total). For the next page, pass the id of the last community of this one as after.",
                        "tags": [
                            "communities"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/Limit"
                            },
                            {
                                "$ref": "#/components/parameters/After"
                            },
                            {
                                "$ref": "#/components/parameters/FilterPartnership"
                            },
                            {
                                "$ref": "#/components/parameters/FilterProgram"
                            },
                            {
                                "$ref": "#/components/parameters/FilterSide"
                            },
                            {
                                "$ref": "#/components/parameters/FilterLanguage"
                            },
                            {
                                "$ref": "#/components/parameters/FilterName"
                            },
                            {
                                "$ref": "#/components/parameters/ListAsOf"
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
                                "description": "A parameter is not valid (limit not from 1 to 1000, after or an id not a UUID, an unknown program or side, a language that is not BCP 47, a role that is not lower-case words, an empty name, a date that does not exist): invalid-params names each one.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                                },
                                "headers": {
                                    "ETag": {
                                        "$ref": "#/components/headers/ETag"
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
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            }
                        },
                        "description": "The community, with its version as ETag: send it back in If-Match to change the community."
                    },
                    "patch": {
                        "operationId": "changeCommunity",
                        "summary": "Change a community",
                        "description": "Sets the fields the body names and keeps the others; names are merged language by language, and a language set to null is removed (as in RFC 7396). If-Match must name the version the change was made from (the ETag of a GET): the change is refused with 412 if the community has changed since. A change that sets what is already there changes nothing. Otherwise the version goes up by one and registry.community-updated.v1 announces the fields that changed with their new values. The kind does not change.",
                        "tags": [
                            "communities"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/CommunityId"
                            },
                            {
                                "$ref": "#/components/parameters/IfMatch"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The fields to set, at most 64 KiB, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/CommunityChange"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "Changed (or nothing to change): the community as it is now, with its new ETag.",
                                "headers": {
                                    "ETag": {
                                        "$ref": "#/components/headers/ETag"
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
                                "description": "The id is not a UUID, or the body is not a JSON object of a change (e.g. not JSON, or a field of the wrong type).",
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
                            },
                            "412": {
                                "description": "If-Match does not name the community's current version: it has changed since. Read it again.",
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
                            },
                            "428": {
                                "description": "No If-Match header.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                "/partnerships": {
                    "post": {
                        "operationId": "formPartnership",
                        "summary": "Form a partnership",
                        "description": "Forms a partnership of a program with its first communities on each side, each with the day it joined, and announces it (registry.partnership-formed.v1). Each community must be registered and on its side (an Israeli locality on the israeli side, a global community on the global one). The body is checked as a whole: a 422 names every invalid field, unknown communities among them, and nothing is stored. With an Idempotency-Key used before, the answer is the partnership that key formed.",
                        "tags": [
                            "partnerships"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/IdempotencyKey"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The partnership, at most 256 KiB, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/PartnershipFormation"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "Formed: the partnership with its members.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Partnership"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "$ref": "#/components/headers/PartnershipLocation"
                                    }
                                }
                            },
                            "200": {
                                "description": "Formed before with this Idempotency-Key: that partnership, with its history.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Partnership"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "$ref": "#/components/headers/PartnershipLocation"
                                    }
                                }
                            },
                            "400": {
                                "description": "The body is not a JSON object of a partnership, or the Idempotency-Key does not have 1 to 200 characters.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is larger than 256 KiB.",
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
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                    "get": {
                        "operationId": "listPartnerships",
                        "summary": "List partnerships",
                        "description": "A page of the partnerships that pass the filters, in the order they were recorded, with how many pass them (total). For the next page, pass the id of the last one as after.",
                        "tags": [
                            "partnerships"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/Limit"
                            },
                            {
                                "$ref": "#/components/parameters/After"
                            },
                            {
                                "$ref": "#/components/parameters/FilterCommunity"
                            },
                            {
                                "$ref": "#/components/parameters/FilterProgram"
                            },
                            {
                                "$ref": "#/components/parameters/FilterSide"
                            },
                            {
                                "$ref": "#/components/parameters/FilterName"
                            },
                            {
                                "$ref": "#/components/parameters/ListAsOf"
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "A page of partnerships.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/PartnershipPage"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "A parameter is not valid (limit not from 1 to 1000, after or an id not a UUID, an unknown program or side, a language that is not BCP 47, a role that is not lower-case words, an empty name, a date that does not exist): invalid-params names each one.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                "/partnerships/{id}": {
                    "get": {
                        "operationId": "getPartnership",
                        "summary": "Get a partnership, with its history or as it was on a day",
                        "description": "Without asOf: every stay of every community in the partnership, ended ones with their leftOn (nothing is deleted). With asOf: the communities that were members on that day (joinedOn ≤ asOf < leftOn).",
                        "tags": [
                            "partnerships"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/PartnershipId"
                            },
                            {
                                "$ref": "#/components/parameters/AsOf"
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The partnership.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Partnership"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID, or asOf is not a date.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No partnership has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                "/partnerships/{id}/members": {
                    "post": {
                        "operationId": "joinPartnership",
                        "summary": "A community joins a partnership",
                        "description": "Records that a community joined the partnership on joinedOn (again, perhaps, after an earlier stay ended) and announces it (registry.partnership-member-joined.v1). Its side follows from its kind.",
                        "tags": [
                            "partnerships"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/PartnershipId"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The community and the day, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/Joining"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "Joined: the new stay.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/PartnershipMembership"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "$ref": "#/components/headers/PartnershipLocation"
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID, or the body is not a JSON object of a joining community.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No partnership has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The community is a member on that day already, or a later stay of it began: invalid-params names the field.",
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
                            },
                            "413": {
                                "description": "The body is larger than 16 KiB.",
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
                                "description": "Invalid fields (an unknown community, a day that is not a date or is before the partnership was formed): invalid-params names each one.",
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
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                "/partnerships/{id}/departures": {
                    "post": {
                        "operationId": "leavePartnership",
                        "summary": "A community leaves a partnership",
                        "description": "Ends the community's current stay: from leftOn on it is no longer a member. The stay stays in the history; registry.partnership-member-left.v1 announces it.",
                        "tags": [
                            "partnerships"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/PartnershipId"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The community and the day it left, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/Departure"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "Left: the ended stay.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/PartnershipMembership"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID, or the body is not a JSON object of a departure.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No partnership has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The community is not a member of the partnership now.",
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
                            },
                            "413": {
                                "description": "The body is larger than 16 KiB.",
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
                                "description": "Invalid fields (an unknown community, a day that is not a date or not after the day it joined): invalid-params names each one.",
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
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                "/volunteers": {
                    "post": {
                        "operationId": "registerVolunteer",
                        "summary": "Register a volunteer",
                        "description": "Registers a volunteer of a registered community, with their languages in order of preference, time zone (the community's when absent), roles and contact channels, each with the consent given or refused and when; announces it (registry.volunteer-registered.v1). The body is personal data: it is never logged, and a problem names fields and rules, never a contact detail. A 422 names every invalid field and nothing is stored. With an Idempotency-Key used before, the answer is the volunteer that key registered.",
                        "tags": [
                            "volunteers"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/IdempotencyKey"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The volunteer, at most 64 KiB, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/VolunteerRegistration"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "Registered.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Volunteer"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "$ref": "#/components/headers/VolunteerLocation"
                                    },
                                    "ETag": {
                                        "$ref": "#/components/headers/ETag"
                                    }
                                }
                            },
                            "200": {
                                "description": "Registered before with this Idempotency-Key: that volunteer.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Volunteer"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "$ref": "#/components/headers/VolunteerLocation"
                                    },
                                    "ETag": {
                                        "$ref": "#/components/headers/ETag"
                                    }
                                }
                            },
                            "400": {
                                "description": "The body is not a JSON object of a volunteer, or the Idempotency-Key does not have 1 to 200 characters.",
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
                                "description": "Invalid fields (an unknown home community among them): invalid-params names each one and why.",
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
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                    "get": {
                        "operationId": "listVolunteers",
                        "summary": "List volunteers",
                        "description": "A page of the volunteers that pass the filters, in the order they registered, with how many pass them (total); erased volunteers are not listed. For the next page, pass the id of the last one as after.",
                        "tags": [
                            "volunteers"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/Limit"
                            },
                            {
                                "$ref": "#/components/parameters/After"
                            },
                            {
                                "$ref": "#/components/parameters/FilterPartnership"
                            },
                            {
                                "$ref": "#/components/parameters/FilterCommunity"
                            },
                            {
                                "$ref": "#/components/parameters/FilterProgram"
                            },
                            {
                                "$ref": "#/components/parameters/FilterSide"
                            },
                            {
                                "$ref": "#/components/parameters/FilterLanguage"
                            },
                            {
                                "$ref": "#/components/parameters/FilterRole"
                            },
                            {
                                "$ref": "#/components/parameters/FilterName"
                            },
                            {
                                "$ref": "#/components/parameters/ListAsOf"
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "A page of volunteers.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/VolunteerPage"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "A parameter is not valid (limit not from 1 to 1000, after or an id not a UUID, an unknown program or side, a language that is not BCP 47, a role that is not lower-case words, an empty name, a date that does not exist): invalid-params names each one.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                "/volunteers/{id}": {
                    "get": {
                        "operationId": "getVolunteer",
                        "summary": "Get a volunteer",
                        "description": "The volunteer, with their version as ETag. Once erased: only the id, home community, side, roles, version and erasedAt.",
                        "tags": [
                            "volunteers"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/VolunteerId"
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The volunteer.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Volunteer"
                                        }
                                    }
                                },
                                "headers": {
                                    "ETag": {
                                        "$ref": "#/components/headers/ETag"
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
                                "description": "No volunteer has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                    "patch": {
                        "operationId": "changeVolunteer",
                        "summary": "Change a volunteer",
                        "description": "Sets the fields the body names and keeps the others (languages, roles and contactChannels as whole lists; names merged language by language, null removing one). If-Match must name the version the change was made from. The home community does not change. The fields that changed are announced with their new values (registry.volunteer-updated.v1).",
                        "tags": [
                            "volunteers"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/VolunteerId"
                            },
                            {
                                "$ref": "#/components/parameters/IfMatch"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The fields to set, at most 64 KiB, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/VolunteerChange"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "Changed (or nothing to change): the volunteer as they are now, with their new ETag.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Volunteer"
                                        }
                                    }
                                },
                                "headers": {
                                    "ETag": {
                                        "$ref": "#/components/headers/ETag"
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID, or the body is not a JSON object of a change.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No volunteer has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The volunteer was erased; nothing of theirs changes.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "412": {
                                "description": "If-Match does not name the volunteer's current version.",
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
                            },
                            "428": {
                                "description": "No If-Match header.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                    "delete": {
                        "operationId": "eraseVolunteer",
                        "summary": "Erase a volunteer on their request",
                        "description": "Removes the volunteer's personal data (name, names, languages, time zone, contact channels) and keeps them as an anonymous member of history (id, home community, side, roles, committee seats); the outbox's published copies of their earlier events go too. registry.volunteer-erased.v1 tells every other service to remove what it holds. Erasing again changes nothing.",
                        "tags": [
                            "volunteers"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/VolunteerId"
                            }
                        ],
                        "responses": {
                            "204": {
                                "description": "Erased (now or before)."
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
                                "description": "No volunteer has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                "/partnerships/{id}/committees": {
                    "get": {
                        "operationId": "listCommittees",
                        "summary": "A partnership's committees",
                        "description": "The joint steering committee (first; every partnership has one from its formation) and the subcommittees, each with every seat ever held, or with the seats held on asOf. An erased volunteer's seats stay, without their name.",
                        "tags": [
                            "committees"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/PartnershipId"
                            },
                            {
                                "$ref": "#/components/parameters/AsOf"
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The committees.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/CommitteeList"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID, or asOf is not a date.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No partnership has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                        "operationId": "formCommittee",
                        "summary": "Form a subcommittee",
                        "description": "A subcommittee the partnership names (education, economic development...). Names are unique within the partnership, whatever their case.",
                        "tags": [
                            "committees"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/PartnershipId"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The committee, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/CommitteeFormation"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "Formed.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Committee"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "$ref": "#/components/headers/CommitteesLocation"
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID, or the body is not a JSON object of a committee.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No partnership has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The partnership has a committee of this name.",
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
                            },
                            "413": {
                                "description": "The body is larger than 16 KiB.",
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
                                "description": "Invalid fields (an empty name, or the joint steering committee's): invalid-params names each one.",
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
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                "/partnerships/{id}/committees/{committeeId}/members": {
                    "post": {
                        "operationId": "seatCommitteeMember",
                        "summary": "A volunteer takes a seat on a committee",
                        "description": "Seats a volunteer in a role (chair, co-chair, member) for a term, termStart up to the day before termEnd (open-ended without it). The side is the volunteer's. The volunteer's community must be a member of the partnership on termStart. Each side has at most one chair at a time, and a volunteer holds at most one seat on a committee at a time.",
                        "tags": [
                            "committees"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/PartnershipId"
                            },
                            {
                                "$ref": "#/components/parameters/CommitteeId"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The seat, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/SeatRequest"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "Seated.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/CommitteeSeat"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "An id is not a UUID, or the body is not a JSON object of a seat.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No committee of this partnership has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The side has a chair for part of the term (role), or the volunteer holds a seat on the committee then (volunteerId).",
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
                            },
                            "413": {
                                "description": "The body is larger than 16 KiB.",
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
                                "description": "Invalid fields (an unknown or erased volunteer, one whose community is not in the partnership on termStart, a term that ends before it starts): invalid-params names each one.",
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
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                "/partnerships/{id}/committees/{committeeId}/departures": {
                    "post": {
                        "operationId": "endCommitteeTerm",
                        "summary": "A seat's term ends",
                        "description": "Ends a seat's term on termEnd, the first day it is no longer held: a volunteer stepping down, or an open-ended term given its end. A term can end earlier than it was to, never later (a longer term is a new seat, checked against the chairs of its time). The seat stays in the committee's history.",
                        "tags": [
                            "committees"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/PartnershipId"
                            },
                            {
                                "$ref": "#/components/parameters/CommitteeId"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The seat and the day, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/SeatEnding"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "The seat with its term's end.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/CommitteeSeat"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "An id is not a UUID, or the body is not a JSON object of the end of a term.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No committee of this partnership has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The term ends earlier already (termEnd).",
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
                            },
                            "413": {
                                "description": "The body is larger than 16 KiB.",
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
                                "description": "Invalid fields (a seat not on this committee, a day not after the term started): invalid-params names each one.",
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
                            },
                            "500": {
                                "description": "An unexpected failure (the database lost, say): the detail names the request's id, under which the service's log has one line with the cause. Nothing of the request was stored.",
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
                        "description": "The id of the last item of the previous page; the page starts after it. An id that is not in the list gives an empty page.",
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
                    },
                    "IfMatch": {
                        "name": "If-Match",
                        "in": "header",
                        "required": true,
                        "description": "The ETag of the version the change was made from, e.g. \"3\" (with the quotes); * for whatever version is current.",
                        "schema": {
                            "type": "string",
                            "minLength": 1
                        }
                    },
                    "PartnershipId": {
                        "name": "id",
                        "in": "path",
                        "required": true,
                        "description": "The partnership's id, a UUID in either case.",
                        "schema": {
                            "type": "string",
                            "format": "uuid"
                        }
                    },
                    "AsOf": {
                        "name": "asOf",
                        "in": "query",
                        "required": false,
                        "description": "A day, YYYY-MM-DD: show the members of that day instead of the whole history.",
                        "schema": {
                            "type": "string",
                            "format": "date"
                        }
                    },
                    "VolunteerId": {
                        "name": "id",
                        "in": "path",
                        "required": true,
                        "description": "The volunteer's id, a UUID in either case.",
                        "schema": {
                            "type": "string",
                            "format": "uuid"
                        }
                    },
                    "CommitteeId": {
                        "name": "committeeId",
                        "in": "path",
                        "required": true,
                        "description": "The committee's id, a UUID in either case.",
                        "schema": {
                            "type": "string",
                            "format": "uuid"
                        }
                    },
                    "FilterPartnership": {
                        "name": "partnership",
                        "in": "query",
                        "required": false,
                        "description": "Only members of this partnership on the day (asOf): its communities; volunteers whose community is a member, or who hold a seat on one of its committees.",
                        "schema": {
                            "type": "string",
                            "format": "uuid"
                        }
                    },
                    "FilterCommunity": {
                        "name": "community",
                        "in": "query",
                        "required": false,
                        "description": "Only this community: a partnership it is a member of on the day, a volunteer whose home it is.",
                        "schema": {
                            "type": "string",
                            "format": "uuid"
                        }
                    },
                    "FilterProgram": {
                        "name": "program",
                        "in": "query",
                        "required": false,
                        "description": "Only those in a partnership of this program on the day.",
                        "schema": {
                            "$ref": "#/components/schemas/PartnershipProgram"
                        }
                    },
                    "FilterSide": {
                        "name": "side",
                        "in": "query",
                        "required": false,
                        "description": "Only this side: Israeli localities or global communities (for partnerships: those with a member of this side).",
                        "schema": {
                            "$ref": "#/components/schemas/PartnershipSide"
                        }
                    },
                    "FilterLanguage": {
                        "name": "language",
                        "in": "query",
                        "required": false,
                        "description": "Only those who read this language (a BCP 47 tag; he also finds he-IL).",
                        "schema": {
                            "type": "string",
                            "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                        }
                    },
                    "FilterRole": {
                        "name": "role",
                        "in": "query",
                        "required": false,
                        "description": "Only volunteers with this role of theirs (host-family), or holding this committee role on the day (chair, co-chair, member).",
                        "schema": {
                            "type": "string",
                            "pattern": "^[a-z][a-z0-9-]{1,39}$"
                        }
                    },
                    "FilterName": {
                        "name": "name",
                        "in": "query",
                        "required": false,
                        "description": "Only those with this text in their name in any language, whatever its case, accents or Hebrew points: Montreal finds Montréal, דה מוין finds Des Moines.",
                        "schema": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 200
                        }
                    },
                    "ListAsOf": {
                        "name": "asOf",
                        "in": "query",
                        "required": false,
                        "description": "The day partnership membership and committee seats are taken on, YYYY-MM-DD; today (UTC) when absent.",
                        "schema": {
                            "type": "string",
                            "format": "date"
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
                    },
                    "ETag": {
                        "description": "The version of the representation, a strong entity tag such as \"1\"; If-Match takes it back.",
                        "schema": {
                            "type": "string",
                            "pattern": "^\"[0-9]+\"$",
                            "examples": [
                                "\"1\""
                            ]
                        }
                    },
                    "PartnershipLocation": {
                        "description": "The partnership's URL, /partnerships/{id}.",
                        "schema": {
                            "type": "string",
                            "format": "uri-reference",
                            "examples": [
                                "/partnerships/0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d"
                            ]
                        }
                    },
                    "VolunteerLocation": {
                        "description": "The volunteer's URL, /volunteers/{id}.",
                        "schema": {
                            "type": "string",
                            "format": "uri-reference"
                        }
                    },
                    "CommitteesLocation": {
                        "description": "The partnership's committees, /partnerships/{id}/committees.",
                        "schema": {
                            "type": "string",
                            "format": "uri-reference"
                        }
                    }
                },
                "schemas": {
                    "AuditPage": {
                        "type": "object",
                        "required": [
                            "entries"
                        ],
                        "properties": {
                            "entries": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/AuditEntry"
                                }
                            }
                        }
                    },
                    "AuditEntry": {
                        "type": "object",
                        "required": [
                            "id",
                            "occurredAt",
                            "subject",
                            "role",
                            "action",
                            "volunteerId",
                            "fields"
                        ],
                        "properties": {
                            "id": {
                                "type": "integer"
                            },
                            "occurredAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "subject": {
                                "type": "string",
                                "description": "The token's subject; system for changes made without one."
                            },
                            "role": {
                                "type": "string"
                            },
                            "action": {
                                "type": "string",
                                "enum": [
                                    "volunteer-registered",
                                    "volunteer-updated",
                                    "volunteer-erased"
                                ]
                            },
                            "volunteerId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "fields": {
                                "type": "array",
                                "items": {
                                    "type": "string"
                                }
                            }
                        }
                    },
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
                            "names",
                            "kind",
                            "country",
                            "region",
                            "timeZone",
                            "coordinates",
                            "languages",
                            "contactEmail",
                            "registeredAt",
                            "version"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                                "description": "The community's id, a lower-case UUID."
                            },
                            "name": {
                                "type": "string",
                                "description": "The name shown by default, usually the English one."
                            },
                            "names": {
                                "type": "object",
                                "description": "The name in each language it is known by: BCP 47 language tag → name, e.g. {\"en\": \"Sderot\", \"he\": \"שדרות\"}. Hebrew is stored as typed (logical order); whoever renders it shows it right to left.",
                                "propertyNames": {
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
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
                            },
                            "version": {
                                "type": "integer",
                                "minimum": 1,
                                "description": "1 when registered, one more with each change; the ETag carries it."
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
                                "timeZone": "Asia/Jerusalem",
                                "names": {
                                    "en": "Shlomi",
                                    "he": "שלומי"
                                },
                                "version": 1
                            }
                        ]
                    },
                    "CommunityRegistration": {
                        "type": "object",
                        "description": "A community to register. Every field is required except names (and name, when names has an English one, which then is the name); fields not described here are ignored. An Israeli locality is in IL. No text may hold a control character such as NUL.",
                        "required": [
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
                                "description": "1 to 200 characters once surrounding white space is trimmed; names.en when absent."
                            },
                            "names": {
                                "type": "object",
                                "description": "The name in each language it is known by: BCP 47 language tag → name, e.g. {\"en\": \"Sderot\", \"he\": \"שדרות\"}. Hebrew is stored as typed (logical order); whoever renders it shows it right to left.",
                                "propertyNames": {
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
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
                                "timeZone": "Asia/Jerusalem",
                                "names": {
                                    "en": "Shlomi",
                                    "he": "שלומי"
                                }
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
                                "description": "How many communities pass the filters in all."
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
                                        "timeZone": "Asia/Jerusalem",
                                        "names": {
                                            "en": "Shlomi",
                                            "he": "שלומי"
                                        },
                                        "version": 1
                                    }
                                ],
                                "total": 1
                            }
                        ]
                    },
                    "CommunityChange": {
                        "type": "object",
                        "description": "The fields to change; each absent field is kept. The same rules as a registration apply to each field given. kind cannot change (a value other than the current one is refused).",
                        "properties": {
                            "name": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 200,
                                "pattern": "\\S"
                            },
                            "names": {
                                "type": "object",
                                "description": "Merged into the names: each language given is set, each set to null removed.",
                                "propertyNames": {
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "additionalProperties": {
                                    "type": [
                                        "string",
                                        "null"
                                    ],
                                    "maxLength": 200
                                }
                            },
                            "kind": {
                                "$ref": "#/components/schemas/CommunityKind"
                            },
                            "country": {
                                "type": "string",
                                "pattern": "^[A-Z]{2}$"
                            },
                            "region": {
                                "type": "string",
                                "minLength": 1,
                                "pattern": "\\S"
                            },
                            "timeZone": {
                                "type": "string",
                                "pattern": "^UTC$|/"
                            },
                            "coordinates": {
                                "$ref": "#/components/schemas/Coordinates"
                            },
                            "languages": {
                                "type": "array",
                                "minItems": 1,
                                "items": {
                                    "type": "string",
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                }
                            },
                            "contactEmail": {
                                "type": "string",
                                "format": "email",
                                "maxLength": 254
                            }
                        },
                        "additionalProperties": true,
                        "examples": [
                            {
                                "names": {
                                    "he": "דה מוין"
                                },
                                "contactEmail": "p2g@desmoines.example"
                            }
                        ]
                    },
                    "CalendarDate": {
                        "type": "string",
                        "format": "date",
                        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                        "description": "A day, YYYY-MM-DD, with no time or place attached."
                    },
                    "PartnershipProgram": {
                        "type": "string",
                        "enum": [
                            "partnership2gether",
                            "communities2gether"
                        ],
                        "description": "partnership2gether: Partnership2Gether (since 1994); communities2gether: Communities2Gether (since 2024), a war-impacted Israeli community with a global community."
                    },
                    "PartnershipSide": {
                        "type": "string",
                        "enum": [
                            "israeli",
                            "global"
                        ],
                        "description": "israeli: Israeli localities and regions; global: Jewish communities abroad."
                    },
                    "PartnershipFormation": {
                        "type": "object",
                        "description": "A partnership to form. Fields not described here are ignored.",
                        "required": [
                            "name",
                            "program",
                            "israeli",
                            "global"
                        ],
                        "properties": {
                            "name": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 200,
                                "pattern": "\\S"
                            },
                            "names": {
                                "type": "object",
                                "description": "The name in each language, BCP 47 language tag → name.",
                                "propertyNames": {
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            },
                            "program": {
                                "$ref": "#/components/schemas/PartnershipProgram"
                            },
                            "formedOn": {
                                "allOf": [
                                    {
                                        "$ref": "#/components/schemas/CalendarDate"
                                    }
                                ],
                                "description": "The day the partnership began; the earliest joinedOn when absent. No member joins before it."
                            },
                            "israeli": {
                                "type": "array",
                                "minItems": 1,
                                "description": "The Israeli localities and regions, each once.",
                                "items": {
                                    "type": "object",
                                    "required": [
                                        "communityId",
                                        "joinedOn"
                                    ],
                                    "properties": {
                                        "communityId": {
                                            "type": "string",
                                            "format": "uuid"
                                        },
                                        "joinedOn": {
                                            "$ref": "#/components/schemas/CalendarDate"
                                        }
                                    }
                                }
                            },
                            "global": {
                                "type": "array",
                                "minItems": 1,
                                "description": "The global communities, each once.",
                                "items": {
                                    "type": "object",
                                    "required": [
                                        "communityId",
                                        "joinedOn"
                                    ],
                                    "properties": {
                                        "communityId": {
                                            "type": "string",
                                            "format": "uuid"
                                        },
                                        "joinedOn": {
                                            "$ref": "#/components/schemas/CalendarDate"
                                        }
                                    }
                                }
                            }
                        },
                        "additionalProperties": true,
                        "examples": [
                            {
                                "name": "Western Galilee – Central Area Consortium",
                                "names": {
                                    "he": "מערב הגליל – קונסורציום האזור המרכזי"
                                },
                                "program": "partnership2gether",
                                "formedOn": "1997-01-01",
                                "israeli": [
                                    {
                                        "communityId": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d",
                                        "joinedOn": "1997-01-01"
                                    }
                                ],
                                "global": [
                                    {
                                        "communityId": "0190a5c3-7e20-7a4b-9c2d-5e6f7a8b9c0e",
                                        "joinedOn": "1997-01-01"
                                    }
                                ]
                            }
                        ]
                    },
                    "PartnershipMembership": {
                        "type": "object",
                        "description": "One stay of a community in a partnership.",
                        "required": [
                            "membershipId",
                            "communityId",
                            "name",
                            "names",
                            "side",
                            "joinedOn"
                        ],
                        "properties": {
                            "membershipId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "communityId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "name": {
                                "type": "string",
                                "description": "The community's name."
                            },
                            "names": {
                                "type": "object",
                                "description": "The name in each language, BCP 47 language tag → name.",
                                "propertyNames": {
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            },
                            "side": {
                                "$ref": "#/components/schemas/PartnershipSide"
                            },
                            "joinedOn": {
                                "$ref": "#/components/schemas/CalendarDate"
                            },
                            "leftOn": {
                                "allOf": [
                                    {
                                        "$ref": "#/components/schemas/CalendarDate"
                                    }
                                ],
                                "description": "The first day it is no longer a member; absent while it is."
                            }
                        }
                    },
                    "Partnership": {
                        "type": "object",
                        "description": "A partnership with its communities on each side: every stay, or the members of asOf.",
                        "required": [
                            "id",
                            "name",
                            "names",
                            "program",
                            "formedOn",
                            "israeli",
                            "global",
                            "recordedAt"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "name": {
                                "type": "string"
                            },
                            "names": {
                                "type": "object",
                                "description": "The name in each language, BCP 47 language tag → name.",
                                "propertyNames": {
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            },
                            "program": {
                                "$ref": "#/components/schemas/PartnershipProgram"
                            },
                            "formedOn": {
                                "$ref": "#/components/schemas/CalendarDate"
                            },
                            "asOf": {
                                "allOf": [
                                    {
                                        "$ref": "#/components/schemas/CalendarDate"
                                    }
                                ],
                                "description": "The day the members are those of; absent for the whole history."
                            },
                            "israeli": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/PartnershipMembership"
                                }
                            },
                            "global": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/PartnershipMembership"
                                }
                            },
                            "recordedAt": {
                                "type": "string",
                                "format": "date-time"
                            }
                        }
                    },
                    "Joining": {
                        "type": "object",
                        "required": [
                            "communityId",
                            "joinedOn"
                        ],
                        "description": "A community joining on a day.",
                        "properties": {
                            "communityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "joinedOn": {
                                "$ref": "#/components/schemas/CalendarDate"
                            }
                        }
                    },
                    "Departure": {
                        "type": "object",
                        "required": [
                            "communityId",
                            "leftOn"
                        ],
                        "description": "A member leaving: the first day it is no longer a member, after the day it joined.",
                        "properties": {
                            "communityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "leftOn": {
                                "$ref": "#/components/schemas/CalendarDate"
                            }
                        }
                    },
                    "ContactChannel": {
                        "type": "object",
                        "required": [
                            "kind",
                            "address",
                            "consent"
                        ],
                        "description": "A way to reach the volunteer: personal data.",
                        "properties": {
                            "kind": {
                                "type": "string",
                                "enum": [
                                    "email",
                                    "phone"
                                ],
                                "description": "email, or phone for SMS."
                            },
                            "address": {
                                "type": "string",
                                "description": "An e-mail address, or a phone number in E.164 form, +972501234567 (spaces, dots, dashes and brackets are dropped on the way in)."
                            },
                            "consent": {
                                "type": "object",
                                "required": [
                                    "given",
                                    "at"
                                ],
                                "description": "Whether the person agreed to messages on this channel, and when they said so.",
                                "properties": {
                                    "given": {
                                        "type": "boolean"
                                    },
                                    "at": {
                                        "type": "string",
                                        "format": "date-time"
                                    }
                                }
                            }
                        }
                    },
                    "Volunteer": {
                        "type": "object",
                        "description": "A volunteer. Once erased, only id, homeCommunityId, side, roles, registeredAt, version and erasedAt carry anything.",
                        "required": [
                            "id",
                            "names",
                            "homeCommunityId",
                            "side",
                            "languages",
                            "roles",
                            "contactChannels",
                            "registeredAt",
                            "version"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "name": {
                                "type": "string",
                                "description": "Absent once erased."
                            },
                            "names": {
                                "type": "object",
                                "description": "The name in each language, BCP 47 language tag → name.",
                                "propertyNames": {
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            },
                            "homeCommunityId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "side": {
                                "$ref": "#/components/schemas/PartnershipSide"
                            },
                            "languages": {
                                "type": "array",
                                "items": {
                                    "type": "string"
                                },
                                "description": "BCP 47 tags in order of preference, canonical case."
                            },
                            "timeZone": {
                                "type": "string",
                                "description": "IANA time zone; absent once erased."
                            },
                            "roles": {
                                "type": "array",
                                "items": {
                                    "type": "string",
                                    "pattern": "^[a-z][a-z0-9-]{1,39}$"
                                }
                            },
                            "contactChannels": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/ContactChannel"
                                }
                            },
                            "registeredAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "version": {
                                "type": "integer",
                                "minimum": 1
                            },
                            "erasedAt": {
                                "type": "string",
                                "format": "date-time",
                                "description": "When the volunteer was erased at their request; absent until then."
                            }
                        }
                    },
                    "VolunteerRegistration": {
                        "type": "object",
                        "required": [
                            "name",
                            "homeCommunityId",
                            "languages"
                        ],
                        "description": "A volunteer to register. Fields not described here are ignored.",
                        "properties": {
                            "name": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 200,
                                "pattern": "\\S"
                            },
                            "names": {
                                "type": "object",
                                "description": "The name in each language, BCP 47 language tag → name.",
                                "propertyNames": {
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            },
                            "homeCommunityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "languages": {
                                "type": "array",
                                "minItems": 1,
                                "items": {
                                    "type": "string",
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "description": "BCP 47 tags in order of preference, each once."
                            },
                            "timeZone": {
                                "type": "string",
                                "pattern": "^UTC$|/",
                                "description": "IANA time zone; the home community's when absent."
                            },
                            "roles": {
                                "type": "array",
                                "items": {
                                    "type": "string",
                                    "pattern": "^[a-z][a-z0-9-]{1,39}$"
                                },
                                "description": "e.g. host-family, educator, steering-committee; each once."
                            },
                            "contactChannels": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": [
                                        "kind",
                                        "address",
                                        "consent"
                                    ],
                                    "properties": {
                                        "kind": {
                                            "type": "string",
                                            "enum": [
                                                "email",
                                                "phone"
                                            ]
                                        },
                                        "address": {
                                            "type": "string",
                                            "minLength": 1
                                        },
                                        "consent": {
                                            "type": "object",
                                            "required": [
                                                "given",
                                                "at"
                                            ],
                                            "description": "Whether the person agreed to messages on this channel, and when they said so.",
                                            "properties": {
                                                "given": {
                                                    "type": "boolean"
                                                },
                                                "at": {
                                                    "type": "string",
                                                    "format": "date-time"
                                                }
                                            }
                                        }
                                    }
                                },
                                "description": "No address twice."
                            }
                        },
                        "additionalProperties": true,
                        "examples": [
                            {
                                "name": "Miriam Adler",
                                "names": {
                                    "he": "מרים אדלר"
                                },
                                "homeCommunityId": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d",
                                "languages": [
                                    "en",
                                    "he"
                                ],
                                "roles": [
                                    "host-family"
                                ],
                                "contactChannels": [
                                    {
                                        "kind": "email",
                                        "address": "miriam.adler@desmoines.example",
                                        "consent": {
                                            "given": true,
                                            "at": "2024-05-01T09:30:00Z"
                                        }
                                    }
                                ]
                            }
                        ]
                    },
                    "VolunteerChange": {
                        "type": "object",
                        "description": "The fields to change; each absent field is kept. The home community cannot change.",
                        "properties": {
                            "name": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 200,
                                "pattern": "\\S"
                            },
                            "names": {
                                "type": "object",
                                "propertyNames": {
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "additionalProperties": {
                                    "type": [
                                        "string",
                                        "null"
                                    ],
                                    "maxLength": 200
                                }
                            },
                            "homeCommunityId": {
                                "type": "string",
                                "format": "uuid",
                                "description": "Only the current one is accepted."
                            },
                            "languages": {
                                "type": "array",
                                "minItems": 1,
                                "items": {
                                    "type": "string",
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                }
                            },
                            "timeZone": {
                                "type": "string",
                                "pattern": "^UTC$|/"
                            },
                            "roles": {
                                "type": "array",
                                "items": {
                                    "type": "string",
                                    "pattern": "^[a-z][a-z0-9-]{1,39}$"
                                }
                            },
                            "contactChannels": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": [
                                        "kind",
                                        "address",
                                        "consent"
                                    ],
                                    "properties": {
                                        "kind": {
                                            "type": "string",
                                            "enum": [
                                                "email",
                                                "phone"
                                            ]
                                        },
                                        "address": {
                                            "type": "string",
                                            "minLength": 1
                                        },
                                        "consent": {
                                            "type": "object",
                                            "required": [
                                                "given",
                                                "at"
                                            ],
                                            "description": "Whether the person agreed to messages on this channel, and when they said so.",
                                            "properties": {
                                                "given": {
                                                    "type": "boolean"
                                                },
                                                "at": {
                                                    "type": "string",
                                                    "format": "date-time"
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        },
                        "additionalProperties": true
                    },
                    "CommitteeRole": {
                        "type": "string",
                        "enum": [
                            "chair",
                            "co-chair",
                            "member"
                        ]
                    },
                    "CommitteeSeat": {
                        "type": "object",
                        "required": [
                            "seatId",
                            "volunteerId",
                            "erased",
                            "side",
                            "role",
                            "termStart"
                        ],
                        "properties": {
                            "seatId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "volunteerId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "name": {
                                "type": "string",
                                "description": "The volunteer's name; absent once erased."
                            },
                            "erased": {
                                "type": "boolean",
                                "description": "Whether the volunteer was erased at their request."
                            },
                            "side": {
                                "$ref": "#/components/schemas/PartnershipSide"
                            },
                            "role": {
                                "$ref": "#/components/schemas/CommitteeRole"
                            },
                            "termStart": {
                                "$ref": "#/components/schemas/CalendarDate"
                            },
                            "termEnd": {
                                "allOf": [
                                    {
                                        "$ref": "#/components/schemas/CalendarDate"
                                    }
                                ],
                                "description": "The first day the seat is no longer held; absent without an end yet."
                            }
                        }
                    },
                    "Committee": {
                        "type": "object",
                        "required": [
                            "id",
                            "partnershipId",
                            "name",
                            "names",
                            "kind",
                            "seats"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "partnershipId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "name": {
                                "type": "string"
                            },
                            "names": {
                                "type": "object",
                                "description": "The name in each language, BCP 47 language tag → name.",
                                "propertyNames": {
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            },
                            "kind": {
                                "type": "string",
                                "enum": [
                                    "jointSteering",
                                    "subcommittee"
                                ]
                            },
                            "asOf": {
                                "allOf": [
                                    {
                                        "$ref": "#/components/schemas/CalendarDate"
                                    }
                                ],
                                "description": "The day the seats are those of; absent for every seat ever held."
                            },
                            "seats": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/CommitteeSeat"
                                }
                            }
                        }
                    },
                    "CommitteeList": {
                        "type": "object",
                        "required": [
                            "committees"
                        ],
                        "properties": {
                            "committees": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/Committee"
                                }
                            }
                        }
                    },
                    "CommitteeFormation": {
                        "type": "object",
                        "required": [
                            "name"
                        ],
                        "properties": {
                            "name": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 200,
                                "pattern": "\\S"
                            },
                            "names": {
                                "type": "object",
                                "description": "The name in each language, BCP 47 language tag → name.",
                                "propertyNames": {
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            }
                        },
                        "examples": [
                            {
                                "name": "Education",
                                "names": {
                                    "he": "חינוך"
                                }
                            }
                        ]
                    },
                    "SeatRequest": {
                        "type": "object",
                        "required": [
                            "volunteerId",
                            "role",
                            "termStart"
                        ],
                        "properties": {
                            "volunteerId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "role": {
                                "$ref": "#/components/schemas/CommitteeRole"
                            },
                            "termStart": {
                                "$ref": "#/components/schemas/CalendarDate"
                            },
                            "termEnd": {
                                "allOf": [
                                    {
                                        "$ref": "#/components/schemas/CalendarDate"
                                    }
                                ],
                                "description": "After termStart; absent for a term without an end yet."
                            }
                        },
                        "examples": [
                            {
                                "volunteerId": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d",
                                "role": "chair",
                                "termStart": "2021-01-01",
                                "termEnd": "2023-01-01"
                            }
                        ]
                    },
                    "PartnershipSummary": {
                        "type": "object",
                        "required": [
                            "id",
                            "name",
                            "names",
                            "program",
                            "formedOn",
                            "recordedAt"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "name": {
                                "type": "string"
                            },
                            "names": {
                                "type": "object",
                                "description": "The name in each language, BCP 47 language tag → name.",
                                "propertyNames": {
                                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
                                },
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            },
                            "program": {
                                "$ref": "#/components/schemas/PartnershipProgram"
                            },
                            "formedOn": {
                                "$ref": "#/components/schemas/CalendarDate"
                            },
                            "recordedAt": {
                                "type": "string",
                                "format": "date-time"
                            }
                        }
                    },
                    "PartnershipPage": {
                        "type": "object",
                        "required": [
                            "total",
                            "partnerships"
                        ],
                        "properties": {
                            "total": {
                                "type": "integer",
                                "minimum": 0
                            },
                            "partnerships": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/PartnershipSummary"
                                }
                            }
                        }
                    },
                    "VolunteerPage": {
                        "type": "object",
                        "required": [
                            "total",
                            "volunteers"
                        ],
                        "properties": {
                            "total": {
                                "type": "integer",
                                "minimum": 0
                            },
                            "volunteers": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/Volunteer"
                                }
                            }
                        }
                    },
                    "SeatEnding": {
                        "type": "object",
                        "required": [
                            "seatId",
                            "termEnd"
                        ],
                        "properties": {
                            "seatId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "termEnd": {
                                "$ref": "#/components/schemas/CalendarDate"
                            }
                        },
                        "examples": [
                            {
                                "seatId": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d",
                                "termEnd": "2022-06-30"
                            }
                        ]
                    }
                }
            }
        }
        """#
}
