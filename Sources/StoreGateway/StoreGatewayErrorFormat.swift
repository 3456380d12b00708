import CryptoPayCore
import Foundation

/// Reads Store Gateway's error body, `{"code": "ERR_NO_PAYMENT", "message": "Payment <…> not found."}`, which the
/// document gives for every business error (HTTP 422).
///
/// The code is kept as ``PaymentError/providerCode``. `ERR_NO_PAYMENT` means the payment does not exist, so it is
/// ``PaymentError/Kind/notFound`` whatever the status; every other code follows the status (422 is `validation`).
package struct StoreGatewayErrorFormat: ProviderErrorFormat {
    /// The codes that say the object asked for does not exist. The document names only this one.
    static let notFoundCodes: Set<String> = ["ERR_NO_PAYMENT"]

    /// Creates the format.
    package init() {}

    /// The code and message of an error body, or `nil` when it is not a JSON object with either.
    package func details(in response: TransportResponse, decoder: JSONDecoder) -> ProviderErrorDetails? {
        guard let body = try? decoder.decode(JSONValue.self, from: response.body), case .object = body else {
            return nil
        }
        let code = body["code"]?.stringValue
        let message = body["message"]?.stringValue
        guard code != nil || message != nil else { return nil }
        let kind: PaymentError.Kind? = code.map(Self.notFoundCodes.contains) == true ? .notFound : nil
        return ProviderErrorDetails(code: code, message: message, kind: kind)
    }
}
