import CryptoPayCore
import Foundation

/// Client-side checks, run before anything is sent.
enum OpenPOSValidation {
    /// An amount greater than zero, in the characters the provider sent it in (`0.01000000`).
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` when it is zero or less.
    static func positive(_ amount: OpenPOSWireAmount, field: String) throws -> String {
        try AmountRules.requirePositive(amount.value, field: field)
        return amount.text
    }
}

/// Query items in order, leaving out absent values.
struct OpenPOSQuery {
    /// The items so far.
    private(set) var items: [URLQueryItem] = []

    /// Appends a value when present.
    mutating func add(_ name: String, _ value: String?) {
        guard let value else { return }
        items.append(URLQueryItem(name: name, value: value))
    }

    /// Appends a flag as `true`/`false` when present.
    mutating func add(_ name: String, _ flag: Bool?) {
        add(name, flag.map { $0 ? "true" : "false" })
    }
}
