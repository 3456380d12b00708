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
        try limited(parameters.title, to: maximumTitleLength, field: "title")
        try limited(parameters.description, to: maximumDescriptionLength, field: "description")
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
        try required(reference, field: "reference")
        try limited(reference, to: maximumReferenceLength, field: "reference")
    }

    /// A value that must not be blank (an id, a reference).
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when it is empty or only white space.
    static func required(_ value: String, field: String) throws {
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PaymentError.invalidRequest("\(field) must not be empty")
        }
    }

    /// A URL's text of at most 500 characters.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` otherwise.
    static func url(_ text: String?, field: String) throws {
        try limited(text, to: maximumURLLength, field: field)
    }

    /// A page size or log limit of at least 1.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` otherwise.
    static func positive(_ value: Int, field: String) throws {
        guard value >= 1 else { throw PaymentError.invalidRequest("\(field) must be 1 or more, got \(value)") }
    }

    /// Text within a length limit. Length counts Unicode scalars, as the provider's JavaScript validators count code
    /// points.
    private static func limited(_ value: String?, to limit: Int, field: String) throws {
        guard let count = value?.unicodeScalars.count, count > limit else { return }
        throw PaymentError.invalidRequest("\(field) must be at most \(limit) characters, got \(count)")
    }
}
