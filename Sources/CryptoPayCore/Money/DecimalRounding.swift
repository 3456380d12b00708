import Foundation

extension Decimal {
    /// The number of digits after the decimal point needed to write this value exactly (`1.50` → 1, `10` → 0).
    package var decimalPlaces: Int {
        guard !isZero, isFinite else { return 0 }
        var text = DecimalText.format(self)
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        while text.hasSuffix("0") { text.removeLast() }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    /// This value rounded to `places` digits after the decimal point, with `mode` (banker's rounding by default).
    package func rounded(toPlaces places: Int, mode: NSDecimalNumber.RoundingMode = .bankers) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, places, mode)
        return result
    }
}

/// Client-side checks of amounts against a provider's documented limits, before anything is sent.
package enum AmountRules {
    /// Checks that `amount` is greater than zero.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` otherwise.
    package static func requirePositive(_ amount: Decimal, field: String) throws {
        guard amount > 0 else {
            throw PaymentError.invalidRequest("\(field) must be greater than zero, got \(DecimalText.format(amount))")
        }
    }

    /// Checks that `amount` has at most `places` digits after the decimal point. Amounts are never rounded
    /// silently: a payment for a different sum than the caller asked for is worse than an error.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` otherwise.
    package static func requireDecimalPlaces(_ amount: Decimal, atMost places: Int, field: String) throws {
        guard amount.decimalPlaces <= places else {
            throw PaymentError.invalidRequest(
                "\(field) allows at most \(places) decimal places, got \(DecimalText.format(amount))"
            )
        }
    }
}
