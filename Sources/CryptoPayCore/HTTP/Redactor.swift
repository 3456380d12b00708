import Foundation

/// Decides which header and query values are credentials and replaces them with `[REDACTED]` before anything is
/// logged or put in an error.
///
/// Matching is by name and deliberately broad: a name that contains `key`, `secret`, `token`, `auth`, `signature`,
/// `password`, `cookie` or `hmac`, in any case, is treated as a credential. Over-redacting a harmless value costs a
/// debugging hint; under-redacting costs a leaked key.
package enum Redactor {
    /// The text that replaces a credential.
    package static let placeholder = "[REDACTED]"

    /// The placeholder as it must appear inside a percent-encoded query; Foundation traps on raw brackets there.
    private static let encodedPlaceholder = "%5BREDACTED%5D"

    private static let sensitiveFragments = [
        "key", "secret", "token", "auth", "signature", "password", "passwd", "cookie", "hmac", "sign",
    ]

    /// True when a header or query parameter of this name may carry a credential.
    package static func isSensitive(name: String) -> Bool {
        let lowered = name.lowercased()
        return sensitiveFragments.contains { lowered.contains($0) }
    }

    /// The header's value, or ``placeholder`` when the name is sensitive.
    package static func redactedValue(name: String, value: String) -> String {
        isSensitive(name: name) ? placeholder : value
    }

    /// The header fields in order, with sensitive values replaced.
    package static func redactedHeaders(_ headers: HeaderFields) -> [HeaderFields.Field] {
        headers.map { HeaderFields.Field(name: $0.name, value: redactedValue(name: $0.name, value: $0.value)) }
    }

    /// The URL as text with sensitive query values and any user-info (`user:password@`) replaced by
    /// ``placeholder``. The result is for display (logs, errors), not for sending.
    package static func redactedURL(_ url: URL) -> String {
        guard let components = redactedComponents(url), let text = components.string else { return placeholder }
        return text.replacingOccurrences(of: encodedPlaceholder, with: placeholder)
    }

    /// The path and query of the URL, redacted as in ``redactedURL(_:)``, for error summaries.
    package static func redactedPathAndQuery(_ url: URL) -> String {
        guard let components = redactedComponents(url) else { return placeholder }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        guard let query = components.percentEncodedQuery else { return path }
        return path + "?" + query.replacingOccurrences(of: encodedPlaceholder, with: placeholder)
    }

    private static func redactedComponents(_ url: URL) -> URLComponents? {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return nil }
        components.user = nil
        components.password = nil
        if let items = components.percentEncodedQueryItems {
            components.percentEncodedQueryItems = items.map { item in
                isSensitive(name: item.name) && item.value != nil
                    ? URLQueryItem(name: item.name, value: encodedPlaceholder) : item
            }
        }
        return components
    }

    /// A response body for an error message: when it is JSON, the values of members with sensitive names
    /// (``isSensitive(name:)``, such as `access_token`) replaced by ``placeholder`` at any depth. Numbers keep their
    /// exact digits; a redacted body is re-encoded compactly with sorted keys. A body that is not JSON (cut short,
    /// nested too deep, or not JSON at all) is scanned as text instead: every `"name": value` whose name is
    /// sensitive has its string or scalar value replaced, and one cut off by the end of the body is replaced to the
    /// end.
    package static func redactedBody(_ body: Data) -> Data {
        // Most bodies name no credential at all; then there is nothing to redact and nothing to parse. (A `\u`
        // escape could spell a name the plain text does not show, so such bodies take the full path.)
        let text = Data(String(decoding: body, as: UTF8.self).lowercased().utf8)
        guard
            sensitiveFragments.contains(where: { text.range(of: Data($0.utf8)) != nil })
                || text.range(of: Data("\\u".utf8)) != nil
        else { return body }
        guard body.first.map({ $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) == true,
            let value = try? JSONDecoder().decode(JSONValue.self, from: body)
        else { return redactedMembers(inText: body) }
        let redacted = redactedJSON(value)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard redacted != value, let encoded = try? encoder.encode(redacted) else { return body }
        return encoded
    }

    private static func redactedJSON(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(
                JSONObject(
                    object.map { key, member in
                        (key, isSensitive(name: key) && member != .null ? .string(placeholder) : redactedJSON(member))
                    }))
        case .array(let items):
            return .array(items.map(redactedJSON))
        default:
            return value
        }
    }

    /// The start of a response body for an error that keeps at most `limit` bytes of it, redacted as by
    /// ``redactedBody(_:)``. A longer body is not parsed at all: only its first bytes are scanned as text, so that an
    /// error costs the same whatever the size of the body it quotes.
    package static func redactedBody(_ body: Data, keepingAtMost limit: Int) -> Data {
        guard body.count > limit else { return redactedBody(body) }
        // A little past the limit, so that a member cut there is still recognised and redacted to the cut.
        return redactedMembers(inText: Data(body.prefix(limit + 64)))
    }

    /// The textual fallback of ``redactedBody(_:)``.
    private static func redactedMembers(inText body: Data) -> Data {
        let bytes = [UInt8](body)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var changed = false
        while index < bytes.count {
            guard bytes[index] == quote else {
                output.append(bytes[index])
                index += 1
                continue
            }
            let nameEnd = stringEnd(bytes, from: index)
            output += bytes[index..<nameEnd]
            let nameStart = index + 1
            index = nameEnd
            var valueStart = skipSpace(bytes, from: nameEnd)
            // Only a member name (a string followed by a colon) at least as long as the shortest fragment counts.
            guard valueStart < bytes.count, bytes[valueStart] == UInt8(ascii: ":"), nameEnd - 1 - nameStart >= 3,
                isSensitive(name: String(decoding: bytes[nameStart..<(nameEnd - 1)], as: UTF8.self))
            else { continue }
            valueStart = skipSpace(bytes, from: valueStart + 1)
            output += bytes[nameEnd..<valueStart]
            index = valueStart
            guard valueStart < bytes.count else { continue }
            let valueEnd: Int
            if bytes[valueStart] == quote {
                valueEnd = stringEnd(bytes, from: valueStart)
            } else {
                var end = valueStart
                while end < bytes.count, !scalarTerminators.contains(bytes[end]) { end += 1 }
                valueEnd = end
            }
            let value = bytes[valueStart..<valueEnd]
            // Nested values are scanned for their own members; `null` and an empty string hide nothing.
            guard !value.isEmpty, value.first != UInt8(ascii: "{"), value.first != UInt8(ascii: "["),
                !value.elementsEqual("null".utf8), !value.elementsEqual("\"\"".utf8)
            else { continue }
            output += Array("\"\(placeholder)\"".utf8)
            index = valueEnd
            changed = true
        }
        return changed ? Data(output) : body
    }

    private static let quote = UInt8(ascii: "\"")

    /// Bytes that end a number or literal.
    private static let scalarTerminators: Set<UInt8> = Set(",}] \t\r\n".utf8)

    /// The index after the string starting at `start` (a quote), or the end of the bytes when it is not closed.
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
            } else if bytes[index] == quote {
                return index + 1
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    private static func skipSpace(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return index
            }
        }
        return index
    }
}
