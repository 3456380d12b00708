import Foundation

/// Parses the timestamps providers send: ISO 8601 with or without fractional seconds and with `Z`, an offset or
/// no zone (read as UTC), and the `YYYY-MM-DD HH:MM:SS` form of the POS document (UTC).
package enum DateCoding {
    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let withoutFraction = Date.ISO8601FormatStyle()
    private static let noZone = Date.ISO8601FormatStyle(timeZone: .gmt)
        .year().month().day().time(includingFractionalSeconds: false).timeSeparator(.colon)
        .dateTimeSeparator(.standard)
    private static let noZoneWithFraction = Date.ISO8601FormatStyle(timeZone: .gmt)
        .year().month().day().time(includingFractionalSeconds: true).timeSeparator(.colon)
        .dateTimeSeparator(.standard)
    private static let spaced = Date.ISO8601FormatStyle(timeZone: .gmt)
        .year().month().day().time(includingFractionalSeconds: false).timeSeparator(.colon)
        .dateTimeSeparator(.space)

    /// Parses one timestamp, or returns `nil` when the text is in none of the accepted forms.
    package static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for style in [withoutFraction, withFraction, noZone, noZoneWithFraction, spaced] {
            if let date = try? style.parse(trimmed) { return date }
        }
        return nil
    }

    /// ISO 8601 in UTC with whole seconds (`2019-08-24T14:15:22Z`), the form providers expect back.
    package static func format(_ date: Date) -> String {
        withoutFraction.format(date)
    }

    /// ISO 8601 in UTC with exactly three fraction digits (`2024-08-02T18:23:14.867Z`), as JavaScript's
    /// `toISOString()` writes, rounded to the millisecond. The fraction is written by hand because the format
    /// style truncates binary seconds (`.867` would come out as `.866`).
    package static func formatWithMilliseconds(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds.isFinite, abs(milliseconds) < 1e15 else { return format(date) }
        let seconds = (milliseconds / 1000).rounded(.down)
        let digits = String(Int(milliseconds - seconds * 1000))
        let whole = format(Date(timeIntervalSince1970: seconds))
        return String(whole.dropLast()) + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// A `JSONDecoder` date strategy that accepts every form ``parse(_:)`` does and, for anything else, throws a
    /// `DecodingError` whose coding path names the field.
    package static let decodingStrategy = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a date")
        }
        return date
    }

    /// A `JSONEncoder` date strategy writing ``format(_:)``.
    package static let encodingStrategy = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(format(date))
    }
}
