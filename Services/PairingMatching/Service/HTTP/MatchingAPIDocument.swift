/// The pairing matching service's own OpenAPI 3.1 document: its routes and schemas, to which ServiceKit adds the common ones.
enum MatchingAPIDocument {
    static let json = #"""
        {
            "openapi": "3.1.0",
            "info": {
                "title": "p2g pairing matching",
                "version": "1",
                "description": "Pairs impacted Israeli communities with global communities (Communities2Gether) and forms each confirmed pairing's joint team. Keeps its own read model of the registry's communities, partnerships and volunteers. A matching run is stored whole and never changes; each proposal it makes is confirmed or rejected by an Agency coordinator. Every response carries a W3C traceparent header, continuing the request's traceparent when it has one. It also runs each enrolled impacted community's needs-assessment cycle (the workflow): GET /workflows/{id} gives its timeline."
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
                },
                "/matching-runs": {
                    "post": {
                        "operationId": "startMatchingRun",
                        "summary": "Run a matching",
                        "description": "Runs the pairing engine over the read model as it is now, with confirmed pairings kept and rejected pairs (not released) forbidden, and stores the run whole: inputs, parameters, engine version, result with every pair's factors, unpaired communities with reasons, blocking pairs and churn against the previous run. Publishes matching.pairing-proposed.v1 for every new proposal; open proposals of earlier runs of the program are superseded. With an Idempotency-Key (or runKey) used before, nothing runs and the answer is that run. The same as the command matching.run-matching.v1.",
                        "tags": [
                            "matching runs"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/IdempotencyKey"
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The run's parameters, at most 256 KiB.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/MatchingRunRequest"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "The run, stored.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/MatchingRun"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "description": "/matching-runs/{id}",
                                        "schema": {
                                            "type": "string"
                                        }
                                    }
                                }
                            },
                            "200": {
                                "description": "The run stored before under the same Idempotency-Key or runKey.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/MatchingRun"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The body is not JSON of a matching run, or the Idempotency-Key is empty or too long.",
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
                                "description": "Invalid parameters: every invalid field is named (a weight out of range, a pair naming an unknown community, a kept pair that was rejected...).",
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
                        "operationId": "listMatchingRuns",
                        "summary": "List matching runs",
                        "description": "Runs in the order they were stored, a page at a time: pass the page's next as after for the next page.",
                        "tags": [
                            "matching runs"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/Limit"
                            },
                            {
                                "name": "after",
                                "in": "query",
                                "required": false,
                                "description": "The id of the last run of the previous page.",
                                "schema": {
                                    "type": "string"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "A page of runs.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/MatchingRunPage"
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
                "/matching-runs/{id}": {
                    "get": {
                        "operationId": "getMatchingRun",
                        "summary": "Read a matching run",
                        "description": "The whole run as it was stored.",
                        "tags": [
                            "matching runs"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The matching run's id, a UUID.",
                                "schema": {
                                    "type": "string"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The run.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/MatchingRun"
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
                                "description": "No such run.",
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
                "/proposals/{id}": {
                    "get": {
                        "operationId": "getProposal",
                        "summary": "Read a proposal",
                        "description": "A pairing a run proposed, and what was decided about it.",
                        "tags": [
                            "proposals"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The proposal's id, a UUID.",
                                "schema": {
                                    "type": "string"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The proposal.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Proposal"
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
                                "description": "No such proposal.",
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
                "/proposals/{id}/confirmation": {
                    "post": {
                        "operationId": "confirmProposal",
                        "summary": "Confirm a proposal",
                        "description": "Confirms an open proposal (Agency coordinators only). Publishes matching.pairing-confirmed.v1: a Communities2Gether pairing carries a commitment of $250,000 a year (25000000 USD minor units) for 3 years from the day of confirmation unless the body says otherwise; the registry records it as committed funding. Then forms the pairing's joint team (matching.joint-team-formed.v1) or says what is missing (matching.joint-team-incomplete.v1). Confirming again answers with the pairing as it is.",
                        "tags": [
                            "proposals"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The proposal's id, a UUID.",
                                "schema": {
                                    "type": "string"
                                }
                            }
                        ],
                        "requestBody": {
                            "required": false,
                            "description": "Optional; at most 16 KiB.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/ConfirmationRequest"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "The confirmed pairing, with its team's status.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Proposal"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID or the body is not JSON of a confirmation.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No such proposal.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The proposal was rejected, released or superseded.",
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
                                "description": "An invalid commitment: every invalid field is named.",
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
                "/proposals/{id}/rejection": {
                    "post": {
                        "operationId": "rejectProposal",
                        "summary": "Reject a proposal",
                        "description": "Rejects an open proposal (Agency coordinators only) and publishes matching.pairing-rejected.v1; later runs do not propose the pair until it is released. Rejecting again answers with the proposal as it is.",
                        "tags": [
                            "proposals"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The proposal's id, a UUID.",
                                "schema": {
                                    "type": "string"
                                }
                            }
                        ],
                        "requestBody": {
                            "required": false,
                            "description": "Optional; at most 16 KiB.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/RejectionRequest"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "The rejected proposal.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Proposal"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID or the body is not JSON of a rejection.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No such proposal.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The proposal was confirmed, released or superseded.",
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
                                "description": "The reason is empty or longer than 1000 characters.",
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
                "/proposals/{id}/release": {
                    "post": {
                        "operationId": "releaseProposal",
                        "summary": "Release a rejected pair",
                        "description": "Lets later runs propose a rejected pair again (Agency coordinators only). Releasing again answers with the proposal as it is.",
                        "tags": [
                            "proposals"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The proposal's id, a UUID.",
                                "schema": {
                                    "type": "string"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The released proposal.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Proposal"
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
                                "description": "No such proposal.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The proposal was not rejected.",
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
                "/proposals/{id}/joint-team": {
                    "get": {
                        "operationId": "getJointTeam",
                        "summary": "Read a confirmed pairing's joint team",
                        "description": "Formed, with its members by volunteer id; or incomplete, with the rule that failed and what is missing (Agency coordinators only: it names volunteers with their languages and time zones).",
                        "tags": [
                            "joint teams"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The proposal's id, a UUID.",
                                "schema": {
                                    "type": "string"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The team.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/JointTeam"
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
                                "description": "No such proposal, or it is not confirmed.",
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
                "/workflows": {
                    "post": {
                        "operationId": "enrolInWorkflow",
                        "summary": "Enrol an impacted community in a needs-assessment cycle",
                        "description": "Enrols an Israeli locality in a Communities2Gether (or Partnership2Gether) needs-assessment cycle: its needs assessment is requested and a matching run is planned (P2G_WORKFLOW_MATCHING_DELAY later, with the other communities enrolled meanwhile). A community already in a cycle whose first assessment is in gets its next reassessment requested. The same as the command matching.request-needs-assessment.v1.",
                        "tags": [
                            "workflows"
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The community, at most 16 KiB.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/EnrolmentRequest"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "201": {
                                "description": "The new cycle.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Workflow"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "description": "/workflows/{id}",
                                        "schema": {
                                            "type": "string"
                                        }
                                    }
                                }
                            },
                            "200": {
                                "description": "The community's cycle, enrolled before.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Workflow"
                                        }
                                    }
                                },
                                "headers": {
                                    "Location": {
                                        "description": "/workflows/{id}",
                                        "schema": {
                                            "type": "string"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The body is not JSON of an enrolment.",
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
                                "description": "The community is not a UUID, is unknown to the matching service's read model, or is a global community; or the program is unknown.",
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
                        "operationId": "listWorkflows",
                        "summary": "List needs-assessment cycles",
                        "description": "Every cycle with its stage and the open step due next: overdue ones first, then by the next due instant, then by enrolment.",
                        "tags": [
                            "workflows"
                        ],
                        "parameters": [
                            {
                                "$ref": "#/components/parameters/Limit"
                            },
                            {
                                "name": "stage",
                                "in": "query",
                                "required": false,
                                "description": "Only the cycles at this stage.",
                                "schema": {
                                    "type": "string",
                                    "enum": [
                                        "enrolment",
                                        "matching",
                                        "jointTeam",
                                        "kickoffMeeting",
                                        "needsAssessment",
                                        "roadMap",
                                        "fundingCommitment",
                                        "reassessment",
                                        "closing"
                                    ]
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "A page of cycles, with the total.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/WorkflowPage"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "limit or stage is not valid.",
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
                "/workflows/{id}": {
                    "get": {
                        "operationId": "showWorkflow",
                        "summary": "Show a needs-assessment cycle",
                        "description": "The cycle's pairing, team and kickoff, each step with its status and due instant, what is due next, and the timeline of what happened (steps, notices sent, matching runs, moved meetings).",
                        "tags": [
                            "workflows"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The cycle's id, or its impacted community's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            }
                        ],
                        "responses": {
                            "200": {
                                "description": "The cycle.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Workflow"
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
                                "description": "No cycle has this id, and no cycle is of a community with this id.",
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
                "/workflows/{id}/skips": {
                    "post": {
                        "operationId": "skipWorkflowStep",
                        "summary": "Skip a step of a cycle",
                        "description": "Skips a step with a reason: its reminder and escalation are cancelled, the steps that wait for it are requested, and matching.workflow-step-recorded.v1 says who skipped it and why. The same as the command matching.skip-workflow-step.v1.",
                        "tags": [
                            "workflows"
                        ],
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": true,
                                "description": "The cycle's id, or its impacted community's id.",
                                "schema": {
                                    "type": "string",
                                    "format": "uuid"
                                }
                            }
                        ],
                        "requestBody": {
                            "required": true,
                            "description": "The step and the reason, at most 16 KiB.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/SkipRequest"
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "The cycle, with the step skipped.",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Workflow"
                                        }
                                    }
                                }
                            },
                            "400": {
                                "description": "The id is not a UUID, or the body is not JSON of a skip.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "404": {
                                "description": "No cycle has this id.",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {
                                            "$ref": "#/components/schemas/Problem"
                                        }
                                    }
                                }
                            },
                            "409": {
                                "description": "The step was done or skipped before, or the cycle is closed.",
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
                                "description": "The step is unknown or cannot be skipped, the occurrence does not fit it, or the reason is empty or longer than 500 characters.",
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
                    },
                    "MatchingPair": {
                        "type": "object",
                        "required": [
                            "impactedCommunityId",
                            "supportingCommunityId"
                        ],
                        "properties": {
                            "impactedCommunityId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "supportingCommunityId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            }
                        },
                        "description": "An Israeli community and a global community."
                    },
                    "Weights": {
                        "type": "object",
                        "description": "Points a factor gives a pair when fully met.",
                        "properties": {
                            "existingPartnership": {
                                "type": "number",
                                "minimum": 0,
                                "maximum": 10000
                            },
                            "needsFit": {
                                "type": "number",
                                "minimum": 0,
                                "maximum": 10000
                            },
                            "sharedLanguage": {
                                "type": "number",
                                "minimum": 0,
                                "maximum": 10000
                            },
                            "workingHoursOverlap": {
                                "type": "number",
                                "minimum": 0,
                                "maximum": 10000
                            },
                            "capacityLeft": {
                                "type": "number",
                                "minimum": 0,
                                "maximum": 10000
                            }
                        }
                    },
                    "MatchingRunRequest": {
                        "type": "object",
                        "required": [
                            "program",
                            "mode"
                        ],
                        "description": "What to run: the same fields as the command matching.run-matching.v1.",
                        "properties": {
                            "runKey": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 200,
                                "description": "Makes the same request one run, like Idempotency-Key."
                            },
                            "program": {
                                "type": "string",
                                "enum": [
                                    "partnership2gether",
                                    "communities2gether"
                                ]
                            },
                            "mode": {
                                "type": "string",
                                "enum": [
                                    "optimal",
                                    "stable"
                                ]
                            },
                            "proposing": {
                                "type": "string",
                                "enum": [
                                    "impacted",
                                    "supporting"
                                ],
                                "description": "Stable mode: the side that proposes; impacted when absent."
                            },
                            "weights": {
                                "$ref": "#/components/schemas/Weights"
                            },
                            "keep": {
                                "type": "array",
                                "maxItems": 1000,
                                "items": {
                                    "$ref": "#/components/schemas/MatchingPair"
                                },
                                "description": "Pairs the run must contain."
                            },
                            "forbid": {
                                "type": "array",
                                "maxItems": 1000,
                                "items": {
                                    "$ref": "#/components/schemas/MatchingPair"
                                },
                                "description": "Pairs the run must not propose."
                            }
                        },
                        "examples": [
                            {
                                "program": "communities2gether",
                                "mode": "optimal"
                            }
                        ]
                    },
                    "Money": {
                        "type": "object",
                        "required": [
                            "amount",
                            "currency"
                        ],
                        "properties": {
                            "amount": {
                                "type": "integer"
                            },
                            "currency": {
                                "type": "string"
                            }
                        },
                        "description": "Integer minor units of an ISO 4217 currency."
                    },
                    "RunCommunity": {
                        "type": "object",
                        "required": [
                            "communityId",
                            "name",
                            "region",
                            "timeZone",
                            "utcOffsetMinutes",
                            "languages"
                        ],
                        "properties": {
                            "communityId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "name": {
                                "type": "string"
                            },
                            "region": {
                                "type": "string"
                            },
                            "timeZone": {
                                "type": "string"
                            },
                            "utcOffsetMinutes": {
                                "type": "integer"
                            },
                            "languages": {
                                "type": "array",
                                "items": {
                                    "type": "string"
                                }
                            },
                            "partnershipRegions": {
                                "type": "array",
                                "items": {
                                    "type": "string"
                                }
                            },
                            "pairingCapacity": {
                                "type": "integer"
                            },
                            "yearlyBudget": {
                                "$ref": "#/components/schemas/Money"
                            },
                            "partnersNeeded": {
                                "type": "integer"
                            },
                            "needsAssessment": {
                                "type": "object",
                                "description": "Impacted side: the latest needs assessment the community submitted (registry.needs-assessment-submitted.v1). It names no need categories, so the needsFit factor does not score it.",
                                "required": [
                                    "assessmentId",
                                    "version",
                                    "immediateItems",
                                    "longTermItems",
                                    "estimatedCost",
                                    "submittedAt"
                                ],
                                "properties": {
                                    "assessmentId": {
                                        "type": "string",
                                        "format": "uuid"
                                    },
                                    "version": {
                                        "type": "integer"
                                    },
                                    "immediateItems": {
                                        "type": "integer"
                                    },
                                    "longTermItems": {
                                        "type": "integer"
                                    },
                                    "estimatedCost": {
                                        "type": "array",
                                        "items": {
                                            "$ref": "#/components/schemas/Money"
                                        }
                                    },
                                    "submittedAt": {
                                        "type": "string",
                                        "format": "date-time"
                                    }
                                }
                            },
                            "committedFunding": {
                                "$ref": "#/components/schemas/Money",
                                "description": "Supporting side, Communities2Gether: funding a year the community has already committed beyond the program's confirmed pairings (registry.funding-committed.v1, in the commitment's currency, while it runs), which yearlyBudget leaves out."
                            }
                        },
                        "description": "A community as the engine saw it."
                    },
                    "MatchingRun": {
                        "type": "object",
                        "description": "A matching run, whole and immutable.",
                        "required": [
                            "id",
                            "program",
                            "mode",
                            "engineVersion",
                            "startedBy",
                            "startedAt",
                            "parameters",
                            "inputs",
                            "result"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "runKey": {
                                "type": "string"
                            },
                            "program": {
                                "type": "string",
                                "enum": [
                                    "partnership2gether",
                                    "communities2gether"
                                ]
                            },
                            "mode": {
                                "type": "string",
                                "enum": [
                                    "optimal",
                                    "stable"
                                ]
                            },
                            "proposing": {
                                "type": "string",
                                "enum": [
                                    "impacted",
                                    "supporting"
                                ]
                            },
                            "engineVersion": {
                                "type": "string"
                            },
                            "startedBy": {
                                "type": "string"
                            },
                            "startedAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "parameters": {
                                "type": "object",
                                "required": [
                                    "weights",
                                    "keep",
                                    "forbid",
                                    "yearlyCommitment",
                                    "years",
                                    "partnersPerImpactedCommunity",
                                    "workingHours"
                                ],
                                "properties": {
                                    "weights": {
                                        "$ref": "#/components/schemas/Weights"
                                    },
                                    "keep": {
                                        "type": "array",
                                        "items": {
                                            "$ref": "#/components/schemas/MatchingPair"
                                        }
                                    },
                                    "forbid": {
                                        "type": "array",
                                        "items": {
                                            "$ref": "#/components/schemas/MatchingPair"
                                        }
                                    },
                                    "yearlyCommitment": {
                                        "$ref": "#/components/schemas/Money"
                                    },
                                    "years": {
                                        "type": "integer"
                                    },
                                    "partnersPerImpactedCommunity": {
                                        "type": "integer"
                                    },
                                    "workingHours": {
                                        "type": "string"
                                    }
                                }
                            },
                            "inputs": {
                                "type": "object",
                                "required": [
                                    "referenceInstant",
                                    "impacted",
                                    "supporting",
                                    "confirmed",
                                    "rejected",
                                    "previous"
                                ],
                                "properties": {
                                    "referenceInstant": {
                                        "type": "string",
                                        "format": "date-time"
                                    },
                                    "impacted": {
                                        "type": "array",
                                        "items": {
                                            "$ref": "#/components/schemas/RunCommunity"
                                        }
                                    },
                                    "supporting": {
                                        "type": "array",
                                        "items": {
                                            "$ref": "#/components/schemas/RunCommunity"
                                        }
                                    },
                                    "confirmed": {
                                        "type": "array",
                                        "items": {
                                            "$ref": "#/components/schemas/MatchingPair"
                                        }
                                    },
                                    "rejected": {
                                        "type": "array",
                                        "items": {
                                            "$ref": "#/components/schemas/MatchingPair"
                                        }
                                    },
                                    "previousRunId": {
                                        "type": "string",
                                        "format": "uuid",
                                        "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                                    },
                                    "previous": {
                                        "type": "array",
                                        "items": {
                                            "$ref": "#/components/schemas/MatchingPair"
                                        }
                                    },
                                    "needsSubmitted": {
                                        "type": "array",
                                        "description": "The impacted communities that have submitted a needs assessment.",
                                        "items": {
                                            "type": "string",
                                            "format": "uuid"
                                        }
                                    }
                                }
                            },
                            "result": {
                                "type": "object",
                                "required": [
                                    "pairings",
                                    "totalScore",
                                    "unpaired",
                                    "blockingPairs",
                                    "noBlockingPairs",
                                    "churn"
                                ],
                                "properties": {
                                    "pairings": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": [
                                                "pairingId",
                                                "impactedCommunityId",
                                                "supportingCommunityId",
                                                "origin",
                                                "score",
                                                "factors"
                                            ],
                                            "properties": {
                                                "pairingId": {
                                                    "type": "string",
                                                    "format": "uuid",
                                                    "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                                                },
                                                "impactedCommunityId": {
                                                    "type": "string",
                                                    "format": "uuid",
                                                    "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                                                },
                                                "supportingCommunityId": {
                                                    "type": "string",
                                                    "format": "uuid",
                                                    "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                                                },
                                                "origin": {
                                                    "type": "string",
                                                    "enum": [
                                                        "confirmed",
                                                        "requested",
                                                        "kept",
                                                        "new"
                                                    ]
                                                },
                                                "score": {
                                                    "type": "number"
                                                },
                                                "factors": {
                                                    "type": "array",
                                                    "items": {
                                                        "type": "object",
                                                        "required": [
                                                            "factor",
                                                            "fraction",
                                                            "weight",
                                                            "points",
                                                            "note"
                                                        ],
                                                        "properties": {
                                                            "factor": {
                                                                "type": "string"
                                                            },
                                                            "fraction": {
                                                                "type": "number"
                                                            },
                                                            "weight": {
                                                                "type": "number"
                                                            },
                                                            "points": {
                                                                "type": "number"
                                                            },
                                                            "note": {
                                                                "type": "string"
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    },
                                    "totalScore": {
                                        "type": "number"
                                    },
                                    "unpaired": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": [
                                                "communityId",
                                                "side",
                                                "partnersMissing",
                                                "reason",
                                                "candidates"
                                            ],
                                            "properties": {
                                                "communityId": {
                                                    "type": "string",
                                                    "format": "uuid",
                                                    "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                                                },
                                                "side": {
                                                    "type": "string",
                                                    "enum": [
                                                        "impacted",
                                                        "supporting"
                                                    ]
                                                },
                                                "partnersMissing": {
                                                    "type": "integer"
                                                },
                                                "reason": {
                                                    "type": "string",
                                                    "description": "The engine's reason, e.g. budgetBelowCommitment (supporting side) or budgetExhausted (impacted side) when committed funding leaves too little for a pairing."
                                                },
                                                "explanation": {
                                                    "type": "string",
                                                    "description": "In words, when funding the community or its candidates have already committed is why."
                                                },
                                                "candidates": {
                                                    "type": "array",
                                                    "items": {
                                                        "type": "object",
                                                        "required": [
                                                            "communityId",
                                                            "state"
                                                        ],
                                                        "properties": {
                                                            "communityId": {
                                                                "type": "string",
                                                                "format": "uuid",
                                                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                                                            },
                                                            "state": {
                                                                "type": "string"
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    },
                                    "blockingPairs": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": [
                                                "impactedCommunityId",
                                                "supportingCommunityId",
                                                "score"
                                            ],
                                            "properties": {
                                                "impactedCommunityId": {
                                                    "type": "string",
                                                    "format": "uuid",
                                                    "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                                                },
                                                "supportingCommunityId": {
                                                    "type": "string",
                                                    "format": "uuid",
                                                    "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                                                },
                                                "score": {
                                                    "type": "number"
                                                },
                                                "impactedWouldDrop": {
                                                    "type": "string"
                                                },
                                                "supportingWouldDrop": {
                                                    "type": "string"
                                                }
                                            }
                                        }
                                    },
                                    "noBlockingPairs": {
                                        "type": "boolean"
                                    },
                                    "churn": {
                                        "type": "object",
                                        "required": [
                                            "kept",
                                            "added",
                                            "removed"
                                        ],
                                        "properties": {
                                            "kept": {
                                                "type": "array",
                                                "items": {
                                                    "$ref": "#/components/schemas/MatchingPair"
                                                }
                                            },
                                            "added": {
                                                "type": "array",
                                                "items": {
                                                    "$ref": "#/components/schemas/MatchingPair"
                                                }
                                            },
                                            "removed": {
                                                "type": "array",
                                                "items": {
                                                    "$ref": "#/components/schemas/MatchingPair"
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    },
                    "MatchingRunSummary": {
                        "type": "object",
                        "required": [
                            "id",
                            "program",
                            "mode",
                            "engineVersion",
                            "startedBy",
                            "startedAt",
                            "pairings",
                            "unpaired"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "program": {
                                "type": "string",
                                "enum": [
                                    "partnership2gether",
                                    "communities2gether"
                                ]
                            },
                            "mode": {
                                "type": "string",
                                "enum": [
                                    "optimal",
                                    "stable"
                                ]
                            },
                            "engineVersion": {
                                "type": "string"
                            },
                            "startedBy": {
                                "type": "string"
                            },
                            "startedAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "pairings": {
                                "type": "integer"
                            },
                            "unpaired": {
                                "type": "integer"
                            }
                        }
                    },
                    "MatchingRunPage": {
                        "type": "object",
                        "required": [
                            "items"
                        ],
                        "properties": {
                            "items": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/MatchingRunSummary"
                                }
                            },
                            "next": {
                                "type": "string",
                                "description": "The after of the next page; absent on the last."
                            }
                        }
                    },
                    "Proposal": {
                        "type": "object",
                        "required": [
                            "id",
                            "runId",
                            "program",
                            "impactedCommunityId",
                            "supportingCommunityId",
                            "score",
                            "origin",
                            "status",
                            "proposedAt"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "runId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "program": {
                                "type": "string",
                                "enum": [
                                    "partnership2gether",
                                    "communities2gether"
                                ]
                            },
                            "impactedCommunityId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "supportingCommunityId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "score": {
                                "type": "number"
                            },
                            "origin": {
                                "type": "string"
                            },
                            "status": {
                                "type": "string",
                                "enum": [
                                    "proposed",
                                    "confirmed",
                                    "rejected",
                                    "released",
                                    "superseded"
                                ]
                            },
                            "proposedAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "decidedBy": {
                                "type": "string"
                            },
                            "decidedAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "reason": {
                                "type": "string"
                            },
                            "commitment": {
                                "type": "object",
                                "required": [
                                    "amountPerYear",
                                    "years",
                                    "startsOn"
                                ],
                                "properties": {
                                    "amountPerYear": {
                                        "$ref": "#/components/schemas/Money"
                                    },
                                    "years": {
                                        "type": "integer"
                                    },
                                    "startsOn": {
                                        "type": "string",
                                        "format": "date"
                                    }
                                }
                            },
                            "releasedBy": {
                                "type": "string"
                            },
                            "releasedAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "interpreterAvailable": {
                                "type": "boolean",
                                "description": "Confirmed with an interpreter at hand for the joint team."
                            },
                            "jointTeam": {
                                "type": "object",
                                "required": [
                                    "teamId",
                                    "status"
                                ],
                                "properties": {
                                    "teamId": {
                                        "type": "string",
                                        "format": "uuid",
                                        "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                                    },
                                    "status": {
                                        "type": "string",
                                        "enum": [
                                            "formed",
                                            "incomplete"
                                        ]
                                    }
                                }
                            }
                        }
                    },
                    "ConfirmationRequest": {
                        "type": "object",
                        "description": "All optional.",
                        "properties": {
                            "commitment": {
                                "type": "object",
                                "properties": {
                                    "amountPerYear": {
                                        "type": "object",
                                        "required": [
                                            "amount",
                                            "currency"
                                        ],
                                        "properties": {
                                            "amount": {
                                                "type": "integer",
                                                "minimum": 1,
                                                "maximum": 1000000000000
                                            },
                                            "currency": {
                                                "type": "string",
                                                "pattern": "^[A-Z]{3}$"
                                            }
                                        }
                                    },
                                    "years": {
                                        "type": "integer",
                                        "minimum": 1,
                                        "maximum": 50
                                    },
                                    "startsOn": {
                                        "type": "string",
                                        "format": "date",
                                        "description": "YYYY-MM-DD; the day of confirmation when absent."
                                    }
                                }
                            },
                            "interpreterAvailable": {
                                "type": "boolean",
                                "description": "An interpreter is at hand for the joint team: when no team can share a language, one is formed anyway, with interpreterNeeded true. False when absent. Sent again for a confirmed pairing whose team waits for a shared language, it flags the pairing and tries the team again."
                            }
                        }
                    },
                    "RejectionRequest": {
                        "type": "object",
                        "properties": {
                            "reason": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 1000
                            }
                        }
                    },
                    "JointTeam": {
                        "type": "object",
                        "required": [
                            "teamId",
                            "pairingId",
                            "program",
                            "impactedCommunityId",
                            "supportingCommunityId",
                            "status",
                            "members",
                            "interpreterNeeded",
                            "updatedAt"
                        ],
                        "properties": {
                            "teamId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "pairingId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "program": {
                                "type": "string",
                                "enum": [
                                    "partnership2gether",
                                    "communities2gether"
                                ]
                            },
                            "impactedCommunityId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "supportingCommunityId": {
                                "type": "string",
                                "format": "uuid",
                                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                            },
                            "status": {
                                "type": "string",
                                "enum": [
                                    "formed",
                                    "incomplete"
                                ]
                            },
                            "members": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": [
                                        "volunteerId",
                                        "delegation",
                                        "timeZone",
                                        "languages"
                                    ],
                                    "properties": {
                                        "volunteerId": {
                                            "type": "string",
                                            "format": "uuid",
                                            "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                                        },
                                        "delegation": {
                                            "type": "string",
                                            "enum": [
                                                "impacted",
                                                "supporting",
                                                "agency"
                                            ]
                                        },
                                        "timeZone": {
                                            "type": "string"
                                        },
                                        "languages": {
                                            "type": "array",
                                            "items": {
                                                "type": "string"
                                            }
                                        }
                                    }
                                }
                            },
                            "workingLanguage": {
                                "type": "string"
                            },
                            "interpreterNeeded": {
                                "type": "boolean"
                            },
                            "commonWorkingMinutes": {
                                "type": "integer",
                                "description": "Minutes of the day when every member is within working hours (07:00-22:00 local)."
                            },
                            "weeklyOverlapMinutes": {
                                "type": "integer",
                                "description": "Minutes in the week after formation when every member works (07:00-22:00 local, Sunday to Thursday in Israel, Monday to Friday elsewhere) and none keeps Shabbat at their place; at least P2G_MATCHING_MINIMUM_WEEKLY_OVERLAP."
                            },
                            "formedAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "rule": {
                                "type": "string",
                                "enum": [
                                    "eligibleRole",
                                    "teamLimit",
                                    "sharedLanguage",
                                    "workingHoursOverlap"
                                ]
                            },
                            "delegation": {
                                "type": "string",
                                "enum": [
                                    "impacted",
                                    "supporting",
                                    "agency"
                                ]
                            },
                            "missing": {
                                "type": "string"
                            },
                            "updatedAt": {
                                "type": "string",
                                "format": "date-time"
                            }
                        }
                    },
                    "EnrolmentRequest": {
                        "type": "object",
                        "required": [
                            "impactedCommunityId"
                        ],
                        "properties": {
                            "impactedCommunityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "program": {
                                "type": "string",
                                "enum": [
                                    "partnership2gether",
                                    "communities2gether"
                                ],
                                "description": "Communities2Gether when absent."
                            }
                        }
                    },
                    "SkipRequest": {
                        "type": "object",
                        "required": [
                            "step",
                            "reason"
                        ],
                        "properties": {
                            "step": {
                                "type": "string",
                                "enum": [
                                    "enrolment",
                                    "matching",
                                    "jointTeam",
                                    "kickoffMeeting",
                                    "needsAssessment",
                                    "roadMap",
                                    "fundingCommitment",
                                    "reassessment",
                                    "closing"
                                ]
                            },
                            "occurrence": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "Which reassessment, from 1; absent (or 0) for the other steps."
                            },
                            "reason": {
                                "type": "string",
                                "minLength": 1,
                                "maxLength": 500
                            }
                        }
                    },
                    "WorkflowDue": {
                        "type": "object",
                        "required": [
                            "step",
                            "occurrence",
                            "dueAt",
                            "overdue"
                        ],
                        "properties": {
                            "step": {
                                "type": "string",
                                "enum": [
                                    "enrolment",
                                    "matching",
                                    "jointTeam",
                                    "kickoffMeeting",
                                    "needsAssessment",
                                    "roadMap",
                                    "fundingCommitment",
                                    "reassessment",
                                    "closing"
                                ]
                            },
                            "occurrence": {
                                "type": "integer"
                            },
                            "dueAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "overdue": {
                                "type": "boolean"
                            }
                        }
                    },
                    "Workflow": {
                        "type": "object",
                        "required": [
                            "id",
                            "program",
                            "impactedCommunityId",
                            "correlationId",
                            "enrolledBy",
                            "enrolledAt",
                            "stage",
                            "steps",
                            "timeline"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "program": {
                                "type": "string",
                                "enum": [
                                    "partnership2gether",
                                    "communities2gether"
                                ]
                            },
                            "impactedCommunityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "impactedCommunityName": {
                                "type": "string"
                            },
                            "correlationId": {
                                "type": "string",
                                "description": "The correlation id of the cycle's messages."
                            },
                            "pairingId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "supportingCommunityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "teamId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "pairedAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "kickoffAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "enrolledBy": {
                                "type": "string"
                            },
                            "enrolledAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "closedAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "summary": {
                                "type": "string"
                            },
                            "stage": {
                                "type": "string",
                                "enum": [
                                    "enrolment",
                                    "matching",
                                    "jointTeam",
                                    "kickoffMeeting",
                                    "needsAssessment",
                                    "roadMap",
                                    "fundingCommitment",
                                    "reassessment",
                                    "closing"
                                ],
                                "description": "The first step not done or skipped; closing once closed."
                            },
                            "next": {
                                "$ref": "#/components/schemas/WorkflowDue"
                            },
                            "steps": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": [
                                        "step",
                                        "occurrence",
                                        "status"
                                    ],
                                    "properties": {
                                        "step": {
                                            "type": "string",
                                            "enum": [
                                                "enrolment",
                                                "matching",
                                                "jointTeam",
                                                "kickoffMeeting",
                                                "needsAssessment",
                                                "roadMap",
                                                "fundingCommitment",
                                                "reassessment",
                                                "closing"
                                            ]
                                        },
                                        "occurrence": {
                                            "type": "integer"
                                        },
                                        "status": {
                                            "type": "string",
                                            "enum": [
                                                "requested",
                                                "overdue",
                                                "escalated",
                                                "done",
                                                "skipped"
                                            ]
                                        },
                                        "requestedAt": {
                                            "type": "string",
                                            "format": "date-time"
                                        },
                                        "dueAt": {
                                            "type": "string",
                                            "format": "date-time"
                                        },
                                        "finishedAt": {
                                            "type": "string",
                                            "format": "date-time"
                                        },
                                        "reason": {
                                            "type": "string"
                                        }
                                    }
                                }
                            },
                            "timeline": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": [
                                        "at",
                                        "step",
                                        "occurrence",
                                        "what"
                                    ],
                                    "properties": {
                                        "at": {
                                            "type": "string",
                                            "format": "date-time"
                                        },
                                        "step": {
                                            "type": "string",
                                            "enum": [
                                                "enrolment",
                                                "matching",
                                                "jointTeam",
                                                "kickoffMeeting",
                                                "needsAssessment",
                                                "roadMap",
                                                "fundingCommitment",
                                                "reassessment",
                                                "closing"
                                            ]
                                        },
                                        "occurrence": {
                                            "type": "integer"
                                        },
                                        "what": {
                                            "type": "string",
                                            "description": "requested, overdue, escalated, done, skipped, or a note such as notice:meetingReminder, proposed, unpaired, moved."
                                        },
                                        "dueAt": {
                                            "type": "string",
                                            "format": "date-time"
                                        },
                                        "reason": {
                                            "type": "string"
                                        }
                                    }
                                }
                            }
                        }
                    },
                    "WorkflowSummary": {
                        "type": "object",
                        "required": [
                            "id",
                            "program",
                            "impactedCommunityId",
                            "stage",
                            "enrolledAt"
                        ],
                        "properties": {
                            "id": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "program": {
                                "type": "string",
                                "enum": [
                                    "partnership2gether",
                                    "communities2gether"
                                ]
                            },
                            "impactedCommunityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "impactedCommunityName": {
                                "type": "string"
                            },
                            "pairingId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "supportingCommunityId": {
                                "type": "string",
                                "format": "uuid"
                            },
                            "stage": {
                                "type": "string",
                                "enum": [
                                    "enrolment",
                                    "matching",
                                    "jointTeam",
                                    "kickoffMeeting",
                                    "needsAssessment",
                                    "roadMap",
                                    "fundingCommitment",
                                    "reassessment",
                                    "closing"
                                ]
                            },
                            "next": {
                                "$ref": "#/components/schemas/WorkflowDue"
                            },
                            "enrolledAt": {
                                "type": "string",
                                "format": "date-time"
                            },
                            "closedAt": {
                                "type": "string",
                                "format": "date-time"
                            }
                        }
                    },
                    "WorkflowPage": {
                        "type": "object",
                        "required": [
                            "total",
                            "items"
                        ],
                        "properties": {
                            "total": {
                                "type": "integer"
                            },
                            "items": {
                                "type": "array",
                                "items": {
                                    "$ref": "#/components/schemas/WorkflowSummary"
                                }
                            }
                        }
                    }
                },
                "parameters": {
                    "IdempotencyKey": {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": false,
                        "description": "Makes a repeated request answer with what the first one created; 1 to 200 characters.",
                        "schema": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 200
                        }
                    }
                }
            }
        }
        """#
}
