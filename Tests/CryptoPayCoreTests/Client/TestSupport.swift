import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit

/// An error format like many providers': `{"code": "...", "message": "...", "errors": [{"field", "message"}]}`.
struct SampleErrorFormat: ProviderErrorFormat {
    struct Body: Decodable {
        struct Field: Decodable {
            let field: String
            let message: String
        }
        let code: String?
        let message: String?
        let errors: [Field]?
    }

    func details(in response: TransportResponse, decoder: JSONDecoder) -> ProviderErrorDetails? {
        guard let body = try? decoder.decode(Body.self, from: response.body) else { return nil }
        return ProviderErrorDetails(
            code: body.code,
            message: body.message,
            fieldErrors: (body.errors ?? []).map { FieldError(field: $0.field, message: $0.message) }
        )
    }
}

struct Item: Decodable, Sendable, Equatable {
    let id: String
    @AmountCoding<AmountAsJSONNumber> var amount: Decimal
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, amount
        case createdAt = "created_at"
    }
}

func makeClient(
    transport: ReplayTransport,
    retryPolicy: RetryPolicy = RetryPolicy(maxRetries: 2, random: { 0.5 }, clock: .immediate),
    logHandler: HTTPLogHandler? = nil,
    credentials: Credentials = .apiKey("sk_live_SECRET123")
) throws -> APIClient {
    try APIClient(
        provider: ProviderID(rawValue: "sample"),
        credentials: credentials,
        configuration: ClientConfiguration(transport: transport, retryPolicy: retryPolicy, logHandler: logHandler),
        defaultBaseURL: URL(string: "https://api.example.com/v1"),
        errorFormat: SampleErrorFormat()
    )
}

/// Collects log records from concurrent tasks.
final class LogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [HTTPLogRecord] = []

    var records: [HTTPLogRecord] { lock.withLock { stored } }

    var handler: HTTPLogHandler {
        { record in self.lock.withLock { self.stored.append(record) } }
    }
}
