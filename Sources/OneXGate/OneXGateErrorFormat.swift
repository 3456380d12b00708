import CryptoPayCore
import Foundation

/// Reads 1xGate's error bodies.
///
/// The document shows none, so the format is tolerant. It understands `{"statusCode": 400, "message": "…" or
/// ["…", …], "error": "Bad Request"}` (the shape of Node.js API frameworks, which 1xGate's ids and timestamps point
/// to), `{"error": {"message": "…", "code": "…"}}`, and either of these inside the `data` envelope of its successful
/// responses. Each message of a list becomes a ``FieldError`` without a field, since the list does not say which
/// field each one is about.
struct OneXGateErrorFormat: ProviderErrorFormat {
    /// The code, message and field errors of an error body, or `nil` when it is not JSON in one of the shapes above.
    func details(in response: TransportResponse, decoder: JSONDecoder) -> ProviderErrorDetails? {
        guard let body = try? decoder.decode(JSONValue.self, from: response.body), case .object = body else {
            return nil
        }
        return Self.details(in: body) ?? body["data"].flatMap(Self.details)
    }

    private static func details(in object: JSONValue) -> ProviderErrorDetails? {
        var code = object["code"].flatMap { $0 == .null ? nil : $0.stringValue ?? $0.description }
        var message: String?
        var fields: [FieldError] = []
        switch object["message"] {
        case .string(let text):
            message = text
        case .array(let items):
            let texts = items.map { $0.stringValue ?? $0.description }
            fields = texts.map { FieldError(field: "", message: $0) }
            message = texts.joined(separator: "; ")
        default:
            break
        }
        switch object["error"] {
        case .string(let text):
            if message == nil { message = text } else { code = code ?? text }
        case .object:
            code = code ?? object["error"]?["code"].flatMap { $0 == .null ? nil : $0.stringValue ?? $0.description }
            message = message ?? object["error"]?["message"]?.stringValue
        default:
            break
        }
        guard code != nil || message != nil || !fields.isEmpty else { return nil }
        return ProviderErrorDetails(code: code, message: message, fieldErrors: fields)
    }
}
