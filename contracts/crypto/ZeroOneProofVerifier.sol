// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";
import {Ciphertext, Point, ZeroOneProof} from "./CryptoTypes.sol";
import {Transcript} from "./Transcript.sol";

/// @title Option proof verifier: the ciphertext encrypts 0 or 1
/// @notice docs/protocol.md §5.2: the range proof of §5.1 with `lo = 0`, `hi = 1`, tag
///         `TAG_ZERO_ONE` and context `electionId ‖ contestIndex ‖ voter ‖ optionIndex`.
///         Transcript (§5.2.1, 21 words):
///         `TAG_ZERO_ONE ‖ electionId ‖ contestIndex ‖ voter ‖ optionIndex ‖ 0 ‖ 1 ‖ K.x ‖ K.y ‖
///         α.x ‖ α.y ‖ β.x ‖ β.y ‖ a₀.x ‖ a₀.y ‖ b₀.x ‖ b₀.y ‖ a₁.x ‖ a₁.y ‖ b₁.x ‖ b₁.y`,
///         `c = uint256(keccak256(…)) mod r`, `c₁ = c − c₀ mod r`.
///         Checks (§5.2.3): §2 on every field, then the four equations of §5.1.2:
///         `v₀G = a₀ + c₀α`, `v₀K = b₀ + c₀β`, `v₁G = a₁ + c₁α`, `v₁K = b₁ + c₁(β − G)`.
///         On-chain cost: 8 ecMul + 5 ecAdd.
/// @dev The hot path is one assembly routine: the transcript is written once into the memory
///      past the free memory pointer, hashed in place, and the equations then run in place over
///      that same buffer (see {verifyValidated}). Nothing is allocated. The transcript
///      layout is the one of {Transcript.zeroOneChallenge} (the tests check both against the
///      SDK).
library ZeroOneProofVerifier {
    /// @notice The option proof failed its challenge split or an equation of §5.2.3.
    error ZeroOneProofInvalid();

    /// @notice §2 on the statement ciphertext and on the proof's own fields, in the order
    ///         `α, β` (§2.3), `a₀, a₁, b₀, b₁` (§2.2, the order of the range proof arrays of
    ///         §5.1), `c₀, v₀, v₁` (§2.1). Reverts with the BN254 errors.
    /// @param ct Option ciphertext `(α, β)`.
    /// @param proof The option proof.
    // One fused assembly routine, kept in one piece for gas:
    // solhint-disable-next-line function-max-lines
    function validateFields(Ciphertext memory ct, ZeroOneProof memory proof) internal pure {
        bool valid;
        assembly ("memory-safe") {
            let p := 21888242871839275222246405745257275088696311157297823662689037894645226208583
            // Straight-line §2.2 test of the six points (the reason is found on the cold path).
            // (0, 0) fails the curve equation, so each line covers all three checks of §2.2.
            let pt := mload(ct)
            let x := mload(pt)
            let y := mload(add(pt, 0x20))
            valid := and(
                and(lt(x, p), lt(y, p)),
                eq(mulmod(y, y, p), addmod(mulmod(mulmod(x, x, p), x, p), 3, p))
            )
            pt := mload(add(ct, 0x20))
            x := mload(pt)
            y := mload(add(pt, 0x20))
            valid := and(
                valid,
                and(
                    and(lt(x, p), lt(y, p)),
                    eq(mulmod(y, y, p), addmod(mulmod(mulmod(x, x, p), x, p), 3, p))
                )
            )
            for {
                let field := proof
            } lt(field, add(proof, 0x80)) {
                field := add(field, 0x20)
            } {
                pt := mload(field)
                x := mload(pt)
                y := mload(add(pt, 0x20))
                valid := and(
                    valid,
                    and(
                        and(lt(x, p), lt(y, p)),
                        eq(mulmod(y, y, p), addmod(mulmod(mulmod(x, x, p), x, p), 3, p))
                    )
                )
            }
            // §2.1 on c₀, v₀, v₁.
            let r := 21888242871839275222246405745257275088548364400416034343698204186575808495617
            valid := and(
                valid,
                and(
                    lt(mload(add(proof, 0x80)), r),
                    and(lt(mload(add(proof, 0xa0)), r), lt(mload(add(proof, 0xc0)), r))
                )
            )
        }
        if (!valid) {
            // Cold path: re-check in the documented order; the first failing check reverts.
            BN254.validatePoint(ct.alpha);
            BN254.validatePoint(ct.beta);
            BN254.validatePoint(proof.a0);
            BN254.validatePoint(proof.a1);
            BN254.validatePoint(proof.b0);
            BN254.validatePoint(proof.b1);
            BN254.validateScalar(proof.c0);
            BN254.validateScalar(proof.v0);
            BN254.validateScalar(proof.v1);
        }
    }

    /// @notice Full §5.2.3 verification: §2 on `K`, then {validateFields}, then the challenge
    ///         split and equations. Reverts on malformed input.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param optionIndex Option index `i`.
    /// @param key Election key `K`.
    /// @param ct Option ciphertext `(α, β)`.
    /// @param proof The option proof.
    /// @return valid False iff an equation fails.
    function verify(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 optionIndex,
        Point memory key,
        Ciphertext memory ct,
        ZeroOneProof memory proof
    ) internal view returns (bool valid) {
        BN254.validatePoint(key);
        validateFields(ct, proof);
        valid = verifyValidated(id, contestIndex, voter, optionIndex, key, ct, proof);
    }

    /// @notice §5.2.1 challenge and §5.2.3 equations only, for callers that already applied §2
    ///         to `K`, `(α, β)` and the proof (e.g. the contest ballot of §8.2).
    /// @dev Calling this on unvalidated input is unsound; use {verify}.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param optionIndex Option index `i`.
    /// @param key Election key `K` (validated).
    /// @param ct Option ciphertext `(α, β)` (validated).
    /// @param proof The option proof (validated).
    /// @return valid True iff all four equations hold.
    // One fused assembly routine, kept in one piece for gas:
    // solhint-disable-next-line function-max-lines
    function verifyValidated(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 optionIndex,
        Point memory key,
        Ciphertext memory ct,
        ZeroOneProof memory proof
    ) internal view returns (bool valid) {
        bytes32 tag = Transcript.TAG_ZERO_ONE;
        uint256 failed;
        assembly ("memory-safe") {
            let r := 21888242871839275222246405745257275088548364400416034343698204186575808495617
            // Transcript (§5.2.1), 21 words at m; K, α, β, a₀, b₀, a₁, b₁ at words 7, 9, …, 19.
            let m := mload(0x40)
            mstore(m, tag)
            mstore(add(m, 0x20), id)
            mstore(add(m, 0x40), contestIndex)
            mstore(add(m, 0x60), and(voter, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(add(m, 0x80), optionIndex)
            mstore(add(m, 0xa0), 0)
            mstore(add(m, 0xc0), 1)
            mstore(add(m, 0xe0), mload(key))
            mstore(add(m, 0x100), mload(add(key, 0x20)))
            let pt := mload(ct)
            mstore(add(m, 0x120), mload(pt))
            mstore(add(m, 0x140), mload(add(pt, 0x20)))
            pt := mload(add(ct, 0x20))
            mstore(add(m, 0x160), mload(pt))
            mstore(add(m, 0x180), mload(add(pt, 0x20)))
            // a₀, b₀, a₁, b₁ (the proof's first four words point to them, in transcript order).
            for {
                let field := proof
                let dst := add(m, 0x1a0)
            } lt(field, add(proof, 0x80)) {
                field := add(field, 0x20)
                dst := add(dst, 0x40)
            } {
                pt := mload(field)
                mstore(dst, mload(pt))
                mstore(add(dst, 0x20), mload(add(pt, 0x20)))
            }
            let c0 := mload(add(proof, 0x80))
            // c₁ = c − c₀ mod r (c₀ < r was checked by §2.1).
            let c1 := addmod(mod(keccak256(m, 0x2a0), r), sub(r, c0), r)
            // The equations run in place over the hashed transcript, last to first, so that each
            // right-hand commitment is already followed by free words (wₙ = word n of m):
            // K = w7–8, α = w9–10, β = w11–12 stay intact; a₀, b₀, a₁, b₁ = w13, 15, 17, 19
            // are each overwritten by their equation's right-hand side a + c·y.
            let mulOk := 1
            let addOk := 1
            // v₁K = b₁ + c₁(β − G): w21–22 ← β, w23–24 ← −G, ecAdd → β − G; ·c₁; + b₁ at w19.
            mstore(add(m, 0x2a0), mload(add(m, 0x160)))
            mstore(add(m, 0x2c0), mload(add(m, 0x180)))
            mstore(add(m, 0x2e0), 1)
            mstore(
                add(m, 0x300),
                21888242871839275222246405745257275088696311157297823662689037894645226208581
            )
            addOk := and(addOk, staticcall(gas(), 0x06, add(m, 0x2a0), 0x80, add(m, 0x2a0), 0x40))
            mstore(add(m, 0x2e0), c1)
            mulOk := and(mulOk, staticcall(gas(), 0x07, add(m, 0x2a0), 0x60, add(m, 0x2a0), 0x40))
            addOk := and(addOk, staticcall(gas(), 0x06, add(m, 0x260), 0x80, add(m, 0x260), 0x40))
            mstore(add(m, 0x2a0), mload(add(m, 0xe0)))
            mstore(add(m, 0x2c0), mload(add(m, 0x100)))
            mstore(add(m, 0x2e0), mload(add(proof, 0xc0)))
            mulOk := and(mulOk, staticcall(gas(), 0x07, add(m, 0x2a0), 0x60, add(m, 0x2a0), 0x40))
            valid := and(
                eq(mload(add(m, 0x260)), mload(add(m, 0x2a0))),
                eq(mload(add(m, 0x280)), mload(add(m, 0x2c0)))
            )
            // v₁G = a₁ + c₁α: w19–20 ← α, w21 ← c₁; + a₁ at w17; then v₁G at w19.
            mstore(add(m, 0x260), mload(add(m, 0x120)))
            mstore(add(m, 0x280), mload(add(m, 0x140)))
            mstore(add(m, 0x2a0), c1)
            mulOk := and(mulOk, staticcall(gas(), 0x07, add(m, 0x260), 0x60, add(m, 0x260), 0x40))
            addOk := and(addOk, staticcall(gas(), 0x06, add(m, 0x220), 0x80, add(m, 0x220), 0x40))
            mstore(add(m, 0x260), 1)
            mstore(add(m, 0x280), 2)
            mstore(add(m, 0x2a0), mload(add(proof, 0xc0)))
            mulOk := and(mulOk, staticcall(gas(), 0x07, add(m, 0x260), 0x60, add(m, 0x260), 0x40))
            valid := and(
                valid,
                and(
                    eq(mload(add(m, 0x220)), mload(add(m, 0x260))),
                    eq(mload(add(m, 0x240)), mload(add(m, 0x280)))
                )
            )
            // v₀K = b₀ + c₀β: w17–18 ← β, w19 ← c₀; + b₀ at w15; then v₀K at w17.
            mstore(add(m, 0x220), mload(add(m, 0x160)))
            mstore(add(m, 0x240), mload(add(m, 0x180)))
            mstore(add(m, 0x260), c0)
            mulOk := and(mulOk, staticcall(gas(), 0x07, add(m, 0x220), 0x60, add(m, 0x220), 0x40))
            addOk := and(addOk, staticcall(gas(), 0x06, add(m, 0x1e0), 0x80, add(m, 0x1e0), 0x40))
            mstore(add(m, 0x220), mload(add(m, 0xe0)))
            mstore(add(m, 0x240), mload(add(m, 0x100)))
            mstore(add(m, 0x260), mload(add(proof, 0xa0)))
            mulOk := and(mulOk, staticcall(gas(), 0x07, add(m, 0x220), 0x60, add(m, 0x220), 0x40))
            valid := and(
                valid,
                and(
                    eq(mload(add(m, 0x1e0)), mload(add(m, 0x220))),
                    eq(mload(add(m, 0x200)), mload(add(m, 0x240)))
                )
            )
            // v₀G = a₀ + c₀α: w15–16 ← α, w17 ← c₀; + a₀ at w13; then v₀G at w15.
            mstore(add(m, 0x1e0), mload(add(m, 0x120)))
            mstore(add(m, 0x200), mload(add(m, 0x140)))
            mstore(add(m, 0x220), c0)
            mulOk := and(mulOk, staticcall(gas(), 0x07, add(m, 0x1e0), 0x60, add(m, 0x1e0), 0x40))
            addOk := and(addOk, staticcall(gas(), 0x06, add(m, 0x1a0), 0x80, add(m, 0x1a0), 0x40))
            mstore(add(m, 0x1e0), 1)
            mstore(add(m, 0x200), 2)
            mstore(add(m, 0x220), mload(add(proof, 0xa0)))
            mulOk := and(mulOk, staticcall(gas(), 0x07, add(m, 0x1e0), 0x60, add(m, 0x1e0), 0x40))
            valid := and(
                valid,
                and(
                    eq(mload(add(m, 0x1a0)), mload(add(m, 0x1e0))),
                    eq(mload(add(m, 0x1c0)), mload(add(m, 0x200)))
                )
            )
            if iszero(addOk) {
                failed := 0x06
            }
            if iszero(mulOk) {
                failed := 0x07
            }
        }
        if (failed != 0) revert BN254.BN254PrecompileFailed(failed);
    }

    /// @notice Reverting form of {verify}: `ZeroOneProofInvalid()` if an equation fails.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param optionIndex Option index `i`.
    /// @param key Election key `K`.
    /// @param ct Option ciphertext `(α, β)`.
    /// @param proof The option proof.
    function check(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 optionIndex,
        Point memory key,
        Ciphertext memory ct,
        ZeroOneProof memory proof
    ) internal view {
        if (!verify(id, contestIndex, voter, optionIndex, key, ct, proof)) {
            revert ZeroOneProofInvalid();
        }
    }
}
