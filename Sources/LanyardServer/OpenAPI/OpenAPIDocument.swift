/// The OpenAPI 3.1 description of every route, served at `/openapi.json`. A test walks the
/// router and checks each route is here and each entry here is routed.
enum OpenAPIDocument {
    static func document(version: String) -> JSONValue {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "Lanyard",
                "version": .string(version),
                "description": "The HTTP service of Lanyard, a conference networking companion. JSON uses snake_case keys and ISO 8601 dates. Every route but /health and /login needs the access token: `Authorization: Bearer TOKEN`, or the session cookie the login form sets (pages only for writes).",
            ],
            "security": [["bearer": []], ["session": []]],
            "paths": .object(paths.merging(modulePaths) { own, _ in own }),
            "components": components,
        ]
    }

    // MARK: - Paths

    static var paths: [String: JSONValue] {
        [
            "/health": [
                "get": operation("health", "Liveness check (no token needed).", tag: "service", open: true,
                                 responses: ["200": json("Server is up.", ref("Health"))]),
            ],
            "/openapi.json": [
                "get": operation("openapi", "This document.", tag: "service",
                                 responses: ["200": json("The OpenAPI 3.1 document.", ["type": "object"])]),
            ],
            "/events": [
                "get": operation("listEvents", "Every edition, oldest first (as `lanyard events list --json`).", tag: "events",
                                 responses: ["200": json("The editions.", ["type": "array", "items": ref("Event")])]),
                "post": operation("addEvent", "Add one edition (as `lanyard events add`).", tag: "events",
                                  body: jsonBody(ref("AddEventRequest")),
                                  responses: [
                                      "201": json("The new edition.", ref("Event")),
                                      "400": error("A field is missing or wrong; the message names it."),
                                      "409": error("An edition with this slug exists."),
                                      "413": error("The body is over the size limit."),
                                  ]),
            ],
            "/events/import": [
                "post": operation("importEvents", "Import editions from an iCalendar body; every VEVENT is added or updated, all or nothing.", tag: "events",
                                  body: ["required": true, "content": ["text/calendar": ["schema": ["type": "string"]]]],
                                  responses: [
                                      "200": json("What the import did.", ref("EventImportSummary")),
                                      "400": error("The calendar is malformed; the message says where (`request body:LINE`)."),
                                      "413": error("The body is over the size limit."),
                                  ]),
            ],
            "/events/{slug}": [
                "get": operation("showEvent", "One edition.", tag: "events", parameters: [pathParameter("slug", "The edition's short name, like swiftconf-2025.")],
                                 responses: ["200": json("The edition.", ref("Event")), "404": error("No edition has this slug.")]),
            ],
            "/": [
                "get": operation("home", "Sends a browser to the check-in page.", tag: "pages",
                                 responses: ["303": ["description": "Redirect to /app/checkin."]]),
            ],
            "/login": [
                "get": operation("loginPage", "The login form (no token needed).", tag: "pages", open: true,
                                 parameters: [queryParameter("next", "The page to open after logging in.")],
                                 responses: ["200": html("The form; sets the form's CSRF cookie."), "303": ["description": "Already logged in."]]),
                "post": operation("login", "Checks the token and sets the session cookie (HttpOnly, SameSite=Strict).", tag: "pages", open: true,
                                  body: formBody(["token", "csrf", "next"], required: ["token", "csrf"]),
                                  responses: [
                                      "303": ["description": "Logged in; redirect to `next`."],
                                      "401": html("Wrong token; the form again."),
                                      "403": html("The form's CSRF value does not match its cookie."),
                                  ]),
            ],
            "/logout": [
                "post": operation("logout", "Forgets the session cookie.", tag: "pages",
                                  body: formBody(["csrf"], required: ["csrf"]),
                                  responses: ["303": ["description": "Redirect to /login."], "403": html("Bad CSRF value.")]),
            ],
            "/app/checkin": [
                "get": operation("checkInPage", "The check-in form.", tag: "pages", parameters: [queryParameter("event", "The edition to select.")],
                                 responses: ["200": html("The form.")]),
                "post": operation("checkInSubmit", "Checks someone in from the form and shows the recognition answer.", tag: "pages",
                                  body: formBody(["csrf", "event", "name", "company", "email", "phone", "booth", "note", "badge", "same_as", "new"], required: ["csrf", "event"]),
                                  responses: [
                                      "200": html("The recognition answer, or (weak evidence, nothing saved yet) the possible matches with Same person / New person buttons that send the form again with same_as or new=1."),
                                      "400": html("A field is wrong; the form again with the message."),
                                      "403": html("Bad CSRF value."),
                                      "404": html("No edition has this slug, or no person has the same_as id."),
                                  ]),
            ],
            "/app/events": [
                "get": operation("eventsPage", "The editions and a form to add one.", tag: "pages",
                                 parameters: [queryParameter("added", "Slug of an edition just added, to confirm it.")],
                                 responses: ["200": html("The page.")]),
                "post": operation("eventsPageAdd", "Adds an edition from the form.", tag: "pages",
                                  body: formBody(["csrf", "slug", "name", "series", "start", "end", "city", "time_zone"], required: ["csrf", "slug", "name", "series", "start"]),
                                  responses: [
                                      "303": ["description": "Added; redirect to /app/events?added=SLUG."],
                                      "400": html("A field is wrong; the form again with the message."),
                                      "403": html("Bad CSRF value."),
                                      "409": html("The slug is taken."),
                                  ]),
            ],
        ]
    }

    // MARK: - Components

    static var components: JSONValue {
        guard case var .object(members) = baseComponents, case let .object(schemas) = members["schemas"] else { return baseComponents }
        members["schemas"] = .object(schemas.merging(moduleSchemas) { own, _ in own })
        return .object(members)
    }

    static let baseComponents: JSONValue = [
        "securitySchemes": [
            "bearer": ["type": "http", "scheme": "bearer", "description": "The access token from server-token in Lanyard's config folder."],
            "session": ["type": "apiKey", "in": "cookie", "name": "lanyard_session", "description": "Set by POST /login; reads everywhere, writes on pages only."],
        ],
        "schemas": [
            "Error": ["type": "object", "required": ["error"], "properties": ["error": ["type": "string", "description": "What was wrong and what to do."]]],
            "Health": ["type": "object", "required": ["status", "version"], "properties": ["status": ["type": "string"], "version": ["type": "string"]]],
            "Event": [
                "type": "object",
                "required": ["id", "slug", "name", "series", "start_date", "end_date", "time_zone"],
                "properties": [
                    "id": ["type": "integer"], "slug": ["type": "string"], "name": ["type": "string"], "series": ["type": "string"],
                    "start_date": ["type": "string", "format": "date"], "end_date": ["type": "string", "format": "date"],
                    "city": ["type": ["string", "null"]], "time_zone": ["type": "string"],
                ],
            ],
            "AddEventRequest": [
                "type": "object",
                "required": ["slug", "name", "series", "start"],
                "properties": [
                    "slug": ["type": "string", "pattern": "^[a-z0-9][a-z0-9._-]*$"], "name": ["type": "string"], "series": ["type": "string"],
                    "start": ["type": "string", "format": "date"], "end": ["type": "string", "format": "date"],
                    "city": ["type": "string"], "time_zone": ["type": "string", "description": "IANA zone, default UTC."],
                ],
            ],
            "EventImportSummary": [
                "type": "object",
                "required": ["added", "updated", "unchanged"],
                "properties": [
                    "added": ["type": "array", "items": ["type": "string"]],
                    "updated": ["type": "array", "items": ["type": "string"]],
                    "unchanged": ["type": "array", "items": ["type": "string"]],
                    "warnings": ["type": "array", "items": ["type": "string"], "description": "Doubtful input read anyway (an unknown time zone), each with file:line."],
                ],
            ],
        ],
    ]

    // MARK: - Builders

    static func operation(
        _ id: String, _ summary: String, tag: String, open: Bool = false, parameters: [JSONValue] = [],
        body: JSONValue? = nil, responses: [String: JSONValue]
    ) -> JSONValue {
        var all = responses
        if !open { all["401"] = all["401"] ?? error("The access token is missing or wrong.") }
        var members: [String: JSONValue] = ["operationId": .string(id), "summary": .string(summary), "tags": [.string(tag)], "responses": .object(all)]
        if open { members["security"] = [] }
        if !parameters.isEmpty { members["parameters"] = .array(parameters) }
        if let body { members["requestBody"] = body }
        return .object(members)
    }

    static func ref(_ schema: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(schema)")] }

    static func json(_ description: String, _ schema: JSONValue) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": schema]]]
    }

    static func error(_ description: String) -> JSONValue { json(description, ref("Error")) }

    static func html(_ description: String) -> JSONValue {
        ["description": .string(description), "content": ["text/html": ["schema": ["type": "string"]]]]
    }

    static func jsonBody(_ schema: JSONValue) -> JSONValue {
        ["required": true, "content": ["application/json": ["schema": schema]]]
    }

    static func formBody(_ fields: [String], required: [String]) -> JSONValue {
        let properties = Dictionary(uniqueKeysWithValues: fields.map { ($0, ["type": "string"] as JSONValue) })
        return ["required": true, "content": ["application/x-www-form-urlencoded": ["schema": [
            "type": "object", "properties": .object(properties), "required": .array(required.map(JSONValue.string)),
        ]]]]
    }

    static func pathParameter(_ name: String, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "description": .string(description), "schema": ["type": "string"]]
    }

    static func queryParameter(_ name: String, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "query", "required": false, "description": .string(description), "schema": ["type": "string"]]
    }
}
