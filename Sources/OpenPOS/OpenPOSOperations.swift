import CryptoPayCore
import Foundation

/// Every POS API operation, declared once: the client's methods call them, and the `cryptopay` command lists and
/// calls them by name through ``entries``.
///
/// Every operation is a `GET` whose parameters are query items, `pos_id` first (the client's unless the call
/// names another), `locale` and `user` last. StartPayment, CancelPayment, AcceptPayment and RefundPayment change
/// state and are not idempotent, although they are `GET`s. An amount given as a JSON string is sent as written, so
/// AcceptPayment's `accepted_amount` and RefundPayment's `refund_amount` match CheckPayment's answer character for
/// character (a JSON number is sent in its plain decimal form).
package enum OpenPOSOperations {
    static let common: [OperationInput] = [.init("locale"), .init("user")]
    static let reference: [OperationInput] = [
        .init("currency", required: true), .init("payment_id", required: true), .init("address", required: true),
    ]

    static func operation<Fields, Response>(
        _ name: String,
        _ path: String,
        _ inputs: [OperationInput],
        changesState: Bool = false,
        fields: Fields.Type,
        response: Response.Type
    ) -> APIOperation<OpenPOSCall<Fields>, Response> {
        APIOperation(
            name, .get, path, inputs: [.init("pos_id")] + inputs + common, isIdempotent: !changesState,
            encoding: OpenPOSCall<Fields>.encoding)
    }

    static let getRate = operation(
        "getRate", "/GetRate/",
        [
            .init("invoice_currency", required: true), .init("invoice_amount", required: true),
            .init("currency", required: true), .init("accept_zero_confirmations"),
            .init("require_kyt_for_confirmation"),
        ],
        fields: OpenPOSRateFields.self, response: OpenPOSQuote.self)
    static let startPayment = operation(
        "startPayment", "/StartPayment/",
        [
            .init("payment_id", required: true), .init("invoice_currency", required: true),
            .init("invoice_amount", required: true), .init("currency", required: true), .init("reference_no"),
            .init("accept_zero_confirmations"), .init("payer_ip_address"), .init("payer_user_agent"),
            .init("require_kyt_for_confirmation"),
        ],
        changesState: true, fields: OpenPOSStartFields.self, response: OpenPOSPayment.self)
    static let checkPayment = operation(
        "checkPayment", "/CheckPayment/", reference, fields: OpenPOSReferenceFields.self,
        response: OpenPOSPaymentCheck.self)
    static let cancelPayment = operation(
        "cancelPayment", "/CancelPayment/", reference + [.init("reason"), .init("comment")], changesState: true,
        fields: OpenPOSCancelFields.self, response: OpenPOSCancellation.self)
    static let acceptPayment = operation(
        "acceptPayment", "/AcceptPayment/",
        reference + [.init("accepted_amount", required: true), .init("accepted_invoice_amount")],
        changesState: true, fields: OpenPOSAcceptFields.self, response: OpenPOSAcceptance.self)
    static let refundPayment = operation(
        "refundPayment", "/RefundPayment/",
        [
            .init("payment_id", required: true), .init("currency", required: true),
            .init("address_out", required: true), .init("refund_amount", required: true),
        ],
        changesState: true, fields: OpenPOSRefundFields.self, response: OpenPOSRefund.self)
    static let getCurrencyList = operation(
        "getCurrencyList", "/GetCurrencyList/", [], fields: OpenPOSNoFields.self, response: OpenPOSCurrencyList.self)
    static let getTransactions = operation(
        "getTransactions", "/GetTransactions/", [.init("offset"), .init("limit")], fields: OpenPOSPageFields.self,
        response: [OpenPOSTransaction].self)

    /// Every operation by the name `cryptopay call` takes, each calling what the Swift API's method calls.
    /// GetTransactions answers with ``OpenPOSTransactionListing``, which never writes an access token out.
    package static let entries: [OperationEntry<OpenPOSClient>] = {
        func plain<Fields, Response: Encodable>(
            _ operation: APIOperation<OpenPOSCall<Fields>, Response>
        ) -> OperationEntry<OpenPOSClient> {
            OperationEntry(operation) { (client: OpenPOSClient, call: OpenPOSCall<Fields>) in
                try await client.perform(operation, call)
            }
        }
        return [
            plain(getRate),
            OperationEntry(startPayment) { (client: OpenPOSClient, call) in try await client.start(call) },
            plain(checkPayment),
            OperationEntry(cancelPayment) { (client: OpenPOSClient, call) in try await client.cancel(call) },
            OperationEntry(acceptPayment) { (client: OpenPOSClient, call) in try await client.accept(call) },
            plain(refundPayment),
            plain(getCurrencyList),
            OperationEntry(getTransactions) { (client: OpenPOSClient, call) in
                OpenPOSTransactionListing(transactions: try await client.perform(getTransactions, call))
            },
        ]
    }()
}

extension OpenPOSClient {
    /// Sends a declared operation with this client's point of service unless the call names another.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` when the fields or options fail validation (nothing is
    ///   sent); otherwise as `APIClient.send(_:)`.
    func perform<Fields, Response>(
        _ operation: APIOperation<OpenPOSCall<Fields>, Response>,
        _ call: OpenPOSCall<Fields>
    ) async throws -> Response {
        var call = call
        call.options.posID = call.options.posID ?? posID
        return try await api.perform(operation, call)
    }

    /// Sends a declared operation with fields built from the Swift API's values.
    ///
    /// - Throws: as ``perform(_:_:)``, and `invalidRequest` when `fields` throws.
    func perform<Fields, Response>(
        _ operation: APIOperation<OpenPOSCall<Fields>, Response>,
        options: OpenPOSCallOptions,
        fields: () throws -> Fields
    ) async throws -> Response {
        let fields = try api.validating(operation.name, fields)
        return try await perform(operation, OpenPOSCall(fields, options: options))
    }
}

/// GetTransactions' answer for tools that print it: the transactions as the client decodes them, written back with
/// the provider's field names except that every `access_token` reads `[REDACTED]`, so that no output shows one.
package struct OpenPOSTransactionListing: Encodable, Sendable {
    /// The transactions, tokens intact.
    package var transactions: [OpenPOSTransaction]

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
