import Foundation

/// A reference figure and where it came from.
struct Reference {
    var value: Double
    var source: String
}

/// The reference for `name`: the environment variable when set, else a measurement on this machine when the tool
/// is installed, else the project machine's recorded figure. Ratios against a figure from another machine say
/// little, so measuring here is preferred.
func reference(_ name: String, measure: () -> Double?, recorded: Double) -> Reference {
    if let text = ProcessInfo.processInfo.environment[name], let value = Double(text), value > 0 {
        return Reference(value: value, source: name)
    }
    if let measured = measure(), measured > 0 {
        return Reference(value: measured, source: "measured now on this machine")
    }
    return Reference(value: recorded, source: "project machine's recorded figure; set \(name) to override")
}

/// Runs a command and returns its standard output, or nil when it cannot be run or fails.
func output(of arguments: [String], environment: [String: String] = [:]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do {
        try process.run()
    } catch {
        return nil
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self)
}

/// OpenSSL's SHA-256 on 1 MiB blocks with the SHA extensions turned off (its fastest software path), in MiB/s.
func measureOpenSSLSoftwareSHA256() -> Double? {
    guard
        let text = output(
            of: ["openssl", "speed", "-seconds", "3", "-bytes", "1048576", "-evp", "sha256"],
            environment: ["OPENSSL_ia32cap": ":~0x20000000"]
        ),
        let line = text.split(separator: "\n").last(where: { $0.hasPrefix("sha256") }),
        let field = line.split(separator: " ").last, field.hasSuffix("k"),
        let thousands = Double(field.dropLast())
    else { return nil }
    return thousands * 1000 / 1_048_576
}

/// The official Python `standardwebhooks` library's `Webhook.verify` on the same 1 KiB body, per second, when the
/// package is installed (`pip install standardwebhooks`).
func measurePythonStandardWebhooks() -> Double? {
    let script = """
        import base64, time
        from standardwebhooks.webhooks import Webhook
        secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        body = '{"data":"' + "x" * 1013 + '"}'
        wh = Webhook(secret)
        now = int(time.time())
        sig = wh.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", __import__("datetime").datetime.fromtimestamp(now), body)
        headers = {"webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": str(now), "webhook-signature": sig}
        best = 0.0
        for _ in range(5):
            n, start = 0, time.perf_counter()
            while time.perf_counter() - start < 0.6:
                for _ in range(1000):
                    wh.verify(body, headers)
                n += 1000
            best = max(best, n / (time.perf_counter() - start))
        print(best)
        """
    guard let text = output(of: ["python3", "-c", script]) else { return nil }
    return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
}
