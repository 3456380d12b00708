import Foundation

/// The body of a request to a provider: JSON, a form, or raw bytes.
package struct RequestBody: Sendable {
    /// The `Content-Type` header value.
    package let contentType: String
    private let makeData: @Sendable (JSONEncoder) throws -> Data

    /// A JSON body encoded with the client's encoder (exact decimals, ISO 8601 dates).
    package static func json(_ value: some Encodable & Sendable) -> RequestBody {
        RequestBody(contentType: "application/json") { encoder in try encoder.encode(value) }
    }

    /// An `application/x-www-form-urlencoded` body, values percent-encoded as in ``URLBuilder``.
    package static func form(_ fields: [(name: String, value: String)]) -> RequestBody {
        let text = fields.map { URLBuilder.percentEncoded($0.name) + "=" + URLBuilder.percentEncoded($0.value) }
            .joined(separator: "&")
        return RequestBody(contentType: "application/x-www-form-urlencoded") { _ in Data(text.utf8) }
    }

    /// Raw bytes with a content type.
    package static func raw(_ data: Data, contentType: String) -> RequestBody {
        RequestBody(contentType: contentType) { _ in data }
    }

    /// The body bytes.
    ///
    /// - Throws: `EncodingError` when a JSON value cannot be encoded.
    package func data(using encoder: JSONEncoder) throws -> Data {
        try makeData(encoder)
    }
}
