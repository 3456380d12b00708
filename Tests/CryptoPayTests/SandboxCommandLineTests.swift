import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// `cryptopay sandbox …` run as a user runs it: `serve` in a child process, the other commands against it.
final class SandboxCommandLineTests: XCTestCase {
    private var receiver: LoopbackHTTPServer?

    override func tearDown() {
        if let receiver { XCTAssertTrue(receiver.shutdown()) }
        super.tearDown()
    }

    /// A running `cryptopay sandbox serve` and what it printed.
    private final class Serving: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var outText = ""
        private var errText = ""

        init(_ executable: URL, _ arguments: [String]) throws {
            process.executableURL = executable
            process.arguments = ["sandbox", "serve"] + arguments
            process.environment = ["PATH": "/usr/bin:/bin"]
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            out.fileHandleForReading.readabilityHandler = { [self] handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                lock.withLock { outText += text }
            }
            err.fileHandleForReading.readabilityHandler = { [self] handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                lock.withLock { errText += text }
            }
            try process.run()
        }

        var out: String { lock.withLock { outText } }
        var err: String { lock.withLock { errText } }

        /// Waits until the output holds `marker`, looking every `poll` microseconds (0: as often as it can).
        func wait(for marker: String, timeout: TimeInterval = 10, poll: UInt32 = 20_000) -> Bool {
            let end = Date().addingTimeInterval(timeout)
            while Date() < end {
                if out.contains(marker) { return true }
                usleep(poll)
            }
            return false
        }

        /// The NAME=value lines printed at start.
        var environment: [String: String] {
            var variables: [String: String] = [:]
            for line in out.split(separator: "\n") where !line.hasPrefix("#") {
                guard let equals = line.firstIndex(of: "="),
                    line.prefix(while: { $0 != "=" }).allSatisfy({ $0.isUppercase || $0 == "_" })
                else { continue }
                variables[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
            return variables
        }

        /// Sends SIGTERM (or SIGINT with `interrupt`) and waits up to ten seconds for the exit status; a server still
        /// running then is killed, and the status returned is SIGKILL's, which no assertion here expects.
        func terminate(interrupt: Bool = false) -> Int32 {
            if interrupt { process.interrupt() } else { process.terminate() }
            let end = Date().addingTimeInterval(10)
            while process.isRunning, Date() < end { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    func testServePrintsTheEnvironmentAndTheOtherCommandsDriveIt() throws {
        let tool = try ToolRunner()
        let receiver = try LoopbackHTTPServer { _ in .text("ok") }
        self.receiver = receiver
        let serving = try Serving(
            tool.executable,
            ["--port", "0", "--webhook-url", "usegateway=\(receiver.url("/hooks").absoluteString)"])
        XCTAssertTrue(serving.wait(for: "# cryptopay sandbox serving at"), serving.out + serving.err)
        let environment = serving.environment
        let root = try XCTUnwrap(environment["CRYPTOPAY_SANDBOX_URL"])
        XCTAssertTrue(root.hasPrefix("http://127.0.0.1:"), root)
        XCTAssertEqual(environment["USEGATEWAY_BASE_URL"], root + "/usegateway/v1")
        XCTAssertEqual(
            Set(environment.keys),
            [
                "CRYPTOPAY_SANDBOX_URL", "USEGATEWAY_BASE_URL", "USEGATEWAY_API_KEY", "USEGATEWAY_WEBHOOK_SECRET",
                "STOREGATEWAY_BASE_URL", "STOREGATEWAY_API_KEY", "STOREGATEWAY_API_SECRET",
                "STOREGATEWAY_WEBHOOK_SECRET", "USDTINVOICE_BASE_URL", "USDTINVOICE_API_KEY",
                "USDTINVOICE_WEBHOOK_SECRET", "ONEXGATE_BASE_URL", "ONEXGATE_API_KEY", "OPENPOS_BASE_URL",
                "OPENPOS_USERNAME", "OPENPOS_API_KEY", "OPENPOS_POS_ID",
            ])

        let created = try tool.run(
            [
                "call", "usegateway", "payments.create", "--input",
                #"{"name":"Order 1","local_price":{"amount":"10.00","currency":"USD"},"pricing_type":"fixed_price"}"#,
            ],
            environment: environment)
        XCTAssertEqual(created.status, 0, created.all)
        let payment = try JSONDecoder().decode(JSONValue.self, from: Data(created.out.utf8))
        let id = try XCTUnwrap(payment["id"]?.stringValue)

        let paid = try tool.run(["sandbox", "pay", "usegateway", id], environment: environment)
        XCTAssertEqual(paid.status, 0, paid.all)
        let answer = try JSONDecoder().decode(JSONValue.self, from: Data(paid.out.utf8))
        XCTAssertEqual(answer["status"], "Completed")
        let list = try tool.run(["sandbox", "list"], environment: environment)
        XCTAssertEqual(list.status, 0, list.all)
        XCTAssertTrue(list.out.contains("usegateway  \(id)  Completed"), list.out)

        let end = Date().addingTimeInterval(5)
        while receiver.requests.isEmpty, Date() < end { usleep(20_000) }
        let webhook = try XCTUnwrap(receiver.requests.first)
        let body = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-\(UUID()).json")
        try webhook.body.write(to: body)
        defer { try? FileManager.default.removeItem(at: body) }
        let headers = ["svix-id", "svix-timestamp", "svix-signature"].flatMap {
            ["--header", "\($0): \(webhook.headers[$0] ?? "")"]
        }
        let verified = try tool.run(
            ["webhook", "verify", "usegateway", "--body-file", body.path] + headers, environment: environment)
        XCTAssertEqual(verified.status, 0, verified.all)
        XCTAssertTrue(
            verified.out.contains(#""idempotencyKey" : "\#(webhook.headers["svix-id"] ?? "")""#), verified.out)

        // The client retries a failed GET itself, so the fault lasts for a while rather than one request.
        let fault = try tool.run(["sandbox", "fault", "usegateway", "500", "--for", "60"], environment: environment)
        XCTAssertEqual(fault.status, 0, fault.all)
        let failing = try tool.run(["call", "usegateway", "payments.list"], environment: environment)
        XCTAssertEqual(failing.status, 1, failing.all)
        XCTAssertTrue(failing.err.contains(#""status" : 500"#), failing.err)
        let cleared = try tool.run(["sandbox", "fault", "usegateway", "clear"], environment: environment)
        XCTAssertEqual(cleared.status, 0, cleared.all)
        let working = try tool.run(["call", "usegateway", "payments.list"], environment: environment)
        XCTAssertEqual(working.status, 0, working.all)

        XCTAssertEqual(serving.terminate(), 0)
        XCTAssertTrue(serving.out.contains("webhook provider=usegateway event=payment.completed"), serving.out)
        XCTAssertTrue(serving.out.hasSuffix("# cryptopay sandbox stopped\n"), serving.out)
        XCTAssertEqual(serving.err, "")
    }

    func testDemoRunsAgainstARunningServer() throws {
        let tool = try ToolRunner()
        let serving = try Serving(tool.executable, [])
        XCTAssertTrue(serving.wait(for: "# cryptopay sandbox serving at"), serving.out + serving.err)
        let root = try XCTUnwrap(serving.environment["CRYPTOPAY_SANDBOX_URL"])

        let demo = try tool.run(["demo", "--sandbox-url", root])
        XCTAssertEqual(serving.terminate(), 0)
        XCTAssertEqual(demo.status, 0, demo.all)
        XCTAssertTrue(
            demo.out.hasSuffix("5 of 5 providers passed every step on the sandbox server at \(root)\n"), demo.out)
        XCTAssertTrue(serving.out.contains("not sent: no --webhook-url for usegateway"), serving.out)
    }

    func testServeOnANonLoopbackAddressWarns() throws {
        let serving = try Serving(try ToolRunner().executable, ["--host", "0.0.0.0"])
        XCTAssertTrue(serving.wait(for: "# cryptopay sandbox serving at http://0.0.0.0:"), serving.out + serving.err)
        XCTAssertEqual(serving.terminate(interrupt: true), 0)
        XCTAssertTrue(serving.out.hasSuffix("stopping (signal 2)\n# cryptopay sandbox stopped\n"), serving.out)
        XCTAssertTrue(serving.err.hasPrefix("warning: the sandbox listens on 0.0.0.0, not loopback"), serving.err)
    }

    /// The "serving" line is what scripts wait for, so a signal may follow it at once. The handlers were once
    /// installed after that line: a signal in the gap ended the process by default action, or, while a dispatch
    /// source was being set up, was ignored and the server never stopped (a CI run hung on it).
    func testASignalSentTheMomentServingIsPrintedStopsTheServerCleanly() throws {
        let executable = try ToolRunner().executable
        for attempt in 0..<20 {
            let serving = try Serving(executable, [])
            XCTAssertTrue(serving.wait(for: "# cryptopay sandbox serving at", poll: 0), serving.out + serving.err)
            let interrupt = attempt.isMultiple(of: 2)
            XCTAssertEqual(serving.terminate(interrupt: interrupt), 0, "attempt \(attempt): \(serving.out)")
            XCTAssertTrue(serving.out.hasSuffix("# cryptopay sandbox stopped\n"), serving.out)
        }
    }

    func testSandboxUsageErrorsExitTwo() throws {
        let tool = try ToolRunner()
        let environment = ["CRYPTOPAY_SANDBOX_URL": "http://127.0.0.1:9"]
        let cases: [([String], String)] = [
            (["sandbox"], "error: sandbox takes serve"),
            (["sandbox", "pay", "usegateway", "x", "--partial", "1,5"], "error: --partial must be a positive decimal"),
            (["sandbox", "pay", "usegateway", "x", "--over", "1e"], "error: --over must be a positive decimal"),
            (
                ["sandbox", "pay", "usegateway", "x", "--partial", "1", "--over", "2"],
                "error: give --partial or --over"
            ),
            (["sandbox", "pay", "paypal", "x"], "error: unknown provider paypal"),
            (["sandbox", "fault", "usegateway", "418"], "error: unknown fault 418"),
            (["sandbox", "fault", "usegateway", "500", "--times", "0"], "error: --times must be a whole number"),
            (["sandbox", "serve", "--port", "70000"], "error: --port must be a number from 0 to 65535"),
            (["sandbox", "serve", "--webhook-url", "usegateway"], "error: --webhook-url must be PROVIDER=URL"),
            (["sandbox", "serve", "--webhook-url", "usegateway=ftp://x/y"], "error: --webhook-url ftp://x/y is not"),
        ]
        for (arguments, expected) in cases {
            let result = try tool.run(arguments, environment: environment)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.all)")
            XCTAssertTrue(result.err.hasPrefix(expected), "\(arguments): \(result.err)")
        }
        let unset = try tool.run(["sandbox", "list"])
        XCTAssertEqual(unset.status, 2)
        XCTAssertTrue(unset.err.hasPrefix("error: set CRYPTOPAY_SANDBOX_URL"), unset.err)
    }
}
