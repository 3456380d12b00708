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
    /// (``isSensitive(name:)``, such as `access_token`) replaced by ``placeholder`` at any depth; anything else
    /// unchanged. Numbers keep their exact digits; a redacted body is re-encoded compactly with sorted keys.
    package static func redactedBody(_ body: Data) -> Data {
        guard body.first.map({ $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) == true,
            let value = try? JSONDecoder().decode(JSONValue.self, from: body)
        else { return body }
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
}
