/// Comparison whose running time does not depend on where two byte sequences differ.
///
/// Use it for every comparison of a received signature with an expected one: an early-exit comparison lets an
/// attacker who can time responses learn a valid signature one byte at a time.
package enum ConstantTime {
    /// True when `a` and `b` hold the same bytes.
    ///
    /// Every byte is examined even after a difference is found. Sequences of different lengths are unequal at
    /// once: the length of a signature is public (it is fixed by the algorithm), so returning early reveals
    /// nothing about which byte differed. Nothing here throws.
    package static func equals<A: Collection, B: Collection>(
        _ a: A,
        _ b: B
    ) -> Bool where A.Element == UInt8, B.Element == UInt8 {
        guard a.count == b.count else { return false }
        return accumulatedDifference(a, b) == 0
    }

    /// The OR of the XOR of every byte pair; kept out of line so the optimizer cannot turn the loop into an
    /// early-exit comparison at the call site.
    @inline(never)
    private static func accumulatedDifference<A: Collection, B: Collection>(
        _ a: A,
        _ b: B
    ) -> UInt8 where A.Element == UInt8, B.Element == UInt8 {
        var difference: UInt8 = 0
        for (left, right) in zip(a, b) {
            difference |= left ^ right
        }
        return difference
    }
}
