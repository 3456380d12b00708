import CryptoPayCore
import Foundation

/// The POS-style Open API v2: rates, payments (start, check, cancel, accept, refund), the currency list and the
/// merchant's transactions.
///
/// ```swift
/// let client = try OpenPOSClient(
///     username: "merchant", apiKey: key, posID: "WEB1",
///     configuration: ClientConfiguration(baseURL: URL(string: "https://pos.example.com/v2/"))
/// )
/// let started = try await client.startPayment(invoiceAmount: try Money("48.25", .eur), currency: .btc)
/// let check = try await client.waitForConfirmation(of: started.reference)
/// ```
///
/// Every call is a `GET` with query parameters, authenticated with HTTP Basic (`username:apiKey`), and carries the
/// client's `pos_id` unless ``OpenPOSCallOptions`` names another. The document's host is a placeholder, so the base
/// URL is required. StartPayment, CancelPayment, AcceptPayment and RefundPayment change state although they are
/// `GET`s: they are never resent after a timeout or a server error, and such a failure has
/// `PaymentError.outcome` `unknown`; check the payment before trying again.
///
/// An immutable value, safe to share across tasks. Its description and mirror never show the credentials.
public struct OpenPOSClient: Sendable, CustomStringConvertible, CustomReflectable {
    package let api: APIClient

    /// The point of service every call names unless its options give another.
    public let posID: String

    /// Where payments started through this client are recorded for webhook verification, when set.
    public let addressBook: (any OpenPOSAddressBook)?

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - username: the account's user name, the first half of the HTTP Basic credentials.
    ///   - apiKey: the API key from the dashboard's API Settings, the second half.
    ///   - posID: the point of service (`POS1`, `WEB1`) sent as `pos_id` on every call.
    ///   - configuration: must set `baseURL`: the document gives only a placeholder host.
    ///   - addressBook: where ``startPayment(_:options:)`` records each payment's address, so that
    ///     ``OpenPOSWebhook`` can check webhooks (which carry none); `nil` records nothing.
    /// - Throws: `PaymentError` of kind `invalidRequest` when the user name, key or `posID` is blank, the base URL
    ///   is missing, or it is not `https` (loopback hosts excepted).
    public init(
        username: String,
        apiKey: String,
        posID: String,
        configuration: ClientConfiguration,
        addressBook: (any OpenPOSAddressBook)? = nil
    ) throws {
        func refusal(_ message: String) -> PaymentError {
            PaymentError(.invalidRequest, message: message, provider: .openPOS)
        }
        guard !username.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw refusal("username must not be empty")
        }
        guard !username.contains(":") else { throw refusal("username must not contain a colon (HTTP Basic)") }
        guard !apiKey.isEmpty else { throw refusal("apiKey must not be empty") }
        guard !posID.trimmingCharacters(in: .whitespaces).isEmpty else { throw refusal("posID must not be empty") }
        api = try APIClient(
            provider: .openPOS,
            credentials: .basic(user: username, secret: apiKey),
            configuration: configuration,
            defaultBaseURL: nil,
            errorFormat: OpenPOSErrorFormat()
        )
        self.posID = posID
        self.addressBook = addressBook
    }

    /// The base URL requests go to.
    public var baseURL: URL { api.baseURL }

    /// `OpenPOSClient(https://pos.example.com/v2/, pos_id POS1)`: never the credentials.
    public var description: String { "OpenPOSClient(\(baseURL.absoluteString), pos_id \(posID))" }

    /// A mirror with the base URL and point of service only, so that `dump` and debuggers cannot print the
    /// credentials.
    public var customMirror: Mirror {
        Mirror(self, children: ["baseURL": baseURL, "posID": posID], displayStyle: .struct)
    }
}
