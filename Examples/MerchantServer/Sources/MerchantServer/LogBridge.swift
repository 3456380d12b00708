import CryptoPay
import Logging

/// Sends the library's log records to swift-log, with provider, operation and attempt as metadata.
///
/// The library calls its log handler once per try, with credentials already redacted; this is the pattern to copy
/// to route them into whatever backend the server's `LoggingSystem` is bootstrapped with.
enum LogBridge {
    private static let logger = Logger(label: "cryptopay")

    static let handler: HTTPLogHandler = { record in
        var metadata: Logger.Metadata = [
            "provider": "\(record.provider?.rawValue ?? "-")",
            "operation": "\(record.operation ?? "-")",
            "attempt": "\(record.attempt)",
            "method": "\(record.method)",
            "milliseconds": "\(Int(record.duration / .milliseconds(1)))",
        ]
        if let status = record.status { metadata["status"] = "\(status)" }
        if let failure = record.failure {
            metadata["failure"] = "\(failure)"
            logger.warning("provider request failed", metadata: metadata)
        } else {
            logger.info("provider request", metadata: metadata)
        }
    }
}
