import CryptoPay
import Foundation

/// JSON as the tool prints it: sorted keys, pretty-printed, numbers with their exact digits, slashes unescaped.
enum JSONOutput {
    static func text(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? value.description
    }

    /// An encodable value as JSON, through the library's encoder (ISO 8601 dates, exact decimals).
    static func value<Value: Encodable>(of value: Value) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(value))
    }

    /// A `PaymentError` as JSON: kind, status, code, message, outcome, provider, operation. Never a secret: the
    /// error carries none.
    static func error(_ error: PaymentError) -> JSONValue {
        var object: JSONObject = [
            "kind": .string(error.kind.name),
            "message": .string(error.message),
            "outcome": .string(error.outcome.rawValue),
        ]
        object["status"] = error.httpStatus.map { .number(Decimal($0)) } ?? .null
        object["code"] = error.providerCode.map(JSONValue.string) ?? .null
        if let provider = error.provider { object["provider"] = .string(provider.rawValue) }
        if let operation = error.operation { object["operation"] = .string(operation) }
        if !error.fieldErrors.isEmpty {
            object["fields"] = .array(
                error.fieldErrors.map { ["field": .string($0.field), "message": .string($0.message)] })
        }
        if let reason = error.webhookRejection { object["reason"] = .string(reason.description) }
        return .object(object)
    }
}
