import Foundation

extension BookGenerator {
    /// `count` vCards 3.0 in one file, like an address-book export: accented names, folded
    /// NOTE lines with escapes, several EMAIL and TEL with TYPE parameters, ORG with a unit.
    mutating func vCardFile(count: Int) -> String {
        var text = ""
        text.reserveCapacity(count * 400)
        for i in 0..<count {
            let given = pick(Self.givenNames).capitalized
            let family = familyName()
            let company = company()
            let local = Self.mailbox("\(given).\(family)").lowercased()
            text += "BEGIN:VCARD\r\nVERSION:3.0\r\n"
            text += "N:\(family);\(given);;;\r\nFN:\(given) \(family)\r\n"
            text += "ORG:\(company.replacingOccurrences(of: ",", with: "\\,"));Engineering\r\n"
            text += "EMAIL;TYPE=INTERNET,WORK:\(local)\(i)@work.example\r\n"
            if next(2) == 0 { text += "EMAIL;TYPE=INTERNET,HOME:\(local)\(i)@home.example\r\n" }
            text += "TEL;TYPE=CELL:+1 \(200 + next(700)) 555 \(String(format: "%04d", i % 10000))\r\n"
            text += "item1.URL:https://www.linkedin.com/in/\(local.replacingOccurrences(of: ".", with: "-"))-\(i)\r\nitem1.X-ABLabel:LinkedIn\r\n"
            text += "NOTE:\(noteBody().replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: ";", with: "\\;"))\\nMet at the booth\r\n  and talked for a while.\r\n"
            text += "CATEGORIES:conference,swift\r\nEND:VCARD\r\n"
        }
        return text
    }
}
