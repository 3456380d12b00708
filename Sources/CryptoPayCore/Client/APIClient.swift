import Foundation

/// Sends ``Endpoint``s to one provider: builds the request, adds credentials and headers, runs it through
/// middleware, retries and logging, maps failures to ``PaymentError`` and decodes the success body.
///
/// Provider clients own one of these; it is an immutable `Sendable` value, safe to share across tasks.
public struct APIClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// The provider, for errors and logs.
    public let provider: ProviderID
    /// The validated base URL.
    public let baseURL: URL
    /// The decoder for response bodies.
    public let decoder: JSONDecoder
    /// The encoder for JSON request bodies.
    public let encoder: JSONEncoder

    private let credentials: Credentials
    private let configuration: ClientConfiguration
    private let errorFormat: any ProviderErrorFormat
    private let transport: any HTTPTransport
    private let userAgent: String

    /// Creates a client for one provider.
    ///
    /// - Parameters:
    ///   - defaultBaseURL: used when `configuration.baseURL` is `nil`; pass `nil` for providers whose documents
    ///     give no real host, which makes the base URL required.
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when the base URL is missing or not `https` (loopback
    ///   excepted), or the credentials are empty.
    public init(
        provider: ProviderID,
        credentials: Credentials,
        configuration: ClientConfiguration,
        defaultBaseURL: URL?,
        errorFormat: any ProviderErrorFormat,
        decoder: JSONDecoder = JSONCoding.makeDecoder(),
        encoder: JSONEncoder = JSONCoding.makeEncoder()
    ) throws {
        guard let base = configuration.baseURL ?? defaultBaseURL else {
            throw PaymentError.invalidRequest("\(provider) needs a base URL: set ClientConfiguration.baseURL")
        }
        guard !credentials.isEmpty else {
            throw PaymentError.invalidRequest("\(provider) credentials must not be empty")
        }
        self.provider = provider
        self.baseURL = try BaseURL.validated(base)
        self.credentials = credentials
        self.configuration = configuration
        self.errorFormat = errorFormat
        self.decoder = decoder
        self.encoder = encoder
        var userAgent = CryptoPayVersion.userAgent
        if let suffix = configuration.userAgentSuffix, !suffix.isEmpty { userAgent += " " + suffix }
        self.userAgent = userAgent
        var chain = configuration.middleware
        chain.append(RetryMiddleware(policy: configuration.retryPolicy))
        if let logHandler = configuration.logHandler { chain.append(LoggingMiddleware(handler: logHandler)) }
        self.transport = MiddlewareTransport(base: configuration.transport, middleware: chain)
    }

    /// `APIClient(usegateway, https://api.usegateway.net/v1)`: never the credentials.
    public var description: String { "APIClient(\(provider), \(baseURL.absoluteString))" }

    /// A mirror without the credentials, so that `dump` and debuggers cannot print them.
    public var customMirror: Mirror {
        Mirror(self, children: ["provider": provider, "baseURL": baseURL], displayStyle: .struct)
    }

    /// Sends the endpoint's request and decodes its success body.
    ///
    /// - Throws: ``PaymentError``: `invalidRequest` when the request cannot be built (nothing is sent), a kind
    ///   mapped from the status for a failed response, `decoding` when the body is not what the provider
    ///   documents, `transport` when no response arrived; `CancellationError` when the task is cancelled.
    public func send<Response>(_ endpoint: Endpoint<Response>) async throws -> Response {
        let response = try await checkedResponse(for: endpoint)
        if Response.self == EmptyResponse.self, let empty = EmptyResponse() as? Response { return empty }
        return try decode(Response.self, from: response, operation: endpoint.operation)
    }

    /// Sends the endpoint's request and returns the successful raw response, for callers that decode it
    /// themselves.
    ///
    /// - Throws: as ``send(_:)``, except that the body is not decoded.
    public func checkedResponse<Response>(for endpoint: Endpoint<Response>) async throws -> HTTPResponse {
        let request = try makeRequest(for: endpoint)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch var error as PaymentError {
            error.provider = error.provider ?? provider
            error.operation = error.operation ?? endpoint.operation
            error.request = error.request ?? summary(of: request)
            throw error
        }
        try check(response, of: request, operation: endpoint.operation, successStatuses: endpoint.successStatuses)
        return response
    }

    /// Builds the request an endpoint would send, without sending it.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when the path parameters do not fit the template or
    ///   the body cannot be encoded.
    public func makeRequest<Response>(for endpoint: Endpoint<Response>) throws -> HTTPRequest {
        let url = try validating(endpoint.operation) {
            try URLBuilder.url(
                base: baseURL,
                path: endpoint.path,
                parameters: endpoint.pathParameters,
                query: endpoint.query
            )
        }
        var headers = HTTPHeaders()
        headers["Accept"] = "application/json"
        headers["User-Agent"] = userAgent
        var body: Data?
        if let requestBody = endpoint.body {
            do {
                body = try requestBody.data(using: encoder)
            } catch {
                throw PaymentError(
                    .invalidRequest,
                    message: "the request body could not be encoded: \(error)",
                    provider: provider,
                    operation: endpoint.operation
                )
            }
            headers["Content-Type"] = requestBody.contentType
        }
        for field in endpoint.headers { headers[field.name] = field.value }
        if endpoint.requiresAuthentication { credentials.apply(to: &headers) }
        return HTTPRequest(
            method: endpoint.method,
            url: url,
            headers: headers,
            body: body,
            timeout: configuration.timeout
        )
    }

    /// Runs client-side checks for `operation` and labels any ``PaymentError`` they throw with this provider and the
    /// operation, so that a refusal says what was refused. Run them before sending: nothing is sent when they throw.
    ///
    /// - Throws: the checks' ``PaymentError`` (kind `invalidRequest` by convention), labelled; other errors as thrown.
    public func validating<Value>(_ operation: String, _ checks: () throws -> Value) throws -> Value {
        do {
            return try checks()
        } catch var error as PaymentError {
            error.provider = provider
            error.operation = operation
            throw error
        }
    }

    /// Decodes a response body, turning any failure into a ``PaymentError`` of kind `decoding` that names the field.
    ///
    /// - Throws: ``PaymentError`` of kind `decoding`.
    public func decode<Value: Decodable>(
        _ type: Value.Type,
        from response: HTTPResponse,
        operation: String
    ) throws -> Value {
        func failure(_ message: String) -> PaymentError {
            PaymentError(
                .decoding,
                message: message,
                provider: provider,
                operation: operation,
                httpStatus: response.statusCode,
                responseBody: response.body
            )
        }
        guard !response.body.isEmpty else { throw failure("the response body is empty") }
        do {
            return try decoder.decode(Value.self, from: response.body)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                let kind = response.headers["Content-Type"].map { " (\($0))" } ?? ""
                throw failure("the response is not valid JSON\(kind)")
            }
            throw failure(ErrorMapping.describe(error))
        } catch {
            throw failure("the response could not be decoded: \(error)")
        }
    }

    private func check(
        _ response: HTTPResponse,
        of request: HTTPRequest,
        operation: String,
        successStatuses: Set<Int>?
    ) throws {
        let succeeded = successStatuses?.contains(response.statusCode) ?? response.isSuccess
        if succeeded {
            guard let details = errorFormat.failure(inSuccessful: response, decoder: decoder) else { return }
            let kind = errorFormat.kind(for: details, status: response.statusCode) ?? .validation(details.fieldErrors)
            throw error(kind, details: details, response: response, request: request, operation: operation)
        }
        let details = errorFormat.details(in: response, decoder: decoder)
        let kind =
            details.flatMap { errorFormat.kind(for: $0, status: response.statusCode) }
            ?? ErrorMapping.kind(
                status: response.statusCode,
                headers: response.headers,
                details: details,
                retryPolicy: configuration.retryPolicy
            )
        throw error(kind, details: details, response: response, request: request, operation: operation)
    }

    private func error(
        _ kind: PaymentError.Kind,
        details: ProviderErrorDetails?,
        response: HTTPResponse,
        request: HTTPRequest,
        operation: String
    ) -> PaymentError {
        PaymentError(
            kind,
            message: details?.message ?? ErrorMapping.message(status: response.statusCode),
            provider: provider,
            operation: operation,
            httpStatus: response.statusCode,
            providerCode: details?.code,
            request: summary(of: request),
            responseBody: response.body
        )
    }

    private func summary(of request: HTTPRequest) -> PaymentError.RequestSummary {
        PaymentError.RequestSummary(method: request.method.rawValue, path: Redactor.redactedPathAndQuery(request.url))
    }
}
