// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";
import {Ciphertext, Point, RangeProof} from "./CryptoTypes.sol";
import {Transcript} from "./Transcript.sol";

/// @title Selection proof verifier (disjunctive Chaum–Pedersen range proof)
/// @notice docs/protocol.md §5.1 with the selection transcript of §5.3.1: for bounds
///         `lo ≤ hi`, `L = hi − lo + 1` branches (`1 ≤ L ≤ 32`), branch `j` standing for
///         `mⱼ = lo + j`. Challenge (§5.1.1/§5.3.1)
///         `c = H(TAG_SELECTION ‖ electionId ‖ contestIndex ‖ voter ‖ lo ‖ hi ‖ K ‖ A ‖ B ‖
///         a₀ ‖ b₀ ‖ … ‖ a_{L−1} ‖ b_{L−1})` and `c_{L−1} = c − Σ_{j<L−1} cⱼ mod r`;
///         equations (§5.1.2) for every branch `j`: `vⱼG = aⱼ + cⱼα` and
///         `vⱼK = bⱼ + cⱼ(β − mⱼG)`.
/// @dev Cost: 4 ecMul + 3 ecAdd per branch, plus one ecMul when `lo ≥ 2`.
library RangeProofVerifier {
    /// @notice Largest number of branches `L` (§5.1).
    uint256 internal constant MAX_BRANCHES = 32;

    /// @notice The range proof failed its challenge split or an equation of §5.1.2.
    error RangeProofInvalid();
    /// @notice The bounds violate `lo ≤ hi` and `hi − lo + 1 ≤ 32` (§5.1).
    /// @param lo Lower bound.
    /// @param hi Upper bound.
    error RangeProofBoundsInvalid(uint256 lo, uint256 hi);
    /// @notice The proof arrays do not have lengths `a, b, v: L` and `c: L − 1` (§5.3.3).
    /// @param branches The expected number of branches `L`.
    /// @param aLength Length of `a`.
    /// @param bLength Length of `b`.
    /// @param cLength Length of `c`.
    /// @param vLength Length of `v`.
    error RangeProofLengthMismatch(
        uint256 branches,
        uint256 aLength,
        uint256 bLength,
        uint256 cLength,
        uint256 vLength
    );

    /// @notice The number of branches `L = hi − lo + 1` for bounds `lo ≤ hi`, `L ≤ 32` (§5.1).
    /// @dev Reverts with `RangeProofBoundsInvalid(lo, hi)` otherwise.
    /// @param lo Lower bound.
    /// @param hi Upper bound.
    /// @return count `L`.
    function branches(uint256 lo, uint256 hi) internal pure returns (uint256 count) {
        if (lo > hi || hi - lo >= MAX_BRANCHES) revert RangeProofBoundsInvalid(lo, hi);
        count = hi - lo + 1;
    }

    /// @notice §5.3.3 array lengths (`a`, `b`, `v` of length `L`, `c` of length `L − 1`), then
    ///         §2 on every proof field: all `a`, all `b` (§2.2), all `c`, all `v` (§2.1).
    /// @param proof The range proof.
    /// @param count The number of branches `L ≥ 1`.
    function validateProof(RangeProof memory proof, uint256 count) internal pure {
        if (
            proof.a.length != count ||
            proof.b.length != count ||
            proof.c.length != count - 1 ||
            proof.v.length != count
        ) {
            revert RangeProofLengthMismatch(
                count,
                proof.a.length,
                proof.b.length,
                proof.c.length,
                proof.v.length
            );
        }
        if (
            BN254.allValid(proof.a) &&
            BN254.allValid(proof.b) &&
            BN254.allScalarsValid(proof.c) &&
            BN254.allScalarsValid(proof.v)
        ) {
            return;
        }
        // Cold path: re-check in the documented order; the first failing check reverts.
        for (uint256 j = 0; j < count; ++j) BN254.validatePoint(proof.a[j]);
        for (uint256 j = 0; j < count; ++j) BN254.validatePoint(proof.b[j]);
        for (uint256 j = 0; j + 1 < count; ++j) BN254.validateScalar(proof.c[j]);
        for (uint256 j = 0; j < count; ++j) BN254.validateScalar(proof.v[j]);
    }

    /// @notice Full verification of a selection proof over a given aggregate: bounds, §2 on
    ///         `K`, the aggregate as points on the curve or `O` (it is verifier-computed, §2.3),
    ///         lengths and §2 on every proof field, then the challenge split and equations.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param lo `minSelections`.
    /// @param hi `maxSelections`.
    /// @param key Election key `K`.
    /// @param aggregate Aggregate `(A, B)`, computed by the verifier from the option ciphertexts.
    /// @param proof The range proof.
    /// @return valid False iff the challenge split or an equation fails.
    function verify(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 lo,
        uint256 hi,
        Point memory key,
        Ciphertext memory aggregate,
        RangeProof memory proof
    ) internal view returns (bool valid) {
        uint256 count = branches(lo, hi);
        BN254.validatePoint(key);
        BN254.validatePointOrIdentity(aggregate.alpha);
        BN254.validatePointOrIdentity(aggregate.beta);
        validateProof(proof, count);
        valid = verifyValidated(id, contestIndex, voter, lo, hi, key, aggregate, proof);
    }

    /// @notice Challenge split and §5.1.2 equations only, for callers that already checked the
    ///         bounds, the lengths and §2 (e.g. the contest ballot of §8.2).
    /// @dev Calling this on unvalidated input is unsound; use {verify}.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param lo `minSelections`.
    /// @param hi `maxSelections`.
    /// @param key Election key `K` (validated).
    /// @param aggregate Aggregate `(A, B)` (verifier-computed).
    /// @param proof The range proof (validated, `L` branches).
    /// @return valid True iff every branch's equations hold.
    function verifyValidated(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 lo,
        uint256 hi,
        Point memory key,
        Ciphertext memory aggregate,
        RangeProof memory proof
    ) internal view returns (bool valid) {
        uint256 c = Transcript.selectionChallenge(
            id,
            contestIndex,
            voter,
            lo,
            hi,
            key,
            aggregate,
            proof.a,
            proof.b
        );
        valid = _equations(key, aggregate, proof, lo, c);
    }

    /// @notice Reverting form of {verify}: `RangeProofInvalid()` if an equation fails.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param lo `minSelections`.
    /// @param hi `maxSelections`.
    /// @param key Election key `K`.
    /// @param aggregate Aggregate `(A, B)`, computed by the verifier.
    /// @param proof The range proof.
    function check(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 lo,
        uint256 hi,
        Point memory key,
        Ciphertext memory aggregate,
        RangeProof memory proof
    ) internal view {
        if (!verify(id, contestIndex, voter, lo, hi, key, aggregate, proof)) {
            revert RangeProofInvalid();
        }
    }

    /// @notice §5.1.2 for every branch, with `c_{L−1} = c − Σ_{j<L−1} cⱼ mod r` (§5.1.1):
    ///         `vⱼG = aⱼ + cⱼα` and `vⱼK = bⱼ + cⱼ(β − mⱼG)`, `mⱼ = lo + j`.
    /// @dev One assembly routine over a scratch area past the free memory pointer:
    ///      `t[0..0xa0)` precompile scratch, `t[0xa0..0xe0)` = G, `t[0xe0..0x120)` = β − mⱼG,
    ///      `t[0x120..0x160)` = −G (so that `ecAdd` of the two consecutive points steps to the
    ///      next branch). Cost: 4 ecMul + 3 ecAdd per branch, plus one ecMul when `lo ≥ 2`.
    /// @param key Election key `K`.
    /// @param aggregate Statement ciphertext `(α, β)`.
    /// @param proof The range proof (lengths checked).
    /// @param lo Value `m₀` of branch 0.
    /// @param c The transcript challenge.
    /// @return valid True iff every equation holds.
    // One fused assembly routine, kept in one piece for gas:
    // solhint-disable-next-line function-max-lines
    function _equations(
        Point memory key,
        Ciphertext memory aggregate,
        RangeProof memory proof,
        uint256 lo,
        uint256 c
    ) private view returns (bool valid) {
        uint256 failed;
        assembly ("memory-safe") {
            // v·base == a + c·y over scratch t[0..0xa0): 1 holds, 0 not, 6/7 precompile failure.
            function holds(t, base, v, a, cy, y) -> result {
                let u := add(t, 0x40)
                mstore(t, mload(a))
                mstore(add(t, 0x20), mload(add(a, 0x20)))
                mstore(u, mload(y))
                mstore(add(t, 0x60), mload(add(y, 0x20)))
                mstore(add(t, 0x80), cy)
                if iszero(staticcall(gas(), 0x07, u, 0x60, u, 0x40)) {
                    result := 7
                    leave
                }
                if iszero(staticcall(gas(), 0x06, t, 0x80, t, 0x40)) {
                    result := 6
                    leave
                }
                mstore(u, mload(base))
                mstore(add(t, 0x60), mload(add(base, 0x20)))
                mstore(add(t, 0x80), v)
                if iszero(staticcall(gas(), 0x07, u, 0x60, u, 0x40)) {
                    result := 7
                    leave
                }
                result := and(eq(mload(t), mload(u)), eq(mload(add(t, 0x20)), mload(add(t, 0x60))))
            }
            // Both equations of one branch.
            function branch(t, k, alpha, a, b, cj, v) -> result {
                result := holds(t, add(t, 0xa0), v, a, cj, alpha)
                if eq(result, 1) {
                    result := holds(t, k, v, b, cj, add(t, 0xe0))
                }
            }
            // All branches in order, stepping β − mⱼG by −G between branches.
            function branches(t, k, agg, prf, last, cLast) -> result {
                let cs := mload(add(prf, 0x40))
                for {
                    let j := 0
                } 1 {
                    j := add(j, 1)
                } {
                    let off := shl(5, add(j, 1))
                    let cj := cLast
                    if lt(j, last) {
                        cj := mload(add(cs, off))
                    }
                    result := branch(
                        t,
                        k,
                        mload(agg),
                        mload(add(mload(prf), off)),
                        mload(add(mload(add(prf, 0x20)), off)),
                        cj,
                        mload(add(mload(add(prf, 0x60)), off))
                    )
                    if or(iszero(eq(result, 1)), eq(j, last)) {
                        break
                    }
                    // β − m_{j+1}G = (β − mⱼG) + (−G).
                    if iszero(staticcall(gas(), 0x06, add(t, 0xe0), 0x80, add(t, 0xe0), 0x40)) {
                        result := 6
                        break
                    }
                }
            }
            let t := mload(0x40)
            let result := 1
            {
                let
                    negGY := 21888242871839275222246405745257275088696311157297823662689037894645226208581
                mstore(add(t, 0xa0), 1)
                mstore(add(t, 0xc0), 2)
                let beta := mload(add(aggregate, 0x20))
                mstore(add(t, 0xe0), mload(beta))
                mstore(add(t, 0x100), mload(add(beta, 0x20)))
                // β − lo·G: nothing for lo = 0, one ecAdd of −G for lo = 1, else ecMul + ecAdd.
                if gt(lo, 1) {
                    mstore(add(t, 0x120), 1)
                    mstore(add(t, 0x140), negGY)
                    mstore(add(t, 0x160), lo)
                    if iszero(staticcall(gas(), 0x07, add(t, 0x120), 0x60, add(t, 0x120), 0x40)) {
                        result := 7
                    }
                    if iszero(staticcall(gas(), 0x06, add(t, 0xe0), 0x80, add(t, 0xe0), 0x40)) {
                        result := 6
                    }
                }
                mstore(add(t, 0x120), 1)
                mstore(add(t, 0x140), negGY)
                if eq(lo, 1) {
                    if iszero(staticcall(gas(), 0x06, add(t, 0xe0), 0x80, add(t, 0xe0), 0x40)) {
                        result := 6
                    }
                }
            }
            // c_{L−1} = c − Σ_{j<L−1} cⱼ mod r (each cⱼ < r by §2.1).
            let last := mload(mload(add(proof, 0x40)))
            {
                let
                    r := 21888242871839275222246405745257275088548364400416034343698204186575808495617
                let cs := mload(add(proof, 0x40))
                for {
                    let j := 0
                } lt(j, last) {
                    j := add(j, 1)
                } {
                    c := addmod(c, sub(r, mload(add(cs, shl(5, add(j, 1))))), r)
                }
            }
            if eq(result, 1) {
                result := branches(t, key, aggregate, proof, last, c)
            }
            valid := eq(result, 1)
            if gt(result, 1) {
                failed := result
            }
        }
        if (failed != 0) revert BN254.BN254PrecompileFailed(failed);
    }
}
