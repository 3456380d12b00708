import CryptoPayCore
import Foundation

/// The document's limits, checked before anything is sent.
enum Validation {
    /// The most decimal places an amount may have.
    static let amountPlaces = 4
    /// The longest reference.
    static let maximumReferenceLength = 50
    /// The longest URL field (`callbackUrl`, `returnUrl`).
    static let maximumURLLength = 500
    /// The longest title.
    static let maximumTitleLength = 200
    /// The longest description.
    static let maximumDescriptionLength = 500
    /// The accepted invoice validity, in seconds.
    static let expirySeconds = 300...7200

    /// Checks every documented limit of a creation.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming the first field out of its limits.
    static func check(_ parameters: USDTInvoiceParameters) throws {
        try amount(parameters.amountUSDT)
        guard USDTInvoiceAssetCode.documented.contains(parameters.assetCode) else {
            throw PaymentError.invalidRequest(
                "assetCode must be one of "
                    + USDTInvoiceAssetCode.documented.map(\.rawValue).joined(separator: ", ")
                    + ", got \(parameters.assetCode)"
            )
        }
        if let reference = parameters.reference { try self.reference(reference) }
        try url(parameters.callbackURL?.absoluteString, field: "callbackUrl")
        try url(parameters.returnURL?.absoluteString, field: "returnUrl")
        try FieldRules.atMost(maximumTitleLength, characters: parameters.title, field: "title")
        try FieldRules.atMost(maximumDescriptionLength, characters: parameters.description, field: "description")
        if let seconds = parameters.expirySeconds, !expirySeconds.contains(seconds) {
            throw PaymentError.invalidRequest(
                "expirySeconds must be between \(expirySeconds.lowerBound) and \(expirySeconds.upperBound), "
                    + "got \(seconds)"
            )
        }
    }

    /// An amount of at least 0.0001 with at most four decimal places: a positive amount with at most four places is
    /// never below 0.0001, so these two checks are the documented minimum too.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` otherwise.
    static func amount(_ amount: Decimal) throws {
        try AmountRules.requirePositive(amount, field: "amountUsdt")
        try AmountRules.requireDecimalPlaces(amount, atMost: amountPlaces, field: "amountUsdt")
    }

    /// A reference: not blank and at most 50 characters.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` otherwise.
    static func reference(_ reference: String) throws {
        try FieldRules.notBlank(reference, field: "reference")
        try FieldRules.atMost(maximumReferenceLength, characters: reference, field: "reference")
    }

    /// A URL's text of at most 500 characters.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` otherwise.
    static func url(_ text: String?, field: String) throws {
        try FieldRules.atMost(maximumURLLength, characters: text, field: field)
    }
}
