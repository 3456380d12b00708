import CryptoPay
import CryptoPaySandboxServer
import Foundation
import TestKit
import XCTest

/// `--state FILE`: what was created and paid survives a restart.
final class SandboxServerStateTests: XCTestCase {
    private var harness: SandboxServerHarness?
    private var directory: URL?

    override func tearDown() {
        harness?.stop()
        if let directory { try? FileManager.default.removeItem(at: directory) }
        super.tearDown()
    }

    private func stateFile() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-state-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.directory = directory
        return directory.appendingPathComponent("state.json")
    }

    func testARestartWithTheSameStateFileKeepsCheckoutsAndTheirStatus() async throws {
        let file = try stateFile()
        let first = try SandboxServerHarness { $0.stateFile = file }
        let useGateway = try await first.provider(.useGateway).createCheckout(
            try SandboxServerHarness.request(.useGateway))
        let openPOS = try await first.provider(.openPOS).createCheckout(try SandboxServerHarness.request(.openPOS))
        let oneXGate = try await first.provider(.oneXGate).createCheckout(try SandboxServerHarness.request(.oneXGate))
        _ = try await first.pay(.useGateway, useGateway.id, ["partial": "4"])
        _ = try await first.pay(.openPOS, openPOS.id)
        let (_, before) = try await first.control(.get, "checkouts")
        first.stop()
        let saved = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: file))
        XCTAssertEqual(saved["version"], 1)
        guard case .array(let entries) = saved["entries"] ?? .null else { return XCTFail("\(saved)") }
        let changes = entries.map { entry -> String in
            let target = entry["target"]?.stringValue?.prefix { $0 != "?" } ?? ""
            return [entry["kind"]?.stringValue, entry["method"]?.stringValue, String(target), entry["id"]?.stringValue]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        // 1xGate's create may use the document's `/external` spelling; both are the same operation.
        XCTAssertEqual(
            changes.map { $0.replacingOccurrences(of: "/payments/external", with: "/payments") },
            [
                "request POST /v1/payments/", "request GET /v2/GetRate/", "request GET /v2/StartPayment/",
                "request POST /v1/integrations/payments", "pay \(useGateway.id)", "pay \(openPOS.id)",
            ])
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path), ["state.json"])

        let second = try SandboxServerHarness { $0.stateFile = file }
        harness = second
        let (_, after) = try await second.control(.get, "checkouts")
        XCTAssertEqual(after, before)
        XCTAssertEqual(
            after["checkouts"],
            [
                ["provider": "onexgate", "id": .string(oneXGate.id), "status": "pending"],
                ["provider": "openpos", "id": .string(openPOS.id), "status": "confirmed"],
                ["provider": "usegateway", "id": .string(useGateway.id), "status": "Unresolved (Underpaid)"],
            ])
        let fetched = try await second.provider(.useGateway).checkout(id: useGateway.id)
        XCTAssertEqual(fetched.paid?.amount, 4)
        XCTAssertEqual(fetched.expiresAt, useGateway.expiresAt)
        let pending = try await second.provider(.oneXGate).checkout(id: oneXGate.id)
        XCTAssertEqual(pending.requested, oneXGate.requested)

        let next = try await second.provider(.useGateway).createCheckout(try SandboxServerHarness.request(.useGateway))
        XCTAssertNotEqual(next.id, useGateway.id)
        _ = try await second.pay(.oneXGate, oneXGate.id)
        second.stop()
        let third = try SandboxServerHarness { $0.stateFile = file }
        harness = third
        let (_, last) = try await third.control(.get, "checkouts")
        guard case .array(let checkouts) = last["checkouts"] ?? .null else { return XCTFail("\(last)") }
        XCTAssertEqual(checkouts.count, 4)
        XCTAssertEqual(checkouts.first?["status"], "success")
    }

    func testWithoutAStateFileARestartStartsEmpty() async throws {
        let first = try SandboxServerHarness()
        _ = try await first.provider(.useGateway).createCheckout(try SandboxServerHarness.request(.useGateway))
        first.stop()
        let second = try SandboxServerHarness()
        harness = second
        let (_, list) = try await second.control(.get, "checkouts")
        XCTAssertEqual(list["checkouts"], [])
    }

    func testAFileThatIsNotAJournalIsRefusedAtStart() throws {
        let file = try stateFile()
        try Data("{\"orders\": []}".utf8).write(to: file)
        XCTAssertThrowsError(
            try SandboxServer(
                configuration: {
                    var c = SandboxServerConfiguration()
                    c.stateFile = file
                    return c
                }(), log: { _ in })
        ) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest)
        }
    }
}
