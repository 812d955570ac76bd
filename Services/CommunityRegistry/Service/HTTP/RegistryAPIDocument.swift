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
                },
                "/need-sectors": {
                    "get": {
                        "operationId": "listNeedSectors",
                        "summary": "The sectors need items are filed under",
                        "description": "The base sectors (education, economic-development, welfare, housing, infrastructure, health, culture) and those coordinators added.",
                        "tags": [
                            "needs"
                        ],
                        "responses": {
                            "200": {
                                "description": "Every sector, the base ones first.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/NeedSectors"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                        "operationId": "addNeedSector",
                        "summary": "Add a sector",
                        "description": "Adds a sector to the list items may use. Adding one that exists changes nothing (200).",
                        "tags": [
                            "needs"
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The sector's name, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/NeedSectorInput"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "Added.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/NeedSector"
                                        }
                                    }
                                }
                            },
                            "200": {
                                "description": "Known already.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/NeedSector"
                                        }
                                    }
                                }
                            },
                            "422": {
                                "description": "The name is not 1 to 60 lower-case letters, digits and hyphens.",
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
                            "400": {
                                "description": "An id is not a UUID, or the body is not a JSON object of the expected shape.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is larger than 4 KiB.",
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
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/communities/{id}/needs-assessments": {
                    "post": {
                        "operationId": "recordNeedsAssessment",
                        "summary": "Record a needs assessment (a draft)",
                        "description": "Records a community's first needs assessment, or a reassessment of its latest submitted version (reassesses: its id), as a draft. An item of a reassessment that follows an item of the version before names it in carriesOver, so that the difference can be read item by item. Costs are integer minor units with an ISO 4217 currency.",
                        "tags": [
                            "needs"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/CommunityId"
                            },
                            {
                                "$ref": "#/components/parameters/IdempotencyKey"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The assessment, at most 1 MiB, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/NeedsAssessmentDraft"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "Recorded as a draft.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/NeedsAssessment"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "description": "Where the record can be read.",
                                        "schema": {
                                            "type": "string"
                                        }
                                    }
                                }
                            },
                            "200": {
                                "description": "The assessment this Idempotency-Key recorded before.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/NeedsAssessment"
                                        }
                                    }
                                }
                            },
                            "403": {
                                "description": "The caller's role may not do this, or a partnership coordinator's partnerships do not include the community.",
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
                            "409": {
                                "description": "The community has an assessment already and this one does not reassess its latest version, or that version is still a draft.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "422": {
                                "description": "Invalid fields (an unknown sector, a cost that is not a whole number of minor units, an unknown currency): invalid-params names each one.",
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
                            "400": {
                                "description": "An id is not a UUID, or the body is not a JSON object of the expected shape.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is larger than 1 MiB.",
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
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                        "operationId": "listNeedsAssessments",
                        "summary": "A community's needs assessments, every version",
                        "description": "Every version, oldest first, with its items.",
                        "tags": [
                            "needs"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/CommunityId"
                            },
                            {
                                "$ref": "#/components/parameters/Limit"
                            },
                            {
                                "$ref": "#/components/parameters/After"
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "A page of versions.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/NeedsAssessmentPage"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The id, limit or after is not valid.",
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
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/needs-assessments/{id}": {
                    "get": {
                        "operationId": "showNeedsAssessment",
                        "summary": "A version of a needs assessment",
                        "tags": [
                            "needs"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The needs assessment's id, a UUID in either case.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The version with its items and its estimated cost per currency.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/NeedsAssessment"
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
                                "description": "No needs assessment has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/needs-assessments/{id}/submission": {
                    "post": {
                        "operationId": "submitNeedsAssessment",
                        "summary": "Submit a draft",
                        "description": "Submits the draft and announces it (registry.needs-assessment-submitted.v1).",
                        "tags": [
                            "needs"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The needs assessment's id, a UUID in either case.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The assessment as it is now.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/NeedsAssessment"
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
                            "403": {
                                "description": "The caller's role may not do this, or a partnership coordinator's partnerships do not include the community.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No needs assessment has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The assessment is not a draft.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/needs-assessments/{id}/acceptance": {
                    "post": {
                        "operationId": "acceptNeedsAssessment",
                        "summary": "Accept a submitted assessment",
                        "description": "The Agency accepts a submitted assessment.",
                        "tags": [
                            "needs"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The needs assessment's id, a UUID in either case.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The assessment as it is now.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/NeedsAssessment"
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
                            "403": {
                                "description": "The caller's role may not do this, or a partnership coordinator's partnerships do not include the community.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No needs assessment has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The assessment is not submitted.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/needs-assessments/{id}/diff": {
                    "get": {
                        "operationId": "diffNeedsAssessments",
                        "summary": "What changed between two versions",
                        "description": "Items added, removed and changed (with the fields that changed), and how the estimated cost moved in each currency, from the version this one reassesses or from the version named in from.",
                        "tags": [
                            "needs"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The needs assessment's id, a UUID in either case.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            },
                            {
                                "name": "from",
                                "in": "query",
                                "required": false,
                                "description": "Another version of the same community's assessment; by default the one this version reassesses.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The difference, the older version first.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/NeedsAssessmentDiff"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "An id is not a UUID.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No needs assessment has one of the ids.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The versions are of different communities, or version 1 was given without from.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/communities/{id}/milestones": {
                    "post": {
                        "operationId": "addMilestone",
                        "summary": "Add a milestone to a community's road map",
                        "description": "A milestone in a quarter, covering some of the community's need items, planned. The road map spans three years: a quarter twelve or more after its first milestone's is refused.",
                        "tags": [
                            "road map"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/CommunityId"
                            },
                            {
                                "$ref": "#/components/parameters/IdempotencyKey"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The milestone, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/MilestoneInput"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "Planned.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Milestone"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "description": "Where the record can be read.",
                                        "schema": {
                                            "type": "string"
                                        }
                                    }
                                }
                            },
                            "200": {
                                "description": "The milestone this Idempotency-Key recorded before.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Milestone"
                                        }
                                    }
                                }
                            },
                            "403": {
                                "description": "The caller's role may not do this, or a partnership coordinator's partnerships do not include the community.",
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
                            "422": {
                                "description": "Invalid fields (a quarter that is not like 2025-Q2 or falls outside three years, an item that is not the community's): invalid-params names each one.",
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
                            "400": {
                                "description": "An id is not a UUID, or the body is not a JSON object of the expected shape.",
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
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/communities/{id}/road-map": {
                    "get": {
                        "operationId": "showRoadMap",
                        "summary": "A community's road map",
                        "description": "Its milestones by quarter, each with its status and the history of its status.",
                        "tags": [
                            "road map"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/CommunityId"
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The road map.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/RoadMap"
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
                            },
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/milestones/{id}/status": {
                    "post": {
                        "operationId": "changeMilestoneStatus",
                        "summary": "A milestone's status changes",
                        "description": "planned → under-way → done; a milestone not done may be dropped, and a dropped one planned again. The day is kept with each change.",
                        "tags": [
                            "road map"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The milestone's id, a UUID in either case.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The status and its day, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/MilestoneStatusInput"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "The milestone with its history.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Milestone"
                                        }
                                    }
                                }
                            },
                            "403": {
                                "description": "The caller's role may not do this, or a partnership coordinator's partnerships do not include the community.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No milestone has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "Its current status does not allow this one.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "422": {
                                "description": "Invalid fields, or a day before its last change.",
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
                            "400": {
                                "description": "An id is not a UUID, or the body is not a JSON object of the expected shape.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is larger than 4 KiB.",
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
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/funding-flows": {
                    "post": {
                        "operationId": "recordFundingFlow",
                        "summary": "Record a funding flow (pledged or committed)",
                        "description": "Money from a funder to a community, perhaps to one need item or milestone. A pledge is shown but not counted in funded totals; a commitment to an item that would take what is committed to it past its estimated cost is refused (409, naming the item, its cost and what is committed by whom); concurrent commitments to one item are serialised, so one wins. Committing announces registry.funding-committed.v1; pledges and commitments to an item that come to more than its cost announce registry.funding-overlap-detected.v1. Amounts are never converted: a flow to an item is in the item's currency.",
                        "tags": [
                            "funding"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/IdempotencyKey"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The flow, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/FundingFlowInput"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "Recorded.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/FundingFlow"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "description": "Where the record can be read.",
                                        "schema": {
                                            "type": "string"
                                        }
                                    }
                                }
                            },
                            "200": {
                                "description": "The flow this Idempotency-Key recorded before.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/FundingFlow"
                                        }
                                    }
                                }
                            },
                            "403": {
                                "description": "The caller's role may not do this, or a partnership coordinator's partnerships do not include the community.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The commitment would take the item past its estimated cost: the detail names the item, its cost, and what is committed already and by whom.",
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
                            "422": {
                                "description": "Invalid fields (an unknown community, item or milestone, a currency other than the item's): invalid-params names each one.",
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
                            "400": {
                                "description": "An id is not a UUID, or the body is not a JSON object of the expected shape.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
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
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                        "operationId": "listFundingFlows",
                        "summary": "Funding flows",
                        "description": "In the order they were recorded, each with its history, filtered by community, need item or pairing.",
                        "tags": [
                            "funding"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/Limit"
                            },
                            {
                                "$ref": "#/components/parameters/After"
                            },
                            {
                                "name": "community",
                                "in": "query",
                                "required": false,
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            },
                            {
                                "name": "needItem",
                                "in": "query",
                                "required": false,
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            },
                            {
                                "name": "pairing",
                                "in": "query",
                                "required": false,
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "A page of flows, with how many pass the filter.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/FundingFlowPage"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "A filter, limit or after is not valid.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/funding-flows/{id}": {
                    "get": {
                        "operationId": "showFundingFlow",
                        "summary": "A funding flow with its history",
                        "tags": [
                            "funding"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The funding flow's id, a UUID in either case.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The flow.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/FundingFlow"
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
                                "description": "No funding flow has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/funding-flows/{id}/transitions": {
                    "post": {
                        "operationId": "changeFundingFlow",
                        "summary": "Commit a pledge, or record a payment",
                        "description": "status committed commits a pledge (its amount, or amount), checked against the item's cost as a new commitment is; status paid records a payment (amount, or what is left to pay), and what is paid never exceeds what is committed. Every change is kept in the flow's history.",
                        "tags": [
                            "funding"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The funding flow's id, a UUID in either case.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The change, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/FundingTransitionInput"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "The flow as it is now.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/FundingFlow"
                                        }
                                    }
                                }
                            },
                            "403": {
                                "description": "The caller's role may not do this, or a partnership coordinator's partnerships do not include the community.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No funding flow has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The flow's status does not allow it, a payment would exceed what is committed, or a commitment the item's cost.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "422": {
                                "description": "Invalid fields, or a day before the flow's last change.",
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
                            "400": {
                                "description": "An id is not a UUID, or the body is not a JSON object of the expected shape.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is larger than 4 KiB.",
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
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/pairing-commitments": {
                    "post": {
                        "operationId": "recordPairingCommitment",
                        "summary": "Record a Communities2Gether pairing's commitment",
                        "description": "The global community's yearly commitment to the impacted community (for example $250,000 a year for three years): one committed flow a year, each announced (registry.funding-committed.v1). Recorded once per pairing: the same terms again answer 200 with what was recorded, other terms 409.",
                        "tags": [
                            "funding"
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The pairing's terms, as application/json.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/PairingCommitmentInput"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "Recorded.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/PairingCommitment"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "description": "Where the record can be read.",
                                        "schema": {
                                            "type": "string"
                                        }
                                    }
                                }
                            },
                            "200": {
                                "description": "Recorded before with the same terms.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/PairingCommitment"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "Recorded before with other terms.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "422": {
                                "description": "Invalid fields (an unknown community, years outside 1 to 10): invalid-params names each one.",
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
                            "400": {
                                "description": "An id is not a UUID, or the body is not a JSON object of the expected shape.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is larger than 4 KiB.",
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
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/pairing-commitments/{id}": {
                    "get": {
                        "operationId": "showPairingCommitment",
                        "summary": "A pairing's commitment, year by year",
                        "description": "Each year promised, committed and paid, and whether it is met, short (ended with less paid than promised), in progress or not started on asOf.",
                        "tags": [
                            "funding"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The pairing's id, a UUID in either case.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            },
                            {
                                "name": "asOf",
                                "in": "query",
                                "required": false,
                                "description": "The day to read the years on; today (UTC) by default.",
                                "schema": {
                                    "type": "string",
                                    "format": "date"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The commitment.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/PairingCommitment"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The id or asOf is not valid.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No commitment was recorded for this pairing.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/reports/funding": {
                    "get": {
                        "operationId": "fundingReport",
                        "summary": "Needs against funding, per community, partnership or sector",
                        "description": "Per group and currency, never converted: the estimated cost of the needs in each community's latest submitted version, what is only pledged, what is committed (paid included), what is paid, and the gap (needs less committed). A community counts under each partnership it is a member of today; a flow without a need item under the sector unassigned.",
                        "tags": [
                            "reports"
                        ],
                        "parameters": [
                            {
                                "name": "by",
                                "in": "query",
                                "required": false,
                                "schema": {
                                    "type": "string",
                                    "enum": [
                                        "community",
                                        "partnership",
                                        "sector"
                                    ],
                                    "default": "community"
                                }
                            },
                            {
                                "name": "format",
                                "in": "query",
                                "required": false,
                                "description": "json or csv; without it, what Accept prefers.",
                                "schema": {
                                    "type": "string",
                                    "enum": [
                                        "json",
                                        "csv"
                                    ]
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The report.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/FundingReport"
                                        }
                                    },
                                    "text/csv": {
                                        "schema": {
                                            "type": "string"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "by or format is not valid.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                "/reports/who-funds-what-where": {
                    "get": {
                        "operationId": "whoFundsWhatWhere",
                        "summary": "Who funds what where (4W)",
                        "description": "One row per funding flow: funder, its type, community, country, region, sector, need, status, currency and amounts, as CSV with a second header row of HXL hashtags (#org+funder+name, #sector, #value+committed...), or as JSON.",
                        "tags": [
                            "reports"
                        ],
                        "parameters": [
                            {
                                "name": "format",
                                "in": "query",
                                "required": false,
                                "description": "json or csv; without it, what Accept prefers.",
                                "schema": {
                                    "type": "string",
                                    "enum": [
                                        "json",
                                        "csv"
                                    ]
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The table.",
                                "content": {
                                    "text/csv": {
                                        "schema": {
                                            "type": "string"
                                        }
                                    },
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/WhoFundsWhatWhere"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "format is not valid.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "500": {
                                "description": "An unexpected failure: the detail names the request's id, under which the service's log has one line with the cause.",
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
                    },
                    "Money": {
                        "type": "object",
                        "properties": {
                            "amount": {
                                "type": "integer",
                                "description": "Minor units (cents, agorot)."
                            },
                            "currency": {
                                "type": "string",
                                "pattern": "^[A-Z]{3}$"
                            }
                        },
                        "required": [
                            "amount",
                            "currency"
                        ],
                        "description": "An amount in integer minor units with its ISO 4217 currency."
                    },
                    "NeedSector": {
                        "type": "object",
                        "properties": {
                            "name": {
                                "type": "string"
                            },
                            "base": {
                                "type": "boolean"
                            }
                        },
                        "required": [
                            "name",
                            "base"
                        ]
                    },
                    "NeedSectors": {
                        "type": "object",
                        "properties": {
                            "sectors": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/NeedSector"
                                }
                            }
                        },
                        "required": [
                            "sectors"
                        ]
                    },
                    "NeedSectorInput": {
                        "type": "object",
                        "properties": {
                            "name": {
                                "type": "string",
                                "description": "Lower-case letters, digits and hyphens, e.g. mental-health."
                            }
                        },
                        "required": [
                            "name"
                        ]
                    },
                    "NeedItemInput": {
                        "type": "object",
                        "properties": {
                            "carriesOver": {
                                "type": "string",
                                "format": "uuid",
                                "description": "The item of the version reassessed that this one follows."
                            },
                            "horizon": {
                                "type": "string",
                                "enum": [
                                    "immediate",
                                    "long-term"
                                ]
                            },
                            "sector": {
                                "type": "string"
                            },
                            "description": {
                                "type": "string",
                                "description": "In any language."
                            },
                            "language": {
                                "type": "string",
                                "description": "BCP 47 tag of the description."
                            },
                            "quantity": {
                                "type": "integer",
                                "minimum": 1
                            },
                            "unit": {
                                "type": "string"
                            },
                            "estimatedCost": {
                                "type": "object",
                                "properties": {
                                    "amount": {
                                        "type": "integer",
                                        "description": "Minor units (cents, agorot)."
                                    },
                                    "currency": {
                                        "type": "string",
                                        "description": "ISO 4217, e.g. USD or ILS."
                                    }
                                },
                                "required": [
                                    "amount",
                                    "currency"
                                ]
                            }
                        },
                        "required": [
                            "horizon",
                            "sector",
                            "description",
                            "quantity",
                            "unit",
                            "estimatedCost"
                        ]
                    },
                    "NeedsAssessmentDraft": {
                        "type": "object",
                        "properties": {
                            "reassesses": {
                                "type": "string",
                                "format": "uuid",
                                "description": "The community's latest version, for a reassessment."
                            },
                            "assessedOn": {
                                "type": "string",
                                "format": "date"
                            },
                            "items": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/NeedItemInput"
                                },
                                "maxItems": 2000
                            }
                        },
                        "required": [
                            "assessedOn",
                            "items"
                        ]
                    },
                    "NeedItem": {
                        "type": "object",
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "carriesOver": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "horizon": {
                                "type": "string",
                                "enum": [
                                    "immediate",
                                    "long-term"
                                ]
                            },
                            "sector": {
                                "type": "string"
                            },
                            "description": {
                                "type": "string"
                            },
                            "language": {
                                "type": "string"
                            },
                            "quantity": {
                                "type": "integer"
                            },
                            "unit": {
                                "type": "string"
                            },
                            "estimatedCost": {
                                "$ref": "#/components/schemas/Money"
                            }
                        },
                        "required": [
                            "id",
                            "horizon",
                            "sector",
                            "description",
                            "quantity",
                            "unit",
                            "estimatedCost"
                        ]
                    },
                    "NeedsAssessment": {
                        "type": "object",
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "communityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "version": {
                                "type": "integer",
                                "minimum": 1
                            },
                            "previousAssessmentId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "status": {
                                "type": "string",
                                "enum": [
                                    "draft",
                                    "submitted",
                                    "accepted"
                                ]
                            },
                            "assessedOn": {
                                "type": "string",
                                "format": "date"
                            },
                            "createdAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "submittedAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "acceptedAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "items": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/NeedItem"
                                }
                            },
                            "estimatedCost": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/Money"
                                },
                                "description": "One amount per currency."
                            }
                        },
                        "required": [
                            "id",
                            "communityId",
                            "version",
                            "status",
                            "assessedOn",
                            "createdAt",
                            "items",
                            "estimatedCost"
                        ]
                    },
                    "NeedsAssessmentPage": {
                        "type": "object",
                        "properties": {
                            "total": {
                                "type": "integer"
                            },
                            "assessments": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/NeedsAssessment"
                                }
                            }
                        },
                        "required": [
                            "total",
                            "assessments"
                        ]
                    },
                    "NeedsAssessmentDiff": {
                        "type": "object",
                        "properties": {
                            "from": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "fromVersion": {
                                "type": "integer"
                            },
                            "to": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "toVersion": {
                                "type": "integer"
                            },
                            "added": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/NeedItem"
                                }
                            },
                            "removed": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/NeedItem"
                                }
                            },
                            "changed": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "before": {
                                            "$ref": "#/components/schemas/NeedItem"
                                        },
                                        "after": {
                                            "$ref": "#/components/schemas/NeedItem"
                                        },
                                        "fields": {
                                            "type": "array",
                                            "items": {
                                                "type": "string"
                                            }
                                        }
                                    },
                                    "required": [
                                        "before",
                                        "after",
                                        "fields"
                                    ]
                                }
                            },
                            "unchanged": {
                                "type": "integer"
                            },
                            "costMoved": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "currency": {
                                            "type": "string"
                                        },
                                        "before": {
                                            "type": "integer"
                                        },
                                        "after": {
                                            "type": "integer"
                                        },
                                        "change": {
                                            "type": "integer"
                                        }
                                    },
                                    "required": [
                                        "currency",
                                        "before",
                                        "after",
                                        "change"
                                    ]
                                }
                            },
                            "summary": {
                                "type": "array",
                                "items": {
                                    "type": "string"
                                },
                                "description": "One line per change."
                            }
                        },
                        "required": [
                            "from",
                            "fromVersion",
                            "to",
                            "toVersion",
                            "added",
                            "removed",
                            "changed",
                            "unchanged",
                            "costMoved",
                            "summary"
                        ]
                    },
                    "MilestoneInput": {
                        "type": "object",
                        "properties": {
                            "title": {
                                "type": "string"
                            },
                            "quarter": {
                                "type": "string",
                                "pattern": "^[0-9]{4}-Q[1-4]$"
                            },
                            "needItemIds": {
                                "type": "array",
                                "items": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            },
                            "plannedOn": {
                                "type": "string",
                                "format": "date"
                            }
                        },
                        "required": [
                            "title",
                            "quarter",
                            "plannedOn"
                        ]
                    },
                    "MilestoneStatusInput": {
                        "type": "object",
                        "properties": {
                            "status": {
                                "type": "string",
                                "enum": [
                                    "planned",
                                    "under-way",
                                    "done",
                                    "dropped"
                                ]
                            },
                            "on": {
                                "type": "string",
                                "format": "date"
                            }
                        },
                        "required": [
                            "status",
                            "on"
                        ]
                    },
                    "Milestone": {
                        "type": "object",
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "communityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "title": {
                                "type": "string"
                            },
                            "quarter": {
                                "type": "string"
                            },
                            "needItemIds": {
                                "type": "array",
                                "items": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            },
                            "status": {
                                "type": "string",
                                "enum": [
                                    "planned",
                                    "under-way",
                                    "done",
                                    "dropped"
                                ]
                            },
                            "history": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "status": {
                                            "type": "string",
                                            "enum": [
                                                "planned",
                                                "under-way",
                                                "done",
                                                "dropped"
                                            ]
                                        },
                                        "on": {
                                            "type": "string",
                                            "format": "date"
                                        }
                                    },
                                    "required": [
                                        "status",
                                        "on"
                                    ]
                                }
                            }
                        },
                        "required": [
                            "id",
                            "communityId",
                            "title",
                            "quarter",
                            "needItemIds",
                            "status",
                            "history"
                        ]
                    },
                    "RoadMap": {
                        "type": "object",
                        "properties": {
                            "communityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "from": {
                                "type": "string"
                            },
                            "to": {
                                "type": "string"
                            },
                            "quarters": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "quarter": {
                                            "type": "string"
                                        },
                                        "milestones": {
                                            "type": "array",
                                            "items": {
                                                "$ref": "#/components/schemas/Milestone"
                                            }
                                        }
                                    },
                                    "required": [
                                        "quarter",
                                        "milestones"
                                    ]
                                }
                            }
                        },
                        "required": [
                            "communityId",
                            "quarters"
                        ]
                    },
                    "FundingFlowInput": {
                        "type": "object",
                        "properties": {
                            "funder": {
                                "type": "object",
                                "properties": {
                                    "kind": {
                                        "type": "string",
                                        "enum": [
                                            "globalCommunity",
                                            "federation",
                                            "kerenHayesod",
                                            "governmentBody",
                                            "municipality",
                                            "otherDonor"
                                        ]
                                    },
                                    "name": {
                                        "type": "string"
                                    },
                                    "communityId": {
                                        "type": "string",
                                        "format": "uuid"
                                    }
                                },
                                "required": [
                                    "kind",
                                    "name"
                                ]
                            },
                            "communityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "needItemId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "milestoneId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "amount": {
                                "type": "object",
                                "properties": {
                                    "amount": {
                                        "type": "integer",
                                        "description": "Minor units (cents, agorot)."
                                    },
                                    "currency": {
                                        "type": "string",
                                        "description": "ISO 4217, e.g. USD or ILS."
                                    }
                                },
                                "required": [
                                    "amount",
                                    "currency"
                                ]
                            },
                            "status": {
                                "type": "string",
                                "enum": [
                                    "pledged",
                                    "committed"
                                ]
                            },
                            "on": {
                                "type": "string",
                                "format": "date"
                            }
                        },
                        "required": [
                            "funder",
                            "communityId",
                            "amount",
                            "status",
                            "on"
                        ]
                    },
                    "FundingTransitionInput": {
                        "type": "object",
                        "properties": {
                            "status": {
                                "type": "string",
                                "enum": [
                                    "committed",
                                    "paid"
                                ]
                            },
                            "on": {
                                "type": "string",
                                "format": "date"
                            },
                            "amount": {
                                "type": "integer",
                                "minimum": 1,
                                "description": "Minor units of the flow's currency."
                            }
                        },
                        "required": [
                            "status",
                            "on"
                        ]
                    },
                    "FundingFlow": {
                        "type": "object",
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "funder": {
                                "type": "object",
                                "properties": {
                                    "kind": {
                                        "type": "string",
                                        "enum": [
                                            "globalCommunity",
                                            "federation",
                                            "kerenHayesod",
                                            "governmentBody",
                                            "municipality",
                                            "otherDonor"
                                        ]
                                    },
                                    "name": {
                                        "type": "string"
                                    },
                                    "communityId": {
                                        "type": "string",
                                        "format": "uuid"
                                    }
                                },
                                "required": [
                                    "kind",
                                    "name"
                                ]
                            },
                            "communityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "needItemId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "milestoneId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "pairingId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "pairingYear": {
                                "type": "integer"
                            },
                            "currency": {
                                "type": "string"
                            },
                            "status": {
                                "type": "string",
                                "enum": [
                                    "pledged",
                                    "committed",
                                    "paid"
                                ]
                            },
                            "pledged": {
                                "type": "integer"
                            },
                            "committed": {
                                "type": "integer"
                            },
                            "paid": {
                                "type": "integer"
                            },
                            "pledgedOn": {
                                "type": "string",
                                "format": "date"
                            },
                            "committedOn": {
                                "type": "string",
                                "format": "date"
                            },
                            "paidOn": {
                                "type": "string",
                                "format": "date"
                            },
                            "history": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "status": {
                                            "type": "string",
                                            "enum": [
                                                "pledged",
                                                "committed",
                                                "paid"
                                            ]
                                        },
                                        "amount": {
                                            "type": "integer"
                                        },
                                        "on": {
                                            "type": "string",
                                            "format": "date"
                                        },
                                        "recordedAt": {
                                            "type": "string",
                                            "format": "date-time"
                                        }
                                    },
                                    "required": [
                                        "status",
                                        "amount",
                                        "on",
                                        "recordedAt"
                                    ]
                                }
                            }
                        },
                        "required": [
                            "id",
                            "funder",
                            "communityId",
                            "currency",
                            "status",
                            "paid",
                            "history"
                        ]
                    },
                    "FundingFlowPage": {
                        "type": "object",
                        "properties": {
                            "total": {
                                "type": "integer"
                            },
                            "flows": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/FundingFlow"
                                }
                            }
                        },
                        "required": [
                            "total",
                            "flows"
                        ]
                    },
                    "PairingCommitmentInput": {
                        "type": "object",
                        "properties": {
                            "pairingId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "supportingCommunityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "impactedCommunityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "amountPerYear": {
                                "type": "object",
                                "properties": {
                                    "amount": {
                                        "type": "integer",
                                        "description": "Minor units (cents, agorot)."
                                    },
                                    "currency": {
                                        "type": "string",
                                        "description": "ISO 4217, e.g. USD or ILS."
                                    }
                                },
                                "required": [
                                    "amount",
                                    "currency"
                                ]
                            },
                            "years": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": 10
                            },
                            "confirmedAt": {
                                "type": "string",
                                "format": "date-time"
                            }
                        },
                        "required": [
                            "pairingId",
                            "supportingCommunityId",
                            "impactedCommunityId",
                            "amountPerYear",
                            "years",
                            "confirmedAt"
                        ]
                    },
                    "PairingCommitment": {
                        "type": "object",
                        "properties": {
                            "pairingId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "supportingCommunityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "impactedCommunityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "amountPerYear": {
                                "$ref": "#/components/schemas/Money"
                            },
                            "confirmedAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "asOf": {
                                "type": "string",
                                "format": "date"
                            },
                            "years": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "year": {
                                            "type": "integer"
                                        },
                                        "from": {
                                            "type": "string",
                                            "format": "date"
                                        },
                                        "until": {
                                            "type": "string",
                                            "format": "date"
                                        },
                                        "flowId": {
                                            "type": "string",
                                            "format": "uuid"
                                        },
                                        "promised": {
                                            "type": "integer"
                                        },
                                        "committed": {
                                            "type": "integer"
                                        },
                                        "paid": {
                                            "type": "integer"
                                        },
                                        "standing": {
                                            "type": "string",
                                            "enum": [
                                                "not-started",
                                                "in-progress",
                                                "met",
                                                "short"
                                            ]
                                        },
                                        "shortBy": {
                                            "type": "integer"
                                        }
                                    },
                                    "required": [
                                        "year",
                                        "from",
                                        "until",
                                        "promised",
                                        "committed",
                                        "paid",
                                        "standing",
                                        "shortBy"
                                    ]
                                }
                            },
                            "promised": {
                                "type": "integer"
                            },
                            "committed": {
                                "type": "integer"
                            },
                            "paid": {
                                "type": "integer"
                            }
                        },
                        "required": [
                            "pairingId",
                            "supportingCommunityId",
                            "impactedCommunityId",
                            "amountPerYear",
                            "confirmedAt",
                            "asOf",
                            "years",
                            "promised",
                            "committed",
                            "paid"
                        ]
                    },
                    "FundingReport": {
                        "type": "object",
                        "properties": {
                            "by": {
                                "type": "string",
                                "enum": [
                                    "community",
                                    "partnership",
                                    "sector"
                                ]
                            },
                            "rows": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "key": {
                                            "type": "string"
                                        },
                                        "name": {
                                            "type": "string"
                                        },
                                        "currency": {
                                            "type": "string"
                                        },
                                        "needs": {
                                            "type": "integer"
                                        },
                                        "pledged": {
                                            "type": "integer"
                                        },
                                        "committed": {
                                            "type": "integer"
                                        },
                                        "paid": {
                                            "type": "integer"
                                        },
                                        "gap": {
                                            "type": "integer"
                                        }
                                    },
                                    "required": [
                                        "key",
                                        "name",
                                        "currency",
                                        "needs",
                                        "pledged",
                                        "committed",
                                        "paid",
                                        "gap"
                                    ]
                                }
                            }
                        },
                        "required": [
                            "by",
                            "rows"
                        ]
                    },
                    "WhoFundsWhatWhere": {
                        "type": "object",
                        "properties": {
                            "rows": {
                                "type": "array",
                                "items": {
                                    "type": "object"
                                }
                            }
                        },
                        "required": [
                            "rows"
                        ]
                    }
                }
            }
        }
        """#
}
