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
    ///
    /// The forms providers actually send (`2019-08-24T14:15:22Z`, with a fraction, without a zone, or with a space
    /// for the `T`) are read by ``parseCommonForm(_:)`` without any allocation; everything else (offsets, surrounding
    /// spaces, the format styles' lenient readings) goes through the format styles, as before.
    package static func parse(_ text: String) -> Date? {
        if let date = parseCommonForm(text) { return date }
        return parseWithFormatStyles(text)
    }

    /// The format styles' reading: trims spaces and tries each accepted form in turn. ``parse(_:)`` gives the same
    /// result faster for the common forms; this stays the definition of what is accepted.
    package static func parseWithFormatStyles(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for style in [withoutFraction, withFraction, noZone, noZoneWithFraction, spaced] {
            if let date = try? style.parse(trimmed) { return date }
        }
        return nil
    }

    /// `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD HH:MM:SS`, optionally with 1 to 9 fraction digits, optionally ending in
    /// `Z`, read in UTC, for years 1583 to 9999 with every field in range (seconds 0–59); `nil` for anything else,
    /// which ``parse(_:)`` leaves to the format styles.
    ///
    /// The result is bit-for-bit the format styles' own: they build the date as whole days since 2001-01-01 times
    /// 86,400 plus (the seconds of the day plus nanoseconds ÷ 10⁹), in that order of `Double` operations, which is
    /// what is computed here (a test compares the two on a large sample of every form). Years before 1583 are left
    /// out because Foundation's Gregorian calendar switches to the Julian calendar before October 1582.
    static func parseCommonForm(_ text: String) -> Date? {
        text.utf8.withContiguousStorageIfAvailable(parseCommonForm) ?? nil
    }

    private static func parseCommonForm(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        let count = bytes.count
        guard count >= 19, count <= 30 else { return nil }
        func digit(_ index: Int) -> Int? {
            let value = Int(bytes[index]) &- 48
            return value >= 0 && value <= 9 ? value : nil
        }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                guard let digit = digit(index) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1583...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month, of: year),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }
        var index = 19
        var nanoseconds = 0
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < count, let digit = digit(index) {
                guard digits < 9 else { return nil }
                nanoseconds = nanoseconds * 10 + digit
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { nanoseconds *= 10 }
        }
        if index < count, bytes[index] == UInt8(ascii: "Z") { index += 1 }
        guard index == count else { return nil }
        let daysSinceReference = daysSinceUnixEpoch(year: year, month: month, day: day) - 11_323
        let secondsOfDay = hour * 3600 + minute * 60 + second
        return Date(
            timeIntervalSinceReferenceDate: Double(daysSinceReference) * 86_400
                + (Double(secondsOfDay) + Double(nanoseconds) / 1e9)
        )
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (years from 1 on).
    private static func daysSinceUnixEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// ISO 8601 in UTC with whole seconds (`2019-08-24T14:15:22Z`), the form providers expect back.
    package static func format(_ date: Date) -> String {
        withoutFraction.format(date)
    }

    /// The POS document's `YYYY-MM-DD HH:MM:SS` in UTC, the form ``parse(_:)`` also reads.
    package static func formatSpaced(_ date: Date) -> String {
        spaced.format(date)
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
