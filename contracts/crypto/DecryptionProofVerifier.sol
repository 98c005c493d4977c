// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";
import {Ciphertext, DleqProof, Point} from "./CryptoTypes.sol";
import {Transcript} from "./Transcript.sol";

/// @title Decryption proof verifier (Chaum–Pedersen)
/// @notice docs/protocol.md §5.5: trustee `i` with public share key `Kᵢ = sᵢG` (§6.6) publishes
///         `Mᵢ = sᵢA` for the aggregate `(A, B)`. Challenge (§5.5.1)
///         `c = H(TAG_DECRYPTION ‖ electionId ‖ contestIndex ‖ optionIndex ‖ i ‖ Kᵢ ‖ A ‖ B ‖
///         Mᵢ ‖ a ‖ b)`; checks (§5.5.2): `Mᵢ` and `b` are `O` if and only if `A` is `O`
///         (otherwise both pass §2.2); `a` passes §2.2; `v < r`; then `vG = a + cKᵢ` and
///         `vA = b + cMᵢ`. Cost: 4 ecMul + 2 ecAdd.
library DecryptionProofVerifier {
    /// @notice An equation of §5.5.2 failed.
    error DecryptionProofInvalid();
    /// @notice §5.5.2 identity rule violated: `Mᵢ` or `b` is `O` while `A` is not, or `A` is
    ///         `O` while `Mᵢ` or `b` is not `(0, 0)`.
    error DecryptionProofIdentityMismatch();

    /// @notice §5.5.2 verification (reverts on malformed input). Order: `Kᵢ` by §2.2; `A`, `B`
    ///         on the curve or `O`; `Mᵢ` on the curve or `O`; `a` by §2.2; `b` on the curve or
    ///         `O`; the identity rule; `v < r`.
    /// @dev `Kᵢ` and `(A, B)` are verifier-computed (§6.6, §5.3.1); they are validated anyway so
    ///      that a bad caller gets a BN254 validation error, never a precompile failure. `Kᵢ = O`
    ///      is rejected: it would mean `sᵢ = 0`, whose partial decryption of an `A ≠ O` is `O`
    ///      and fails the identity rule anyway.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param optionIndex Option index.
    /// @param trustee Trustee index `i` (1-based).
    /// @param shareKey Public share key `Kᵢ`.
    /// @param aggregate Aggregate ciphertext `(A, B)`.
    /// @param partialDecryption Partial decryption `Mᵢ`.
    /// @param proof The proof `(a, b, v)`.
    /// @return valid True iff both equations hold.
    function verify(
        bytes32 id,
        uint256 contestIndex,
        uint256 optionIndex,
        uint256 trustee,
        Point memory shareKey,
        Ciphertext memory aggregate,
        Point memory partialDecryption,
        DleqProof memory proof
    ) internal view returns (bool valid) {
        BN254.validatePoint(shareKey);
        BN254.validatePointOrIdentity(aggregate.alpha);
        BN254.validatePointOrIdentity(aggregate.beta);
        BN254.validatePointOrIdentity(partialDecryption);
        BN254.validatePoint(proof.a);
        BN254.validatePointOrIdentity(proof.b);
        bool aggregateIsIdentity = BN254.isIdentity(aggregate.alpha);
        if (
            BN254.isIdentity(partialDecryption) != aggregateIsIdentity ||
            BN254.isIdentity(proof.b) != aggregateIsIdentity
        ) {
            revert DecryptionProofIdentityMismatch();
        }
        BN254.validateScalar(proof.v);
        uint256 c = Transcript.decryptionChallenge(
            id,
            contestIndex,
            optionIndex,
            trustee,
            shareKey,
            aggregate,
            partialDecryption,
            proof.a,
            proof.b
        );
        valid =
            BN254.mulAddEqG(proof.v, proof.a, c, shareKey) &&
            BN254.mulAddEq(aggregate.alpha, proof.v, proof.b, c, partialDecryption);
    }

    /// @notice Reverting form of {verify}: `DecryptionProofInvalid()` if an equation fails.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param optionIndex Option index.
    /// @param trustee Trustee index `i` (1-based).
    /// @param shareKey Public share key `Kᵢ`.
    /// @param aggregate Aggregate ciphertext `(A, B)`.
    /// @param partialDecryption Partial decryption `Mᵢ`.
    /// @param proof The proof `(a, b, v)`.
    function check(
        bytes32 id,
        uint256 contestIndex,
        uint256 optionIndex,
        uint256 trustee,
        Point memory shareKey,
        Ciphertext memory aggregate,
        Point memory partialDecryption,
        DleqProof memory proof
    ) internal view {
        if (
            !verify(
                id,
                contestIndex,
                optionIndex,
                trustee,
                shareKey,
                aggregate,
                partialDecryption,
                proof
            )
        ) {
            revert DecryptionProofInvalid();
        }
    }
}
