import Foundation

/// Reading a store's responses: what the server said, as plain text, and the
/// reason phrase of a status.
extension GraphStoreClient {
    /// What the server said in its response body, as one paragraph of text:
    /// HTML reduced to the words of its message, at most 2,000 characters.
    public static func serverMessage(_ response: HTTPResponse) -> String? {
        guard !response.body.isEmpty else { return nil }
        var text = String(decoding: response.body.prefix(64 * 1024), as: UTF8.self)
        let type = (response[header: "Content-Type"] ?? "").lowercased()
        if type.contains("html") || text.lowercased().hasPrefix("<!doctype html") || text.lowercased().hasPrefix("<html") {
            text = plainText(fromHTML: text)
        }
        text = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if text.isEmpty { return nil }
        if text.count > 2000 { text = String(text.prefix(2000)) + " …" }
        return text
    }

    /// The words of an HTML error page: Virtuoso puts its message in `<xmp>`,
    /// others in `<pre>` or the body; titles and headings that only repeat
    /// the status are dropped.
    static func plainText(fromHTML html: String) -> String {
        for tag in ["xmp", "pre"] {
            if let open = html.range(of: "<\(tag)>", options: .caseInsensitive),
               let close = html.range(of: "</\(tag)>", options: .caseInsensitive, range: open.upperBound..<html.endIndex) {
                let inner = String(html[open.upperBound..<close.lowerBound])
                // Virtuoso also names its SQL state in an <h3> before the <xmp>.
                var prefix = ""
                if let h3 = html.range(of: "<h3>", options: .caseInsensitive),
                   let h3end = html.range(of: "</h3>", options: .caseInsensitive, range: h3.upperBound..<html.endIndex),
                   h3end.upperBound <= open.lowerBound {
                    prefix = stripTags(String(html[h3.upperBound..<h3end.lowerBound])) + ": "
                }
                return prefix + decodeEntities(tag == "xmp" ? inner : stripTags(inner))
            }
        }
        var body = html
        if let b = html.range(of: "<body", options: .caseInsensitive) { body = String(html[b.lowerBound...]) }
        for dropped in ["title", "h1", "script", "style"] {
            while let open = body.range(of: "<\(dropped)", options: .caseInsensitive),
                  let close = body.range(of: "</\(dropped)>", options: .caseInsensitive, range: open.upperBound..<body.endIndex) {
                body.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        let text = decodeEntities(stripTags(body))
        return text.split(whereSeparator: { $0.isWhitespace }).isEmpty ? decodeEntities(stripTags(html)) : text
    }

    static func stripTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true; out.append(" "); continue }
            if c == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        return out
    }

    static func decodeEntities(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 303: return "See Other"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 406: return "Not Acceptable"
        case 409: return "Conflict"
        case 411: return "Length Required"
        case 413: return "Payload Too Large"
        case 415: return "Unsupported Media Type"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return HTTPResponse.reasonFallback(status)
        }
    }
}

extension HTTPResponse {
    static func reasonFallback(_ status: Int) -> String {
        switch status {
        case 200..<300: return "(success)"
        case 300..<400: return "(redirect)"
        case 400..<500: return "(client error)"
        default: return "(server error)"
        }
    }
}
