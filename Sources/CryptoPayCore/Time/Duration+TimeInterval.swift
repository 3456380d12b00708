import Foundation

extension Duration {
    /// The duration in seconds, for Foundation and Dispatch APIs that take `TimeInterval`.
    package var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }

    /// A duration of `seconds`, with negative values, NaN and infinities cut to `0…86,400` (a day), so that no
    /// conversion can trap.
    package static func clampedSeconds(_ seconds: TimeInterval) -> Duration {
        guard seconds > 0 else { return .zero }
        return .milliseconds(Int64((min(seconds, 86_400) * 1000).rounded(.up)))
    }
}
