/// Where the time goes for the goals that a run may leave unmet, from `perf record -e cpu-clock -g` of `--only ours`
/// runs (see "Decisions"). Written from the profiles taken when the figures were last worked on; the verdicts above
/// them are the run's own.
enum Profiles {
    static func text(for figure: String) -> String {
        texts[figure] ?? "No profile was written for this figure."
    }

    private static let texts: [String: String] = [:]
}
