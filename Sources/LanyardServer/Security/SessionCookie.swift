import Hummingbird

/// The cookies the pages use. Both are HttpOnly and SameSite=Strict; neither holds the token.
enum SessionCookie {
    /// Holds `AccessToken.sessionValue` once the login form accepted the token.
    static let name = "lanyard_session"
    /// The login form's double-submit CSRF value (there is no session yet to derive one from).
    static let loginName = "lanyard_login"
    /// A phone at a three-day conference stays logged in.
    static let maxAge = 30 * 24 * 3600

    /// The session cookie for a browser that just logged in.
    static func session(_ value: String) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", httpOnly: true, sameSite: .strict)
    }

    /// Tells the browser to forget the session.
    static func clearedSession() -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
    }

    /// The login form's CSRF cookie, valid for an hour.
    static func login(_ value: String) -> Cookie {
        Cookie(name: loginName, value: value, maxAge: 3600, path: "/login", httpOnly: true, sameSite: .strict)
    }

    /// Drops the login form's CSRF cookie after a successful login.
    static func clearedLogin() -> Cookie {
        Cookie(name: loginName, value: "", maxAge: 0, path: "/login", httpOnly: true, sameSite: .strict)
    }
}
