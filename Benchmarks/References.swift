import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// External references, measured by running the tool once per round so that they interleave with ours. A tool
/// that is not installed makes the reference ``Missing``; our figures are printed without it.
enum ExternalReferences {
    /// Runs a command and returns its exit status and standard output, or nil when it cannot be started.
    ///
    /// The child inherits the signal mask of the spawning thread, and Dispatch's worker threads block every
    /// signal: `openssl speed` then never sees its `SIGALRM` and runs forever. The mask is therefore emptied
    /// around the spawn and restored after it.
    static func run(_ arguments: [String], environment: [String: String] = [:]) -> (status: Int32, output: String)? {
        var empty = sigset_t()
        var previous = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
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
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// OpenSSL's SHA-256 over 1 MiB blocks for one second, in MiB per second of user CPU time (`openssl speed`'s
    /// default measure): its best software path when `softwareOnly`
    /// (the SHA extensions masked off with `OPENSSL_ia32cap`, leaving its AVX2/SSSE3 code), otherwise whatever the
    /// CPU offers (the SHA extensions where present: the hardware ceiling).
    static func openSSLSHA256(softwareOnly: Bool) throws -> Double {
        let environment = softwareOnly ? ["OPENSSL_ia32cap": ":~0x20000000"] : [:]
        guard
            let result = run(
                ["openssl", "speed", "-seconds", "1", "-bytes", "1048576", "-evp", "sha256"],
                environment: environment
            )
        else { throw Missing(reason: "openssl not found") }
        // `env` exits with 127 when the command is not on the PATH.
        guard result.status != 127 else { throw Missing(reason: "openssl not found") }
        guard result.status == 0,
            let line = result.output.split(separator: "\n").last(where: { $0.hasPrefix("sha256") }),
            let field = line.split(separator: " ").last, field.hasSuffix("k"),
            let thousands = Double(field.dropLast())
        else { throw Missing(reason: "openssl speed gave no sha256 figure") }
        return thousands * 1000 / 1_048_576
    }

    /// The Python `standardwebhooks` package's `Webhook.verify` on `body` (given as bytes, as a web framework
    /// hands it over) for about `seconds` of CPU time, in verifications per CPU second. With `parse` false it skips its JSON
    /// parse (`json_parse=False`), which is what our signature check does. Signed with a timezone-aware UTC
    /// timestamp, so the figure does not depend on the machine's time zone.
    static func pythonStandardWebhooks(body: Data, secret: String, id: String, parse: Bool, seconds: Double) throws
        -> Double
    {
        let script = """
            import base64, sys, time
            from datetime import datetime, timezone
            try:
                from standardwebhooks.webhooks import Webhook
            except ImportError:
                sys.exit(3)
            seconds, parse = float(sys.argv[1]), sys.argv[2] == "1"
            body, secret, msg_id = base64.b64decode(sys.argv[3]), sys.argv[4], sys.argv[5]
            wh = Webhook(secret)
            now = datetime.now(tz=timezone.utc)
            headers = {
                "webhook-id": msg_id,
                "webhook-timestamp": str(int(now.timestamp())),
                "webhook-signature": wh.sign(msg_id, now, body.decode()),
            }
            wh.verify(body, headers, json_parse=parse)
            n, start = 0, time.process_time()
            while True:
                for _ in range(500):
                    wh.verify(body, headers, json_parse=parse)
                n += 500
                elapsed = time.process_time() - start
                if elapsed >= seconds:
                    break
            print(n / elapsed)
            """
        let arguments = [
            "python3", "-c", script, String(seconds), parse ? "1" : "0", body.base64EncodedString(), secret, id,
        ]
        guard let result = run(arguments), result.status != 127 else { throw Missing(reason: "python3 not found") }
        if result.status == 3 {
            throw Missing(reason: "Python standardwebhooks not installed: pip install standardwebhooks")
        }
        guard result.status == 0, let rate = Double(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw Missing(reason: "the Python reference failed (exit \(result.status))") }
        return rate
    }
}
