import CryptoPayCore
import Foundation

// The POS API's wire conventions, in one place: amounts are strings in which `""` means "none", dates are
// `YYYY-MM-DD HH:MM:SS` in UTC (`DateCoding.formatSpaced`), and counts and flags may arrive as strings, as PHP-style
// servers often send them.

extension KeyedDecodingContainer {
    /// A required amount, from a decimal string or a JSON number, exactly.
    func decodePOSAmount(forKey key: Key) throws -> Decimal {
        try decode(AmountCoding<AmountAsJSONString>.self, forKey: key).wrappedValue
    }

    /// An amount that may be missing, `null` or `""` (all three mean "none").
    func decodePOSAmountIfPresent(forKey key: Key) throws -> Decimal? {
        try decodePOSWireAmountIfPresent(forKey: key)?.value
    }

    /// An amount that may be missing, `null` or `""`, with the characters it was sent in.
    func decodePOSWireAmountIfPresent(forKey key: Key) throws -> OpenPOSWireAmount? {
        if let text = try? decodeIfPresent(String.self, forKey: key) {
            // Blank means none; other text is read here rather than decoded a second time.
            if text.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) { return nil }
            guard let amount = OpenPOSWireAmount(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: self, debugDescription: "\"\(text)\" is not a decimal amount")
            }
            return amount
        }
        return try decodeDecimalIfPresent(forKey: key).map(OpenPOSWireAmount.init)
    }

    /// A date in the provider's `YYYY-MM-DD HH:MM:SS` form (or ISO 8601) that may be missing, `null` or `""`.
    /// Text that is not a date is an error naming the field, never a silent `nil`.
    func decodePOSDateIfPresent(forKey key: Key) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        guard let date = DateCoding.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\"\(text)\" is not a date")
        }
        return date
    }

    /// A whole number sent as a JSON number or as digits in a string; `nil` when missing or `null`.
    func decodePOSIntIfPresent(forKey key: Key) throws -> Int? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let number = try? decode(Int.self, forKey: key) { return number }
        let text = try decode(String.self, forKey: key)
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "\"\(text)\" is not a whole number")
        }
        return number
    }

    /// A flag sent as a JSON boolean, as `0`/`1`, or as the text `true`/`false`/`0`/`1`; `nil` when missing or
    /// `null`.
    func decodePOSBoolIfPresent(forKey key: Key) throws -> Bool? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let flag = try? decode(Bool.self, forKey: key) { return flag }
        if let number = try? decode(Int.self, forKey: key), number == 0 || number == 1 { return number == 1 }
        if let text = try? decode(String.self, forKey: key) {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: break
            }
        }
        throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a boolean")
    }

    /// A flag that must be present (see ``decodePOSBoolIfPresent(forKey:)`` for the accepted spellings).
    func decodePOSBool(forKey key: Key) throws -> Bool {
        guard let flag = try decodePOSBoolIfPresent(forKey: key) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(codingPath: codingPath, debugDescription: "\(key.stringValue) is required")
            )
        }
        return flag
    }
}

extension KeyedEncodingContainer {
    /// Writes an amount as the provider does: a decimal string.
    mutating func encodePOSAmount(_ amount: Decimal, forKey key: Key) throws {
        try encode(AmountCoding<AmountAsJSONString>(wrappedValue: amount), forKey: key)
    }

    /// Writes an amount as a decimal string, or leaves the key out when there is none.
    mutating func encodePOSAmountIfPresent(_ amount: Decimal?, forKey key: Key) throws {
        guard let amount else { return }
        try encodePOSAmount(amount, forKey: key)
    }

    /// Writes an amount as a decimal string, or `""` when there is none, as GetTransactions does.
    mutating func encodePOSAmountOrEmpty(_ amount: Decimal?, forKey key: Key) throws {
        guard let amount else { return try encode("", forKey: key) }
        try encodePOSAmount(amount, forKey: key)
    }

    /// Writes a date in the provider's `YYYY-MM-DD HH:MM:SS` form, or `null` when there is none.
    mutating func encodePOSDateOrNull(_ date: Date?, forKey key: Key) throws {
        guard let date else { return try encodeNil(forKey: key) }
        try encode(DateCoding.formatSpaced(date), forKey: key)
    }
}
