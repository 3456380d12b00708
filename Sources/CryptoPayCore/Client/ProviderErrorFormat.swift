import Foundation

/// What a provider's error body says: its code, message, the fields it rejected and, when the body says more than
/// the HTTP status, the kind of failure.
package struct ProviderErrorDetails: Sendable, Hashable {
    /// The provider's machine-readable code (`validation_error`, `INVALID_AMOUNT`).
    package var code: String?
    /// The provider's human-readable message.
    package var message: String?
    /// The fields the provider rejected.
    package var fieldErrors: [FieldError]
    /// The kind, when the provider's code or message says more than its status (a "not found" code sent with 422,
    /// "Invalid API key" sent with 200); `nil` leaves the kind to the status (``ErrorMapping/kind(status:)``), or to
    /// `validation` for a failure reported in a 2xx response.
    package var kind: PaymentError.Kind?

    /// Creates details.
    package init(
        code: String? = nil,
        message: String? = nil,
        fieldErrors: [FieldError] = [],
        kind: PaymentError.Kind? = nil
    ) {
        self.code = code
        self.message = message
        self.fieldErrors = fieldErrors
        self.kind = kind
    }
}

/// A provider's error-body format: the one piece of error handling that differs between providers.
///
/// ``APIClient`` asks the format for details, then maps the HTTP status to a ``PaymentError/Kind`` the same way for
/// every provider (see ``ErrorMapping``), unless the details name the kind.
package protocol ProviderErrorFormat: Sendable {
    /// Extracts code, message and field errors from a failed response, or `nil` when the body is not in the
    /// provider's error format (an HTML page from a proxy, an empty body).
    func details(in response: TransportResponse, decoder: JSONDecoder) -> ProviderErrorDetails?

    /// For providers that report failures with a 2xx status and an error envelope: the details of such a failure,
    /// or `nil` when the successful response really is a success. The default returns `nil`.
    func failure(inSuccessful response: TransportResponse, decoder: JSONDecoder) -> ProviderErrorDetails?
}

extension ProviderErrorFormat {
    /// Reports no failure in successful responses.
    package func failure(inSuccessful response: TransportResponse, decoder: JSONDecoder) -> ProviderErrorDetails? {
        nil
    }
}

/// Maps HTTP statuses to error kinds, the same way for every provider.
package enum ErrorMapping {
    /// The kind for a failed response: 400 and 422 → validation, 401 → authentication, 403 → permission, 404 and
    /// 410 → notFound, 409 → conflict, 429 → rateLimited, 408 and 5xx → server, other 4xx → invalidRequest,
    /// anything else unexpected → server.
    package static func kind(status: Int) -> PaymentError.Kind {
        switch status {
        case 400, 422: .validation
        case 401: .authentication
        case 403: .permission
        case 404, 410: .notFound
        case 409: .conflict
        case 429: .rateLimited
        case 408, 500...599: .server
        case 400...499: .invalidRequest
        default: .server
        }
    }

    /// A default message for a status when the provider sent none.
    package static func message(status: Int) -> String {
        switch status {
        case 400: "the provider rejected the request as invalid"
        case 401: "the credentials were rejected; check the API key"
        case 403: "the credentials are not allowed to do this"
        case 404: "no such object"
        case 405: "method not allowed"
        case 406: "the provider cannot produce JSON for this request"
        case 409: "the request conflicts with the object's current state"
        case 410: "the object was removed"
        case 422: "the provider rejected the request's data"
        case 429: "too many requests"
        case 500...599:
            "the provider failed (HTTP \(status)); for a payment-creating request, look the object up before retrying"
        default: "unexpected HTTP status \(status)"
        }
    }

    /// The dotted path of a decoding failure (`items[0].pricing.tron.amount`) and its explanation.
    package static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
            return text.isEmpty ? "the response" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .valueNotFound(_, let context):
            return "\(path(context.codingPath)) is null but required"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) is not \(typeName(type)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "undecodable response"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch type {
        case is String.Type: return "a string"
        case is Decimal.Type: return "a number"
        case is Bool.Type: return "a boolean"
        case is Int.Type: return "an integer"
        default:
            if name.hasPrefix("Array<") { return "an array" }
            if name.hasPrefix("Dictionary<") { return "an object" }
            return "a \(name)"
        }
    }
}
