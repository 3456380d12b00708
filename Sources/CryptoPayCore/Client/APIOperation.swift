import Foundation

/// The typed input of an operation, decoded from the provider's own field names (so that the command line can
/// build it from JSON) and checked before anything is sent.
package protocol OperationParameters: Decodable, Sendable {
    /// The parameters to send: checked against the provider's documented limits, with the defaults the Swift API
    /// fills in (a generated reference, a flag the operation implies). The one validation both the Swift API and
    /// the command line run.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming the field.
    func validated() throws -> Self
}

/// An input field of an operation under the provider's own name, for listings and for refusing unknown input.
package struct OperationInput: Sendable, Hashable {
    /// The provider's field name.
    package var name: String
    /// True when the provider requires it.
    package var isRequired: Bool

    /// Creates an input.
    package init(_ name: String, required: Bool = false) {
        self.name = name
        self.isRequired = required
    }
}

/// Where an operation's parameters go in its request.
package struct RequestParts: Sendable {
    /// Values for the path template's placeholders.
    package var pathParameters: [String: String] = [:]
    /// Query items in order.
    package var query: [URLQueryItem] = []
    /// The body, if any.
    package var body: RequestBody?

    /// Creates the parts.
    package init(pathParameters: [String: String] = [:], query: [URLQueryItem] = [], body: RequestBody? = nil) {
        self.pathParameters = pathParameters
        self.query = query
        self.body = body
    }
}

/// How an operation's parameters become path values, query items and a body.
package struct ParameterEncoding<Parameters: Sendable>: Sendable {
    /// True when the parameters travel in a JSON body rather than in the path and query.
    package let sendsBody: Bool
    let encode: @Sendable (Parameters) throws -> RequestParts

    /// An encoding built from a function.
    package init(sendsBody: Bool, _ encode: @escaping @Sendable (Parameters) throws -> RequestParts) {
        self.sendsBody = sendsBody
        self.encode = encode
    }

    /// The parameters as query items.
    package static func query(_ items: @escaping @Sendable (Parameters) throws -> [URLQueryItem]) -> Self {
        Self(sendsBody: false) { RequestParts(query: try items($0)) }
    }
}

/// One provider operation, declared once: its name (`invoices.create`, as in errors, logs and `cryptopay call`),
/// method, path template, idempotency, authentication, rate class, typed parameters and response, and how the
/// parameters become the request. The Swift API, the command line and the rate limits all read it.
package struct APIOperation<Parameters: OperationParameters, Response: Decodable & Sendable>: Sendable {
    /// The name, such as `payments.create`.
    package let name: String
    /// The method.
    package let method: RequestMethod
    /// The path template, with `{name}` placeholders (`/payments/{id}/cancel`).
    package let path: String
    /// The parameters' fields under the provider's names, path placeholders excepted.
    package let inputs: [OperationInput]
    /// Whether sending twice equals sending once; see ``Endpoint/isIdempotent``.
    package let isIdempotent: Bool
    /// False for public operations called without credentials.
    package let requiresAuthentication: Bool
    /// The provider's rate-limit class, where its document groups limits (`create`, `get` …).
    package let rateClass: String?
    /// The statuses that count as success; `nil` accepts any 2xx.
    package let successStatuses: Set<Int>?
    /// How the parameters become the request.
    package let encoding: ParameterEncoding<Parameters>

    /// Declares an operation; idempotency defaults from the method.
    package init(
        _ name: String,
        _ method: RequestMethod,
        _ path: String,
        inputs: [OperationInput] = [],
        isIdempotent: Bool? = nil,
        requiresAuthentication: Bool = true,
        rateClass: String? = nil,
        successStatuses: Set<Int>? = nil,
        encoding: ParameterEncoding<Parameters>
    ) {
        self.name = name
        self.method = method
        self.path = path
        self.inputs = inputs
        self.isIdempotent = isIdempotent ?? method.isSafe
        self.requiresAuthentication = requiresAuthentication
        self.rateClass = rateClass
        self.successStatuses = successStatuses
        self.encoding = encoding
    }

    /// The names of the path template's placeholders, in order (`["id"]`).
    package var pathParameters: [String] {
        var names: [String] = []
        var rest = path[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The endpoint for validated parameters.
    ///
    /// - Parameter path: the path to use instead of the declared one, for a provider whose base URL may already
    ///   hold part of it, or whose path is chosen at run time.
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when the parameters fail validation.
    package func endpoint(for parameters: Parameters, path: String? = nil) throws -> Endpoint<Response> {
        let parts = try encoding.encode(parameters.validated())
        return Endpoint(
            name,
            method,
            path ?? self.path,
            pathParameters: parts.pathParameters,
            query: parts.query,
            body: parts.body,
            requiresAuthentication: requiresAuthentication,
            successStatuses: successStatuses,
            isIdempotent: isIdempotent
        )
    }
}

/// The parameters of operations that take only path values (`retrieve`, `cancel`) or nothing, keyed by the
/// path template's placeholder names.
package struct PathParameters: OperationParameters, Hashable {
    /// The placeholder values (`["id": "p1"]`).
    package var values: [String: String]

    /// Parameters with these values.
    package init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// Decodes an object of strings.
    ///
    /// - Throws: `DecodingError` when a value is not a string.
    package init(from decoder: any Decoder) throws {
        values = try [String: String](from: decoder)
    }

    /// The values, each checked not to be blank.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming a blank value.
    package func validated() throws -> Self {
        if let blank = values.keys.sorted().first(where: {
            values[$0]?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true
        }) {
            throw PaymentError.invalidRequest("\(blank) must not be empty")
        }
        return self
    }
}

extension ParameterEncoding where Parameters: Encodable {
    /// The parameters as the JSON body, as they encode.
    package static var jsonBody: Self { Self(sendsBody: true) { RequestParts(body: .json($0)) } }
}

extension ParameterEncoding where Parameters == PathParameters {
    /// The values fill the path; nothing else is sent.
    package static var path: Self { Self(sendsBody: false) { RequestParts(pathParameters: $0.values) } }
}

extension APIClient {
    /// Validates the parameters, builds the operation's request and sends it: the path every call of the Swift API
    /// and of the command line takes.
    ///
    /// - Parameter path: the path to use instead of the declared one (see ``APIOperation/endpoint(for:path:)``).
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when validation fails (nothing is sent); otherwise as
    ///   ``send(_:)``.
    package func perform<Parameters, Response>(
        _ operation: APIOperation<Parameters, Response>,
        _ parameters: Parameters,
        path: String? = nil
    ) async throws -> Response {
        let endpoint = try validating(operation.name) { try operation.endpoint(for: parameters, path: path) }
        return try await send(endpoint)
    }
}
