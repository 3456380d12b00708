import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// Item 3: load. One transport and one client per provider, shared by every task: 1,000 mixed creates and
/// retrieves across the five providers with 50 in flight against the loopback server, and 10,000 concurrent webhook
/// verifications on shared verifiers. Retries are off, so no failure is hidden by a resend; every answer must be
/// the one to its own request. `.ci/run` runs these under the thread sanitizer too.
final class LoadTests: XCTestCase {
    /// Each provider's fixture, with the object's id replaced by the marker the request carried (`mk<n>` in the
    /// body or the URL), so that a response handed to the wrong request is caught.
    private struct Answer {
        let status: Int
        let template: String
        let fixtureID: String
    }

    func testOneThousandRequestsFiftyInFlightAcrossProvidersAllMatchTheirRequests() async throws {
        let answers = try Self.answers()
        let server = try LoopbackHTTPServer { request in
            let text = request.target + " " + String(decoding: request.body, as: UTF8.self)
            guard let answer = answers[request.method + " " + Self.route(of: request.path)],
                let marker = Self.marker(in: text)
            else { return .text("no route for \(request.method) \(request.path)", status: 404) }
            return LoopbackHTTPServer.Response(
                status: answer.status, headers: ["Content-Type": "application/json"],
                body: Data(answer.template.replacingOccurrences(of: answer.fixtureID, with: marker).utf8))
        }
        defer { XCTAssertTrue(server.shutdown(), "server threads did not stop within 5 s") }
        let transport = URLSessionTransport()
        let calls = try ProviderHarness.all.map { harness in
            try harness.makeCalls(
                ClientConfiguration(
                    baseURL: server.url(harness.baseURL.path), transport: transport, retryPolicy: .none,
                    timeout: .seconds(30)))
        }
        let total = 1_000
        let inFlight = 50
        let started = Date()

        let results = await withTaskGroup(of: (Int, Result<String, any Error>).self) { group in
            var results: [Int: Result<String, any Error>] = [:]
            for index in 0..<total {
                if index >= inFlight, let (finished, result) = await group.next() { results[finished] = result }
                let call = calls[index % calls.count]
                let marker = "mk\(index)"
                let isCreate = (index / calls.count).isMultiple(of: 2)
                group.addTask {
                    do {
                        return (index, .success(try await isCreate ? call.create(marker) : call.retrieve(marker)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            for await (finished, result) in group { results[finished] = result }
            return results
        }
        let elapsed = Date().timeIntervalSince(started)

        XCTAssertEqual(results.count, total)
        var failures: [String] = []
        for index in 0..<total {
            switch results[index] {
            case .success(let identity) where identity == "mk\(index)": continue
            case .success(let identity): failures.append("request \(index) got the answer to \(identity)")
            case .failure(let error): failures.append("request \(index) failed: \(error)")
            case nil: failures.append("request \(index) has no result")
            }
        }
        XCTAssertEqual(failures.count, 0, failures.prefix(5).joined(separator: "\n"))
        XCTAssertEqual(server.requests.count, total, "each request reached the server exactly once")
        let methods = Dictionary(grouping: server.requests, by: \.method).mapValues(\.count)
        XCTAssertEqual(methods["POST"], 400, "creates of the four providers that create with POST")
        XCTAssertEqual(methods["GET"], 600)
        print(
            "load: \(total) requests, \(inFlight) in flight, 5 providers, \(failures.count) failures, "
                + String(format: "%.2f s, %.0f requests/s", elapsed, Double(total) / elapsed))
    }

    func testTenThousandConcurrentWebhookVerificationsOnSharedVerifiersAreAllCorrect() async throws {
        let harnesses = try await WebhookHarness.all()
        let total = 10_000
        // Every tenth delivery is forged (a tampered body for signed providers, a forged status for lookup ones)
        // and must be rejected; the others must be accepted with their own idempotency key.
        var deliveries: [(request: WebhookRequest, expected: Expectation)] = []
        deliveries.reserveCapacity(total)
        for index in 0..<total {
            let harness = harnesses[index % harnesses.count]
            let id = harness.provider == .openPOS ? "pos-\(index)" : "pay-\(index)"
            let deliveryID = "msg_\(index)"
            var request = try harness.delivery(id: id, deliveryID: deliveryID)
            if index % 10 == 9 {
                let forged = Self.forge(request.body, harness)
                if harness.mode == .lookup {
                    request.body = forged
                    deliveries.append((request, .rejected(.notConfirmedByProvider(field: "status"), harness.name)))
                } else {
                    request.body = forged
                    deliveries.append((request, .rejected(.noMatchingSignature, harness.name)))
                }
            } else {
                deliveries.append((request, .accepted(harness.expectedKey(id, deliveryID), harness.name)))
            }
        }
        let verifiers = harnesses.map(\.verify)
        let started = Date()

        let outcomes = await withTaskGroup(of: (Int, String?).self) { group in
            for (index, delivery) in deliveries.enumerated() {
                let verify = verifiers[index % verifiers.count]
                group.addTask {
                    do {
                        let key = try await verify(delivery.request)
                        return (index, delivery.expected.check(accepted: key))
                    } catch {
                        return (index, delivery.expected.check(rejected: error))
                    }
                }
            }
            var outcomes: [Int: String] = [:]
            for await (index, problem) in group { outcomes[index] = problem ?? "" }
            return outcomes
        }
        let elapsed = Date().timeIntervalSince(started)

        let problems = outcomes.values.filter { !$0.isEmpty }
        XCTAssertEqual(outcomes.count, total, "every verification ended")
        XCTAssertEqual(problems.count, 0, problems.prefix(5).joined(separator: "\n"))
        print(
            "load: \(total) concurrent webhook verifications on \(harnesses.count) shared verifiers, "
                + "\(total / 10) forged and rejected, \(problems.count) wrong, "
                + String(format: "%.2f s", elapsed))
    }

    // MARK: - Support

    private enum Expectation: Sendable {
        case accepted(String, String)
        case rejected(WebhookRejectionReason, String)

        func check(accepted key: String) -> String? {
            switch self {
            case .accepted(let expected, _) where expected == key: nil
            case .accepted(let expected, let name): "\(name): key \(key), expected \(expected)"
            case .rejected(let reason, let name): "\(name): accepted a delivery that must be rejected (\(reason))"
            }
        }

        func check(rejected error: any Error) -> String? {
            switch self {
            case .accepted(_, let name): return "\(name): rejected a genuine delivery: \(error)"
            case .rejected(let reason, let name):
                guard let error = error as? PaymentError, error.kind == .webhookRejected,
                    error.webhookRejection == reason
                else { return "\(name): expected \(reason), got \(error)" }
                return nil
            }
        }
    }

    /// A forged variant: lookup notices claim a status the API does not confirm; signed bodies change one byte.
    private static func forge(_ body: Data, _ harness: WebhookHarness) -> Data {
        switch harness.provider {
        case .oneXGate: replacing(#""status": "success""#, with: #""status": "failed""#, in: body)
        case .openPOS: replacing(#""status": "confirmed""#, with: #""status": "cancelled""#, in: body)
        case .storeGateway where harness.mode == .lookup:
            replacing(#""status": "COMPLETE""#, with: #""status": "OPEN""#, in: body)
        default: replacing("4", with: "5", in: body)
        }
    }

    private static func answers() throws -> [String: Answer] {
        var answers: [String: Answer] = [:]
        for harness in ProviderHarness.all {
            for route in [harness.create, harness.retrieve] {
                let template = String(decoding: try Fixtures.data(route.fixture), as: UTF8.self)
                answers[route.method.rawValue + " " + Self.route(of: route.path)] = Answer(
                    status: route.status, template: template, fixtureID: route.identity)
            }
        }
        return answers
    }

    /// The path with a trailing id replaced by `{id}`, so that `/v1/payments/mk3/` and the harness's
    /// `/v1/payments/497f6eca/` are one route.
    private static func route(of path: String) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let known = ["497f6eca", "f2a681c0", "550e8400", "66ad2412"]
        for index in segments.indices where segments[index].hasPrefix("mk") || known.contains(segments[index]) {
            segments[index] = "{id}"
        }
        return segments.joined(separator: "/")
    }

    private static func marker(in text: String) -> String? {
        guard let range = text.range(of: #"mk[0-9]+"#, options: .regularExpression) else { return nil }
        return String(text[range])
    }

}
