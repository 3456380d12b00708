import CryptoPay
import Foundation

/// `cryptopay call <provider> <operation>`: calls one operation of a provider's real API (or any base URL).
struct CallCommand {
    let console: Console
    let environment: [String: String]

    static let help = """
        usage: cryptopay call <provider> <operation> [--id VALUE] [--reference VALUE] [--path NAME=VALUE]...
                              [--input JSON | --input @file | --input -] [--base-url URL] [--raw]

        Calls an operation (see 'cryptopay operations <provider>') through the same code as the Swift API: --input
        is decoded into the operation's typed parameters (the provider's own field names: the JSON body, or for
        operations without a body the query parameters as a flat object), checked and completed exactly as the Swift
        call does (an unknown or mistyped field is refused, nothing is sent). --id (or --reference) fills the
        operation's path parameter; --path name=value fills any (rates.get takes currency1 and currency2). http is
        accepted only for loopback hosts.

        Prints the response as the module decodes it, with the provider's field names and every value in the
        provider's own text (decimals keep their digits: "201.20" stays "201.20"); fields the module does not know
        are left out. --raw prints the provider's body as received instead, unknown fields included, with secrets
        (such as access tokens) redacted.

        Credentials come from the environment: USEGATEWAY_API_KEY, USEGATEWAY_BASE_URL (optional);
        STOREGATEWAY_API_KEY, STOREGATEWAY_API_SECRET, STOREGATEWAY_BASE_URL; USDTINVOICE_API_KEY,
        USDTINVOICE_BASE_URL; ONEXGATE_API_KEY, ONEXGATE_BASE_URL (optional); OPENPOS_USERNAME, OPENPOS_API_KEY,
        OPENPOS_BASE_URL, OPENPOS_POS_ID. --base-url overrides the URL variables. 'cryptopay sandbox serve' prints
        all of them for its local server.

        Exit status: 0 success; 1 a provider, transport or client-side error (printed as JSON on stderr: kind,
        status, code, message, outcome); 2 a usage error.
        """

    func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(
            arguments,
            flags: [
                "id": .value, "reference": .value, "path": .repeated, "input": .value, "base-url": .value,
                "raw": .flag,
            ],
            command: "call")
        if parsed.wantsHelp {
            console.line(Self.help)
            return ExitStatus.success
        }
        guard parsed.positionals.count == 2 else {
            throw UsageError(message: "call takes a provider id and an operation name", command: "call")
        }
        let entry = try ProviderEntries.entry(parsed.positionals[0], command: "call")
        let input = try self.input(parsed.value("input"))
        let baseURL = try parsed.value("base-url").map { text in
            guard let url = URL(string: text), url.host != nil else {
                throw UsageError(message: "--base-url \(text) is not an absolute URL", command: "call")
            }
            return url
        }
        let recorder = ResponseRecorder()
        let operations = try entry.liveOperations(environment: environment, baseURL: baseURL, middleware: [recorder])
        guard let operation = operations.first(where: { $0.name == parsed.positionals[1] }) else {
            throw UsageError(
                message: "\(entry.id) has no operation \(parsed.positionals[1]); "
                    + "see 'cryptopay operations \(entry.id)'",
                command: "call")
        }
        var path: [String: String] = [:]
        for name in operation.pathParameters {
            let flag = name.lowercased().contains("reference") ? "reference" : "id"
            if let value = parsed.value(flag) ?? parsed.value(flag == "id" ? "reference" : "id") {
                path[name] = value
            }
        }
        for pair in parsed.all("path") {
            guard let equals = pair.firstIndex(of: "=") else {
                throw UsageError(message: "--path must be name=value", command: "call")
            }
            path[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        let decoded: JSONValue
        do {
            decoded = try await operation.call(path, input)
        } catch var error as PaymentError {
            error.provider = error.provider ?? entry.id
            throw error
        }
        let body = recorder.body ?? Data()
        if parsed.has("raw") {
            console.line(String(decoding: Redactor.redactedBody(body), as: UTF8.self))
        } else {
            console.line(ExactJSON.merged(model: decoded, raw: ExactJSON.parse(body)).text)
        }
        return ExitStatus.success
    }

    /// The `--input` object: inline JSON, `@file`, or `-` for standard input.
    private func input(_ argument: String?) throws -> JSONObject {
        guard let argument else { return [:] }
        let data: Data
        if argument == "-" {
            data = console.readInput()
        } else if argument.hasPrefix("@") {
            let path = String(argument.dropFirst())
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw UsageError(message: "cannot read --input file \(path)", command: "call")
            }
            data = contents
        } else {
            data = Data(argument.utf8)
        }
        guard case .object(let object) = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw PaymentError.invalidRequest("--input must be a JSON object")
        }
        return object
    }
}

/// Keeps the body of the last response the client received, after its retries, for printing as the provider sent it.
private final class ResponseRecorder: HTTPMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var last: Data?

    var body: Data? { lock.withLock { last } }

    func intercept(
        _ request: TransportRequest,
        next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse {
        let response = try await next(request)
        lock.withLock { last = response.body }
        return response
    }
}
