import HTTPTypes

/// The server-rendered pages: one layout, inline CSS, no scripts, every value escaped through
/// `HTML`. Built for a phone held in one hand: one column, large targets, the main button last.
enum Pages {
    /// Wraps `body` in the page chrome. With a session, the header links the pages and holds a
    /// log-out form carrying `csrf`.
    static func layout(title: String, session: PageSession?, body: HTML) -> HTML {
        let nav: HTML = session.map { session in
            """
            <nav><a href="/app/checkin">Check in</a><a href="/app/people">People</a>\
            <a href="/app/followups">Follow-ups</a><a href="/app/events">Events</a>\
            <form method="post" action="/logout" class="inline">\(csrfField(session.csrf))\
            <button type="submit" class="link">Log out</button></form></nav>
            """
        } ?? ""
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(title) · Lanyard</title>
            <style>\(stylesheet)</style>
            </head>
            <body>
            <header><a class="brand" href="/">Lanyard</a>\(nav)</header>
            <main>
            <h1>\(title)</h1>
            \(body)
            </main>
            </body>
            </html>
            """
    }

    /// A labelled input that keeps what the user typed when the form comes back with an error.
    static func field(
        _ label: String, name: String, value: String? = nil, type: String = "text",
        required: Bool = false, autocomplete: String = "off", inputMode: String? = nil, hint: String? = nil
    ) -> HTML {
        let requiredAttribute: HTML = required ? " required" : ""
        let inputModeAttribute: HTML = inputMode.map { " inputmode=\"\($0)\"" } ?? ""
        let hintHTML: HTML = hint.map { "<small>\($0)</small>" } ?? ""
        return """
            <label for="\(name)">\(label)</label>\(hintHTML)
            <input id="\(name)" name="\(name)" type="\(type)" value="\(value)" autocomplete="\(autocomplete)"\(inputModeAttribute)\(requiredAttribute)>
            """
    }

    /// The hidden CSRF input every form carries.
    static func csrfField(_ value: String) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(value)\">"
    }

    /// A red box saying what went wrong, or nothing.
    static func errorBox(_ message: String?) -> HTML {
        message.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
    }

    /// A green box saying what was done, or nothing.
    static func noticeBox(_ message: String?) -> HTML {
        message.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? ""
    }

    /// The page for an error on a page route.
    static func error(status: HTTPResponse.Status, message: String, session: PageSession?) -> HTML {
        layout(title: "\(status.code) \(status.reasonPhrase)", session: session, body: """
            \(errorBox(message))
            <p><a href="/app/checkin">Back to check-in</a></p>
            """)
    }

    static let stylesheet: HTML = """
        :root{color-scheme:light dark;--fg:#1b1b1b;--bg:#f6f5f2;--card:#fff;--line:#8a8a8a;--accent:#1f4e8c;--accent-fg:#fff}
        @media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#17181a;--card:#222428;--line:#666;--accent:#5b9bea;--accent-fg:#111}}
        *{box-sizing:border-box}
        body{margin:0;font:17px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        header{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;padding:.6rem 1rem;background:var(--accent);color:var(--accent-fg)}
        header a,header .link{color:inherit;font-weight:600;text-decoration:none}
        .brand{font-size:1.1rem}
        nav{display:flex;gap:1rem;align-items:center}
        main{max-width:34rem;margin:0 auto;padding:0 1rem 2rem}
        h1{font-size:1.4rem;margin:1rem 0 .5rem}
        label{display:block;font-weight:600;margin:.85rem 0 .25rem}
        small{display:block;opacity:.75;margin:-.15rem 0 .25rem}
        input,select,textarea{width:100%;font:inherit;padding:.7rem .75rem;border:1px solid var(--line);border-radius:.55rem;background:var(--card);color:var(--fg)}
        textarea{min-height:6rem;resize:vertical}
        input:focus,select:focus,textarea:focus{outline:3px solid var(--accent);outline-offset:1px}
        button{font:inherit;cursor:pointer}
        .primary{width:100%;min-height:3.2rem;margin-top:1.2rem;border:0;border-radius:.65rem;background:var(--accent);color:var(--accent-fg);font-size:1.1rem;font-weight:700}
        .actions{position:sticky;bottom:0;padding:.25rem 0 .75rem;background:var(--bg)}
        .inline{display:inline;margin:0}
        .link{background:none;border:0;padding:0}
        .error{padding:.75rem;border-left:5px solid #c0392b;background:#c0392b22;border-radius:.35rem}
        .notice{padding:.75rem;border-left:5px solid #1e8449;background:#1e844922;border-radius:.35rem}
        ul.cards{list-style:none;padding:0;margin:0}
        ul.cards li{background:var(--card);border:1px solid var(--line);border-radius:.55rem;padding:.6rem .8rem;margin:.5rem 0}
        .muted{opacity:.75}
        details{margin-top:1.2rem}
        pre{white-space:pre-wrap;font:inherit}
        h2{font-size:1.15rem;margin:1.2rem 0 .3rem}
        summary{font-weight:700;min-height:2.5rem;cursor:pointer}
        """
}

/// What a page needs to know about the logged-in browser: the CSRF value its forms carry.
struct PageSession: Sendable {
    var csrf: String
}
