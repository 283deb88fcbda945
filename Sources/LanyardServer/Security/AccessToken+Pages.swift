import Hummingbird

extension AccessToken {
    /// What the pages need for `context`: the CSRF value of its session.
    func pageSession(for context: LanyardRequestContext) -> PageSession {
        PageSession(csrf: csrfToken(forSession: context.session ?? sessionValue))
    }

    /// Refuses (403) a form post from a browser session without the right CSRF value. Bearer
    /// requests carry no ambient credential, so they need none.
    func checkCSRF(_ candidate: String?, context: LanyardRequestContext) throws {
        switch context.authentication {
        case .bearer:
            return
        case let .session(session):
            guard let candidate, verifiesCSRF(candidate, session: session) else {
                throw HTTPError(.forbidden, message: "the form's security token is missing or out of date; reload the page and send it again")
            }
        case nil:
            throw AuthMiddleware.unauthorized("log in first")
        }
    }
}
