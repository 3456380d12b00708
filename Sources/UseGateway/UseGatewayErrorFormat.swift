import CryptoPayCore
import Foundation

/// Reads UseGateway's error bodies.
///
/// Three shapes are understood:
/// - `{"type": "validation_error", "message": "…", "errors": [ … ]}`, the Errors section's description (the document
///   shows no example, so each item of `errors` may be a string or an object with `field` or `loc`, `message` or
///   `msg`, and `type` or `code`);
/// - `{"detail": [{"loc": […], "msg": "…", "type": "…"}]}`, the documented `HTTPValidationError` (HTTP 422);
/// - `{"detail": "text"}`, the framework's plain error (404 and the like).
///
/// A field path is `loc` joined with dots, integers as `[n]` (`items[0].amount`), without a leading `body`,
/// `query`, `path`, `header` or `cookie`: that element says where the field was, and dropping it leaves the wire name
/// the caller set (`local_price.amount`).
package struct UseGatewayErrorFormat: ProviderErrorFormat {
    private static let locations: Set<String> = ["body", "query", "path", "header", "cookie"]

    /// Creates the format.
    package init() {}

    /// The code, message and field errors of an error body, or `nil` when it is not JSON in one of the shapes above.
    package func details(in response: TransportResponse, decoder: JSONDecoder) -> ProviderErrorDetails? {
        guard let body = try? decoder.decode(JSONValue.self, from: response.body), case .object = body else {
            return nil
        }
        let code = body["type"]?.stringValue ?? body["code"]?.stringValue
        var message = body["message"]?.stringValue
        var fields: [FieldError] = []
        if case .array(let items) = body["errors"] { fields += items.map(Self.fieldError) }
        switch body["detail"] {
        case .array(let items): fields += items.map(Self.fieldError)
        case .string(let text): message = message ?? text
        default: break
        }
        guard code != nil || message != nil || !fields.isEmpty else { return nil }
        return ProviderErrorDetails(code: code, message: message, fieldErrors: fields)
    }

    private static func fieldError(_ item: JSONValue) -> FieldError {
        if let text = item.stringValue { return FieldError(field: "", message: text) }
        let field: String
        switch item["loc"] ?? item["field"] {
        case .array(let parts): field = path(parts)
        case .string(let name): field = name
        default: field = ""
        }
        let message = item["msg"]?.stringValue ?? item["message"]?.stringValue ?? item.description
        return FieldError(field: field, message: message, code: item["type"]?.stringValue ?? item["code"]?.stringValue)
    }

    private static func path(_ parts: [JSONValue]) -> String {
        var parts = parts[...]
        if parts.count > 1, let first = parts.first?.stringValue, locations.contains(first) {
            parts = parts.dropFirst()
        }
        var text = ""
        for part in parts {
            if case .number(let index) = part {
                text += "[\(DecimalText.format(index))]"
            } else {
                let name = part.stringValue ?? part.description
                text += text.isEmpty ? name : "." + name
            }
        }
        return text
    }
}
