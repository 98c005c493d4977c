// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";
import {ComplaintProofVerifier} from "./ComplaintProofVerifier.sol";
import {Ciphertext, DleqProof, Point} from "./CryptoTypes.sol";
import {Transcript} from "./Transcript.sol";

/// @title Threshold key ceremony and threshold decryption
/// @notice docs/protocol.md §6–§7: `n` trustees indexed `1 … n`, threshold `k` with
///         `1 ≤ k ≤ n`; trustee indices are the evaluation points of the polynomials, so `0` is
///         never a trustee index.
/// @dev Modular inverses use the modexp precompile `0x05` (`a^(r−2) mod r`, Fermat): under
///      EIP-2565 a 256-bit base/exponent/modulus costs `max(200, 16·253/3) = 1,349` gas plus the
///      call, against roughly 4,000–6,000 gas for ~150 iterations of an extended Euclid loop in
///      the EVM. Montgomery's batch-inversion trick leaves a single inversion per combination.
library Threshold {
    /// @notice Address of the modexp precompile (EIP-198).
    uint256 internal constant MODEXP = 0x05;

    /// @notice `k` and `n` violate `1 ≤ k ≤ n` (§6).
    /// @param trusteeCount `n`.
    /// @param threshold `k`.
    error ThresholdParametersInvalid(uint256 trusteeCount, uint256 threshold);
    /// @notice A commitment list is empty or not a whole number of `k`-coefficient rows.
    /// @param length The number of commitments.
    /// @param threshold `k`.
    error ThresholdCommitmentsLengthInvalid(uint256 length, uint256 threshold);
    /// @notice A trustee index is `0` or exceeds `n` (§6).
    /// @param trustee The offending index.
    error ThresholdTrusteeIndexInvalid(uint256 trustee);
    /// @notice A trustee index appears twice in a Lagrange set (§7.2).
    /// @param trustee The repeated index.
    error ThresholdDuplicateTrustee(uint256 trustee);
    /// @notice Fewer than `k` partial decryptions (§7.2).
    /// @param given The number of trustees given.
    /// @param threshold `k`.
    error ThresholdNotEnoughShares(uint256 given, uint256 threshold);
    /// @notice The trustee and partial-decryption arrays differ in length.
    /// @param trustees Number of trustee indices.
    /// @param partials Number of partial decryptions.
    error ThresholdLengthMismatch(uint256 trustees, uint256 partials);
    /// @notice §7.3: the claimed count `t` fails `tG = B − M` or `0 ≤ t ≤ bound`.
    /// @param claimed The claimed count.
    error ThresholdResultMismatch(uint256 claimed);

    /// @notice §6.6 public share key `K_l = Σᵢ Σⱼ lʲ·C_{i,j}` (so that `s_l·G = K_l`).
    /// @dev Computed as `Σⱼ lʲ·(Σᵢ C_{i,j})` by Horner's rule: `(n − 1)·k + k − 1` ecAdd and
    ///      `k − 1` ecMul. Every commitment is validated by §2.2.
    /// @param commitments All `C_{i,j}`, trustee-major: `commitments[(i − 1)·k + j]`.
    /// @param threshold `k`, the number of coefficients per trustee.
    /// @param trustee `l`, in `1 … n` with `n = commitments.length / k`.
    /// @return key `K_l` (freshly allocated).
    function publicShareKey(
        Point[] memory commitments,
        uint256 threshold,
        uint256 trustee
    ) internal view returns (Point memory key) {
        uint256 length = commitments.length;
        if (threshold == 0 || length == 0 || length % threshold != 0) {
            revert ThresholdCommitmentsLengthInvalid(length, threshold);
        }
        uint256 n = length / threshold;
        if (trustee == 0 || trustee > n) revert ThresholdTrusteeIndexInvalid(trustee);
        for (uint256 t = 0; t < length; ++t) BN254.validatePoint(commitments[t]);
        // column[j] = Σᵢ C_{i,j}
        Point[] memory column = new Point[](threshold);
        for (uint256 j = 0; j < threshold; ++j) {
            Point memory first = commitments[j];
            Point memory sum = Point(first.x, first.y);
            for (uint256 t = threshold + j; t < length; t += threshold) {
                BN254.addAssign(sum, commitments[t]);
            }
            column[j] = sum;
        }
        key = column[threshold - 1];
        for (uint256 j = threshold - 1; j > 0; --j) {
            BN254.mulAddAssign(key, trustee, column[j - 1]);
        }
    }

    /// @notice §6.3 Feldman share check: the share `s` from dealer `i` to recipient `l` is valid
    ///         if and only if `s < r` and `sG = Σⱼ lʲ·C_{i,j}`.
    /// @dev Reverts if `l = 0` or the commitment list is empty, and with the BN254 errors on a
    ///      malformed commitment; an `s ≥ r` makes the share invalid (returns false), it does not
    ///      revert, because §6.4 upholds a complaint on it. Cost: `k` ecMul + `k − 1` ecAdd.
    /// @param dealerCommitments Dealer `i`'s commitments `C_{i,0} … C_{i,k−1}`.
    /// @param recipient Recipient index `l ≥ 1`.
    /// @param share The share `s`.
    /// @return valid True iff the share is valid.
    function verifyShare(
        Point[] memory dealerCommitments,
        uint256 recipient,
        uint256 share
    ) internal view returns (bool valid) {
        uint256 k = dealerCommitments.length;
        if (k == 0) revert ThresholdCommitmentsLengthInvalid(0, 0);
        if (recipient == 0) revert ThresholdTrusteeIndexInvalid(0);
        for (uint256 j = 0; j < k; ++j) BN254.validatePoint(dealerCommitments[j]);
        if (share >= BN254.R) return false;
        Point memory last = dealerCommitments[k - 1];
        Point memory expected = Point(last.x, last.y);
        for (uint256 j = k - 1; j > 0; --j) {
            BN254.mulAddAssign(expected, recipient, dealerCommitments[j - 1]);
        }
        valid = BN254.eq(BN254.mul(BN254.generator(), share), expected);
    }

    /// @notice §6.4 complaint decision: verify §5.6.2 (an invalid proof makes the complaint
    ///         invalid: reverts `ComplaintProofInvalid()`), recompute
    ///         `pad = keccak256(TAG_SHARE_PAD ‖ electionId ‖ i ‖ l ‖ E.x ‖ E.y ‖ D.x ‖ D.y)` and
    ///         `s = σ XOR pad` (§6.2), and uphold iff `s ≥ r` or §6.3 fails.
    /// @param id Election identifier (§3.2).
    /// @param dealer Dealer index `i ≥ 1`.
    /// @param recipient Recipient (complainant) index `l ≥ 1`.
    /// @param dealerCommitments Dealer `i`'s commitments `C_{i,0} … C_{i,k−1}`.
    /// @param recipientKey Recipient key `C_{l,0}`.
    /// @param ephemeral `E` of the encrypted share.
    /// @param masked `σ` of the encrypted share.
    /// @param sharedPoint Revealed `D = a_{l,0}E`.
    /// @param proof The complaint proof of §5.6.
    /// @return upheld True iff dealer `i` cheated; false if the share was good (dismissed).
    function decideComplaint(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point[] memory dealerCommitments,
        Point memory recipientKey,
        Point memory ephemeral,
        uint256 masked,
        Point memory sharedPoint,
        DleqProof memory proof
    ) internal view returns (bool upheld) {
        if (dealer == 0) revert ThresholdTrusteeIndexInvalid(0);
        if (recipient == 0) revert ThresholdTrusteeIndexInvalid(0);
        ComplaintProofVerifier.check(
            id,
            dealer,
            recipient,
            recipientKey,
            ephemeral,
            sharedPoint,
            proof
        );
        uint256 share =
            masked ^ uint256(Transcript.sharePad(id, dealer, recipient, ephemeral, sharedPoint));
        upheld = !verifyShare(dealerCommitments, recipient, share);
    }

    /// @notice §7.2 Lagrange coefficients `λ_l = Π_{m ∈ Q, m ≠ l} m·(m − l)⁻¹ mod r`.
    /// @dev Requires `1 ≤ k ≤ n`, `|Q| ≥ k` and distinct indices in `1 … n`; checked in that
    ///      order. One modexp inversion for the whole set (batch inversion).
    /// @param trustees The set `Q` of trustee indices.
    /// @param trusteeCount `n`.
    /// @param threshold `k`.
    /// @return lambdas `λ_l` for each `trustees[t]`, in the same order.
    function lagrangeCoefficients(
        uint256[] memory trustees,
        uint256 trusteeCount,
        uint256 threshold
    ) internal view returns (uint256[] memory lambdas) {
        if (threshold == 0 || threshold > trusteeCount) {
            revert ThresholdParametersInvalid(trusteeCount, threshold);
        }
        uint256 q = trustees.length;
        if (q < threshold) revert ThresholdNotEnoughShares(q, threshold);
        for (uint256 t = 0; t < q; ++t) {
            uint256 index = trustees[t];
            if (index == 0 || index > trusteeCount) revert ThresholdTrusteeIndexInvalid(index);
            for (uint256 u = 0; u < t; ++u) {
                if (trustees[u] == index) revert ThresholdDuplicateTrustee(index);
            }
        }
        lambdas = new uint256[](q);
        uint256[] memory prefix = new uint256[](q);
        uint256[] memory denominators = new uint256[](q);
        uint256 running = 1;
        for (uint256 t = 0; t < q; ++t) {
            uint256 index = trustees[t];
            uint256 numerator = 1;
            uint256 denominator = 1;
            for (uint256 u = 0; u < q; ++u) {
                if (u == t) continue;
                uint256 m = trustees[u];
                numerator = mulmod(numerator, m, BN254.R);
                // m − l mod r (l = index); indices are below r.
                denominator = mulmod(denominator, addmod(m, BN254.R - index, BN254.R), BN254.R);
            }
            lambdas[t] = numerator;
            denominators[t] = denominator;
            running = mulmod(running, denominator, BN254.R);
            prefix[t] = running;
        }
        // inv = (Π denominators)⁻¹, then peel off one denominator at a time.
        uint256 inv = inverse(running);
        for (uint256 t = q - 1; t > 0; --t) {
            lambdas[t] = mulmod(lambdas[t], mulmod(inv, prefix[t - 1], BN254.R), BN254.R);
            inv = mulmod(inv, denominators[t], BN254.R);
        }
        lambdas[0] = mulmod(lambdas[0], inv, BN254.R);
    }

    /// @notice §7.3 result check: accepts the claimed count `t` iff `tG = B − M` with
    ///         `M = Σ_{l ∈ Q} λ_l·M_l` (§7.2) and `0 ≤ t ≤ bound`; reverts
    ///         `ThresholdResultMismatch(t)` otherwise.
    /// @dev The partial decryptions must already have passed their §5.5 proofs against `K_l`;
    ///      they and `B` are checked here to be points on the curve or `O`. Reverts with the
    ///      §7.2 errors of {lagrangeCoefficients} on a bad trustee set.
    /// @param aggregate Aggregate ciphertext `(A, B)` of the option.
    /// @param trusteeCount `n`.
    /// @param threshold `k`.
    /// @param trustees The set `Q`.
    /// @param partials `M_l` for each `trustees[t]`, in the same order.
    /// @param claimedCount The claimed count `t`.
    /// @param bound The number of eligible voters (§7.4).
    function checkDecryptedCount(
        Ciphertext memory aggregate,
        uint256 trusteeCount,
        uint256 threshold,
        uint256[] memory trustees,
        Point[] memory partials,
        uint256 claimedCount,
        uint256 bound
    ) internal view {
        uint256 q = trustees.length;
        if (partials.length != q) revert ThresholdLengthMismatch(q, partials.length);
        uint256[] memory lambdas = lagrangeCoefficients(trustees, trusteeCount, threshold);
        BN254.validatePointOrIdentity(aggregate.beta);
        for (uint256 t = 0; t < q; ++t) BN254.validatePointOrIdentity(partials[t]);
        if (claimedCount > bound || claimedCount >= BN254.R) {
            revert ThresholdResultMismatch(claimedCount);
        }
        // tG + M, compared with B.
        Point memory total = BN254.mul(BN254.generator(), claimedCount);
        for (uint256 t = 0; t < q; ++t) BN254.addMulAssign(total, partials[t], lambdas[t]);
        if (!BN254.eq(total, aggregate.beta)) revert ThresholdResultMismatch(claimedCount);
    }

    /// @notice Modular inverse `a⁻¹ = a^(r−2) mod r` through the modexp precompile `0x05`.
    /// @dev `a` must be nonzero modulo `r` (returns 0 for 0).
    /// @param a The value to invert.
    /// @return result `a⁻¹ mod r`.
    function inverse(uint256 a) internal view returns (uint256 result) {
        bool ok;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, 0x20)
            mstore(add(m, 0x20), 0x20)
            mstore(add(m, 0x40), 0x20)
            mstore(add(m, 0x60), a)
            mstore(
                add(m, 0x80),
                21888242871839275222246405745257275088548364400416034343698204186575808495615
            )
            mstore(
                add(m, 0xa0),
                21888242871839275222246405745257275088548364400416034343698204186575808495617
            )
            ok := staticcall(gas(), MODEXP, m, 0xc0, m, 0x20)
            result := mload(m)
        }
        if (!ok) revert BN254.BN254PrecompileFailed(MODEXP);
    }
}
