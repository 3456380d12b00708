import CryptoPayCore
import Foundation

/// The control API under `/_sandbox/`, which the `cryptopay sandbox` commands call:
///
/// - `GET /_sandbox/` — the providers with their base URLs and webhook URLs, and the faults set;
/// - `GET /_sandbox/checkouts` — every checkout with its provider, id and status;
/// - `POST /_sandbox/{provider}/checkouts/{id}/pay` — pay it; an optional body `{"partial": "AMOUNT"}` pays exactly
///   AMOUNT of the pay asset, `{"over": "AMOUNT"}` pays what was asked plus AMOUNT (decimal text);
/// - `POST /_sandbox/{provider}/checkouts/{id}/expire` — let it run out of time;
/// - `PUT /_sandbox/{provider}/fault` with `{"kind": "500|503|429|timeout|drop", "times": N}` or `"seconds": S` —
///   fail that provider's next requests; `DELETE /_sandbox/{provider}/fault` clears it.
///
/// `pay` and `expire` answer with the checkout's new status and each webhook sent: its delivery id, event, headers
/// and body exactly as posted. Answers are JSON; errors are `{"error": "…"}` with 400, 404 or 409.
extension SandboxServer {
    func control(_ request: WireRequest, segments: [String]) -> TransportResponse {
        do {
            return try route(request, segments.map { $0.removingPercentEncoding ?? $0 })
        } catch let error as PaymentError {
            let status: Int
            switch error.kind {
            case .notFound: status = 404
            case .conflict: status = 409
            default: status = 400
            }
            return Self.json(status, ["error": .string(error.message)])
        } catch {
            return Self.json(400, ["error": .string("\(error)")])
        }
    }

    private func route(_ request: WireRequest, _ segments: [String]) throws -> TransportResponse {
        let method = request.method
        if segments.isEmpty, method == "GET" { return Self.json(200, overview) }
        if segments == ["checkouts"], method == "GET" {
            var all: [JSONValue] = []
            for provider in providers {
                all += try sandbox.checkouts(provider).map {
                    ["provider": .string($0.provider.rawValue), "id": .string($0.id), "status": .string($0.status)]
                }
            }
            return Self.json(200, ["checkouts": .array(all)])
        }
        guard let name = segments.first, let provider = providers.first(where: { $0.rawValue == name }) else {
            throw PaymentError(.notFound, message: "unknown control path \(request.path)")
        }
        let rest = Array(segments.dropFirst())
        if rest.count == 3, rest[0] == "checkouts", ["pay", "expire"].contains(rest[2]), method == "POST" {
            return try change(provider, id: rest[1], action: rest[2], body: try Self.object(request.body))
        }
        if rest == ["fault"], method == "PUT" { return try setFault(provider, body: try Self.object(request.body)) }
        if rest == ["fault"], method == "DELETE" {
            faults.clear(provider)
            return Self.json(200, ["provider": .string(provider.rawValue), "faults": faults.json(now: Date())])
        }
        throw PaymentError(.notFound, message: "unknown control path \(method) \(request.path)")
    }

    private var overview: JSONValue {
        var providers: [(String, JSONValue)] = []
        for provider in self.providers {
            providers.append(
                (
                    provider.rawValue,
                    [
                        "base_url": .string((try? baseURL(for: provider).absoluteString) ?? ""),
                        "webhook_urls": .array(
                            (configuration.webhookURLs[provider] ?? []).map { .string($0.absoluteString) }),
                    ]
                ))
        }
        return [
            "url": .string(url.absoluteString), "providers": .object(JSONObject(providers)),
            "faults": faults.json(now: Date()),
        ]
    }

    private func change(_ provider: ProviderID, id: String, action: String, body: JSONObject) throws
        -> TransportResponse
    {
        var entry = SandboxJournal.Entry(kind: action, provider: provider.rawValue, at: Date(), id: id)
        if action == "pay" {
            let partial = try Self.amount(body["partial"], name: "partial")
            let over = try Self.amount(body["over"], name: "over")
            if partial != nil, over != nil {
                throw PaymentError.invalidRequest("give partial or over, not both")
            }
            entry.payment = partial != nil ? "exactly" : over != nil ? "adding" : "full"
            entry.amount = partial ?? over
        }
        let webhooks = try change(entry)
        let status = try sandbox.checkouts(provider).first { $0.id == id }?.status ?? ""
        return Self.json(
            200,
            [
                "provider": .string(provider.rawValue), "id": .string(id), "status": .string(status),
                "webhooks": .array(webhooks),
            ])
    }

    private func setFault(_ provider: ProviderID, body: JSONObject) throws -> TransportResponse {
        guard let text = body["kind"]?.stringValue, let kind = SandboxFaultKind(rawValue: text) else {
            throw PaymentError.invalidRequest(
                "kind must be one of \(SandboxFaultKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let times = try Self.whole(body["times"], name: "times")
        let seconds = try Self.whole(body["seconds"], name: "seconds")
        if times != nil, seconds != nil { throw PaymentError.invalidRequest("give times or seconds, not both") }
        faults.set(kind, for: provider, times: times, seconds: seconds.map(TimeInterval.init), now: Date())
        return Self.json(200, ["provider": .string(provider.rawValue), "faults": faults.json(now: Date())])
    }

    private static func object(_ body: Data) throws -> JSONObject {
        guard !body.isEmpty else { return [:] }
        guard case .object(let object) = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            throw PaymentError.invalidRequest("the body must be a JSON object")
        }
        return object
    }

    /// A positive amount given as decimal text (or an exact JSON number), returned as its text.
    private static func amount(_ value: JSONValue?, name: String) throws -> String? {
        guard let value else { return nil }
        let text: String
        switch value {
        case .string(let string): text = string
        case .number(let number): text = DecimalText.format(number)
        default: throw PaymentError.invalidRequest("\(name) must be decimal text such as \"12.5\"")
        }
        guard let amount = DecimalText.parse(text), amount > 0 else {
            throw PaymentError.invalidRequest("\(name) must be a positive decimal number such as \"12.5\", not \(text)")
        }
        return text
    }

    private static func whole(_ value: JSONValue?, name: String) throws -> Int? {
        guard let value else { return nil }
        guard let number = value.decimalValue, number > 0, number <= 1_000_000,
            let whole = Int(DecimalText.format(number))
        else { throw PaymentError.invalidRequest("\(name) must be a whole number from 1 to 1000000") }
        return whole
    }
}
