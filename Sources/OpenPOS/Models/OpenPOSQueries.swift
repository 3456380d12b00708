import CryptoPayCore
import Foundation

/// The fields of one POS API call under the API's names, as the query string carries them; building the items is
/// the call's validation.
protocol OpenPOSQueryFields: Decodable, Sendable {
    /// The query items in the document's order.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` naming the field.
    func queryItems() throws -> [URLQueryItem]
}

/// One POS API call: the settings every call takes (`pos_id`, `locale`, `user`) and its own fields, decoded from
/// one flat object.
struct OpenPOSCall<Fields: OpenPOSQueryFields>: OperationParameters {
    var options: OpenPOSCallOptions
    var fields: Fields

    init(_ fields: Fields, options: OpenPOSCallOptions) {
        self.fields = fields
        self.options = options
    }

    private enum CodingKeys: String, CodingKey {
        case posID = "pos_id"
        case locale, user
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        options = OpenPOSCallOptions(
            posID: try container.decodeIfPresent(String.self, forKey: .posID),
            locale: try container.decodeIfPresent(String.self, forKey: .locale),
            user: try container.decodeIfPresent(String.self, forKey: .user))
        fields = try Fields(from: decoder)
    }

    /// The checks run while the query items are built (`queryItems()` throws what a check refuses), and the
    /// operation builds them right after this, inside the same `validating` step and before anything is sent: building
    /// them here as well did all of that work twice on every call.
    func validated() throws -> Self {
        self
    }

    /// `pos_id` first, then the call's own items, then `locale` and `user`.
    func queryItems() throws -> [URLQueryItem] {
        var head = OpenPOSQuery()
        head.add("pos_id", try FieldRules.notBlankIfPresent(options.posID, field: "pos_id"))
        var tail = OpenPOSQuery()
        tail.add("locale", try FieldRules.notBlankIfPresent(options.locale, field: "locale"))
        tail.add("user", try FieldRules.notBlankIfPresent(options.user, field: "user"))
        return head.items + (try fields.queryItems()) + tail.items
    }

    static var encoding: ParameterEncoding<Self> { .query { try $0.queryItems() } }
}

extension OpenPOSQuery {
    /// Appends a cryptocurrency symbol the API can express.
    mutating func add(currency: String, field: String = "currency") throws {
        add(field, try OpenPOSAssetMapping.requireSymbol(for: OpenPOSAssetMapping.asset(code: currency), field: field))
    }

    /// Appends a three-letter invoice currency code.
    mutating func add(invoiceCurrency: String) throws {
        add(
            "invoice_currency",
            try OpenPOSAssetMapping.requireInvoiceCode(
                for: OpenPOSAssetMapping.asset(code: invoiceCurrency), field: "invoice_currency"))
    }
}

/// GetRate's fields.
struct OpenPOSRateFields: OpenPOSQueryFields {
    var invoiceCurrency: String
    var invoiceAmount: OpenPOSWireAmount
    var currency: String
    var acceptZeroConfirmations: Bool?
    var requireKYTForConfirmation: Bool?

    private enum CodingKeys: String, CodingKey {
        case currency
        case invoiceCurrency = "invoice_currency"
        case invoiceAmount = "invoice_amount"
        case acceptZeroConfirmations = "accept_zero_confirmations"
        case requireKYTForConfirmation = "require_kyt_for_confirmation"
    }

    func queryItems() throws -> [URLQueryItem] {
        var query = OpenPOSQuery()
        try query.add(invoiceCurrency: invoiceCurrency)
        query.add("invoice_amount", try OpenPOSValidation.positive(invoiceAmount, field: "invoice_amount"))
        try query.add(currency: currency)
        query.add("accept_zero_confirmations", acceptZeroConfirmations)
        query.add("require_kyt_for_confirmation", requireKYTForConfirmation)
        return query.items
    }
}

/// StartPayment's fields.
struct OpenPOSStartFields: OpenPOSQueryFields {
    var paymentID: String
    var invoiceCurrency: String
    var invoiceAmount: OpenPOSWireAmount
    var currency: String
    var referenceNumber: String?
    var acceptZeroConfirmations: Bool?
    var payerIPAddress: String?
    var payerUserAgent: String?
    var requireKYTForConfirmation: Bool?

    private enum CodingKeys: String, CodingKey {
        case currency
        case paymentID = "payment_id"
        case invoiceCurrency = "invoice_currency"
        case invoiceAmount = "invoice_amount"
        case referenceNumber = "reference_no"
        case acceptZeroConfirmations = "accept_zero_confirmations"
        case payerIPAddress = "payer_ip_address"
        case payerUserAgent = "payer_user_agent"
        case requireKYTForConfirmation = "require_kyt_for_confirmation"
    }

    func queryItems() throws -> [URLQueryItem] {
        var query = OpenPOSQuery()
        try query.add(invoiceCurrency: invoiceCurrency)
        query.add("payment_id", try FieldRules.notBlank(paymentID, field: "payment_id"))
        query.add("invoice_amount", try OpenPOSValidation.positive(invoiceAmount, field: "invoice_amount"))
        try query.add(currency: currency)
        query.add("reference_no", try FieldRules.notBlankIfPresent(referenceNumber, field: "reference_no"))
        query.add("accept_zero_confirmations", acceptZeroConfirmations)
        query.add("payer_ip_address", try FieldRules.notBlankIfPresent(payerIPAddress, field: "payer_ip_address"))
        query.add("payer_user_agent", try FieldRules.notBlankIfPresent(payerUserAgent, field: "payer_user_agent"))
        query.add("require_kyt_for_confirmation", requireKYTForConfirmation)
        return query.items
    }
}

/// The fields that name a started payment: CheckPayment's, and the start of CancelPayment's and AcceptPayment's.
struct OpenPOSReferenceFields: OpenPOSQueryFields {
    var currency: String
    var paymentID: String
    var address: String

    init(_ reference: OpenPOSPaymentReference) throws {
        currency = try OpenPOSAssetMapping.requireSymbol(for: reference.currency, field: "currency")
        paymentID = reference.paymentID
        address = reference.address
    }

    private enum CodingKeys: String, CodingKey {
        case currency
        case paymentID = "payment_id"
        case address
    }

    func queryItems() throws -> [URLQueryItem] {
        var query = OpenPOSQuery()
        try query.add(currency: currency)
        query.add("payment_id", try FieldRules.notBlank(paymentID, field: "payment_id"))
        query.add("address", try FieldRules.notBlank(address, field: "address"))
        return query.items
    }
}

/// CancelPayment's fields: the payment, and an optional reason and comment.
struct OpenPOSCancelFields: OpenPOSQueryFields {
    var reference: OpenPOSReferenceFields
    var reason: String?
    var comment: String?

    init(reference: OpenPOSReferenceFields, reason: String?, comment: String?) {
        self.reference = reference
        self.reason = reason
        self.comment = comment
    }

    private enum CodingKeys: String, CodingKey {
        case reason, comment
    }

    init(from decoder: any Decoder) throws {
        reference = try OpenPOSReferenceFields(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        comment = try container.decodeIfPresent(String.self, forKey: .comment)
    }

    func queryItems() throws -> [URLQueryItem] {
        var query = OpenPOSQuery()
        query.add("reason", try FieldRules.notBlankIfPresent(reason, field: "reason"))
        query.add("comment", try FieldRules.notBlankIfPresent(comment, field: "comment"))
        return try reference.queryItems() + query.items
    }
}

/// AcceptPayment's fields: the payment, the amount accepted as CheckPayment spelt it, and optionally the part of
/// the invoice it settles.
struct OpenPOSAcceptFields: OpenPOSQueryFields {
    var reference: OpenPOSReferenceFields
    var acceptedAmount: OpenPOSWireAmount
    var acceptedInvoiceAmount: OpenPOSWireAmount?

    init(
        reference: OpenPOSReferenceFields, acceptedAmount: OpenPOSWireAmount,
        acceptedInvoiceAmount: OpenPOSWireAmount?
    ) {
        self.reference = reference
        self.acceptedAmount = acceptedAmount
        self.acceptedInvoiceAmount = acceptedInvoiceAmount
    }

    private enum CodingKeys: String, CodingKey {
        case acceptedAmount = "accepted_amount"
        case acceptedInvoiceAmount = "accepted_invoice_amount"
    }

    init(from decoder: any Decoder) throws {
        reference = try OpenPOSReferenceFields(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        acceptedAmount = try container.decode(OpenPOSWireAmount.self, forKey: .acceptedAmount)
        acceptedInvoiceAmount = try container.decodeIfPresent(OpenPOSWireAmount.self, forKey: .acceptedInvoiceAmount)
    }

    func queryItems() throws -> [URLQueryItem] {
        var query = OpenPOSQuery()
        query.add("accepted_amount", try OpenPOSValidation.positive(acceptedAmount, field: "accepted_amount"))
        query.add(
            "accepted_invoice_amount",
            try acceptedInvoiceAmount.map { try OpenPOSValidation.positive($0, field: "accepted_invoice_amount") })
        return try reference.queryItems() + query.items
    }
}

/// RefundPayment's fields.
struct OpenPOSRefundFields: OpenPOSQueryFields {
    var currency: String
    var paymentID: String
    var addressOut: String
    var refundAmount: OpenPOSWireAmount

    private enum CodingKeys: String, CodingKey {
        case currency
        case paymentID = "payment_id"
        case addressOut = "address_out"
        case refundAmount = "refund_amount"
    }

    func queryItems() throws -> [URLQueryItem] {
        var query = OpenPOSQuery()
        try query.add(currency: currency)
        query.add("payment_id", try FieldRules.notBlank(paymentID, field: "payment_id"))
        query.add("address_out", try FieldRules.notBlank(addressOut, field: "address_out"))
        query.add("refund_amount", try OpenPOSValidation.positive(refundAmount, field: "refund_amount"))
        return query.items
    }
}

/// GetCurrencyList's fields: none.
struct OpenPOSNoFields: OpenPOSQueryFields {
    func queryItems() -> [URLQueryItem] { [] }
}

/// GetTransactions' fields: an offset from 0 and a limit from 1.
struct OpenPOSPageFields: OpenPOSQueryFields {
    var offset: Int?
    var limit: Int?

    func queryItems() throws -> [URLQueryItem] {
        var query = OpenPOSQuery()
        if let offset, offset < 0 { throw PaymentError.invalidRequest("offset must be 0 or more, got \(offset)") }
        if let limit, limit < 1 { throw PaymentError.invalidRequest("limit must be 1 or more, got \(limit)") }
        query.add("offset", offset.map(String.init))
        query.add("limit", limit.map(String.init))
        return query.items
    }
}
