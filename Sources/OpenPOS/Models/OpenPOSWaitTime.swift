import Foundation

/// Reads the provider's `wait_time` texts (`5 seconds`, `120 minutes`).
enum OpenPOSWaitTime {
    private static let units: [String: Int64] = [
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3600, "hour": 3600, "hours": 3600,
        "day": 86_400, "days": 86_400,
    ]

    /// The duration a `wait_time` text names, or `nil` when it is not a whole number followed by a unit.
    static func duration(_ text: String?) -> Duration? {
        guard let parts = text?.lowercased().split(whereSeparator: \.isWhitespace), parts.count == 2,
            let count = Int64(parts[0]), count >= 0, let unit = units[String(parts[1])]
        else { return nil }
        let (seconds, overflow) = count.multipliedReportingOverflow(by: unit)
        return overflow ? nil : .seconds(seconds)
    }
}
