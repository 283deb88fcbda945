import Foundation
@testable import LanyardFormats
import Testing

@Suite("LinkedIn profile keys: the ASCII fast path agrees with the general one")
struct LinkedInProfileFastPathTests {
    @Test("schemes, hosts, paths, queries, case, white space and what is not a profile")
    func agrees() {
        let samples = [
            "", " ", "https://www.linkedin.com/in/Liz-Moreau/?trk=x", "de.linkedin.com/in/liz-moreau", "linkedin.com/in/liz-moreau",
            "  http://LinkedIn.com/IN/Liz-Moreau#about\r\n", "HTTPS://WWW.LINKEDIN.COM/in/liz", "ftp://linkedin.com/in/liz",
            "://linkedin.com/in/liz", "https:/linkedin.com/in/liz", "https//linkedin.com/in/liz", "https://linkedin.com",
            "https://linkedin.com/", "https://linkedin.com/in", "https://linkedin.com/in/", "https://linkedin.com//in//liz//",
            "https://linkedin.com/company/acme", "https://example.com/in/liz", "https://notlinkedin.com/in/liz",
            ".linkedin.com/in/liz", "linkedin.com.evil.com/in/liz", "linkedin.com/pub/liz-moreau/12/345/678",
            "linkedin.com/pub/liz-moreau/12/345/678/9/10", "linkedin.com/pub/liz", "linkedin.com/in/liz moreau",
            "linkedin.com/in/liz?x=https://linkedin.com/in/ada", "linkedin.com/in/liz\r\nmoreau", "\tlinkedin.com/in/liz\u{0B}",
            "https://https://linkedin.com/in/liz", "http://www.linkedin.com:443/in/liz", "linkedin.com?/in/liz", "linkedin.com#in/liz/x",
        ]
        for sample in samples {
            #expect(LinkedInProfile.keyASCII(sample) == LinkedInProfile.keyText(sample), "\(sample.debugDescription)")
        }
        #expect(LinkedInProfile.key(for: "linkedin.com/in/li%7Az") == LinkedInProfile.keyText("linkedin.com/in/li%7Az"))
        #expect(LinkedInProfile.key(for: "linkedin.com/in/josé") == "linkedin.com/in/josé")
    }
}
