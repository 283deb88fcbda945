/// The routes over the modules: check-in, people, notes, facts, tags, briefing, follow-ups,
/// and their pages.
extension OpenAPIDocument {
    // MARK: - Paths

    static var modulePaths: [String: JSONValue] {
        let person = pathParameter("id", "The person's id.")
        let followUp = pathParameter("id", "The follow-up's id.")
        let notFoundPerson = error("No person has this id.")
        return [
            "/checkins": [
                "post": operation("checkIn", "Check someone in and learn whether you met them before (as `lanyard checkin --json`).", tag: "checkins",
                                  body: jsonBody(ref("CheckInRequest")),
                                  responses: [
                                      "201": json("The recognition answer.", ref("CheckInResult")),
                                      "400": error("A field is missing or wrong; the message names it."),
                                      "404": error("No edition has this slug, or no person has the `same_as` id."),
                                      "413": error("The body is over the size limit."),
                                  ]),
            ],
            "/people": [
                "get": operation("listPeople", "Everyone, in address-book order (as `lanyard people list --json`).", tag: "people",
                                 parameters: [queryParameter("limit", "At most this many (1 to 10000)."), queryParameter("offset", "Skip this many.")],
                                 responses: ["200": json("The people.", ["type": "array", "items": ref("PersonListItem")]), "400": error("limit or offset is not a number in range.")]),
            ],
            "/people/search": [
                "get": operation("searchPeople", "Full-text search over people, notes and facts (as `lanyard search --json`).", tag: "people",
                                 parameters: [queryParameter("q", "The words to look for (required)."), queryParameter("tag", "Only people with this tag."),
                                              queryParameter("event", "Only people met at this edition."), queryParameter("limit", "At most this many (default 20).")],
                                 responses: ["200": json("The hits, best first.", ["type": "array", "items": ref("SearchHit")]), "400": error("q is missing or has no word.")]),
            ],
            "/people/merge": [
                "post": operation("mergePeople", "Fold person `other` into person `keep` (as `lanyard people merge KEEP OTHER`).", tag: "people",
                                  body: jsonBody(["type": "object", "required": ["keep", "other"], "properties": ["keep": ["type": "integer"], "other": ["type": "integer"]]]),
                                  responses: ["200": json("What the merge moved.", ref("MergeSummary")), "400": error("Same id twice, or a bad body."), "404": notFoundPerson]),
            ],
            "/people/{id}": [
                "get": operation("showPerson", "The profile (as `lanyard people show --json`).", tag: "people", parameters: [person],
                                 responses: ["200": json("The profile.", ref("PersonProfile")), "400": error("The id is not a number."), "404": notFoundPerson]),
                "delete": operation("forgetPerson", "Forget the person and everything about them (as `lanyard people forget`).", tag: "people", parameters: [person],
                                    responses: ["200": json("What was deleted.", ref("ForgetSummary")), "404": notFoundPerson]),
            ],
            "/people/{id}/unmerge": [
                "post": operation("unmergePerson", "Undo the merge that folded person `id` away (as `lanyard people unmerge`).", tag: "people", parameters: [person],
                                  responses: ["200": json("The person again.", ref("Person")), "404": error("No merge of this id to undo.")]),
            ],
            "/people/{id}/notes": [
                "get": operation("listNotes", "The person's notes, newest first.", tag: "notes", parameters: [person],
                                 responses: ["200": json("The notes.", ["type": "array", "items": ref("Note")]), "404": notFoundPerson]),
                "post": operation("addNote", "Add a note (as `lanyard notes add`).", tag: "notes", parameters: [person], body: jsonBody(ref("NoteRequest")),
                                  responses: ["201": json("The note.", ref("Note")), "400": error("The note is empty."), "404": notFoundPerson, "413": error("The body is over the size limit.")]),
            ],
            "/notes/{noteId}": [
                "put": operation("updateNote", "Replace a note's text.", tag: "notes", parameters: [pathParameter("noteId", "The note's id.")], body: jsonBody(ref("NoteRequest")),
                                 responses: ["200": json("The note.", ref("Note")), "400": error("The note is empty."), "404": error("No note has this id.")]),
                "delete": operation("deleteNote", "Delete a note.", tag: "notes", parameters: [pathParameter("noteId", "The note's id.")],
                                    responses: ["200": json("The deleted note.", ref("Note")), "404": error("No note has this id.")]),
            ],
            "/people/{id}/facts": [
                "get": operation("listFacts", "The facts in force, by key.", tag: "notes", parameters: [person],
                                 responses: ["200": json("The facts.", ["type": "array", "items": ref("Fact")]), "404": notFoundPerson]),
            ],
            "/people/{id}/facts/{key}": [
                "put": operation("setFact", "Set a fact (as `lanyard facts set`); the old value stays in the history.", tag: "notes",
                                 parameters: [person, pathParameter("key", "Any name, like family or ask-about (kept in kebab-case).")],
                                 body: jsonBody(["type": "object", "required": ["value"], "properties": ["value": ["type": "string"], "meeting_id": ["type": "integer"]]]),
                                 responses: ["200": json("The fact in force.", ref("Fact")), "400": error("Empty value or key."), "404": notFoundPerson]),
                "delete": operation("removeFact", "Remove a fact (as `lanyard facts rm`).", tag: "notes",
                                    parameters: [person, pathParameter("key", "The fact's key.")],
                                    responses: ["200": json("The removed fact.", ref("Fact")), "404": error("No such person or fact.")]),
            ],
            "/people/{id}/tags": [
                "get": operation("listTags", "The person's tags.", tag: "notes", parameters: [person],
                                 responses: ["200": json("The tags.", ["type": "array", "items": ["type": "string"]]), "404": notFoundPerson]),
                "post": operation("addTags", "Add tags (as `lanyard tag add`).", tag: "notes", parameters: [person],
                                  body: jsonBody(["type": "object", "required": ["tags"], "properties": ["tags": ["type": "array", "items": ["type": "string"]]]]),
                                  responses: ["200": json("The person's tags.", ["type": "array", "items": ["type": "string"]]), "400": error("A tag has no letter or digit."), "404": notFoundPerson]),
            ],
            "/people/{id}/tags/{tag}": [
                "delete": operation("removeTag", "Remove a tag.", tag: "notes", parameters: [person, pathParameter("tag", "The tag.")],
                                    responses: ["200": json("The person's tags.", ["type": "array", "items": ["type": "string"]]), "404": notFoundPerson]),
            ],
            "/brief/{event}": [
                "get": operation("briefing", "The briefing for an upcoming edition: JSON (as `lanyard brief --json`), or the briefing page with `Accept: text/html` or `?format=html`.", tag: "briefing",
                                 parameters: [pathParameter("event", "The edition's slug."), queryParameter("since", "Only editions from this day (YYYY-MM-DD)."),
                                              queryParameter("stale_after", "Days without contact that flag someone as stale."), queryParameter("format", "html or json.")],
                                 responses: [
                                     "200": ["description": "The briefing.", "content": ["application/json": ["schema": ref("Briefing")], "text/html": ["schema": ["type": "string"]]]],
                                     "400": error("A past edition, or a bad since/stale_after."),
                                     "404": error("No edition has this slug."),
                                 ]),
            ],
            "/followups": [
                "get": operation("listFollowUps", "Follow-ups (as `lanyard followup list --json`).", tag: "followups",
                                 parameters: [queryParameter("state", "Only this state: draft, approved, sending, sent, retry, failed, unknown, skipped.")],
                                 responses: ["200": json("The follow-ups.", ["type": "array", "items": ref("FollowUp")]), "400": error("Unknown state.")]),
            ],
            "/followups/send": [
                "post": operation("sendFollowUps", "Send approved follow-ups now: the given ids, or every due one (as `lanyard followup send`).", tag: "followups",
                                  body: ["required": false, "content": ["application/json": ["schema": ["type": "object", "properties": ["ids": ["type": "array", "items": ["type": "integer"]]]]]]],
                                  responses: ["200": json("What was sent.", ref("SendReport")), "503": error("SMTP or the sender is not configured; the message says what to set.")]),
            ],
            "/followups/{id}": [
                "get": operation("showFollowUp", "One follow-up.", tag: "followups", parameters: [followUp],
                                 responses: ["200": json("The follow-up.", ref("FollowUp")), "404": error("No follow-up has this id.")]),
                "put": operation("editFollowUp", "New subject and body for a draft (as `lanyard followup edit`).", tag: "followups", parameters: [followUp],
                                 body: jsonBody(["type": "object", "required": ["subject", "body"], "properties": ["subject": ["type": "string"], "body": ["type": "string"]]]),
                                 responses: ["200": json("The follow-up.", ref("FollowUp")), "400": error("Empty subject or body."), "404": error("No follow-up has this id."), "409": error("Not a draft.")]),
            ],
            "/followups/{id}/approve": [
                "post": operation("approveFollowUp", "Approve a draft for sending when due.", tag: "followups", parameters: [followUp],
                                  responses: ["200": json("The follow-up.", ref("FollowUp")), "404": error("No follow-up has this id."), "409": error("Not a draft, or it lacks values.")]),
            ],
            "/followups/{id}/skip": [
                "post": operation("skipFollowUp", "Skip a follow-up: it is never sent.", tag: "followups", parameters: [followUp],
                                  responses: ["200": json("The follow-up.", ref("FollowUp")), "404": error("No follow-up has this id."), "409": error("Already sent or sending.")]),
            ],
            "/app/people": [
                "get": operation("peoplePage", "Search people.", tag: "pages", parameters: [queryParameter("q", "The words to look for.")],
                                 responses: ["200": html("The search form and hits.")]),
            ],
            "/app/people/{id}": [
                "get": operation("personPage", "The person page (the profile).", tag: "pages", parameters: [person],
                                 responses: ["200": html("The profile."), "404": html("No person has this id.")]),
            ],
            "/app/followups": [
                "get": operation("followUpsPage", "The follow-up review list, with Approve and Skip buttons.", tag: "pages",
                                 parameters: [queryParameter("done", "What was just done, to confirm it.")],
                                 responses: ["200": html("The list.")]),
            ],
            "/app/followups/{id}/approve": [
                "post": operation("followUpsPageApprove", "Approve a draft from the review list.", tag: "pages", parameters: [followUp],
                                  body: formBody(["csrf"], required: ["csrf"]),
                                  responses: ["303": ["description": "Done; back to the list."], "403": html("Bad CSRF value."), "404": html("No follow-up has this id."), "409": html("Not a draft, or it lacks values.")]),
            ],
            "/app/followups/{id}/skip": [
                "post": operation("followUpsPageSkip", "Skip a follow-up from the review list.", tag: "pages", parameters: [followUp],
                                  body: formBody(["csrf"], required: ["csrf"]),
                                  responses: ["303": ["description": "Done; back to the list."], "403": html("Bad CSRF value."), "404": html("No follow-up has this id."), "409": html("Already sent.")]),
            ],
        ]
    }

    // MARK: - Schemas

    static var moduleSchemas: [String: JSONValue] {
        let string: JSONValue = ["type": "string"]
        let optionalString: JSONValue = ["type": ["string", "null"]]
        let integer: JSONValue = ["type": "integer"]
        let dateTime: JSONValue = ["type": "string", "format": "date-time"]
        let strings: JSONValue = ["type": "array", "items": string]
        return [
            "CheckInRequest": [
                "type": "object", "required": ["event"],
                "description": "The flags of `lanyard checkin`; give at least name, email or card.",
                "properties": [
                    "event": string, "name": string, "company": string, "title": string, "email": string, "phone": string,
                    "linkedin": string, "card": ["type": "string", "description": "A badge's QR payload: vCard, MECARD or LinkedIn URL."],
                    "booth": string, "note": string, "at": dateTime,
                    "same_as": ["type": "integer", "description": "Attach to this person, whatever the evidence."],
                    "new": ["type": "boolean", "description": "Always record a new person."],
                ],
            ],
            "Person": [
                "type": "object", "required": ["id", "name", "sort_name", "emails", "phones", "created_at", "updated_at"],
                "properties": [
                    "id": integer, "name": string, "sort_name": string, "company": optionalString, "title": optionalString,
                    "emails": strings, "phones": strings, "linkedin_url": optionalString, "created_at": dateTime, "updated_at": dateTime,
                ],
            ],
            "Meeting": [
                "type": "object", "required": ["id", "event", "event_slug", "at", "date"],
                "properties": ["id": integer, "event": string, "event_slug": string, "at": dateTime, "date": ["type": "string", "format": "date"], "booth": optionalString],
            ],
            "CheckInResult": [
                "type": "object",
                "required": ["person", "meeting", "recognized", "matched_by", "previous_meetings", "notes", "candidates"],
                "properties": [
                    "person": ref("Person"), "meeting": ref("Meeting"), "recognized": ["type": "boolean"], "matched_by": strings,
                    "previous_meetings": ["type": "array", "items": ref("Meeting")],
                    "notes": ["type": "array", "items": ["type": "object", "properties": ["id": integer, "body": string, "meeting_id": ["type": ["integer", "null"]], "created_at": dateTime]]],
                    "candidates": ["type": "array", "items": ["type": "object", "properties": ["person": ref("Person"), "score": integer, "reasons": strings]]],
                ],
            ],
            "PersonListItem": [
                "type": "object", "required": ["id", "name", "emails", "meetings"],
                "properties": ["id": integer, "name": string, "company": optionalString, "title": optionalString, "emails": strings, "meetings": integer, "last_met": ["type": ["string", "null"], "format": "date-time"]],
            ],
            "SearchHit": [
                "type": "object", "required": ["person_id", "name", "matched_field", "snippet", "score"],
                "properties": ["person_id": integer, "name": string, "company": optionalString, "title": optionalString, "matched_field": string, "snippet": string, "score": ["type": "number"]],
            ],
            "PersonProfile": [
                "type": "object", "required": ["id", "name", "emails", "phones", "facts", "tags", "meetings", "notes", "follow_ups"],
                "description": "As `lanyard people show --json`.",
                "properties": [
                    "id": integer, "name": string, "company": optionalString, "title": optionalString, "linkedin_url": optionalString,
                    "emails": ["type": "array", "items": ["type": "object"]], "phones": ["type": "array", "items": ["type": "object"]],
                    "facts": ["type": "array", "items": ["type": "object"]], "tags": strings,
                    "meetings": ["type": "array", "items": ["type": "object"]], "notes": ["type": "array", "items": ["type": "object"]],
                    "follow_ups": ["type": "array", "items": ["type": "object"]], "last_in_touch": ["type": ["string", "null"], "format": "date-time"],
                ],
            ],
            "MergeSummary": [
                "type": "object", "required": ["kept", "merged_person_id", "merge_record_id", "meetings", "notes", "emails", "phones"],
                "properties": ["kept": ref("Person"), "merged_person_id": integer, "merge_record_id": integer, "meetings": integer, "notes": integer, "emails": integer, "phones": integer],
            ],
            "ForgetSummary": [
                "type": "object", "required": ["person_id", "name", "meetings", "notes", "follow_ups", "merge_records"],
                "properties": ["person_id": integer, "name": string, "meetings": integer, "notes": integer, "follow_ups": integer, "merge_records": integer],
            ],
            "NoteRequest": [
                "type": "object", "required": ["body"], "properties": ["body": string, "meeting_id": integer],
            ],
            "Note": [
                "type": "object", "required": ["id", "person_id", "body", "created_at", "updated_at"],
                "properties": ["id": integer, "person_id": integer, "meeting_id": ["type": ["integer", "null"]], "body": string, "created_at": dateTime, "updated_at": dateTime],
            ],
            "Fact": [
                "type": "object", "required": ["id", "person_id", "key", "value", "learned_at"],
                "properties": ["id": integer, "person_id": integer, "meeting_id": ["type": ["integer", "null"]], "key": string, "value": string, "learned_at": dateTime, "superseded_at": ["type": ["string", "null"], "format": "date-time"]],
            ],
            "Briefing": ["type": "object", "description": "As `lanyard brief --json`: event, summary, people to see, stale contacts."],
            "FollowUp": [
                "type": "object", "required": ["id", "state", "person_id", "person_name", "event", "to", "subject", "body", "missing", "due_at", "attempts"],
                "properties": [
                    "id": integer, "state": ["type": "string", "enum": ["draft", "approved", "sending", "sent", "retry", "failed", "unknown", "skipped"]],
                    "person_id": integer, "person_name": string, "event": string, "to": string, "subject": string, "body": string, "template": string,
                    "missing": strings, "due_at": dateTime, "message_id": optionalString, "attempts": integer,
                    "next_attempt_at": ["type": ["string", "null"], "format": "date-time"], "last_error": optionalString,
                    "last_reply": ["type": ["integer", "null"]], "sent_at": ["type": ["string", "null"], "format": "date-time"],
                ],
            ],
            "SendReport": [
                "type": "object", "required": ["sent", "retry", "failed", "unknown", "dry_run_files", "problems"],
                "properties": [
                    "sent": ["type": "array", "items": integer], "retry": ["type": "array", "items": integer], "failed": ["type": "array", "items": integer],
                    "unknown": ["type": "array", "items": integer], "stopped": optionalString, "dry_run_files": strings, "problems": strings,
                ],
            ],
        ]
    }
}
