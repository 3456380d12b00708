import Foundation

/// Sends ``Endpoint``s to one provider: builds the request, adds credentials and headers, runs it through
/// middleware, retries, the rate limiter and logging, maps failures to ``PaymentError`` and decodes the success body.
///
/// Provider clients own one of these; it is an immutable `Sendable` value, safe to share across tasks.
package struct APIClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// Where a provider puts the payload of every successful response.
    package enum ResponseEnvelope: Sendable, Hashable {
        /// The body is the payload.
        case none
        /// The payload is the value of this member of a JSON object (`{"data": …}`).
        case member(String)
    }

    /// The provider, for errors and logs.
    package let provider: ProviderID
    /// The validated base URL.
    package let baseURL: URL
    /// The decoder for response bodies.
    package let decoder: JSONDecoder
    /// The encoder for JSON request bodies.
    package let encoder: JSONEncoder

    private let credentials: Credentials
    private let configuration: ClientConfiguration
    private let errorFormat: any ProviderErrorFormat
    private let defaultHeaders: HeaderFields
    private let envelope: ResponseEnvelope
    private let transport: any HTTPTransport
    private let userAgent: String

    /// Creates a client for one provider.
    ///
    /// - Parameters:
    ///   - defaultBaseURL: used when `configuration.baseURL` is `nil`; pass `nil` for providers whose documents
    ///     give no real host, which makes the base URL required.
    ///   - defaultHeaders: headers the provider requires on every request (after `Accept` and `User-Agent`,
    ///     before an endpoint's own headers and the credentials).
    ///   - envelope: where the payload of every successful response sits; unwrapped once, here.
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when the base URL is missing or not `https` (loopback
    ///   excepted), or the credentials are empty.
    package init(
        provider: ProviderID,
        credentials: Credentials,
        configuration: ClientConfiguration,
        defaultBaseURL: URL?,
        errorFormat: any ProviderErrorFormat,
        defaultHeaders: HeaderFields = HeaderFields(),
        envelope: ResponseEnvelope = .none,
        decoder: JSONDecoder = JSONCoding.makeDecoder(),
        encoder: JSONEncoder = JSONCoding.makeEncoder()
    ) throws {
        guard let base = configuration.baseURL ?? defaultBaseURL else {
            throw PaymentError(
                .invalidRequest,
                message: "\(provider) needs a base URL: set ClientConfiguration.baseURL",
                provider: provider
            )
        }
        guard !credentials.isEmpty else {
            throw PaymentError(
                .invalidRequest, message: "\(provider) credentials must not be empty", provider: provider)
        }
        self.provider = provider
        do {
            self.baseURL = try BaseURL.validated(base)
        } catch var error as PaymentError {
            error.provider = provider
            throw error
        }
        self.credentials = credentials
        self.configuration = configuration
        self.errorFormat = errorFormat
        self.defaultHeaders = defaultHeaders
        self.envelope = envelope
        if case .member(let name) = envelope, let key = CodingUserInfoKey.responseEnvelopeMember {
            decoder.userInfo[key] = name
        }
        self.decoder = decoder
        self.encoder = encoder
        var userAgent = CryptoPayVersion.userAgent
        if let suffix = configuration.userAgentSuffix, !suffix.isEmpty { userAgent += " " + suffix }
        self.userAgent = userAgent
        var chain = configuration.middleware
        chain.append(RetryMiddleware(policy: configuration.retryPolicy))
        // Inside the retries, so that every try takes a token; outside logging, so a try's log does not count the wait.
        if let rateLimiter = configuration.rateLimiter { chain.append(rateLimiter) }
        if let logHandler = configuration.logHandler { chain.append(LoggingMiddleware(handler: logHandler)) }
        self.transport = MiddlewareTransport(base: configuration.transport, middleware: chain)
    }

    /// `APIClient(usegateway, https://api.usegateway.net/v1)`: never the credentials.
    package var description: String { "APIClient(\(provider), \(baseURL.absoluteString))" }

    /// A mirror without the credentials, so that `dump` and debuggers cannot print them.
    package var customMirror: Mirror {
        Mirror(self, children: ["provider": provider, "baseURL": baseURL], displayStyle: .struct)
    }

    /// Sends the endpoint's request and decodes its success body (inside the envelope, when the provider has one).
    ///
    /// - Throws: ``PaymentError``: `invalidRequest` when the request cannot be built (nothing is sent), a kind
    ///   mapped from the status for a failed response, `decoding` when the body is not what the provider
    ///   documents, `transport` when no response arrived, `timedOut` past the overall deadline; the error's
    ///   ``PaymentError/outcome`` is `unknown` when a non-idempotent request may have taken effect.
    ///   `CancellationError` when the task is cancelled.
    package func send<Response>(_ endpoint: Endpoint<Response>) async throws -> Response {
        let response = try await checkedResponse(for: endpoint)
        if Response.self == EmptyResponse.self, let empty = EmptyResponse() as? Response { return empty }
        do {
            return try decodePayload(Response.self, from: response, operation: endpoint.operation)
        } catch var error as PaymentError {
            error.outcome = PaymentError.Outcome.of(error.kind, isIdempotent: endpoint.isIdempotent)
            throw error
        }
    }

    /// Decodes the payload of a successful response: the body, or its envelope member when the provider wraps
    /// responses.
    ///
    /// - Throws: ``PaymentError`` of kind `decoding`, naming the field.
    package func decodePayload<Value: Decodable>(
        _ type: Value.Type,
        from response: TransportResponse,
        operation: String
    ) throws -> Value {
        switch envelope {
        case .none: try decode(Value.self, from: response, operation: operation)
        case .member: try decode(Enveloped<Value>.self, from: response, operation: operation).payload
        }
    }

    /// Sends the endpoint's request and returns the successful raw response, for callers that decode it
    /// themselves.
    ///
    /// An error of any other type than ``PaymentError`` and `CancellationError`, thrown by a custom transport or
    /// middleware, is not retried and arrives as a ``PaymentError`` of kind `transport` (see ``HTTPTransport``).
    ///
    /// - Throws: as ``send(_:)``, except that the body is not decoded.
    package func checkedResponse<Response>(for endpoint: Endpoint<Response>) async throws -> TransportResponse {
        let request = try makeRequest(for: endpoint)
        let response: TransportResponse
        do {
            response = try await transport.send(request)
        } catch var error as PaymentError {
            error.provider = error.provider ?? provider
            error.operation = error.operation ?? endpoint.operation
            error.request = error.request ?? summary(of: request)
            // A transport's error may quote the request it failed on, credentials included.
            error.redact(credentials.revealingForms)
            if error.kind == .transport {
                error.outcome = PaymentError.Outcome.of(
                    error.kind,
                    transportFailure: error.transportFailure,
                    isIdempotent: request.isIdempotent
                )
            }
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            throw foreignFailure(error, of: request)
        }
        try check(response, of: request, operation: endpoint.operation, successStatuses: endpoint.successStatuses)
        return response
    }

    /// Builds the request an endpoint would send, without sending it.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when the path parameters do not fit the template or
    ///   the body cannot be encoded.
    package func makeRequest<Response>(for endpoint: Endpoint<Response>) throws -> TransportRequest {
        let url = try validating(endpoint.operation) {
            try URLBuilder.url(
                base: baseURL,
                path: endpoint.path,
                parameters: endpoint.pathParameters,
                query: endpoint.query
            )
        }
        var headers = HeaderFields()
        headers["Accept"] = "application/json"
        headers["User-Agent"] = userAgent
        for field in defaultHeaders { headers[field.name] = field.value }
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
        return TransportRequest(
            method: endpoint.method,
            url: url,
            headers: headers,
            body: body,
            timeout: configuration.timeout,
            isIdempotent: endpoint.isIdempotent,
            provider: provider,
            operation: endpoint.operation
        )
    }

    /// Runs client-side checks for `operation` and labels any ``PaymentError`` they throw with this provider and the
    /// operation, so that a refusal says what was refused. Run them before sending: nothing is sent when they throw.
    ///
    /// - Throws: the checks' ``PaymentError`` (kind `invalidRequest` by convention), labelled; other errors as thrown.
    @discardableResult
    package func validating<Value>(_ operation: String, _ checks: () throws -> Value) throws -> Value {
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
    package func decode<Value: Decodable>(
        _ type: Value.Type,
        from response: TransportResponse,
        operation: String
    ) throws -> Value {
        func failure(_ message: String) -> PaymentError {
            var error = PaymentError(
                .decoding,
                message: message,
                provider: provider,
                operation: operation,
                httpStatus: response.statusCode,
                responseBody: response.body
            )
            error.redact(credentials.revealingForms)
            return error
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
        _ response: TransportResponse,
        of request: TransportRequest,
        operation: String,
        successStatuses: Set<Int>?
    ) throws {
        let succeeded = successStatuses?.contains(response.statusCode) ?? response.isSuccess
        if succeeded {
            guard let details = errorFormat.failure(inSuccessful: response, decoder: decoder) else { return }
            throw error(details.kind ?? .validation, details: details, response: response, request: request)
        }
        let details = errorFormat.details(in: response, decoder: decoder)
        let kind = details?.kind ?? ErrorMapping.kind(status: response.statusCode)
        throw error(kind, details: details, response: response, request: request)
    }

    private func error(
        _ kind: PaymentError.Kind,
        details: ProviderErrorDetails?,
        response: TransportResponse,
        request: TransportRequest
    ) -> PaymentError {
        var error = PaymentError(
            kind,
            message: details?.message ?? ErrorMapping.message(status: response.statusCode),
            provider: provider,
            operation: request.operation,
            httpStatus: response.statusCode,
            providerCode: details?.code,
            fieldErrors: details?.fieldErrors ?? [],
            retryAfter: kind == .rateLimited
                ? configuration.retryPolicy.retryAfter(in: response.headers) : nil,
            outcome: PaymentError.Outcome.of(kind, isIdempotent: request.isIdempotent),
            request: summary(of: request),
            responseBody: response.body
        )
        // A provider may quote the key it was sent ("invalid API key sk_…"); the error must not.
        error.redact(credentials.revealingForms)
        return error
    }

    /// A ``PaymentError`` of kind `transport` for an error of another type that a custom transport or middleware
    /// threw. Nothing says whether the request left, so a state-changing request's outcome is unknown. The foreign
    /// error's description is the cause, in the message and in ``PaymentError/underlyingDescription``, with the
    /// client's credentials redacted: such an error may quote the request it failed on.
    private func foreignFailure(_ foreign: any Error, of request: TransportRequest) -> PaymentError {
        var error = PaymentError(
            .transport,
            message: "a custom transport or middleware failed: \(type(of: foreign)): \(foreign)",
            provider: provider,
            operation: request.operation,
            outcome: PaymentError.Outcome.of(.transport, isIdempotent: request.isIdempotent),
            request: summary(of: request)
        )
        error.underlyingDescription = "\(type(of: foreign)): \(foreign)"
        error.redact(credentials.revealingForms)
        return error
    }

    private func summary(of request: TransportRequest) -> PaymentError.RequestSummary {
        PaymentError.RequestSummary(method: request.method.rawValue, path: Redactor.redactedPathAndQuery(request.url))
    }
}

extension CodingUserInfoKey {
    /// The member of a response envelope holding the payload; set on a client's decoder by ``APIClient``. Optional
    /// only because the initialiser is; it always succeeds.
    fileprivate static let responseEnvelopeMember = CodingUserInfoKey(rawValue: "CryptoPay.responseEnvelopeMember")
}

/// A payload inside a provider's response envelope (`{"data": …}`), whose member name the decoder carries.
private struct Enveloped<Payload: Decodable>: Decodable {
    let payload: Payload

    init(from decoder: any Decoder) throws {
        guard let key = CodingUserInfoKey.responseEnvelopeMember, let member = decoder.userInfo[key] as? String else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: [], debugDescription: "no response envelope is configured")
            )
        }
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        payload = try container.decode(Payload.self, forKey: AnyCodingKey(member))
    }
}
