/// The database was not reached in time.
struct DeadlineExceeded: Error {}

/// Runs `operation`, or throws `DeadlineExceeded` after `limit` and cancels it.
///
/// PostgresNIO's pool waits for a connection for as long as it takes; while the database is down that is forever,
/// and a request handler should answer 503 quickly instead.
func within<Value: Sendable>(
    _ limit: Duration, _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    try await withThrowingTaskGroup(of: Value.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw DeadlineExceeded()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw DeadlineExceeded() }
        return first
    }
}
