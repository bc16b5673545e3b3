import Foundation

/// Numbers as news writes them in one token: "5.08", "5,000", "0,404" (a decimal comma), "5-6" (a
/// range), and with a scale or a currency written onto them ("1.4bn", "R167").
package enum WrittenNumber {
    /// A number token's value: "5.08", "5,000", "0,404" (a decimal comma), "5-6" (a range).
    package static func parse(_ s: String) -> (Double, Double?)? {
        if s.utf8.contains(UInt8(ascii: "-")) {
            let parts = s.split(separator: "-")
            guard parts.count == 2, let a = parse(String(parts[0]))?.0, let b = parse(String(parts[1]))?.0 else { return nil }
            return (a, b)
        }
        guard s.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }), s.first?.isNumber == true else { return nil }
        var text = s
        if text.utf8.contains(UInt8(ascii: ",")) {
            let groups = text.split(separator: ",")
            let isDecimalComma = !text.contains(".") && groups.count == 2 && (groups[0] == "0" || groups[1].count != 3)
            text = isDecimalComma ? text.replacingOccurrences(of: ",", with: ".") : text.replacingOccurrences(of: ",", with: "")
        }
        guard let v = Double(text) else { return nil }
        return (v, nil)
    }

    /// A number as written in one token, with what is written onto it: "5.08", "1.4bn"
    /// (scale 1e9), "R167" (a currency), "US$3" is two tokens and not read here.
    package static func read(_ s: String, currencies: [String: String], scales: [String: Double])
        -> (value: (Double, Double?), currency: String?, scale: Double?)? {
        if s.first?.isNumber == true, let v = parse(s) { return (v, nil, nil) }
        var chars = Substring(s)
        var currency: String?
        if let first = chars.first, !first.isNumber {
            let prefix = chars.prefix { !$0.isNumber }
            guard prefix.count <= 3, let code = currencies[prefix.lowercased()] else { return nil }
            currency = code
            chars = chars.dropFirst(prefix.count)
        }
        let digits = chars.prefix { $0.isNumber || $0 == "." || $0 == "," }
        let suffix = chars.dropFirst(digits.count)
        guard !digits.isEmpty, let v = parse(String(digits)) else { return nil }
        var scale: Double?
        if !suffix.isEmpty {
            guard let k = scales[suffix.lowercased()] else { return nil }
            scale = k
        }
        guard currency != nil || scale != nil else { return nil }
        return (v, currency, scale)
    }
}
