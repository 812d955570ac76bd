/// The program scheduling service's own OpenAPI 3.1 document: its routes and schemas, to which ServiceKit adds the common ones.
enum SchedulingAPIDocument {
    static let json = #"""
        {
            "openapi": "3.1.0",
            "info": {
                "title": "p2g program scheduling",
                "version": "1",
                "description": "Schedules programs around each community's calendar: programs placed by the scheduling engine inside everyone's working hours and outside Shabbat and festivals at each place, venues, registrations with waitlists, iCalendar feeds, and a joint team's needs-assessment meetings as soon as matching forms the team. Keeps a read model of the registry and of matching. Every response carries a W3C traceparent header, continuing the request's traceparent when it has one."
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
                },
                "/programs": {
                    "post": {
                        "operationId": "createProgram",
                        "summary": "Schedule a program",
                        "tags": [
                            "programs"
                        ],
                        "parameters": [
                            {
                                "name": "Idempotency-Key",
                                "in": "header",
                                "required": false,
                                "description": "The same key again answers with what the first request created (1 to 200 characters).",
                                "schema": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            }
                        ],
                        "responses": {
                            "201": {
                                "description": "The program, its sessions placed by the engine.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Program"
                                        }
                                    }
                                }
                            },
                            "200": {
                                "description": "What this Idempotency-Key created before.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Program"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The body is not JSON of the expected shape, or a parameter is malformed.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is too large.",
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
                                "description": "Invalid fields, unknown volunteers or venues, or no time works: the engine's explanation names the rules, people and dates.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            }
                        },
                        "description": "The engine places every session inside each required participant's working hours, outside Shabbat and festivals at each one's place, in the venues' opening hours and capacity, between earliestStart and the deadline (each occurrence of a recurrence moved by its interval; a festival date is moved, not dropped). Publishes scheduling.program-scheduled.v1. A partnership coordinator schedules programs of their own partnerships.",
                        "requestBody": {
                            "required": true,
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/ProgramRequest"
                                    }
                                }
                            }
                        }
                    },
                    "get": {
                        "operationId": "listPrograms",
                        "summary": "List programs",
                        "tags": [
                            "programs"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/Limit"
                            },
                            {
                                "name": "after",
                                "in": "query",
                                "required": false,
                                "description": "The id of the last item of the previous page.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "A page in creation order; a partnership coordinator sees their own partnerships' programs.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/ProgramPage"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "A malformed limit or cursor.",
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
                "/programs/{id}": {
                    "get": {
                        "operationId": "getProgram",
                        "summary": "Get a program",
                        "tags": [
                            "programs"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The program's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The program and its sessions.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Program"
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
                                "description": "No program has this id.",
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
                "/programs/{id}/registrations": {
                    "post": {
                        "operationId": "register",
                        "summary": "Register for a program or one session",
                        "tags": [
                            "registrations"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The program's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            },
                            {
                                "name": "Idempotency-Key",
                                "in": "header",
                                "required": false,
                                "description": "The same key again answers with what the first request created (1 to 200 characters).",
                                "schema": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            }
                        ],
                        "responses": {
                            "201": {
                                "description": "Confirmed, or waitlisted with its place in line.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Registration"
                                        }
                                    }
                                }
                            },
                            "200": {
                                "description": "What this Idempotency-Key created before.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Registration"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The body is not JSON of the expected shape, or a parameter is malformed.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is too large.",
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
                            "404": {
                                "description": "No program has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The volunteer is registered already, or the session was cancelled.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "422": {
                                "description": "Neither or both of volunteerId and participantName, or an unknown session.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            }
                        },
                        "description": "Seats are never exceeded, whatever the concurrency: confirmed while seats remain, waitlisted in arrival order after. Publishes scheduling.registration-confirmed.v1 or scheduling.registration-waitlisted.v1. A volunteer registers themself only.",
                        "requestBody": {
                            "required": true,
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/RegistrationRequest"
                                    }
                                }
                            }
                        }
                    },
                    "get": {
                        "operationId": "listRegistrations",
                        "summary": "List a program's registrations",
                        "tags": [
                            "registrations"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The program's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            },
                            {
                                "$ref": "#/components/parameters/Limit"
                            },
                            {
                                "name": "after",
                                "in": "query",
                                "required": false,
                                "description": "The id of the last item of the previous page.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "In arrival order, the waitlist's order; a volunteer sees their own.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/RegistrationPage"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "A malformed id, limit or cursor.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No program has this id.",
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
                "/programs/{id}/registrations/{registrationId}": {
                    "get": {
                        "operationId": "getRegistration",
                        "summary": "Get a registration",
                        "tags": [
                            "registrations"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The program's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            },
                            {
                                "name": "registrationId",
                                "in": "path",
                                "required": true,
                                "description": "The registration's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The registration.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Registration"
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
                                "description": "No such registration.",
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
                        "operationId": "cancelRegistration",
                        "summary": "Cancel a registration",
                        "tags": [
                            "registrations"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The program's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            },
                            {
                                "name": "registrationId",
                                "in": "path",
                                "required": true,
                                "description": "The registration's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The cancelled registration and the one promoted to its seat (scheduling.registration-promoted.v1).",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Cancellation"
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
                                "description": "No such registration.",
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
                "/venues": {
                    "post": {
                        "operationId": "createVenue",
                        "summary": "Record a venue",
                        "tags": [
                            "venues"
                        ],
                        "parameters": [
                            {
                                "name": "Idempotency-Key",
                                "in": "header",
                                "required": false,
                                "description": "The same key again answers with what the first request created (1 to 200 characters).",
                                "schema": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            }
                        ],
                        "responses": {
                            "201": {
                                "description": "The venue.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Venue"
                                        }
                                    }
                                }
                            },
                            "200": {
                                "description": "What this Idempotency-Key created before.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Venue"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The body is not JSON of the expected shape, or a parameter is malformed.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is too large.",
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
                                "description": "Invalid fields.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            }
                        },
                        "requestBody": {
                            "required": true,
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/VenueRequest"
                                    }
                                }
                            }
                        }
                    },
                    "get": {
                        "operationId": "listVenues",
                        "summary": "List venues",
                        "tags": [
                            "venues"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/Limit"
                            },
                            {
                                "name": "after",
                                "in": "query",
                                "required": false,
                                "description": "The id of the last item of the previous page.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "A page of venues.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/VenuePage"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "A malformed limit or cursor.",
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
                "/venues/{id}": {
                    "get": {
                        "operationId": "getVenue",
                        "summary": "Get a venue",
                        "tags": [
                            "venues"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The venue's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The venue.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Venue"
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
                                "description": "No venue has this id.",
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
                "/venues/{id}/closures": {
                    "post": {
                        "operationId": "closeVenue",
                        "summary": "Close a venue for a period",
                        "tags": [
                            "venues"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The venue's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The venue; sessions placed there in the period moved (as few as possible) or cancelled, each announced with scheduling.session-rescheduled.v1.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Venue"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The body is not JSON of the expected shape, or a parameter is malformed.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is too large.",
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
                            "404": {
                                "description": "No venue has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "422": {
                                "description": "An invalid period.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            }
                        },
                        "requestBody": {
                            "required": true,
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/Period"
                                    }
                                }
                            }
                        }
                    }
                },
                "/participants/{id}/availability": {
                    "get": {
                        "operationId": "getAvailability",
                        "summary": "Get a participant's availability",
                        "tags": [
                            "participants"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The volunteer's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "Working hours (defaults: 07:00 to 22:00, Sunday to Thursday in Israel, Monday to Friday elsewhere) and unavailable periods.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Availability"
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
                                "description": "The volunteer is not known to scheduling.",
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
                    "put": {
                        "operationId": "setAvailability",
                        "summary": "Set a participant's availability",
                        "tags": [
                            "participants"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The volunteer's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The availability; sessions it rules out moved (as few as possible) or cancelled, each announced with scheduling.session-rescheduled.v1.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Availability"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The body is not JSON of the expected shape, or a parameter is malformed.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "413": {
                                "description": "The body is too large.",
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
                            "404": {
                                "description": "The volunteer is not known to scheduling.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "422": {
                                "description": "Invalid fields.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            }
                        },
                        "requestBody": {
                            "required": true,
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/Availability"
                                    }
                                }
                            }
                        }
                    }
                },
                "/calendars/participants/{id}": {
                    "get": {
                        "operationId": "participantCalendar",
                        "summary": "A volunteer's calendar feed",
                        "tags": [
                            "calendars"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The volunteer's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "An RFC 5545 calendar: a VTIMEZONE, and a VEVENT per session with a stable UID, SEQUENCE raised on every reschedule, STATUS CONFIRMED or CANCELLED, and the ORGANIZER.",
                                "content": {
                                    "text/calendar": {
                                        "schema": {
                                            "type": "string"
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
                                "description": "The volunteer is not known to scheduling.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            }
                        },
                        "description": "Subscribe with the signed link sent to the volunteer: ?access_token=<their token>. Times in the volunteer's own zone."
                    }
                },
                "/calendars/communities/{id}": {
                    "get": {
                        "operationId": "communityCalendar",
                        "summary": "A community's calendar feed",
                        "tags": [
                            "calendars"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The community's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "An RFC 5545 calendar: a VTIMEZONE, and a VEVENT per session with a stable UID, SEQUENCE raised on every reschedule, STATUS CONFIRMED or CANCELLED, and the ORGANIZER.",
                                "content": {
                                    "text/calendar": {
                                        "schema": {
                                            "type": "string"
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
                        },
                        "description": "The sessions its members take part in, in the community's zone."
                    }
                },
                "/calendars/programs/{id}": {
                    "get": {
                        "operationId": "programCalendar",
                        "summary": "A program's calendar feed",
                        "tags": [
                            "calendars"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The program's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "An RFC 5545 calendar: a VTIMEZONE, and a VEVENT per session with a stable UID, SEQUENCE raised on every reschedule, STATUS CONFIRMED or CANCELLED, and the ORGANIZER.",
                                "content": {
                                    "text/calendar": {
                                        "schema": {
                                            "type": "string"
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
                                "description": "No program has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            }
                        },
                        "description": "Every session of the program, in the program's zone."
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
                    },
                    "ProgramRequest": {
                        "type": "object",
                        "required": [
                            "kind",
                            "titles",
                            "sessions",
                            "earliestStart",
                            "deadline"
                        ],
                        "properties": {
                            "kind": {
                                "type": "string",
                                "enum": [
                                    "delegation",
                                    "mission",
                                    "visit",
                                    "conference",
                                    "committee-meeting",
                                    "joint-team-meeting",
                                    "school-twinning"
                                ]
                            },
                            "partnershipId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "titles": {
                                "type": "object",
                                "description": "BCP 47 language tag → title.",
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                },
                                "minProperties": 1,
                                "maxProperties": 20
                            },
                            "format": {
                                "type": "string",
                                "enum": [
                                    "virtual",
                                    "in-person"
                                ]
                            },
                            "venueIds": {
                                "type": "array",
                                "items": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                },
                                "maxItems": 50
                            },
                            "organiserVolunteerId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "sessions": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": [
                                        "key",
                                        "requiredParticipants"
                                    ],
                                    "properties": {
                                        "key": {
                                            "type": "string",
                                            "pattern": "^[A-Za-z0-9_-]{1,64}$",
                                            "description": "Names the session within the program."
                                        },
                                        "titles": {
                                            "type": "object",
                                            "description": "BCP 47 language tag → title.",
                                            "additionalProperties": {
                                                "type": "string",
                                                "minLength": 1,
                                                "maxLength": 200
                                            }
                                        },
                                        "durationMinutes": {
                                            "type": "integer",
                                            "minimum": 5,
                                            "maximum": 1440
                                        },
                                        "durationDays": {
                                            "type": "integer",
                                            "minimum": 1,
                                            "maximum": 30
                                        },
                                        "venueIds": {
                                            "type": "array",
                                            "items": {
                                                "type": "string",
                                                "format": "uuid",
                                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                            },
                                            "minItems": 1,
                                            "description": "Some of the program's venues."
                                        },
                                        "requiredParticipants": {
                                            "type": "array",
                                            "items": {
                                                "type": "string",
                                                "format": "uuid",
                                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                            },
                                            "description": "Volunteer ids; at least one for a virtual session."
                                        },
                                        "optionalParticipants": {
                                            "type": "array",
                                            "items": {
                                                "type": "string",
                                                "format": "uuid",
                                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                            }
                                        },
                                        "expectedAttendance": {
                                            "type": "integer",
                                            "minimum": 0,
                                            "maximum": 100000
                                        }
                                    },
                                    "description": "Exactly one of durationMinutes and durationDays."
                                },
                                "minItems": 1,
                                "maxItems": 200
                            },
                            "earliestStart": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "deadline": {
                                "type": "string",
                                "format": "date-time",
                                "description": "After earliestStart, within a year of it."
                            },
                            "recurrence": {
                                "type": "object",
                                "required": [
                                    "every"
                                ],
                                "properties": {
                                    "every": {
                                        "type": "string",
                                        "enum": [
                                            "weekly",
                                            "monthly",
                                            "quarterly"
                                        ]
                                    },
                                    "count": {
                                        "type": "integer",
                                        "minimum": 1,
                                        "maximum": 60
                                    },
                                    "years": {
                                        "type": "integer",
                                        "minimum": 1
                                    }
                                },
                                "description": "count or years, not both."
                            },
                            "capacity": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": 1000000,
                                "description": "Seats for whole-program registrations; default the smallest venue's capacity, unlimited when virtual."
                            },
                            "softWeights": {
                                "$ref": "#/components/schemas/SoftWeights"
                            }
                        }
                    },
                    "SoftWeights": {
                        "type": "object",
                        "description": "How much the program minds what the engine otherwise only weighs softly; each weight counts per attendee-session (absenceWeight: per optional invitee who cannot attend). Absent: the engine's defaults (0, 0 and 3). A non-negative number up to 1000000; anything else is refused with 422.",
                        "properties": {
                            "cholHamoed": {
                                "type": "number",
                                "minimum": 0,
                                "maximum": 1000000,
                                "description": "Per attendee for whom a session falls on an intermediate day of Pesach or Sukkot (Hoshana Rabba included) at their home, by its festival schedule."
                            },
                            "festivalEveAfternoon": {
                                "type": "number",
                                "minimum": 0,
                                "maximum": 1000000,
                                "description": "Per attendee for whom a session falls after local midday on the eve of Rosh Hashana, Yom Kippur, Sukkot, Pesach or Shavuot at their home."
                            },
                            "absenceWeight": {
                                "type": "number",
                                "minimum": 0,
                                "maximum": 1000000,
                                "description": "Per optional invitee who cannot attend; lower for a program that would rather go ahead without someone than at an hour awkward for them."
                            }
                        }
                    },
                    "Program": {
                        "type": "object",
                        "required": [
                            "id",
                            "kind",
                            "titles",
                            "timeZone",
                            "format",
                            "confirmed",
                            "sessions"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "kind": {
                                "type": "string"
                            },
                            "partnershipId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "teamId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "titles": {
                                "type": "object",
                                "description": "BCP 47 language tag → title.",
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            },
                            "timeZone": {
                                "type": "string"
                            },
                            "format": {
                                "type": "string",
                                "enum": [
                                    "virtual",
                                    "in-person"
                                ]
                            },
                            "capacity": {
                                "type": "integer"
                            },
                            "softWeights": {
                                "$ref": "#/components/schemas/SoftWeights"
                            },
                            "confirmed": {
                                "type": "integer",
                                "minimum": 0
                            },
                            "sessions": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/Session"
                                }
                            }
                        }
                    },
                    "Session": {
                        "type": "object",
                        "required": [
                            "id",
                            "key",
                            "occurrence",
                            "startsAt",
                            "endsAt",
                            "virtual",
                            "timeZone",
                            "participants",
                            "sequence",
                            "status",
                            "confirmed"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "key": {
                                "type": "string"
                            },
                            "occurrence": {
                                "type": "integer",
                                "minimum": 0
                            },
                            "titles": {
                                "type": "object",
                                "description": "BCP 47 language tag → title.",
                                "additionalProperties": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 200
                                }
                            },
                            "startsAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "endsAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "virtual": {
                                "type": "boolean"
                            },
                            "venueId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "timeZone": {
                                "type": "string"
                            },
                            "participants": {
                                "type": "array",
                                "items": {
                                    "type": "string",
                                    "format": "uuid",
                                    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                                }
                            },
                            "sequence": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "Raised on every reschedule."
                            },
                            "status": {
                                "type": "string",
                                "enum": [
                                    "confirmed",
                                    "cancelled"
                                ]
                            },
                            "capacity": {
                                "type": "integer"
                            },
                            "confirmed": {
                                "type": "integer",
                                "minimum": 0
                            }
                        }
                    },
                    "ProgramPage": {
                        "type": "object",
                        "required": [
                            "programs"
                        ],
                        "properties": {
                            "programs": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/Program"
                                }
                            },
                            "next": {
                                "type": "string",
                                "description": "The after of the next page."
                            }
                        }
                    },
                    "RegistrationRequest": {
                        "type": "object",
                        "properties": {
                            "volunteerId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "participantName": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 200
                            },
                            "sessionId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            }
                        },
                        "description": "Exactly one of volunteerId and participantName; sessionId for one session, absent for the whole program."
                    },
                    "Registration": {
                        "type": "object",
                        "required": [
                            "id",
                            "programId",
                            "status",
                            "createdAt"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "programId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "sessionId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "volunteerId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "participantName": {
                                "type": "string",
                                "description": "Shown to coordinators only."
                            },
                            "status": {
                                "type": "string",
                                "enum": [
                                    "confirmed",
                                    "waitlisted",
                                    "cancelled"
                                ]
                            },
                            "position": {
                                "type": "integer",
                                "minimum": 1,
                                "description": "A waitlisted registration's place in line now."
                            },
                            "createdAt": {
                                "type": "string",
                                "format": "date-time"
                            }
                        }
                    },
                    "RegistrationPage": {
                        "type": "object",
                        "required": [
                            "registrations"
                        ],
                        "properties": {
                            "registrations": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/Registration"
                                }
                            },
                            "next": {
                                "type": "string"
                            }
                        }
                    },
                    "Cancellation": {
                        "type": "object",
                        "required": [
                            "cancelled"
                        ],
                        "properties": {
                            "cancelled": {
                                "$ref": "#/components/schemas/Registration"
                            },
                            "promoted": {
                                "$ref": "#/components/schemas/Registration"
                            }
                        }
                    },
                    "VenueRequest": {
                        "type": "object",
                        "required": [
                            "name",
                            "location",
                            "timeZone",
                            "capacity"
                        ],
                        "properties": {
                            "name": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 200
                            },
                            "location": {
                                "type": "object",
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
                            "timeZone": {
                                "type": "string",
                                "description": "IANA time zone."
                            },
                            "capacity": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": 100000
                            },
                            "openingHours": {
                                "type": "object",
                                "required": [
                                    "days",
                                    "from",
                                    "to"
                                ],
                                "properties": {
                                    "days": {
                                        "type": "array",
                                        "items": {
                                            "type": "integer",
                                            "minimum": 1,
                                            "maximum": 7
                                        },
                                        "minItems": 1,
                                        "maxItems": 7,
                                        "uniqueItems": true,
                                        "description": "Weekdays, 1 Sunday to 7 Saturday."
                                    },
                                    "from": {
                                        "type": "string",
                                        "pattern": "^[0-2][0-9]:[0-5][0-9]$"
                                    },
                                    "to": {
                                        "type": "string",
                                        "pattern": "^[0-2][0-9]:[0-5][0-9]$"
                                    }
                                }
                            }
                        }
                    },
                    "Venue": {
                        "type": "object",
                        "required": [
                            "id",
                            "name",
                            "location",
                            "timeZone",
                            "capacity",
                            "openingHours",
                            "closed"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
                            },
                            "name": {
                                "type": "string"
                            },
                            "location": {
                                "type": "object",
                                "properties": {
                                    "latitude": {
                                        "type": "number"
                                    },
                                    "longitude": {
                                        "type": "number"
                                    }
                                }
                            },
                            "timeZone": {
                                "type": "string"
                            },
                            "capacity": {
                                "type": "integer"
                            },
                            "openingHours": {
                                "type": "object",
                                "required": [
                                    "days",
                                    "from",
                                    "to"
                                ],
                                "properties": {
                                    "days": {
                                        "type": "array",
                                        "items": {
                                            "type": "integer",
                                            "minimum": 1,
                                            "maximum": 7
                                        },
                                        "minItems": 1,
                                        "maxItems": 7,
                                        "uniqueItems": true,
                                        "description": "Weekdays, 1 Sunday to 7 Saturday."
                                    },
                                    "from": {
                                        "type": "string",
                                        "pattern": "^[0-2][0-9]:[0-5][0-9]$"
                                    },
                                    "to": {
                                        "type": "string",
                                        "pattern": "^[0-2][0-9]:[0-5][0-9]$"
                                    }
                                }
                            },
                            "closed": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/Period"
                                }
                            }
                        }
                    },
                    "VenuePage": {
                        "type": "object",
                        "required": [
                            "venues"
                        ],
                        "properties": {
                            "venues": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/Venue"
                                }
                            },
                            "next": {
                                "type": "string"
                            }
                        }
                    },
                    "Period": {
                        "type": "object",
                        "required": [
                            "start",
                            "end"
                        ],
                        "properties": {
                            "start": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "end": {
                                "type": "string",
                                "format": "date-time"
                            }
                        },
                        "description": "end after start, between 2000 and 2100."
                    },
                    "Availability": {
                        "type": "object",
                        "required": [
                            "workingDays",
                            "workingFrom",
                            "workingTo",
                            "unavailable"
                        ],
                        "properties": {
                            "workingDays": {
                                "type": "array",
                                "items": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "maximum": 7
                                },
                                "minItems": 1,
                                "maxItems": 7,
                                "uniqueItems": true
                            },
                            "workingFrom": {
                                "type": "string",
                                "pattern": "^[0-2][0-9]:[0-5][0-9]$"
                            },
                            "workingTo": {
                                "type": "string",
                                "pattern": "^[0-2][0-9]:[0-5][0-9]$"
                            },
                            "unavailable": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/Period"
                                },
                                "maxItems": 500
                            }
                        }
                    }
                }
            }
        }
        """#
}
