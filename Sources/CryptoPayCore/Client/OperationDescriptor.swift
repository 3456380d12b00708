import Foundation

/// One documented provider operation described as data — its name, method, path, inputs and response type — so
/// that tools (the `cryptopay` command) can list and call every operation by the names the provider modules use,
/// with the modules' own decoding.
package struct OperationDescriptor: Sendable {
    /// An input the operation takes under the provider's own field name: a JSON body member, or a query parameter
    /// for operations without a body.
    package struct Input: Sendable, Hashable {
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

    /// The operation name (`payments.create`), as in errors and logs.
    package var name: String
    /// The method.
    package var method: RequestMethod
    /// The path template (`/payments/{id}/`); its placeholders are the path parameters.
    package var path: String
    /// The inputs.
    package var inputs: [Input]
    /// True when the inputs travel as a JSON body; false for query parameters.
    package var sendsBody: Bool
    /// Whether sending twice equals sending once; see ``Endpoint/isIdempotent``.
    package var isIdempotent: Bool
    /// False for public operations called without credentials.
    package var requiresAuthentication: Bool
    /// Decodes a successful response with the module's own type and encodes it back with the provider's field
    /// names, as JSON with exact numbers.
    package var decode: @Sendable (TransportResponse, APIClient) throws -> JSONValue

    /// Describes an operation whose success body decodes as `Response`.
    package init<Response: Codable & Sendable>(
        _ name: String,
        _ method: RequestMethod,
        _ path: String,
        inputs: [Input] = [],
        sendsBody: Bool? = nil,
        isIdempotent: Bool? = nil,
        requiresAuthentication: Bool = true,
        response: Response.Type
    ) {
        self.name = name
        self.method = method
        self.path = path
        self.inputs = inputs
        self.sendsBody = sendsBody ?? (method != .get && method != .head)
        self.isIdempotent = isIdempotent ?? method.isSafe
        self.requiresAuthentication = requiresAuthentication
        self.decode = { response, api in
            let value = try api.decodePayload(Response.self, from: response, operation: name)
            do {
                return try JSONDecoder().decode(JSONValue.self, from: api.encoder.encode(value))
            } catch {
                throw PaymentError(
                    .decoding, message: "the decoded response could not be encoded again: \(error)", operation: name)
            }
        }
    }

    /// The names of the path parameters, in the order they appear (`["id"]`).
    package var pathParameters: [String] {
        var names: [String] = []
        var rest = path[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension APIClient {
    /// Calls a described operation with path parameter values and inputs under the provider's field names, and
    /// returns the decoded response re-encoded as JSON.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest`, before anything is sent, for a missing path parameter,
    ///   an input the operation does not take, a missing required input, or (for query operations) an input that is
    ///   an object or array; otherwise as ``send(_:)``.
    package func call(
        _ operation: OperationDescriptor,
        pathParameters: [String: String],
        input: JSONObject
    ) async throws -> JSONValue {
        let endpoint = try validating(operation.name) { try Self.endpoint(for: operation, pathParameters, input) }
        let response = try await checkedResponse(for: endpoint)
        do {
            return try operation.decode(response, self)
        } catch var error as PaymentError {
            error.provider = provider
            error.outcome = PaymentError.Outcome.of(error.kind, isIdempotent: operation.isIdempotent)
            throw error
        }
    }

    private static func endpoint(
        for operation: OperationDescriptor,
        _ pathParameters: [String: String],
        _ input: JSONObject
    ) throws -> Endpoint<EmptyResponse> {
        let accepted = Set(operation.inputs.map(\.name))
        if let unknown = input.keys.first(where: { !accepted.contains($0) }) {
            let names = operation.inputs.map(\.name).joined(separator: ", ")
            throw PaymentError.invalidRequest(
                "\(operation.name) takes no input \(unknown); it takes: \(names.isEmpty ? "none" : names)")
        }
        if let missing = operation.inputs.first(where: { $0.isRequired && input[$0.name] == nil }) {
            throw PaymentError.invalidRequest("\(operation.name) requires the input \(missing.name)")
        }
        for name in operation.pathParameters where (pathParameters[name] ?? "").isEmpty {
            throw PaymentError.invalidRequest("\(operation.name) requires the path parameter \(name)")
        }
        var query: [URLQueryItem] = []
        var body: RequestBody?
        if operation.sendsBody {
            body = .json(JSONValue.object(input))
        } else {
            query = try input.map { name, value in
                switch value {
                case .string(let text): URLQueryItem(name: name, value: text)
                case .number(let number): URLQueryItem(name: name, value: DecimalText.format(number))
                case .bool(let flag): URLQueryItem(name: name, value: flag ? "true" : "false")
                case .null: URLQueryItem(name: name, value: "")
                case .array, .object:
                    throw PaymentError.invalidRequest(
                        "\(operation.name) input \(name) must be a string, number or boolean")
                }
            }
        }
        return Endpoint(
            operation.name,
            operation.method,
            operation.path,
            pathParameters: pathParameters.filter { operation.pathParameters.contains($0.key) },
            query: query,
            body: body,
            requiresAuthentication: operation.requiresAuthentication,
            isIdempotent: operation.isIdempotent
        )
    }
}
