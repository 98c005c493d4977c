// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";
import {Ciphertext, Point, RangeProof, ZeroOneProof} from "./CryptoTypes.sol";
import {ElGamal} from "./ElGamal.sol";
import {RangeProofVerifier} from "./RangeProofVerifier.sol";
import {ZeroOneProofVerifier} from "./ZeroOneProofVerifier.sol";

/// @title Encrypted contest ballot verifier
/// @notice docs/protocol.md §8: for each option `i` a ciphertext `(αᵢ, βᵢ)` with an option proof
///         (§5.2, `optionIndex = i`) and one selection proof (§5.3) over the aggregate
///         `(A, B) = (Σαᵢ, Σβᵢ)`, computed here and never taken from the prover. Verification
///         one by one (§8.2): (1) §2 on every point and scalar and the array lengths of §5.3.3;
///         (2) each option proof's challenge split and equations (§5.2.3); (3) the aggregate
///         and the selection proof (§5.1.1, §5.1.2).
library ContestBallotVerifier {
    /// @notice Status returned by {verifyStatus} when the selection proof fails.
    uint256 internal constant SELECTION_FAILED = type(uint256).max;

    /// @notice The option proof of option `optionIndex` failed (§5.2.3).
    /// @param optionIndex The first failing option.
    error ContestBallotOptionProofInvalid(uint256 optionIndex);
    /// @notice The selection proof failed (§5.3).
    error ContestBallotSelectionProofInvalid();
    /// @notice The ballot has a different number of option proofs than option ciphertexts.
    /// @param options Number of option ciphertexts.
    /// @param optionProofs Number of option proofs.
    error ContestBallotLengthMismatch(uint256 options, uint256 optionProofs);
    /// @notice The selection rule violates `n ≥ 1`, `0 ≤ minSelections ≤ maxSelections ≤ n` or
    ///         `maxSelections − minSelections + 1 ≤ 32` (§5.3.3, §8.1).
    /// @param minSelections The contest's `minSelections`.
    /// @param maxSelections The contest's `maxSelections`.
    /// @param options The number of options `n`.
    error ContestBallotSelectionRuleInvalid(
        uint256 minSelections,
        uint256 maxSelections,
        uint256 options
    );

    /// @notice Checks the selection rule of §5.3.3/§8.1 and returns the number of branches.
    /// @param minSelections `minSelections`.
    /// @param maxSelections `maxSelections`.
    /// @param options The number of options `n`.
    /// @return count `L = maxSelections − minSelections + 1`.
    function selectionBranches(
        uint256 minSelections,
        uint256 maxSelections,
        uint256 options
    ) internal pure returns (uint256 count) {
        if (
            options == 0 ||
            minSelections > maxSelections ||
            maxSelections > options ||
            maxSelections - minSelections >= RangeProofVerifier.MAX_BRANCHES
        ) {
            revert ContestBallotSelectionRuleInvalid(minSelections, maxSelections, options);
        }
        count = maxSelections - minSelections + 1;
    }

    /// @notice §5.3.3 selection proof over option ciphertexts: selection rule, §2 on `K` and on
    ///         every option ciphertext, proof lengths and §2 on every proof field, then the
    ///         aggregate computed here and §5.1.1–§5.1.2.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param minSelections `lo`.
    /// @param maxSelections `hi`.
    /// @param key Election key `K`.
    /// @param options The option ciphertexts `(αᵢ, βᵢ)`.
    /// @param proof The selection proof.
    /// @return valid False iff the challenge split or an equation fails.
    function verifySelection(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 minSelections,
        uint256 maxSelections,
        Point memory key,
        Ciphertext[] memory options,
        RangeProof memory proof
    ) internal view returns (bool valid) {
        uint256 count = selectionBranches(minSelections, maxSelections, options.length);
        BN254.validatePoint(key);
        uint256 n = options.length;
        for (uint256 i = 0; i < n; ++i) {
            BN254.validatePoint(options[i].alpha);
            BN254.validatePoint(options[i].beta);
        }
        RangeProofVerifier.validateProof(proof, count);
        valid = RangeProofVerifier.verifyValidated(
            id,
            contestIndex,
            voter,
            minSelections,
            maxSelections,
            key,
            ElGamal.aggregate(options),
            proof
        );
    }

    /// @notice Reverting form of {verifySelection}: `RangeProofInvalid()` on a failed equation.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param minSelections `lo`.
    /// @param maxSelections `hi`.
    /// @param key Election key `K`.
    /// @param options The option ciphertexts.
    /// @param proof The selection proof.
    function checkSelection(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 minSelections,
        uint256 maxSelections,
        Point memory key,
        Ciphertext[] memory options,
        RangeProof memory proof
    ) internal view {
        if (
            !verifySelection(
                id,
                contestIndex,
                voter,
                minSelections,
                maxSelections,
                key,
                options,
                proof
            )
        ) {
            revert RangeProofVerifier.RangeProofInvalid();
        }
    }

    /// @notice §8.2 verification of a whole contest ballot; reverts on malformed input (selection
    ///         rule, lengths, BN254 errors) and reports which proof failed.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param minSelections `minSelections`.
    /// @param maxSelections `maxSelections`.
    /// @param key Election key `K`.
    /// @param options The option ciphertexts, `options[i]` for option `i`.
    /// @param optionProofs The option proofs, `optionProofs[i]` for option `i`.
    /// @param selectionProof The selection proof.
    /// @return status `0` if valid, `i + 1` if option `i` is the first failing option proof,
    ///         {SELECTION_FAILED} if only the selection proof fails.
    function verifyStatus(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 minSelections,
        uint256 maxSelections,
        Point memory key,
        Ciphertext[] memory options,
        ZeroOneProof[] memory optionProofs,
        RangeProof memory selectionProof
    ) internal view returns (uint256 status) {
        // §8.2.1: rule, lengths and §2 on everything before any equation, in the order K, then
        // per option (α, β, proof fields), then the selection proof.
        uint256 n = options.length;
        uint256 count = selectionBranches(minSelections, maxSelections, n);
        if (optionProofs.length != n) revert ContestBallotLengthMismatch(n, optionProofs.length);
        BN254.validatePoint(key);
        for (uint256 i = 0; i < n; ++i) {
            ZeroOneProofVerifier.validateFields(options[i], optionProofs[i]);
        }
        RangeProofVerifier.validateProof(selectionProof, count);
        // §8.2.2: option proofs.
        status = _firstFailingOption(id, contestIndex, voter, key, options, optionProofs);
        if (status != 0) return status;
        // §8.2.3: aggregate and selection proof.
        if (
            !RangeProofVerifier.verifyValidated(
                id,
                contestIndex,
                voter,
                minSelections,
                maxSelections,
                key,
                ElGamal.aggregate(options),
                selectionProof
            )
        ) {
            status = SELECTION_FAILED;
        }
    }

    /// @notice Boolean form of {verifyStatus}.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param minSelections `minSelections`.
    /// @param maxSelections `maxSelections`.
    /// @param key Election key `K`.
    /// @param options The option ciphertexts.
    /// @param optionProofs The option proofs.
    /// @param selectionProof The selection proof.
    /// @return valid True iff every proof verifies.
    function verify(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 minSelections,
        uint256 maxSelections,
        Point memory key,
        Ciphertext[] memory options,
        ZeroOneProof[] memory optionProofs,
        RangeProof memory selectionProof
    ) internal view returns (bool valid) {
        valid =
            verifyStatus(
                id,
                contestIndex,
                voter,
                minSelections,
                maxSelections,
                key,
                options,
                optionProofs,
                selectionProof
            ) == 0;
    }

    /// @notice Reverting form: `ContestBallotOptionProofInvalid(i)` for the first failing option
    ///         proof, else `ContestBallotSelectionProofInvalid()` if the selection proof fails.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param minSelections `minSelections`.
    /// @param maxSelections `maxSelections`.
    /// @param key Election key `K`.
    /// @param options The option ciphertexts.
    /// @param optionProofs The option proofs.
    /// @param selectionProof The selection proof.
    function check(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 minSelections,
        uint256 maxSelections,
        Point memory key,
        Ciphertext[] memory options,
        ZeroOneProof[] memory optionProofs,
        RangeProof memory selectionProof
    ) internal view {
        uint256 status = verifyStatus(
            id,
            contestIndex,
            voter,
            minSelections,
            maxSelections,
            key,
            options,
            optionProofs,
            selectionProof
        );
        if (status == SELECTION_FAILED) revert ContestBallotSelectionProofInvalid();
        if (status != 0) revert ContestBallotOptionProofInvalid(status - 1);
    }

    /// @notice §8.2.2 on validated inputs.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param key Election key `K`.
    /// @param options The option ciphertexts.
    /// @param optionProofs The option proofs.
    /// @return status `0` if all hold, else `i + 1` for the first failing option `i`.
    function _firstFailingOption(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        Point memory key,
        Ciphertext[] memory options,
        ZeroOneProof[] memory optionProofs
    ) private view returns (uint256 status) {
        uint256 n = options.length;
        for (uint256 i = 0; i < n; ++i) {
            if (
                !ZeroOneProofVerifier.verifyValidated(
                    id,
                    contestIndex,
                    voter,
                    i,
                    key,
                    options[i],
                    optionProofs[i]
                )
            ) {
                return i + 1;
            }
        }
    }
}
