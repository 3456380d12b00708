import CryptoPayCore
import Foundation

/// A payment, as `POST /payment`, `GET /payment/{payment_id}`, `GET /payments` and webhooks return it.
///
/// Amounts come as strings and the rate as a JSON number; all are read exactly and written back in the same form.
/// What the fields mean, from the document's Use Scenarios: `amount`/`asset_id` is what was ordered (possibly in
/// fiat); `payment_amount`/`payment_asset_id` is that converted into the crypto the payer pays with, at `rate`;
/// `ip_amount`/`ip_asset_id` is the crypto received so far; `paid_amount` is that received amount in `asset_id` at
/// the payment's rate; `remain_amount`/`remain_asset_id` is the crypto still to pay. ``status`` reads the unified
/// status from the code and these amounts.
public struct StoreGatewayPayment: Hashable, Sendable, Codable {
    /// The payment's ID.
    public var paymentID: String
    /// Fixed or open amount; the provider's default is fixed.
    public var paymentType: StoreGatewayPaymentType?
    /// The name of the payment type.
    public var paymentTypeName: String?
    /// The payment's number in the service.
    public var paymentNumber: String?
    /// The store's ID.
    public var storeID: String?
    /// The store's name.
    public var storeName: String?
    /// The ID of the coin account the payment goes to.
    public var accountID: String?
    /// True for a payment to a test store.
    public var isTest: Bool?
    /// The amount ordered, in ``assetID``.
    @AmountCoding<AmountAsJSONString> public var amount: Decimal
    /// The currency of ``amount`` (`USD`, `BTC`).
    public var assetID: String
    /// The amount ordered, converted into ``paymentAssetID``.
    @OptionalAmountCoding<AmountAsJSONString> public var paymentAmount: Decimal?
    /// The crypto the payer pays with (`BTC`).
    public var paymentAssetID: String?
    /// The exchange rate from ``assetID`` into ``paymentAssetID``, exactly as sent.
    @OptionalAmountCoding<AmountAsJSONNumber> public var rate: Decimal?
    /// When the rate was taken.
    public var rateDate: Date?
    /// The crypto received so far ("in process"), in ``ipAssetID``.
    @OptionalAmountCoding<AmountAsJSONString> public var ipAmount: Decimal?
    /// The currency of ``ipAmount``.
    public var ipAssetID: String?
    /// What has been received so far, in ``assetID`` at the payment's rate.
    @OptionalAmountCoding<AmountAsJSONString> public var paidAmount: Decimal?
    /// The crypto still to pay, in ``remainAssetID``.
    @OptionalAmountCoding<AmountAsJSONString> public var remainAmount: Decimal?
    /// The currency of ``remainAmount``.
    public var remainAssetID: String?
    /// The crypto network (`BITCOIN`).
    public var cryptoNetwork: String?
    /// The crypto network's name.
    public var cryptoNetworkName: String?
    /// The payment address on a block explorer.
    public var cryptoAddressLink: URL?
    /// The payment's transaction on a block explorer.
    public var cryptoTransactionLink: URL?
    /// The ID of the address in the service.
    public var addressID: String?
    /// The address the payer pays to.
    public var address: String?
    /// Confirmations (blocks) needed before a transaction counts.
    public var confirmations: Int?
    /// When the payment was created.
    public var startDate: Date?
    /// When the time allowed for payment runs out.
    public var endDate: Date?
    /// When the payment completed or was cancelled.
    public var completeDate: Date?
    /// The provider's payment page, to send the payer to.
    public var paymentURL: URL?
    /// A PNG of the payment's QR code.
    public var qrCodeURL: URL?
    /// The payer's e-mail address.
    public var payerEmail: String?
    /// The payer's name.
    public var payerName: String?
    /// The payer's interface language.
    public var payerLanguage: StoreGatewayLanguage?
    /// The payment's description.
    public var description: String?
    /// `custom` and `custom1` … `custom9`, as given at creation.
    public var customFields: StoreGatewayCustomFields
    /// The dedicated address reserved for this payment, if any.
    public var dedicateID: String?
    /// Where this payment's webhooks go; the store's setting when absent.
    public var webhookURL: URL?
    /// Where the payer goes after paying.
    public var successURL: URL?
    /// Where the payer goes after a cancelled payment.
    public var cancelURL: URL?
    /// Minutes allowed for payment, as given at creation (`0`: the service's default).
    public var timeout: Int?
    var statusFields: StatusFields

    /// The status's display name, from `status_name` or `status_type_name`.
    public var statusName: String? {
        get { statusFields.name }
        set { statusFields.name = newValue }
    }

    /// The amount ordered, as money.
    public var requested: Money { Money(amount, StoreGatewayAssetMapping.asset(id: assetID)) }

    /// The amount to pay in crypto, when known.
    public var payable: Money? { Self.money(paymentAmount, paymentAssetID) }

    /// The crypto received so far, when known.
    public var received: Money? { Self.money(ipAmount, ipAssetID ?? paymentAssetID) }

    /// What has been received so far, valued in the ordered currency at the payment's rate.
    public var paid: Money? { Self.money(paidAmount, assetID) }

    /// The crypto still to pay, when known.
    public var remaining: Money? { Self.money(remainAmount, remainAssetID ?? paymentAssetID) }

    /// The network, from ``cryptoNetwork``.
    public var network: BlockchainNetwork? { cryptoNetwork.map { BlockchainNetwork(rawValue: $0) } }

    private static func money(_ amount: Decimal?, _ assetID: String?) -> Money? {
        guard let amount, let assetID else { return nil }
        return Money(amount, StoreGatewayAssetMapping.asset(id: assetID))
    }

    private enum CodingKeys: String, CodingKey {
        case amount, rate, address, description, timeout
        case paymentID = "payment_id"
        case paymentType = "payment_type"
        case paymentTypeName = "payment_type_name"
        case paymentNumber = "payment_num"
        case storeID = "store_id"
        case storeName = "store_name"
        case accountID = "account_id"
        case isTest = "is_test"
        case assetID = "asset_id"
        case paymentAmount = "payment_amount"
        case paymentAssetID = "payment_asset_id"
        case rateDate = "rate_date"
        case ipAmount = "ip_amount"
        case ipAssetID = "ip_asset_id"
        case paidAmount = "paid_amount"
        case remainAmount = "remain_amount"
        case remainAssetID = "remain_asset_id"
        case cryptoNetwork = "crypto_network"
        case cryptoNetworkName = "crypto_network_name"
        case cryptoAddressLink = "crypto_address_link"
        case cryptoTransactionLink = "crypto_transaction_link"
        case addressID = "address_id"
        case confirmations = "confirms"
        case startDate = "start_date"
        case endDate = "end_date"
        case completeDate = "complete_date"
        case paymentURL = "payment_url"
        case qrCodeURL = "qrcode_url"
        case payerEmail = "payer_email"
        case payerName = "payer_name"
        case payerLanguage = "payer_lang"
        case dedicateID = "dedicate_id"
        case webhookURL = "webhook_url"
        case successURL = "success_url"
        case cancelURL = "cancel_url"
        // Read into `customFields` and `statusFields` from this container, so that each payment object is opened
        // once.
        case custom, custom1, custom2, custom3, custom4, custom5, custom6, custom7, custom8, custom9
        case status
        case statusName = "status_name"
        case statusType = "status_type"
        case statusTypeName = "status_type_name"
    }

    private static let customSlotKeys: [(StoreGatewayCustomSlot, CodingKeys)] =
        StoreGatewayCustomSlot.documented.compactMap { slot in
            CodingKeys(stringValue: slot.fieldName).map { (slot, $0) }
        }

    private static let statusKeys = StatusFields.Keys<CodingKeys>(
        status: .status, statusName: .statusName, statusType: .statusType, statusTypeName: .statusTypeName)

    /// Decodes the document's shape; unknown fields are ignored and URLs sent as `""` read as absent.
    ///
    /// - Throws: `DecodingError` naming the field when `payment_id`, `amount` or `asset_id` is missing, or a
    ///   present value is malformed (an amount that is not exact decimal text, a date or URL that does not parse).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        paymentID = try container.decode(String.self, forKey: .paymentID)
        paymentType = try container.decodeIfPresent(StoreGatewayPaymentType.self, forKey: .paymentType)
        paymentTypeName = try container.decodeIfPresent(String.self, forKey: .paymentTypeName)
        paymentNumber = try container.decodeIfPresent(String.self, forKey: .paymentNumber)
        storeID = try container.decodeIfPresent(String.self, forKey: .storeID)
        storeName = try container.decodeIfPresent(String.self, forKey: .storeName)
        accountID = try container.decodeIfPresent(String.self, forKey: .accountID)
        isTest = try container.decodeIfPresent(Bool.self, forKey: .isTest)
        _amount = try container.decode(AmountCoding<AmountAsJSONString>.self, forKey: .amount)
        assetID = try container.decode(String.self, forKey: .assetID)
        _paymentAmount = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .paymentAmount)
        paymentAssetID = try container.decodeIfPresent(String.self, forKey: .paymentAssetID)
        _rate = try container.decode(OptionalAmountCoding<AmountAsJSONNumber>.self, forKey: .rate)
        rateDate = try container.decodeDateIfPresent(forKey: .rateDate)
        _ipAmount = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .ipAmount)
        ipAssetID = try container.decodeIfPresent(String.self, forKey: .ipAssetID)
        _paidAmount = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .paidAmount)
        _remainAmount = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .remainAmount)
        remainAssetID = try container.decodeIfPresent(String.self, forKey: .remainAssetID)
        cryptoNetwork = try container.decodeIfPresent(String.self, forKey: .cryptoNetwork)
        cryptoNetworkName = try container.decodeIfPresent(String.self, forKey: .cryptoNetworkName)
        cryptoAddressLink = try container.decodeURLIfPresent(forKey: .cryptoAddressLink)
        cryptoTransactionLink = try container.decodeURLIfPresent(forKey: .cryptoTransactionLink)
        addressID = try container.decodeIfPresent(String.self, forKey: .addressID)
        address = try container.decodeIfPresent(String.self, forKey: .address)
        confirmations = try container.decodeIfPresent(Int.self, forKey: .confirmations)
        startDate = try container.decodeDateIfPresent(forKey: .startDate)
        endDate = try container.decodeDateIfPresent(forKey: .endDate)
        completeDate = try container.decodeDateIfPresent(forKey: .completeDate)
        paymentURL = try container.decodeURLIfPresent(forKey: .paymentURL)
        qrCodeURL = try container.decodeURLIfPresent(forKey: .qrCodeURL)
        payerEmail = try container.decodeIfPresent(String.self, forKey: .payerEmail)
        payerName = try container.decodeIfPresent(String.self, forKey: .payerName)
        payerLanguage = try container.decodeIfPresent(StoreGatewayLanguage.self, forKey: .payerLanguage)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        customFields = try StoreGatewayCustomFields(in: container, custom: .custom, slots: Self.customSlotKeys)
        dedicateID = try container.decodeIfPresent(String.self, forKey: .dedicateID)
        webhookURL = try container.decodeURLIfPresent(forKey: .webhookURL)
        successURL = try container.decodeURLIfPresent(forKey: .successURL)
        cancelURL = try container.decodeURLIfPresent(forKey: .cancelURL)
        timeout = try container.decodeIfPresent(Int.self, forKey: .timeout)
        statusFields = try StatusFields(in: container, keys: Self.statusKeys)
    }

    /// Encodes the provider's field names, the status in the spelling it was read in; absent values are left out.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(paymentID, forKey: .paymentID)
        try container.encodeIfPresent(paymentType, forKey: .paymentType)
        try container.encodeIfPresent(paymentTypeName, forKey: .paymentTypeName)
        try container.encodeIfPresent(paymentNumber, forKey: .paymentNumber)
        try container.encodeIfPresent(storeID, forKey: .storeID)
        try container.encodeIfPresent(storeName, forKey: .storeName)
        try container.encodeIfPresent(accountID, forKey: .accountID)
        try container.encodeIfPresent(isTest, forKey: .isTest)
        try container.encode(_amount, forKey: .amount)
        try container.encode(assetID, forKey: .assetID)
        try container.encode(_paymentAmount, forKey: .paymentAmount)
        try container.encodeIfPresent(paymentAssetID, forKey: .paymentAssetID)
        try container.encode(_rate, forKey: .rate)
        try container.encodeDateIfPresent(rateDate, forKey: .rateDate)
        try container.encode(_ipAmount, forKey: .ipAmount)
        try container.encodeIfPresent(ipAssetID, forKey: .ipAssetID)
        try container.encode(_paidAmount, forKey: .paidAmount)
        try container.encode(_remainAmount, forKey: .remainAmount)
        try container.encodeIfPresent(remainAssetID, forKey: .remainAssetID)
        try container.encodeIfPresent(cryptoNetwork, forKey: .cryptoNetwork)
        try container.encodeIfPresent(cryptoNetworkName, forKey: .cryptoNetworkName)
        try container.encodeURLIfPresent(cryptoAddressLink, forKey: .cryptoAddressLink)
        try container.encodeURLIfPresent(cryptoTransactionLink, forKey: .cryptoTransactionLink)
        try container.encodeIfPresent(addressID, forKey: .addressID)
        try container.encodeIfPresent(address, forKey: .address)
        try container.encodeIfPresent(confirmations, forKey: .confirmations)
        try container.encodeDateIfPresent(startDate, forKey: .startDate)
        try container.encodeDateIfPresent(endDate, forKey: .endDate)
        try container.encodeDateIfPresent(completeDate, forKey: .completeDate)
        try container.encodeURLIfPresent(paymentURL, forKey: .paymentURL)
        try container.encodeURLIfPresent(qrCodeURL, forKey: .qrCodeURL)
        try container.encodeIfPresent(payerEmail, forKey: .payerEmail)
        try container.encodeIfPresent(payerName, forKey: .payerName)
        try container.encodeIfPresent(payerLanguage, forKey: .payerLanguage)
        try container.encodeIfPresent(description, forKey: .description)
        try customFields.encode(to: encoder)
        try container.encodeIfPresent(dedicateID, forKey: .dedicateID)
        try container.encodeURLIfPresent(webhookURL, forKey: .webhookURL)
        try container.encodeURLIfPresent(successURL, forKey: .successURL)
        try container.encodeURLIfPresent(cancelURL, forKey: .cancelURL)
        try container.encodeIfPresent(timeout, forKey: .timeout)
        try statusFields.encode(to: encoder)
    }
}
