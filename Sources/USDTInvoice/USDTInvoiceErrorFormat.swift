import CryptoPayCore
import Foundation

/// Reads the provider's error body `{"statusCode": 400, "message": …, "error": "Bad Request"}`, whose `message` is
/// a string or a list of strings (one per rejected field, as NestJS validation writes them).
///
/// Every message becomes a ``FieldError``; its field is the message's first word when that is one of the request's
/// field names (`amountUsdt must not be less than 0.0001` → `amountUsdt`), otherwise empty. The error's message is
/// the messages joined with `; `, and its provider code is `error` (the status's reason phrase). The kind follows
/// the HTTP status: 400 validation, 401 authentication, 403 permission (account suspended), 404 notFound, 409
/// conflict (duplicate reference), 429 rateLimited.
struct USDTInvoiceErrorFormat: ProviderErrorFormat {
    /// The request fields a validation message may start with.
    static let fieldNames: Set<String> = [
        "amountUsdt", "assetCode", "reference", "callbackUrl", "expirySeconds", "metadata", "walletId", "title",
        "description", "useWhiteLabel", "returnUrl", "invoiceId", "delaySeconds", "url", "page", "limit",
    ]

    /// The code, message and field errors of an error body, or `nil` when it is not a JSON object with a message or
    /// an `error`.
    func details(in response: TransportResponse, decoder: JSONDecoder) -> ProviderErrorDetails? {
        guard let body = try? decoder.decode(JSONValue.self, from: response.body), case .object = body else {
            return nil
        }
        let messages: [String]
        switch body["message"] {
        case .string(let text): messages = [text]
        case .array(let items): messages = items.map { $0.stringValue ?? $0.description }
        default: messages = []
        }
        let code = body["error"]?.stringValue
        guard code != nil || !messages.isEmpty else { return nil }
        return ProviderErrorDetails(
            code: code,
            message: messages.isEmpty ? nil : messages.joined(separator: "; "),
            fieldErrors: messages.map(Self.fieldError)
        )
    }

    private static func fieldError(_ message: String) -> FieldError {
        let first = message.prefix { !$0.isWhitespace }
        return FieldError(field: fieldNames.contains(String(first)) ? String(first) : "", message: message)
    }
}
