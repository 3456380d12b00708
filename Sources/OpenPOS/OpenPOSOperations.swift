import CryptoPayCore
import Foundation

extension OpenPOSClient {
    /// Every POS API operation as data, for tools that list and call operations by name (the `cryptopay` command).
    /// The names are those of the client's errors and logs.
    ///
    /// Every operation is a `GET` whose inputs are query parameters. Each lists `pos_id` (which the API requires on
    /// every call) without marking it required, because a client configured with ``OpenPOSPointOfService`` fills
    /// it in when the input names none; `locale` and `user`, which every call accepts, come last. StartPayment,
    /// CancelPayment, AcceptPayment and RefundPayment change state and are not idempotent, although they are `GET`s.
    /// GetTransactions answers with ``OpenPOSTransactionListing``, which never writes an access token out.
    /// CheckPayment's answer is written back with `payment` and `refund_amount_opened` as the API spelt them; an
    /// input given as a JSON string is sent as written, so AcceptPayment's `accepted_amount` and RefundPayment's
    /// `refund_amount` given as those strings match them character for character (a JSON number is sent in its plain
    /// decimal form, without trailing zeros).
    package static let operations: [OperationDescriptor] = {
        let common: [OperationDescriptor.Input] = [.init("locale"), .init("user")]
        let reference: [OperationDescriptor.Input] = [
            .init("currency", required: true), .init("payment_id", required: true), .init("address", required: true),
        ]
        func operation<Response: Codable & Sendable>(
            _ name: String,
            _ path: String,
            _ inputs: [OperationDescriptor.Input],
            changesState: Bool = false,
            response: Response.Type
        ) -> OperationDescriptor {
            OperationDescriptor(
                name, .get, path, inputs: [.init("pos_id")] + inputs + common, sendsBody: false,
                isIdempotent: !changesState, response: response)
        }
        return [
            operation(
                "getRate", "/GetRate/",
                [
                    .init("invoice_currency", required: true), .init("invoice_amount", required: true),
                    .init("currency", required: true), .init("accept_zero_confirmations"),
                    .init("require_kyt_for_confirmation"),
                ],
                response: OpenPOSQuote.self),
            operation(
                "startPayment", "/StartPayment/",
                [
                    .init("payment_id", required: true), .init("invoice_currency", required: true),
                    .init("invoice_amount", required: true), .init("currency", required: true),
                    .init("reference_no"), .init("accept_zero_confirmations"), .init("payer_ip_address"),
                    .init("payer_user_agent"), .init("require_kyt_for_confirmation"),
                ],
                changesState: true, response: OpenPOSPayment.self),
            operation("checkPayment", "/CheckPayment/", reference, response: OpenPOSPaymentCheck.self),
            operation(
                "cancelPayment", "/CancelPayment/", reference + [.init("reason"), .init("comment")],
                changesState: true, response: OpenPOSCancellation.self),
            operation(
                "acceptPayment", "/AcceptPayment/",
                [
                    .init("payment_id", required: true), .init("currency", required: true),
                    .init("address", required: true), .init("accepted_amount", required: true),
                    .init("accepted_invoice_amount"),
                ],
                changesState: true, response: OpenPOSAcceptance.self),
            operation(
                "refundPayment", "/RefundPayment/",
                [
                    .init("payment_id", required: true), .init("currency", required: true),
                    .init("address_out", required: true), .init("refund_amount", required: true),
                ],
                changesState: true, response: OpenPOSRefund.self),
            operation("getCurrencyList", "/GetCurrencyList/", [], response: OpenPOSCurrencyList.self),
            operation(
                "getTransactions", "/GetTransactions/", [.init("offset"), .init("limit")],
                response: OpenPOSTransactionListing.self),
        ]
    }()
}

/// GetTransactions' answer for tools that print it: the transactions as the client decodes them, written back with
/// the provider's field names except that every `access_token` reads `[REDACTED]`, so that no output shows one.
package struct OpenPOSTransactionListing: Codable, Sendable {
    /// The transactions, tokens intact.
    package var transactions: [OpenPOSTransaction]

    /// Decodes GetTransactions' array.
    ///
    /// - Throws: `DecodingError` as ``OpenPOSTransaction`` does.
    package init(from decoder: any Decoder) throws {
        transactions = try [OpenPOSTransaction](from: decoder)
    }

    /// Encodes the array with every access token replaced by `[REDACTED]`.
    ///
    /// - Throws: whatever the encoder throws.
    package func encode(to encoder: any Encoder) throws {
        try transactions.map { transaction in
            var redacted = transaction
            redacted.accessToken = transaction.accessToken.map { _ in OpenPOSAccessToken("[REDACTED]") }
            return redacted
        }.encode(to: encoder)
    }
}

/// Puts a point of service first on every request whose query names none, for clients that call
/// ``OpenPOSClient/operations`` by name with inputs from a user: the API requires `pos_id` on every call.
/// Requests that name one (as every call of ``OpenPOSClient`` does) pass unchanged.
package struct OpenPOSPointOfService: HTTPMiddleware {
    /// The point of service to send as `pos_id`.
    package let posID: String

    /// Adds `posID` to requests that name no point of service.
    package init(posID: String) {
        self.posID = posID
    }

    /// Adds `pos_id` when the query has none and passes the request on.
    ///
    /// - Throws: whatever `next` throws.
    package func intercept(
        _ request: TransportRequest,
        next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse {
        guard var components = URLComponents(url: request.url, resolvingAgainstBaseURL: false) else {
            return try await next(request)
        }
        let items = components.percentEncodedQueryItems ?? []
        guard !items.contains(where: { $0.name == "pos_id" }) else { return try await next(request) }
        components.percentEncodedQueryItems =
            [URLQueryItem(name: "pos_id", value: URLBuilder.percentEncoded(posID))] + items
        guard let url = components.url else { return try await next(request) }
        var request = request
        request.url = url
        return try await next(request)
    }
}
