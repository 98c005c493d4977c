// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";
import {Point, SchnorrProof} from "./CryptoTypes.sol";
import {Transcript} from "./Transcript.sol";

/// @title Schnorr proof of knowledge of a coefficient
/// @notice docs/protocol.md §5.4: trustee `i` proves knowledge of `a` with `C = aG`
///         (`C = C_{i,j}`, §6.1). Challenge (§5.4.1)
///         `c = H(TAG_SCHNORR ‖ electionId ‖ i ‖ j ‖ C.x ‖ C.y ‖ h.x ‖ h.y)`;
///         check (§5.4.2): §2 on `C, h, u`, then `uG = h + cC`. Cost: 2 ecMul + 1 ecAdd.
library SchnorrProofVerifier {
    /// @notice The Schnorr equation `uG = h + cC` failed.
    error SchnorrProofInvalid();

    /// @notice §5.4.2 verification (reverts with the BN254 errors on malformed input).
    /// @param id Election identifier (§3.2).
    /// @param trustee Trustee index `i` (1-based).
    /// @param coefficientIndex Coefficient index `j`.
    /// @param commitment Coefficient commitment `C`.
    /// @param proof The proof `(h, u)`.
    /// @return valid True iff `uG = h + cC`.
    function verify(
        bytes32 id,
        uint256 trustee,
        uint256 coefficientIndex,
        Point memory commitment,
        SchnorrProof memory proof
    ) internal view returns (bool valid) {
        BN254.validatePoint(commitment);
        BN254.validatePoint(proof.h);
        BN254.validateScalar(proof.u);
        uint256 c = Transcript.schnorrChallenge(id, trustee, coefficientIndex, commitment, proof.h);
        valid = BN254.mulAddEqG(proof.u, proof.h, c, commitment);
    }

    /// @notice Reverting form of {verify}: `SchnorrProofInvalid()` if the equation fails.
    /// @param id Election identifier (§3.2).
    /// @param trustee Trustee index `i` (1-based).
    /// @param coefficientIndex Coefficient index `j`.
    /// @param commitment Coefficient commitment `C`.
    /// @param proof The proof `(h, u)`.
    function check(
        bytes32 id,
        uint256 trustee,
        uint256 coefficientIndex,
        Point memory commitment,
        SchnorrProof memory proof
    ) internal view {
        if (!verify(id, trustee, coefficientIndex, commitment, proof)) {
            revert SchnorrProofInvalid();
        }
    }
}
