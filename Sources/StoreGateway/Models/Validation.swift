import CryptoPayCore
import Foundation

/// The document's limits, checked before anything is sent. Each check throws ``PaymentError`` of kind
/// `invalidRequest` naming the field.
enum Validation {
    /// The waiting time the document allows for payments and withdrawals, in minutes.
    static let timeoutRange = 0...1440

    /// An identifier that goes into a path or a body: not blank.
    static func identifier(_ value: String, field: String) throws {
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PaymentError.invalidRequest("\(field) must not be empty")
        }
    }

    /// An optional identifier: absent, or not blank.
    static func identifier(_ value: String?, field: String) throws {
        if let value { try identifier(value, field: field) }
    }

    /// A waiting time in minutes within 0…1440.
    static func timeout(_ minutes: Int?) throws {
        guard let minutes, !timeoutRange.contains(minutes) else { return }
        throw PaymentError.invalidRequest(
            "timeout must be between \(timeoutRange.lowerBound) and \(timeoutRange.upperBound) minutes, got \(minutes)"
        )
    }

    /// A value the document lists for `field` (by default every documented value of its type); `nil` passes. Open
    /// enumerations decode what the service sends tolerantly, but only documented values are sent.
    static func documented<Value: OpenEnumeration>(
        _ value: Value?,
        field: String,
        allowed: [Value] = Value.documented
    ) throws {
        try documented(value?.rawValue, field: field, allowed: allowed.map(\.rawValue))
    }

    /// A wire spelling the document lists for `field`; `nil` passes.
    static func documented(_ value: String?, field: String, allowed: [String]) throws {
        guard let value, !allowed.contains(value) else { return }
        throw PaymentError.invalidRequest(
            "\(field) must be one of \(allowed.joined(separator: ", ")), got \"\(value)\""
        )
    }

    /// A date in the `YYYY-MM-DD` form the payment list takes, and a real calendar day.
    static func day(_ text: String, field: String) throws -> Date {
        guard let date = Day.parse(text) else {
            throw PaymentError.invalidRequest("\(field) must be a date written YYYY-MM-DD, got \"\(text)\"")
        }
        return date
    }
}

/// Calendar days as the payment list takes them: `YYYY-MM-DD`, in UTC.
enum Day {
    private static let style = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().dateSeparator(.dash)

    /// The day's text (`2023-06-02`) of a moment, in UTC.
    static func format(_ date: Date) -> String {
        style.format(date)
    }

    /// The start (UTC) of the day written as `YYYY-MM-DD`; `nil` for any other text or a day that does not exist
    /// (`2023-02-30`).
    static func parse(_ text: String) -> Date? {
        guard let date = try? style.parse(text), format(date) == text else { return nil }
        return date
    }

    /// The text of the UTC day `days` days after (or before, when negative) the one `date` falls on.
    static func format(_ date: Date, addingDays days: Int) -> String {
        format(date.addingTimeInterval(TimeInterval(days) * 86_400))
    }
}
