import CryptoPayCore
import Foundation

/// Reads the POS API's error element: `{"err": "Invalid API key or authentication failed"}`.
///
/// The document says an error is any result with an `err` element, so a 2xx answer carrying one is a failure too.
/// An `err` that is `null`, `false` or empty reports nothing. A text `err` is the message; an object `err` gives
/// its `message` (or its JSON text) and its `code`.
package struct OpenPOSErrorFormat: ProviderErrorFormat {
    private static let credentialWords = ["api key", "api_key", "apikey", "authentication", "unauthorized"]

    /// Creates the format.
    package init() {}

    /// The `err` element of a failed response, or `nil` when the body has none; the status decides the kind
    /// (401, 400, 404, 500 as usual).
    package func details(in response: TransportResponse, decoder: JSONDecoder) -> ProviderErrorDetails? {
        guard let body = try? decoder.decode(JSONValue.self, from: response.body) else { return nil }
        switch body["err"] {
        case .none, .null, .bool(false), .string(""):
            return nil
        case .string(let message):
            return ProviderErrorDetails(message: message)
        case .some(let element):
            let message = element["message"]?.stringValue ?? element.description
            let code = element["code"].map { $0.stringValue ?? $0.description }
            return ProviderErrorDetails(code: code, message: message)
        }
    }

    /// The `err` element of a 2xx response, which the document counts as an error: `authentication` when it speaks
    /// of the API key or authentication (the document's example), otherwise `validation`.
    package func failure(inSuccessful response: TransportResponse, decoder: JSONDecoder) -> ProviderErrorDetails? {
        guard Self.mayHaveErrElement(response.body), var details = details(in: response, decoder: decoder) else {
            return nil
        }
        let message = details.message?.lowercased() ?? ""
        details.kind = Self.credentialWords.contains(where: message.contains) ? .authentication : .validation
        return details
    }

    /// False when the body certainly has no top-level `err`: it is an array (a list answer), or the text `"err"`
    /// occurs nowhere in it and no `\u` escape could spell it. Every successful call asks, so a success is not
    /// decoded a second time into a ``JSONValue`` (for a page of transactions that doubled the cost of the call).
    static func mayHaveErrElement(_ body: Data) -> Bool {
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        guard body.first(where: { !whitespace.contains($0) }) != UInt8(ascii: "[") else { return false }
        return body.range(of: Data("\"err\"".utf8)) != nil || body.range(of: Data("\\u".utf8)) != nil
    }
}
