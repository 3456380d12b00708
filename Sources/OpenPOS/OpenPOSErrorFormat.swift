import CryptoPayCore
import Foundation

/// Reads the POS API's error element: `{"err": "Invalid API key or authentication failed"}`.
///
/// The document says an error is any result with an `err` element, so a 200 answer carrying one is a failure too.
/// An `err` that is `null`, `false` or empty reports nothing. A text `err` is the message; an object `err` gives
/// its `message` (or its JSON text) and its `code`.
public struct OpenPOSErrorFormat: ProviderErrorFormat {
    /// Creates the format.
    public init() {}

    /// The `err` element of a failed response, or `nil` when the body has none.
    public func details(in response: HTTPResponse, decoder: JSONDecoder) -> ProviderErrorDetails? {
        guard let body = try? decoder.decode(JSONValue.self, from: response.body) else { return nil }
        switch body["err"] {
        case nil, .null, .bool(false), .string(""):
            return nil
        case .string(let message):
            return ProviderErrorDetails(message: message)
        case .some(let element):
            let message = element["message"]?.stringValue ?? element.description
            let code = element["code"].map { $0.stringValue ?? $0.description }
            return ProviderErrorDetails(code: code, message: message)
        }
    }

    /// The `err` element of a 2xx response, which the document counts as an error.
    public func failure(inSuccessful response: HTTPResponse, decoder: JSONDecoder) -> ProviderErrorDetails? {
        details(in: response, decoder: decoder)
    }

    /// `authentication` for an `err` in a 2xx answer that speaks of the API key or authentication (the document's
    /// example); otherwise `nil`, which leaves a 2xx `err` a `validation` error and other statuses to their usual
    /// mapping (401, 400, 404, 500).
    public func kind(for details: ProviderErrorDetails, status: Int) -> PaymentError.Kind? {
        guard (200..<300).contains(status), let message = details.message?.lowercased() else { return nil }
        let credentials = ["api key", "api_key", "apikey", "authentication", "unauthorized", "unauthorised"]
        return credentials.contains(where: message.contains) ? .authentication : nil
    }
}
